-- A draft can be withdrawn: WITHDRAWN is final. A withdrawn draft is never approved or activated and its files are
-- kept like every version's (its report and the audit trail still say what it was).
do $$
declare
    c record;
begin
    -- the checks V12 wrote on status (their names were chosen by PostgreSQL): replaced by the named ones below
    for c in select conname from pg_constraint
             where conrelid = 'rule_set_versions'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%status%'
    loop
        execute format('alter table rule_set_versions drop constraint %I', c.conname);
    end loop;
end $$;

alter table rule_set_versions
    add constraint rule_set_versions_status check (status in ('DRAFT', 'ACTIVE', 'RETIRED', 'WITHDRAWN')),
    add constraint rule_set_versions_activated check (status in ('DRAFT', 'WITHDRAWN') or activated_at is not null),
    add constraint rule_set_versions_valid check (valid or status in ('DRAFT', 'WITHDRAWN'));

-- As V12's guard, with one more way out of DRAFT: DRAFT → WITHDRAWN, and none out of WITHDRAWN.
create or replace function rule_set_version_guard() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'rule-set versions are never deleted';
    end if;
    if new.id <> old.id or new.fingerprint <> old.fingerprint or new.valid <> old.valid
            or new.base_id is distinct from old.base_id or new.comment is distinct from old.comment
            or new.created_by <> old.created_by or new.created_at <> old.created_at
            or new.report::text <> old.report::text
            or (old.approved_by is not null and (new.approved_by is distinct from old.approved_by
                                                 or new.approved_at is distinct from old.approved_at)) then
        raise exception 'a rule-set version is immutable except its status, approval and activation';
    end if;
    if new.status <> old.status and not ((old.status = 'DRAFT' and new.status in ('ACTIVE', 'WITHDRAWN'))
                                         or (old.status = 'ACTIVE' and new.status = 'RETIRED')
                                         or (old.status = 'RETIRED' and new.status = 'ACTIVE')) then
        raise exception 'a rule-set version goes from DRAFT to ACTIVE or WITHDRAWN, and between ACTIVE and RETIRED, only';
    end if;
    if new.approved_by is distinct from old.approved_by and old.status <> 'DRAFT' then
        raise exception 'only a draft is approved';
    end if;
    if (new.activated_by is distinct from old.activated_by or new.activated_at is distinct from old.activated_at)
            and not (new.status = 'ACTIVE' and old.status <> 'ACTIVE') then
        raise exception 'who activated a version, and when, changes only when it is activated';
    end if;
    return new;
end $$;
