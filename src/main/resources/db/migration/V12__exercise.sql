-- Exercise mode: an incident reported by an exercise is marked, so that nothing reaches the outside by mistake
-- (tickets, chat and mail are routed to the exercise's places and people) and it is kept apart in lists and metrics.
alter table incident add column exercise boolean default false not null;

-- One row per exercise run (ir-exercise): the scenario, how it runs, the incident it reported.
create table exercise (
  id               varchar(20)   primary key,            -- EX-yyyy-nnnn, the ir-exercise business key
  scenario         varchar(100)  not null,
  mode             varchar(16)   not null,               -- TABLETOP | TECHNICAL
  time_compression integer       not null,               -- 1 = real time; 12 = a 72 h scenario in 6 h
  incident_id      varchar(20)   references incident (id),
  rollout_id       varchar(20)   references rollout (id),  -- when it is the rollout's week-7/8 simulation
  process_instance_id varchar(64),
  started_at       timestamp with time zone not null,
  started_by       varchar(64),
  ended_at         timestamp with time zone
);

create table exercise_counter (
  counter_year  integer primary key,
  last_number   integer not null
);

create table exercise_participant (
  exercise_id  varchar(20)  not null references exercise (id),
  user_id      varchar(64)  not null,
  primary key (exercise_id, user_id)
);
