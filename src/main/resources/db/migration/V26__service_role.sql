-- Least privilege: the service connects as its own role (${app_role}, spring.flyway.placeholders.app_role), which
-- reads and writes rows but owns nothing, so it cannot change the schema (CREATE, ALTER, DROP, TRUNCATE are the
-- owner's, who runs these migrations). On the audit trail it may append entries and seal them (seq, previous_hash,
-- hash), nothing else; answer parts and the migrations' history it may not change either. The triggers still refuse
-- what they refuse, to the owner too.
--
-- The role is made by whoever sets the database up (the embedded mode at start-up, docker/postgres-init for the
-- compose file, an operator by hand: README "Operations"); when it does not exist yet, it is made here without a
-- login where the owner may make roles, so that the grants below are in place when it gets one.
do $$
begin
    if not exists (select from pg_roles where rolname = '${app_role}') then
        begin
            execute format('create role %I nologin', '${app_role}');
        exception when insufficient_privilege then
            raise warning 'role % does not exist and cannot be made by %: create it and run the grants of V26 by hand',
                '${app_role}', current_user;
        end;
    end if;
    if not exists (select from pg_roles where rolname = '${app_role}') or '${app_role}' = current_user then
        return; -- the service runs as the owner: nothing to grant
    end if;

    execute format('grant usage on schema %I to %I', current_schema(), '${app_role}');
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(),
                   '${app_role}');
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${app_role}');

    -- append and seal only
    execute format('revoke update, delete on audit_entries from %I', '${app_role}');
    execute format('grant update (seq, previous_hash, hash) on audit_entries to %I', '${app_role}');
    execute format('revoke update, delete on answer_parts from %I', '${app_role}');
    execute format('revoke insert, update, delete on flyway_schema_history from %I', '${app_role}');

    -- what later migrations create (cases, outboxes, ...) gets the same row rights
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   current_schema(), '${app_role}');
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
                   current_schema(), '${app_role}');
end;
$$;
