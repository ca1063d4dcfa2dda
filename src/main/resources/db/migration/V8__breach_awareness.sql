-- When a responder, an alert or the report first recorded that personal data is involved: the data-breach
-- playbook runs from then on (once per incident), and its clocks count from this moment.
alter table incident add column breach_aware_at timestamp with time zone;
