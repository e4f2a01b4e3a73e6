-- The reviewers' queue filtered by responsible ("what waits for Group IT?") on 100,000 cases: a semi-join of every
-- open case with its open items cost more than the whole page may (bench/README.md, "The reviewers' queue"). Each
-- open case names the responsibles of its items still OPEN or RETURNED in waiting_on, written with the case by the
-- service (cases/Cases), and an ended case waits for no one; a GIN index finds the cases waiting for one.
alter table cases add column waiting_on text[] not null default '{}';

-- Filled from the items as they stand. Not a change of any case (its version and history stay): the guard, which
-- requires a raised version, is off for this one statement.
alter table cases disable trigger cases_guarded;
update cases c
   set waiting_on = array(select distinct i.responsible from case_items i
                           where i.case_number = c.number and i.state in ('OPEN', 'RETURNED') order by 1)
 where c.status in ('OPEN', 'RETURNED');
alter table cases enable trigger cases_guarded;

create index cases_waiting_on on cases using gin (waiting_on) where status in ('OPEN', 'RETURNED');

-- The queue's second half (ended cases, newest first) filtered by a phase, an assignee or an institution that few
-- ended cases have: without these it read every ended case in order to find the few (bench/README.md).
create index cases_ended_by_phase on cases (phase, opened_at desc, number desc)
    where status not in ('OPEN', 'RETURNED') and phase is not null;
create index cases_ended_by_assignee on cases (assignee, opened_at desc, number desc)
    where status not in ('OPEN', 'RETURNED') and assignee is not null;
create index cases_ended_by_institution on cases (institution_key, opened_at desc, number desc)
    where status not in ('OPEN', 'RETURNED');
