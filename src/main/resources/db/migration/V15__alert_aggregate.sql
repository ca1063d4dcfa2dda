-- Alert storms: the repeats of a fingerprint are folded into one row per incident and fingerprint (its count, first
-- and last seen, the newest alert) and one timeline entry; only the first irf.intake.alerts.raw-sample alerts of
-- each are kept whole in table alert.
create table alert_aggregate (
  incident_id       varchar(20)  not null references incident (id),
  fingerprint       varchar(200) not null,
  alert_count       bigint       not null,                -- every accepted alert, kept whole or not
  first_seen        timestamp with time zone not null,    -- earliest and latest observedAt
  last_seen         timestamp with time zone not null,
  first_received_at timestamp with time zone not null,
  last_received_at  timestamp with time zone not null,
  indicators        text,                                 -- what this fingerprint added to the incident (JSON)
  last_source       varchar(100),                         -- the newest alert, replaced by each one
  last_category     varchar(32),
  last_title        varchar(200),
  last_observed_at  timestamp with time zone,
  last_indicators   text,
  last_details      text,
  event_id          bigint,                               -- its one entry on the timeline (incident_event.id)
  primary key (incident_id, fingerprint)
);
create index alert_aggregate_event_idx on alert_aggregate (event_id);

-- the place of a kept alert among its fingerprint's (1 = the first); null for alerts kept before V15
alter table alert add column sequence bigint;

-- the alerts received before: counted as they are (their rows and timeline entries stay)
insert into alert_aggregate (incident_id, fingerprint, alert_count, first_seen, last_seen, first_received_at,
  last_received_at, last_source, last_category, last_title, last_observed_at, last_indicators, last_details)
select g.incident_id, g.fingerprint, g.n, g.first_seen, g.last_seen, g.first_received, g.last_received, l.source,
  l.category, l.title, l.observed_at, l.indicators, l.details
from (select incident_id, fingerprint, count(*) as n, min(observed_at) as first_seen, max(observed_at) as last_seen,
        min(received_at) as first_received, max(received_at) as last_received, max(id) as last_id
      from alert group by incident_id, fingerprint) g
join alert l on l.id = g.last_id;

-- the timeline newest first, a page at a time
create index incident_event_incident_id_idx on incident_event (incident_id, id);
