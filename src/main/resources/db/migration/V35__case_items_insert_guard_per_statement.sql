-- The guard against an item added to an ended case (V30's case_item_guard) checks the rows an INSERT added once per
-- statement rather than once per row: checklists are inserted whole, the cases of a group commit of assessments
-- together (a statement of some hundred items), and a query per item row was most of what opening a case cost
-- PostgreSQL (bench/README.md, "cases open together"). An UPDATE or a DELETE of an item is still checked per row.
drop trigger case_items_guarded on case_items;
create trigger case_items_guarded before update or delete on case_items
    for each row execute function case_item_guard();

create function case_items_added_guard() returns trigger language plpgsql as $$
declare
    ended record;
begin
    select a.case_number, c.status into ended
      from added a join cases c on c.number = a.case_number
     where c.status not in ('OPEN', 'RETURNED')
     limit 1;
    if found then
        raise exception 'case % is % and its items do not change', ended.case_number, ended.status;
    end if;
    return null;
end $$;

create trigger case_items_added_guarded after insert on case_items referencing new table as added
    for each statement execute function case_items_added_guard();
