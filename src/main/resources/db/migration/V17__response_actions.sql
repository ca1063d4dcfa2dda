-- Response actions the playbooks sent (org.irfoundation.response.actions.ActionLedger): one row per sent action,
-- keyed by the step's job (incident, activity, job id), which is the same for every retry of that job. A retry
-- after a crash finds the row and does not send again; no credentials here, only what the timeline shows too.
create table response_action (
  action_key   varchar(400)  primary key,
  incident_id  varchar(20)   not null references incident (id),
  action_name  varchar(40)   not null,
  target       varchar(400)  not null,
  system_name  varchar(100)  not null,
  operation    varchar(200)  not null,
  endpoint     varchar(500),
  request_body varchar(2000),
  answer       varchar(2000),
  refs         varchar(2000),
  changed      boolean       not null,
  recorded_at  timestamp with time zone not null
);
create index response_action_incident_idx on response_action (incident_id, recorded_at);
