-- Cases (CONTRACT.md "Cases"): every stored assessment opens one, in the transaction that stores it. The checklist
-- of its decision becomes items that people work; the case is decided (GRANTED, REFUSED), withdrawn, or closed when
-- it grants nothing. What identifies a case and a decided case's items never change: the guards below refuse it,
-- whatever code runs.
create table cases (
    number                text primary key check (number ~ '^BUF-[0-9]{4}-[0-9]{5,}$'),
    assessment_id         uuid not null unique references assessments (id) deferrable initially deferred,
    status                text not null default 'OPEN'
                          check (status in ('OPEN', 'RETURNED', 'GRANTED', 'REFUSED', 'WITHDRAWN', 'CLOSED')),
    route                 text not null
                          check (route in ('NOT_AN_IT_ACQUISITION', 'NOT_PERMITTED', 'USE_EXISTING_PERMISSION',
                                           'AWAIT_PENDING_ACQUISITION', 'DATA_AGREEMENT_REQUEST',
                                           'FAST_TRACK_ACQUISITION', 'FULL_ACQUISITION')),
    security_review       text not null check (security_review in ('NONE', 'BASELINE', 'STANDARD', 'EXTENDED')),
    ruleset_version       text not null,        -- the version whose decision the case follows
    submitted_by          text not null,        -- the caller who submitted the request (an account, an API key)
    requester_name        text not null,
    requester_email       text not null,
    institution           text not null,
    institution_key       text not null,        -- the institution normalised (registry.Names), for the filter
    solution_name         text not null,
    supplier_name         text not null,
    supplier_cvr          text,
    solution_kind         text not null,
    solution_category     text not null,
    phase                 text,                 -- the phase of the first mandatory item still open (Case.phase)
    opened_at             timestamptz not null,
    due_date              date,                 -- opening day (Europe/Copenhagen) + estimated processing days
    assignee              text,
    decision              text check (decision in ('GRANTED', 'REFUSED')),
    permission_valid_until date,
    decision_note         text,
    decided_by            text,
    decided_at            timestamptz,
    ended_at              timestamptz,          -- decided, withdrawn or closed: the statistics' days to decision
    policy_changed        boolean not null default false,
    created_pending_entry uuid,                 -- the PENDING portfolio entry this case created (removed on withdrawal)
    version               bigint not null default 1 check (version >= 1),
    check ((decision is null) = (decided_at is null) and (decision is null) = (decided_by is null)),
    check ((decision is null) = (status not in ('GRANTED', 'REFUSED'))),
    check ((ended_at is null) = (status in ('OPEN', 'RETURNED'))),
    check (permission_valid_until is null or decision = 'GRANTED')
);

create table case_items (
    case_number text not null references cases (number),
    code        text not null,
    position    integer not null,               -- the order of the decision's checklist
    title_da    text not null,
    title_en    text not null,
    responsible text not null check (responsible in ('REQUESTER', 'ADMINISTRATIVE_STAFF', 'DIGITALISATION_OFFICE',
                                                      'GROUP_IT', 'DPO', 'SUPPLIER')),
    phase       text not null check (phase in ('BEFORE_PURCHASE', 'INTAKE', 'CONSOLIDATION', 'DESCRIPTION',
                                                'ASSESSMENT', 'BEFORE_USE')),
    mandatory   boolean not null,
    rule        text not null,
    state       text not null default 'OPEN' check (state in ('OPEN', 'DONE', 'NOT_APPLICABLE', 'RETURNED')),
    note        text,
    updated_by  text,
    updated_at  timestamptz,
    asked       boolean not null default true, -- false: the decision the case follows no longer asks for it
    primary key (case_number, code),
    check (state <> 'RETURNED' or note is not null),                      -- sent back with what is missing
    check (state <> 'NOT_APPLICABLE' or not mandatory or note is not null) -- a mandatory item skipped says why
);

create table case_comments (
    id          bigint generated always as identity primary key,
    case_number text not null references cases (number),
    author      text not null,
    at          timestamptz not null,
    text        text not null,
    internal    boolean not null               -- seen only by reviewers, policy officers and admins
);

-- The history: every change of a case, who made it and when, appended and never changed.
create table case_events (
    id          bigint generated always as identity primary key,
    case_number text not null references cases (number),
    at          timestamptz not null,
    actor       text not null,
    event       text not null,
    details     jsonb not null,
    internal    boolean not null default false -- about an internal comment: not shown to requesters
);

create index case_items_of on case_items (case_number, position);
create index case_comments_of on case_comments (case_number, id);
create index case_events_of on case_events (case_number, id);

-- The queue: open cases by due date (oldest first), the rest newest first; filters on status, assignee,
-- institution, and the responsible of open items. "Overdue" is an open case whose due date has passed: the
-- partial index on due_date of open cases serves both the queue's order and that filter.
create index cases_open_by_due on cases (due_date, opened_at, number) where status in ('OPEN', 'RETURNED');
create index cases_ended_newest on cases (opened_at desc, number desc) where status not in ('OPEN', 'RETURNED');
create index cases_status on cases (status, due_date);
create index cases_phase on cases (phase, due_date) where phase is not null;
create index cases_assignee on cases (assignee, due_date) where assignee is not null;
create index cases_institution on cases (institution_key, due_date);
create index cases_submitted_by on cases (submitted_by);
create index cases_requester_email on cases (lower(requester_email));
create index case_items_open_responsible on case_items (responsible, case_number) where state in ('OPEN', 'RETURNED');

-- A case keeps its number, its assessment and its opening; a decided, withdrawn or closed case does not change
-- again (its status, decision and outcome stay as they ended); a decision, once made, is never replaced.
create function case_guard() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'cases are never deleted';
    end if;
    if new.number <> old.number or new.assessment_id <> old.assessment_id or new.opened_at <> old.opened_at
            or new.submitted_by <> old.submitted_by or new.requester_email <> old.requester_email then
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

create trigger cases_guarded before update or delete on cases for each row execute function case_guard();
create trigger cases_no_truncate before truncate on cases for each statement execute function case_guard();

-- An item of a case that is no longer OPEN or RETURNED never changes, and no item is added to or taken from it.
create function case_item_guard() returns trigger language plpgsql as $$
declare
    case_status text;
begin
    if tg_op = 'TRUNCATE' then
        raise exception 'case items are never deleted';
    end if;
    select status into case_status from cases
     where number = case when tg_op = 'DELETE' then old.case_number else new.case_number end;
    if tg_op = 'DELETE' then
        raise exception 'case items are never deleted';
    end if;
    if tg_op = 'UPDATE' and (new.case_number <> old.case_number or new.code <> old.code) then
        raise exception 'a case item keeps its case and code';
    end if;
    if case_status not in ('OPEN', 'RETURNED') then
        raise exception 'case % is % and its items do not change', new.case_number, case_status;
    end if;
    return new;
end $$;

create trigger case_items_guarded before insert or update or delete on case_items
    for each row execute function case_item_guard();
create trigger case_items_no_truncate before truncate on case_items
    for each statement execute function case_item_guard();

-- History and comments are appended, never changed.
create function case_history_guard() returns trigger language plpgsql as $$
begin
    raise exception 'the history and the comments of a case are never changed';
end $$;

create trigger case_events_append_only before update or delete on case_events
    for each row execute function case_history_guard();
create trigger case_events_no_truncate before truncate on case_events
    for each statement execute function case_history_guard();
create trigger case_comments_append_only before update or delete on case_comments
    for each row execute function case_history_guard();
create trigger case_comments_no_truncate before truncate on case_comments
    for each statement execute function case_history_guard();
