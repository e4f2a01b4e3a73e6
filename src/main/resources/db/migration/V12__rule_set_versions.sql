-- Rule-set versions (CONTRACT.md "Rule sets"): the whole set of rule and table files, immutable once stored.
-- One version at most is ACTIVE; the files of a version never change, and a version is never deleted.
create table rule_set_versions (
    id            bigint generated always as identity primary key,
    fingerprint   text not null unique check (fingerprint like 'sha256:%'),
    status        text not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    valid         boolean not null,
    base_id       bigint references rule_set_versions (id),
    comment       text,
    created_by    text not null,
    created_at    timestamptz not null,
    approved_by   text,
    approved_at   timestamptz,
    activated_by  text,
    activated_at  timestamptz,
    report        json not null,            -- as the checks wrote it (json keeps its field order)
    check ((approved_by is null) = (approved_at is null)),
    check (approved_by is null or approved_by <> created_by),
    check (status = 'DRAFT' or activated_at is not null),
    check (valid or status = 'DRAFT')
);

create unique index rule_set_versions_one_active on rule_set_versions ((true)) where status = 'ACTIVE';
create index rule_set_versions_newest on rule_set_versions (id desc);

create table rule_set_files (
    version_id bigint not null references rule_set_versions (id),
    path       text not null,
    content    bytea not null,
    primary key (version_id, path)
);

-- What may change of a version: its status (DRAFT → ACTIVE ⇄ RETIRED), its approval once while a draft, its latest
-- activation when it is activated. Everything that identifies it or says what it is stays as it was stored.
create function rule_set_version_guard() returns trigger language plpgsql as $$
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
    if new.status <> old.status and not ((old.status = 'DRAFT' and new.status = 'ACTIVE')
                                         or (old.status = 'ACTIVE' and new.status = 'RETIRED')
                                         or (old.status = 'RETIRED' and new.status = 'ACTIVE')) then
        raise exception 'a rule-set version goes from DRAFT to ACTIVE, and between ACTIVE and RETIRED, only';
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

create trigger rule_set_versions_immutable before update or delete on rule_set_versions
    for each row execute function rule_set_version_guard();

create function rule_set_files_guard() returns trigger language plpgsql as $$
begin
    raise exception 'the files of a rule-set version never change';
end $$;

create trigger rule_set_files_immutable before update or delete on rule_set_files
    for each row execute function rule_set_files_guard();
create trigger rule_set_files_no_truncate before truncate on rule_set_files
    for each statement execute function rule_set_files_guard();
create trigger rule_set_versions_no_truncate before truncate on rule_set_versions
    for each statement execute function rule_set_version_guard();
