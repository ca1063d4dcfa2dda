package org.irfoundation.response.actions;

/** Open a case with the cloud provider's incident response team. */
public interface ProviderCase extends ActionPort {}
