-- Fills the benchmark's own database with :cases cases and their items (bench/queue.sh runs it as the superuser,
-- never against a real database). The rows are generated here rather than through the API: 100,000 assessments
-- through the API would take an hour and measure the write path, not the queue. Triggers (the guards of V30, the
-- foreign keys to assessments) are off for this session only: the cases have no stored assessments.
set session_replication_role = replica;

insert into cases (number, assessment_id, status, route, security_review, ruleset_version, submitted_by,
                   requester_name, requester_email, institution, institution_key, solution_name, supplier_name,
                   solution_kind, solution_category, phase, opened_at, due_date, assignee, decision, decided_by,
                   decided_at, ended_at, version)
select 'BUF-' || (2024 + n % 3) || '-' || lpad((1000000 + n)::text, 7, '0'),
       gen_random_uuid(),
       s.status,
       r.route,
       'STANDARD', '1',
       'bench-requester-' || (n % 2000),
       'Requester ' || (n % 2000), 'requester' || (n % 2000) || '@example.dk',
       'Skole ' || (n % 300), 'skole ' || (n % 300),
       'Solution ' || (n % 5000), 'Supplier ' || (n % 800),
       'APP', 'TEACHING',
       case when s.status in ('OPEN', 'RETURNED', 'WITHDRAWN') -- withdrawn midway: still in its phase
            then (array['BEFORE_PURCHASE', 'INTAKE', 'CONSOLIDATION', 'DESCRIPTION', 'ASSESSMENT'])[1 + n % 5] end,
       o.opened_at,
       case when n % 10 = 0 then null else (o.opened_at at time zone 'Europe/Copenhagen')::date + r.days end,
       case when n % 4 = 0 then 'reviewer-' || (n / 4 % 10) end,
       case when s.status in ('GRANTED', 'REFUSED') then s.status end,
       case when s.status in ('GRANTED', 'REFUSED') then 'reviewer-' || (n / 4 % 10) end,
       case when s.status in ('GRANTED', 'REFUSED') then o.opened_at + interval '20 days' end,
       case when s.status not in ('OPEN', 'RETURNED') then o.opened_at + interval '20 days' end,
       3
from generate_series(1, :cases) as n
cross join lateral (select case when n % 20 < 6 then 'OPEN' when n % 20 = 6 then 'RETURNED'
                                when n % 20 < 13 then 'GRANTED' when n % 20 < 15 then 'REFUSED'
                                when n % 20 < 17 then 'WITHDRAWN' else 'CLOSED' end as status) s
cross join lateral (select case when n % 7 < 4 then 'FULL_ACQUISITION' when n % 7 < 6 then 'FAST_TRACK_ACQUISITION'
                                else 'USE_EXISTING_PERMISSION' end as route,
                           case when n % 7 < 4 then 60 when n % 7 < 6 then 30 else 5 end as days) r
-- the ended cases over three years, the open ones opened in the last 90 days (a third of them overdue)
cross join lateral (select timestamptz '2026-12-02 12:00Z'
                           - case when s.status in ('OPEN', 'RETURNED') then (n % 8640) * interval '15 minutes'
                                  else n * interval '15 minutes' end as opened_at) o;

-- twelve items a case, in four responsibles; an open case has its later items open, an ended one none
insert into case_items (case_number, code, position, title_da, title_en, responsible, phase, mandatory, rule, state,
                        note)
select c.number, 'ITEM_' || i, i, 'Punkt ' || i, 'Item ' || i,
       (array['REQUESTER', 'DIGITALISATION_OFFICE', 'GROUP_IT', 'SUPPLIER'])[1 + i % 4],
       (array['BEFORE_PURCHASE', 'INTAKE', 'CONSOLIDATION', 'DESCRIPTION', 'ASSESSMENT', 'BEFORE_USE'])[1 + i / 2],
       true, 'Checklist_' || i,
       case when c.status in ('OPEN', 'RETURNED') and i > 4 then 'OPEN' else 'DONE' end, null
from cases c cross join generate_series(0, 11) as i
where c.number like 'BUF-202_-1%';

-- what each open case waits for (V32), as cases/Cases writes it (the items analysed first: the per-case look-up
-- then takes their index, not a scan of 1.2 million rows for each case)
analyze case_items;
update cases c set waiting_on = array(select distinct i.responsible from case_items i
                                       where i.case_number = c.number and i.state in ('OPEN', 'RETURNED') order by 1)
 where c.status in ('OPEN', 'RETURNED');

set session_replication_role = origin;
analyze cases;
analyze case_items;
