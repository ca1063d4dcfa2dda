package org.irfoundation.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The e-mail notice settings ({@code irf.mail.*}): SMTP when enabled, else the built-in notice log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

  public static final String ENABLED = "irf.mail.enabled";
}
