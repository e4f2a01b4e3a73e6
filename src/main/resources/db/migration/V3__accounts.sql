-- Local accounts for HTTP Basic. The password is kept only as a Spring Security delegating hash
-- ({bcrypt}…); roles are the six of the contract. An account is never deleted, only disabled.
create table accounts (
    username      text primary key check (username ~ '^[a-z0-9._-]{3,64}$'),
    email         text not null check (length(email) between 3 and 254),
    password_hash text not null check (password_hash like '{%}%'),
    roles         text[] not null check (cardinality(roles) > 0 and roles <@ array['REQUESTER', 'ADMINISTRATIVE_STAFF',
                      'REVIEWER', 'POLICY_OFFICER', 'ADMIN', 'INTAKE_CLIENT']::text[]),
    enabled       boolean not null default true,
    failed_logins integer not null default 0 check (failed_logins >= 0),
    locked_until  timestamptz,
    created_at    timestamptz not null
);

-- Who submitted an assessment (the authenticated account's username). Null for the assessments stored before
-- there were accounts.
alter table assessments add column submitted_by text;
create index assessments_submitter on assessments (submitted_by, assessed_at desc);
create index assessments_requester_email on assessments (lower(requester_email), assessed_at desc);
