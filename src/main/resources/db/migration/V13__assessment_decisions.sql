-- The decision part of each stored answer (no explanation, request or alternatives), kept by PostgreSQL next to the
-- answer: evaluating thousands of stored assessments again (a draft's impact) reads this, not the whole answer.
alter table assessments
    add column decision jsonb generated always as (answer::jsonb - 'explanation' - 'request' - 'alternatives') stored;
