-- Need-to-know (IncidentAccess): who may see an incident. The team is kept here, not derived from the engine at
-- every request, so lists filter in one query.
--   reported_by: the user who reported it (sees id, status and severity only)
--   restricted:  insider, HR or legal matter: only NAMED members, the IR lead and administrators see it
alter table incident add column reported_by varchar(200);
alter table incident add column restricted boolean default false not null;

-- principal_type GROUP or USER; reason ENGAGED (the escalation policy engaged the group), WORKED (the user was
-- assigned or completed one of its tasks) or NAMED (the IR lead added the user to the team).
create table incident_team (
  incident_id    varchar(20)  not null references incident (id),
  principal_type varchar(5)   not null,
  principal_id   varchar(200) not null,
  reason         varchar(8)   not null,
  added_by       varchar(200),
  added_at       timestamp with time zone not null,
  primary key (incident_id, principal_type, principal_id, reason)
);
create index incident_team_principal_idx on incident_team (principal_type, principal_id);

-- incidents reported before this version: their reporter and those who completed their tasks, from the timeline
update incident set reported_by = (select min(e.actor) from incident_event e
  where e.incident_id = incident.id and e.type = 'REPORTED');
insert into incident_team (incident_id, principal_type, principal_id, reason, added_at)
  select e.incident_id, 'USER', e.actor, 'WORKED', min(e.occurred_at)
  from incident_event e where e.type = 'TASK_COMPLETED' and e.actor is not null
  group by e.incident_id, e.actor;
