package org.irfoundation.response.actions;

/** Disable a user, revoke sessions, reset MFA, deactivate an access key (and undo what can be undone). */
public interface IdentityActions extends ActionPort {}
