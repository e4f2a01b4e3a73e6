-- The sealer (dk.kk.itassessment.audit.Sealer) chains a batch of pending entries in one UPDATE statement instead of
-- one statement per entry. The rules stay those of V20 — the one UPDATE allowed seals a pending entry once (seq,
-- previous_hash and hash go from null to values, nothing else changes), right after the newest sealed entry — but
-- are checked in two parts: each row by a row trigger that reads nothing else (it was the row trigger's query of
-- the newest entry, run for every entry, that made a seal cost about 0.15 ms of PostgreSQL's CPU per entry:
-- bench/README.md, "group commit"), and the order once per statement, over the rows it sealed (a transition table),
-- whatever order the statement updated them in.

create or replace function audit_entries_seal_once() returns trigger language plpgsql as $$
begin
    if old.hash is not null or old.seq is not null or new.seq is null or new.hash is null
            or new.id is distinct from old.id or new.at is distinct from old.at
            or new.actor is distinct from old.actor or new.action is distinct from old.action
            or new.target is distinct from old.target or new.details is distinct from old.details then
        raise exception 'audit_entries is append-only: UPDATE is not allowed, except sealing a pending entry once';
    end if;
    return new;
end;
$$;

-- After each UPDATE statement: the entries it sealed come after every entry sealed before (no seq of theirs at or
-- below one of those), and, in seq order, the first names the newest entry sealed before as its previous one and
-- each other the one before it. Forks and taken seqs are refused by the unique indexes already.
create function audit_entries_follow_newest() returns trigger language plpgsql as $$
declare
    first_seq   bigint;
    at_or_above bigint;
    newest_hash text;
    broken      bigint;
begin
    select min(seq) into first_seq from sealed;
    if first_seq is null then
        return null; -- the statement sealed nothing
    end if;
    -- Every entry the statement sealed has a seq at or above the first: no entry sealed before has one exactly when
    -- as many entries are at or above it as the statement sealed. Run with a plan for this seq (execute): a plan
    -- cached for any seq reads the whole table.
    execute 'select count(*) from audit_entries where seq >= $1' into at_or_above using first_seq;
    if at_or_above <> (select count(*) from sealed) then
        raise exception 'audit_entries is append-only: entries are sealed after the newest sealed entry only';
    end if;
    execute 'select hash from audit_entries where seq < $1 order by seq desc limit 1' into newest_hash using first_seq;
    select id into broken
    from (select id, previous_hash, seq = first_seq as first, lag(hash) over (order by seq) as before from sealed) s
    where previous_hash is distinct from (case when first then newest_hash else before end)
    limit 1;
    if broken is not null then
        raise exception 'audit_entries is append-only: entry % must follow the newest sealed entry', broken;
    end if;
    return null;
end;
$$;

create trigger audit_entries_follow_newest after update on audit_entries
    referencing new table as sealed
    for each statement execute function audit_entries_follow_newest();

-- The function reads audit_entries by name: it must be this schema's table, never a temporary table of the same name
-- that a session created to be found first (pg_temp comes first in a search path unless it is put last).
do $$
begin
    execute format('alter function audit_entries_follow_newest() set search_path = %I, pg_temp', current_schema());
end;
$$;
