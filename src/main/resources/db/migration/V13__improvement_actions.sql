-- The lessons of post-incident reviews as tracked work (response.ImprovementActions): one row per lesson, with what
-- it changes (a playbook, a decision, training or other), its owner and due date. Each has its improvement-action
-- process instance; it stays OPEN until its owner records it DONE with the outcome, whether or not the incident is
-- closed. Lessons that name a playbook are what its next review sees as pending.
create table improvement_action (
  id                  varchar(40)   primary key,             -- <incident id>-L<n>: INC-2026-0003-L1
  incident_id         varchar(20)   not null references incident (id),
  lesson              varchar(500)  not null,
  changes_kind        varchar(16)   not null,               -- playbook | decision | training | other
  changes_ref         varchar(200),                         -- the playbook or decision key; what, for training/other
  owner               varchar(64)   not null,               -- Camunda user id
  due_date            date          not null,
  status              varchar(8)    not null,               -- OPEN | DONE
  created_at          timestamp with time zone not null,
  created_by          varchar(64),
  done_at             timestamp with time zone,
  done_by             varchar(64),
  outcome             varchar(4000),
  process_instance_id varchar(64),
  constraint ck_improvement_action_status check (status in ('OPEN', 'DONE')),
  constraint ck_improvement_action_kind check (changes_kind in ('playbook', 'decision', 'training', 'other'))
);

create index ix_improvement_action_incident on improvement_action (incident_id);
create index ix_improvement_action_changes on improvement_action (changes_kind, changes_ref, status);
