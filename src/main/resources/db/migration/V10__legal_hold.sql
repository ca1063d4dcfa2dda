-- Legal hold (org.irfoundation.evidence.LegalHolds): at most one per incident. While released_at is null the
-- incident's evidence may not be released from custody; the hold outlives the incident until legal releases it.
-- Placing it again after a release places it anew in the same row (the timeline keeps every placing and release).
create table legal_hold (
  incident_id    varchar(20)   primary key references incident (id),
  placed_at      timestamp with time zone not null,
  placed_by      varchar(200),                        -- a user, or process:<key> when a process step placed it
  reason         varchar(2000) not null,
  custodians     text          not null,              -- comma-separated: Camunda groups and e-mail addresses
  released_at    timestamp with time zone,
  released_by    varchar(200),
  release_reason varchar(4000)
);
