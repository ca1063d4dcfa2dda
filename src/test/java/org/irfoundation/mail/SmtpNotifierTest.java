package org.irfoundation.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E-mail notices over SMTP (GreenMail): recipients from Camunda groups and settings, subject, body, no duplicates. */
class SmtpNotifierTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  /** Camunda users per group, as the identity service answers a member-of-group query. */
  final Map<String, List<User>> members = new HashMap<>();
  final IdentityService identity = mock(IdentityService.class);
  SmtpNotifier notifier;

  @BeforeEach
  void setUp() {
    db.insertIncident("INC-2026-0001");
    members.put("legal", List.of(user("alice", "alice@example.com"), user("bob", "bob@example.com"),
        user("carol", null))); // carol has no address: skipped
    members.put("executive", List.of(user("dave", "dave@example.com")));
    when(identity.createUserQuery()).thenAnswer(call -> memberQuery());
    notifier = notifier(ServerSetupTest.SMTP.getPort());
  }

  UserQuery memberQuery() {
    UserQuery query = mock(UserQuery.class, RETURNS_SELF);
    String[] group = new String[1];
    when(query.memberOfGroup(anyString())).thenAnswer(call -> {
      group[0] = call.getArgument(0);
      return query;
    });
    when(query.list()).thenAnswer(call -> members.getOrDefault(group[0], List.of()));
    return query;
  }

  static User user(String id, String email) {
    UserEntity user = new UserEntity(id);
    user.setEmail(email);
    return user;
  }

  SmtpNotifier notifier(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "1000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "1000");
    return new SmtpNotifier(sender, identity, new MailProperties(true, "ir@example.com", "[IR] ",
        Map.of("legal", List.of("outside-counsel@lawfirm.example"))), db.jdbc);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  static List<String> to(MimeMessage message) throws Exception {
    return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
  }

  @Test
  void aGroupNoticeGoesToItsMembersAndConfiguredAddressesOnce() throws Exception {
    Notice notice = new Notice("INC-2026-0001", List.of("legal", "executive"), "LEGAL HOLD: preserve all records",
        "Preserve everything about INC-2026-0001.\nConfirm within 15 min.", "INC-2026-0001:LEGAL_HOLD:Task_X:pi-1",
        List.of("dpo@example.com"));

    notifier.notify(notice);
    notifier.notify(notice); // a retried job

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(5); // one message, five recipients (GreenMail keeps one copy per recipient)
    MimeMessage mail = received[0];
    assertThat(to(mail)).containsExactly("alice@example.com", "bob@example.com", "outside-counsel@lawfirm.example",
        "dave@example.com", "dpo@example.com");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("ir@example.com");
    assertThat(mail.getSubject()).isEqualTo("[IR] LEGAL HOLD: preserve all records");
    assertThat(GreenMailUtil.getBody(mail)).contains("Preserve everything about INC-2026-0001.", "Confirm within 15 min.");
    assertThat(db.count("notice_log")).isOne();
  }

  @Test
  void aGroupWithoutAddressesIsAConfigurationError() {
    Notice notice = new Notice("INC-2026-0001", List.of("communications"), "s", "b", "k-1");
    assertThatThrownBy(() -> notifier.notify(notice)).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("no e-mail address for [communications]").hasMessageContaining("irf.mail.recipients");
    assertThat(db.count("notice_log")).isZero();
  }

  @Test
  void anUnreachableServerIsATechnicalFailureAndNothingIsLogged() {
    Notice notice = new Notice("INC-2026-0001", List.of("executive"), "Executive brief", "b", "k-2");
    assertThatThrownBy(() -> notifier(1).notify(notice)).isInstanceOf(ConnectorUnavailableException.class)
        .hasMessageContaining("the SMTP server did not take the notice \"Executive brief\"");
    assertThat(db.count("notice_log")).isZero();
  }
}
