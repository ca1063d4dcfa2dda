package org.irfoundation.templates;

/** A rendered template: its first line {@code Subject: ...} and the text after the blank line. */
public record RenderedMessage(String subject, String body) {}
