-- A case's checklist as it opened, stored once per distinct checklist: a rule set gives the same checklist to every
-- request that fires the same rules. A case's items are its rows in case_items once one of them has changed (a
-- change writes them all); until then they are the items of its opened checklist, every one OPEN and asked for.
-- A checklist is never changed or removed (cases refer to it), so its key is the SHA-256 of its JSON as written.
create table case_checklists (
    sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    items  jsonb not null check (jsonb_typeof(items) = 'array')
);

create function case_checklist_guard() returns trigger language plpgsql as $$
begin
    raise exception 'a case checklist is never changed or removed';
end $$;

create trigger case_checklists_guarded before update or delete on case_checklists
    for each row execute function case_checklist_guard();
create trigger case_checklists_no_truncate before truncate on case_checklists
    for each statement execute function case_checklist_guard();

-- null for the cases opened before: their items are all in case_items
alter table cases add column opened_checklist text references case_checklists (sha256);

-- V30's guard, and a case keeps the checklist it opened with
create or replace function case_guard() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'cases are never deleted';
    end if;
    if new.number <> old.number or new.assessment_id <> old.assessment_id or new.opened_at <> old.opened_at
            or new.submitted_by <> old.submitted_by or new.requester_email <> old.requester_email
            or new.opened_checklist is distinct from old.opened_checklist then
        raise exception 'a case keeps its number, assessment, submitter and opening';
    end if;
    if old.status not in ('OPEN', 'RETURNED') and (new.status <> old.status or new.route <> old.route
            or new.decision is distinct from old.decision or new.decided_at is distinct from old.decided_at
            or new.permission_valid_until is distinct from old.permission_valid_until
            or new.ended_at is distinct from old.ended_at) then
        raise exception 'case % is % and does not change again', old.number, old.status;
    end if;
    if new.version <= old.version then
        raise exception 'every change of a case raises its version';
    end if;
    return new;
end $$;
