package org.irfoundation.response.actions;

/** Isolate a host from the network, release it, snapshot its disks as evidence. */
public interface HostActions extends ActionPort {}
