package org.irfoundation.reporting;

import java.time.Instant;

/** A final report as stored: its PDF in the evidence store ({@code location}), with the SHA-256 of those bytes. */
public record StoredReport(String id, String incidentId, ReportRequest.Kind kind, String title, String mediaType,
    String location, long size, String sha256, Instant createdAt, String createdBy) {}
