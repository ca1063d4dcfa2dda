package org.irfoundation.response.actions;

/**
 * The request an adapter sends (or, in an exercise, would have sent), without credentials: the API operation,
 * where it goes and its body, e.g. {@code UpdateAccessKey}, {@code https://iam.amazonaws.com},
 * {@code UserName=j.doe&AccessKeyId=AKIA...&Status=Inactive}. It goes on the incident's timeline.
 */
public record ActionCall(String operation, String endpoint, String body) {}
