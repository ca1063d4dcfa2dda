package org.irfoundation.engine;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Compresses the timers of an exercise's process instances: a tabletop runs a 72-hour scenario in an afternoon with
 * every reminder, escalation and deadline of the real playbooks coming at the same relative moments. For each timer of
 * every deployed process, the value its definition resolves to (duration, cycle or date) is divided by the factor
 * the {@link Factor} bean gives for the instance's business key (the incident id); 1 leaves it as modelled.
 */
@Component
public class TimerCompression extends AbstractProcessEnginePlugin {

  /** How much faster the instances of a business key run (1: real time). */
  public interface Factor {
    int of(String businessKey);
  }

  private static final Pattern DURATION_PART = Pattern.compile("P(?:\\d+[YMWD])*(?:T[\\d.]+[HMS](?:[\\d.]+[MS])*"
      + "(?:[\\d.]+S)?)?");

  private final ObjectProvider<Factor> factor;

  public TimerCompression(ObjectProvider<Factor> factor) {
    this.factor = factor;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        compressTimersOf(process);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void compressTimersOf(ScopeImpl scope) {
    for (TimerDeclarationImpl timer : TimerDeclarationImpl.getDeclarationsForScope(scope).values()) {
      wrap(timer);
    }
    for (Map<String, TimerDeclarationImpl> byTask : TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(scope)
        .values()) {
      byTask.values().forEach(this::wrap);
    }
    for (ActivityImpl activity : scope.getActivities()) {
      compressTimersOf(activity);
    }
  }

  private void wrap(TimerDeclarationImpl timer) {
    try {
      Field description = TimerDeclarationImpl.class.getDeclaredField("description");
      description.setAccessible(true);
      Expression original = (Expression) description.get(timer);
      if (!(original instanceof Compressed)) {
        description.set(timer, new Compressed(original));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the engine's timer declaration changed: exercise time compression needs its"
          + " 'description' field", e);
    }
  }

  int factorOf(VariableScope scope) {
    Factor known = factor.getIfAvailable();
    if (known == null || !(scope instanceof DelegateExecution execution)) {
      return 1;
    }
    String businessKey = execution.getProcessBusinessKey();
    return businessKey == null ? 1 : Math.max(1, known.of(businessKey));
  }

  /** The timer value divided by {@code factor}: durations and cycles shrink, dates move closer to now. */
  public static Object compress(Object value, int factor, Instant now) {
    if (factor <= 1 || value == null) {
      return value;
    }
    if (value instanceof Date date) {
      return Date.from(closer(date.toInstant(), factor, now));
    }
    String text = value.toString().trim();
    try {
      return closer(Instant.parse(text), factor, now).toString();
    } catch (DateTimeParseException notAnInstant) {
      // a duration or a cycle (R3/PT1H, R/2026-12-01T10:00:00Z/PT1H)
    }
    if (!text.startsWith("P") && !text.startsWith("R")) {
      return value; // a cron expression or an ISO date with a zone offset: as modelled
    }
    Matcher matcher = DURATION_PART.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      if (matcher.group().length() > 1) {
        matcher.appendReplacement(out, divided(matcher.group(), factor).toString());
      }
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static Duration divided(String isoDuration, int factor) {
    int time = isoDuration.indexOf('T');
    Duration total = Duration.ZERO;
    String datePart = time < 0 ? isoDuration : isoDuration.substring(0, time);
    if (datePart.length() > 1) {
      Period period = Period.parse(datePart);
      total = total.plusDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
    }
    if (time >= 0) {
      total = total.plus(Duration.parse("P" + isoDuration.substring(time)));
    }
    Duration shorter = total.dividedBy(factor);
    return shorter.isZero() ? Duration.ofSeconds(1) : shorter;
  }

  /** {@code at}, {@code factor} times closer to {@code from} when it lies after it; else as it is. */
  public static Instant closer(Instant at, int factor, Instant from) {
    return at.isAfter(from) ? from.plus(Duration.between(from, at).dividedBy(factor)) : at;
  }

  private final class Compressed implements Expression {
    private final Expression original;

    Compressed(Expression original) {
      this.original = original;
    }

    @Override
    public Object getValue(VariableScope scope) {
      Object value = original.getValue(scope);
      int by = factorOf(scope);
      return by == 1 ? value : compress(value, by, EngineClock.now());
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      original.setValue(value, scope);
    }

    @Override
    public String getExpressionText() {
      return original.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return false; // evaluated for each instance: its factor may differ
    }
  }
}
