-- The notification obligations of an incident (Obligations, dmn/notification-obligations.dmn): one row per
-- obligation the table found, with its clock, its determination and its filing. Each has its regulatory-notification
-- process instance; this is what the API and the IR lead read.
create table obligation (
  incident_id           varchar(20)   not null references incident (id),
  code                  varchar(32)   not null,
  regulation            varchar(200)  not null,
  recipient             varchar(200),
  audience              varchar(32),
  clock_start           varchar(16)   not null,          -- awareness | determined | filed
  determination         varchar(16),                     -- risk | high-risk | significant | major | material
  starts_after          varchar(32),                     -- the code whose filing starts the clock
  deadline              varchar(16)   not null,
  deadline_kind         varchar(16)   not null,
  deadline_cap          varchar(16),
  calendar              varchar(16),
  status                varchar(24)   not null,          -- AWAITING_DETERMINATION | DUE | FILED | NOT_TRIGGERED
  worst_case_due_at     timestamp with time zone,        -- before the clock starts: the earliest it could be due
  clock_started_at      timestamp with time zone,
  due_at                timestamp with time zone,
  determined_at         timestamp with time zone,
  determined_by         varchar(200),
  determination_reasons varchar(4000),
  filing_reference      varchar(400),
  filed_at              timestamp with time zone,
  filed_in_time         boolean,
  late_reasons          varchar(4000),
  closed_reason         varchar(4000),
  process_instance_id   varchar(64),
  created_at            timestamp with time zone not null,
  primary key (incident_id, code)
);

-- What is known of the people and data concerned, as the report, alerts and the breach's scoping said it (JSON):
-- the facts the obligations table reads.
alter table incident add column data_scope text;
