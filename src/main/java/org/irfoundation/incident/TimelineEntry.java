package org.irfoundation.incident;

import java.time.Instant;

/** One entry of an incident's timeline; {@code actor} is the user, or null for the process itself. */
public record TimelineEntry(Instant at, TimelineEvent type, String actor, String detail) {}
