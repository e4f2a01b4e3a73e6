-- Every decision is stored with what it needs to be explained and evaluated again: the request as received,
-- the look-up results (with the date they were made on), and the fingerprint of the rule set that decided.
-- The answer is kept as the text it was given in (json, not jsonb: its field order is the contract's), so a
-- stored assessment reads back exactly as it was answered.
create table assessments (
    id                  uuid primary key,
    assessed_at         timestamptz not null,
    route               text not null,
    institution_key     text not null,          -- the requester's institution, normalised, for the list filter
    requester_email     text not null,
    request             jsonb not null,         -- the request as received
    lookups             jsonb not null,         -- portfolio and supplier matches, alternatives, the date
    answer              json not null,          -- the answer as given (201 body)
    ruleset_version     text not null,
    ruleset_fingerprint text not null check (ruleset_fingerprint like 'sha256:%'),
    idempotency_key     text unique,
    body_sha256         text,
    check (route in ('NOT_AN_IT_ACQUISITION', 'NOT_PERMITTED', 'USE_EXISTING_PERMISSION', 'AWAIT_PENDING_ACQUISITION',
                     'DATA_AGREEMENT_REQUEST', 'FAST_TRACK_ACQUISITION', 'FULL_ACQUISITION')),
    check ((idempotency_key is null) = (body_sha256 is null))
);

create index assessments_newest on assessments (assessed_at desc, id desc);
create index assessments_route on assessments (route, assessed_at desc);
create index assessments_institution on assessments (institution_key, assessed_at desc);
