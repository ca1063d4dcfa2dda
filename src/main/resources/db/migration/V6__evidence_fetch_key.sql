-- Evidence a process step fetched from a URL ("Store evidence", StoreEvidenceDelegate) carries the key of that
-- step's job: incident, activity id and job id, the same for every retry of the job. A retried job finds the item an
-- earlier attempt stored instead of storing a second one; the unique index also stops two nodes that ran the same
-- job at once. Null for uploads (any number of nulls is allowed).
alter table evidence add column fetch_key varchar(400);
create unique index evidence_fetch_key_uq on evidence (fetch_key);
