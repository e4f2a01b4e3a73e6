-- Case items: an INSERT is guarded once per statement (a transition table): every added item names a case that
-- exists and is OPEN or RETURNED. That is all the foreign key to cases ensured (a case is never deleted and keeps its
-- number, V30's case_guard; an item keeps its case, case_item_guard), so the key is dropped. An UPDATE or a DELETE of
-- an item is still checked per row. case_items_of repeated the primary key's leading column for reading a case's
-- items; case_items_open_responsible is unused since V32 (the queue reads cases.waiting_on). Why and what it
-- bought: bench/README.md, "cases open together".
drop trigger case_items_guarded on case_items;
create trigger case_items_guarded before update or delete on case_items
    for each row execute function case_item_guard();

create function case_items_added_guard() returns trigger language plpgsql as $$
declare
    refused record;
begin
    select a.case_number, c.status into refused
      from added a left join cases c on c.number = a.case_number
     where c.number is null or c.status not in ('OPEN', 'RETURNED')
     limit 1;
    if not found then
        return null;
    end if;
    if refused.status is null then
        raise exception 'case % does not exist', refused.case_number;
    end if;
    raise exception 'case % is % and its items do not change', refused.case_number, refused.status;
end $$;

create trigger case_items_added_guarded after insert on case_items referencing new table as added
    for each statement execute function case_items_added_guard();

alter table case_items drop constraint case_items_case_number_fkey;
drop index case_items_of;
drop index case_items_open_responsible;
