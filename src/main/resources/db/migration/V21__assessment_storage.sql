-- What storing an assessment costs PostgreSQL (bench/README.md, "The insert"): with pgbench (one client, synchronous
-- commit off) the insert took 1.12 ms, of which the generated decision column (V13: the 13 KB answer parsed into
-- jsonb for every insert) about 0.45 ms, compressing the answer with pglz about 0.16 ms and validating it as json
-- about 0.11 ms; after this migration 0.40 ms.
--
-- decision: now written by the service (dk.kk.itassessment.assessment.RecordedDecisions.column) in the same
-- insert, from the same answer; assessment_decision() stays, and the tests check both agree for stored assessments.
-- Rows stored so far keep the values V13 computed.
alter table assessments alter column decision drop expression;
alter table assessments alter column decision set not null;

-- answer: text, stored out of line without compression. It is our own serialiser's output, read back as it was
-- written; parsing it as json on the way in only cost time. A stored answer takes about 13 KB instead of 6 KB.
alter table assessments alter column answer type text;
alter table assessments alter column answer set storage external;

-- The small jsonb columns (about 0.7 KB each) stay in the row uncompressed: with the default storage PostgreSQL
-- compressed them first, trying to fit the 15 KB row into 2 KB, before it moved the answer out. With these, the
-- answer goes out of line and the rest (about 2.5 KB) fits the target.
alter table assessments alter column request set storage main;
alter table assessments alter column lookups set storage main;
alter table assessments alter column decision set storage main;
alter table assessments set (toast_tuple_target = 4080);
