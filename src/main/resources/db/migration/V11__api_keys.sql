-- API keys for machine clients (intake forms): `Authorization: Bearer itak_…`. Only the SHA-256 (hex) of the key is
-- kept: keys are 32 random bytes, so a fast hash is enough (unlike passwords) and one indexed lookup authenticates.
-- A key is never deleted, only revoked.
create table api_keys (
    id           uuid primary key,
    name         text not null check (length(name) between 1 and 100),
    key_hash     text not null constraint api_keys_key_hash_unique unique check (key_hash ~ '^[0-9a-f]{64}$'),
    roles        text[] not null check (cardinality(roles) > 0 and roles <@ array['REQUESTER', 'ADMINISTRATIVE_STAFF',
                     'REVIEWER', 'POLICY_OFFICER', 'ADMIN', 'INTAKE_CLIENT']::text[]),
    created_by   text not null,
    created_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
