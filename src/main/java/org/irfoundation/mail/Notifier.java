package org.irfoundation.mail;

/**
 * Sends notices to groups of responders (port). The built-in notice log is the default; SMTP (Spring Mail)
 * comes later. A notice whose idempotency key was sent before is not sent again.
 */
public interface Notifier {

  void notify(Notice notice);
}
