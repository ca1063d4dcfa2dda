-- The 8-week rollout program (ir-rollout): one row per program, its team, its deliverables (stored like
-- evidence: content in the evidence store, only location and SHA-256 here), each gate's measurement, the
-- approvals that name deployed versions, and the training results.
create table rollout (
  id                   varchar(20)   primary key,           -- RO-yyyy-nnnn, the process business key
  organisation         varchar(200)  not null,
  sponsor              varchar(64)   not null,              -- Camunda user id of the executive sponsor
  program_owner        varchar(64)   not null,              -- Camunda user id
  start_date           date          not null,
  process_instance_id  varchar(64),
  created_at           timestamp with time zone not null,
  created_by           varchar(64)
);

create table rollout_counter (
  counter_year  integer primary key,
  last_number   integer not null
);

create table rollout_member (
  rollout_id       varchar(20)  not null references rollout (id),
  user_id          varchar(64)  not null,
  group_id         varchar(64)  not null,
  named_at         timestamp with time zone not null,
  acknowledged_at  timestamp with time zone,
  primary key (rollout_id, user_id, group_id)
);

create table rollout_deliverable (
  id           varchar(36)   primary key,
  rollout_id   varchar(20)   not null references rollout (id),
  week         integer       not null,
  name         varchar(200)  not null,
  file_name    varchar(255),
  content_type varchar(100),
  location     varchar(500)  not null,
  size_bytes   bigint        not null,
  sha256       varchar(64)   not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(64)
);
create index rollout_deliverable_by_rollout on rollout_deliverable (rollout_id, week);

create table rollout_gate (
  rollout_id   varchar(20)  not null references rollout (id),
  week         integer      not null,
  attempt      integer      not null,
  measured_at  timestamp with time zone not null,
  passed       boolean      not null,
  metrics      text         not null,                     -- JSON: [{name, target, measured, met, reason}]
  primary key (rollout_id, week, attempt)
);

-- An approval that names what it approved as deployed then (the IR plan's decisions, a playbook's version), so a
-- later deployment is flagged.
create table rollout_approval (
  rollout_id      varchar(20)   not null references rollout (id),
  subject         varchar(100)  not null,                 -- e.g. plan:incident-severity, review:playbook-data-breach:legal
  definition_key  varchar(100)  not null,
  definition_id   varchar(100)  not null,
  version         integer       not null,
  approved_by     varchar(64),
  approved_at     timestamp with time zone not null,
  comment         varchar(4000),
  primary key (rollout_id, subject)
);

create table rollout_training (
  rollout_id      varchar(20)  not null references rollout (id),
  user_id         varchar(64)  not null,
  role            varchar(64)  not null,
  attempt         integer      not null,
  score_percent   integer      not null,
  passed          boolean      not null,
  taken_at        timestamp with time zone not null,
  certificate_id  varchar(36),                            -- rollout_deliverable.id of the certificate
  primary key (rollout_id, user_id, attempt)
);
