-- A seventh role, MONITORING, for the scraper of /actuator/prometheus (an API key, usually): it reads the metrics and
-- nothing else, so that a monitoring system needs no ADMIN credentials. Accounts and API keys may both carry it; the
-- check constraints of V3 and V11 are widened to the seven roles (Role in access/).
alter table accounts drop constraint accounts_roles_check;
alter table accounts add constraint accounts_roles_check check (cardinality(roles) > 0 and roles <@ array['REQUESTER',
    'ADMINISTRATIVE_STAFF', 'REVIEWER', 'POLICY_OFFICER', 'ADMIN', 'INTAKE_CLIENT', 'MONITORING']::text[]);

alter table api_keys drop constraint api_keys_roles_check;
alter table api_keys add constraint api_keys_roles_check check (cardinality(roles) > 0 and roles <@ array['REQUESTER',
    'ADMINISTRATIVE_STAFF', 'REVIEWER', 'POLICY_OFFICER', 'ADMIN', 'INTAKE_CLIENT', 'MONITORING']::text[]);
