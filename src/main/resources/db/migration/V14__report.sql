-- Final reports (post-incident, simulation), stored as deliverables: the rendered PDF is written once to the
-- evidence store; here only its location and SHA-256, so what was handed over can be checked later. One final
-- report per incident and kind.
create table report (
  id           varchar(36)   primary key,
  incident_id  varchar(32)   not null,
  kind         varchar(16)   not null,              -- INCIDENT or SIMULATION
  title        varchar(500)  not null,
  media_type   varchar(100)  not null,
  location     varchar(500)  not null,
  size_bytes   bigint        not null,
  sha256       varchar(64)   not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(64),
  constraint report_one_final unique (incident_id, kind)
);
create index report_incident on report (incident_id);
