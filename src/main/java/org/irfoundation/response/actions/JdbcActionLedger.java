package org.irfoundation.response.actions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@link ActionLedger} in the app's database (table {@code response_action}, V17). */
@Repository
public class JdbcActionLedger implements ActionLedger {

  private final JdbcClient jdbc;
  private final TransactionTemplate own;

  public JdbcActionLedger(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transaction.getTransactionManager());
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<ActionOutcome> sent(String actionKey) {
    return jdbc.sql("select * from response_action where action_key = ?").param(actionKey)
        .query((rs, n) -> new ActionOutcome(rs.getString("system_name"),
            new ActionCall(rs.getString("operation"), rs.getString("endpoint"), rs.getString("request_body")),
            rs.getString("answer"), references(rs.getString("refs")), rs.getBoolean("changed")))
        .optional();
  }

  @Override
  public void record(String actionKey, ActionRequest request, ActionOutcome outcome) {
    ActionCall call = outcome.call() == null ? new ActionCall("?", null, null) : outcome.call();
    own.executeWithoutResult(status -> jdbc.sql("""
        insert into response_action (action_key, incident_id, action_name, target, system_name, operation, endpoint,
          request_body, answer, refs, changed, recorded_at)
        values (:key, :incident, :action, :target, :system, :operation, :endpoint, :body, :answer, :refs, :changed, :at)""")
        .param("key", actionKey).param("incident", request.incidentId()).param("action", request.action().name())
        .param("target", clip(request.target(), 400)).param("system", clip(outcome.system(), 100))
        .param("operation", clip(call.operation(), 200)).param("endpoint", clip(call.endpoint(), 500))
        .param("body", clip(call.body(), 2000)).param("answer", clip(outcome.answer(), 2000))
        .param("refs", clip(String.join(",", outcome.references()), 2000)).param("changed", outcome.changed())
        .param("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
        .update());
  }

  private static List<String> references(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
