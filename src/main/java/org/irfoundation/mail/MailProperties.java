package org.irfoundation.mail;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code irf.mail.*}: e-mail notices over SMTP (the server itself is {@code spring.mail.*}, its password from
 * {@code IRF_SMTP_PASSWORD}). Off by default: notices then go to the built-in notice log only.
 *
 * @param recipients extra addresses per recipient group, for people who are no Camunda users
 *     (e.g. {@code regulator: [breach@dpa.example]}), added to the group members' addresses
 */
@ConfigurationProperties("irf.mail")
public record MailProperties(@DefaultValue("false") boolean enabled,
    @DefaultValue("ir-foundation@localhost") String from, @DefaultValue("[IR] ") String subjectPrefix,
    Map<String, List<String>> recipients) {

  public List<String> extraRecipients(String group) {
    return recipients == null ? List.of() : recipients.getOrDefault(group, List.of());
  }
}
