package org.irfoundation.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.ExerciseRouting;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Notices by e-mail (SMTP through Spring Mail; {@code irf.mail.enabled=true}). Recipients of a group: the
 * e-mail addresses of the Camunda users in it, plus {@code irf.mail.recipients.<group>}; plus the notice's own
 * addresses. Every notice is also kept in the notice log, which is the record that it was sent: a notice whose
 * key is there is not sent again (a retried job). An unreachable server is retried; a refused login or address
 * is a configuration error. An exercise's notices come with the participants' addresses only
 * ({@link NoticeService}).
 */
@Component
@ConditionalOnProperty(name = MailConfiguration.ENABLED, havingValue = "true")
public class SmtpNotifier implements Notifier {

  static final String SYSTEM = "SMTP";

  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final MailProperties properties;
  private final BuiltinNoticeLog log;

  public SmtpNotifier(JavaMailSender mailSender, IdentityService identityService, MailProperties properties,
      JdbcClient jdbc) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.properties = properties;
    this.log = new BuiltinNoticeLog(jdbc);
  }

  @Override
  public void notify(Notice notice) {
    if (log.find(notice.idempotencyKey()).isPresent()) {
      return;
    }
    List<String> to = recipients(notice);
    if (to.isEmpty()) {
      throw new ConnectorConfigurationException(SYSTEM, 0, "no e-mail address for " + notice.recipientGroups()
          + ": give the groups' Camunda users an e-mail address (Admin) or set irf.mail.recipients.<group>");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(to.toArray(String[]::new));
    message.setSubject(subject(notice.subject()));
    message.setText(notice.body());
    try {
      mailSender.send(message);
    } catch (MailAuthenticationException e) {
      throw new ConnectorConfigurationException(SYSTEM, 0, "the SMTP server refused the login: check "
          + "spring.mail.username and IRF_SMTP_PASSWORD (" + e.getMessage() + ")");
    } catch (MailParseException e) {
      throw new ConnectorConfigurationException(SYSTEM, 0, "an address is not valid: check irf.mail.from and "
          + "the recipients' e-mail addresses (" + e.getMessage() + ")");
    } catch (MailException e) {
      throw new ConnectorUnavailableException(SYSTEM, 0, "the SMTP server did not take the notice \""
          + notice.subject() + "\": " + e.getMessage(), e);
    }
    log.notify(notice);
  }

  /** The configured prefix before the subject, after an exercise's mark: "[EXERCISE] [IR] ...". */
  String subject(String subject) {
    return ExerciseRouting.isMarked(subject)
        ? ExerciseRouting.MARK + properties.subjectPrefix() + subject.substring(ExerciseRouting.MARK.length())
        : properties.subjectPrefix() + subject;
  }

  /** Group members' addresses, configured extra addresses and the notice's own, each once, in that order. */
  List<String> recipients(Notice notice) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : notice.recipientGroups()) {
      for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail().trim());
        }
      }
      addresses.addAll(properties.extraRecipients(group));
    }
    addresses.addAll(notice.recipientAddresses());
    return new ArrayList<>(addresses);
  }
}
