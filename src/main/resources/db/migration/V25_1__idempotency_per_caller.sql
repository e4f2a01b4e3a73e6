-- An Idempotency-Key is the caller's own: unique per submitter, not across all callers, so that no caller can take a
-- key another one will use (an intake form's keys are predictable) and leave that one with 409 for ever. The
-- assessment writer's insert names this constraint's columns in its ON CONFLICT.
alter table assessments drop constraint assessments_idempotency_key_key;
alter table assessments add constraint assessments_idempotency_key_per_submitter unique (submitted_by, idempotency_key);
