-- Every stored assessment has a case number, BUF-YYYY-NNNNN: the year it was stored in (Europe/Copenhagen) and a
-- sequence of that year, never reused (gaps are allowed: an attempt that was not stored used its number). The
-- number is taken before the answer is written, since the answer carries it, and stored with the assessment so
-- that the assessments and their cases can be joined. Assessments stored before have none.
alter table assessments add column case_number text unique
    check (case_number ~ '^BUF-[0-9]{4}-[0-9]{5,}$');

-- The next case number of {year}, from a sequence of that year's own, made when the year's first number is taken.
-- A sequence, not a counter row: taking a number neither waits for another transaction nor needs a commit.
-- Security definer: the year's sequence is made with the rights of the schema's owner, so that the service's own
-- role needs no right to create anything in the schema.
create function next_case_number(year integer) returns text language plpgsql
    security definer set search_path from current as $$
declare
    sequence text := 'case_numbers_' || year;
    number   bigint;
begin
    if year < 1000 or year > 9999 then
        raise exception 'A case number''s year has four digits: %', year;
    end if;
    loop
        begin
            number := nextval(sequence::regclass);
            return 'BUF-' || year || '-' || lpad(number::text, greatest(5, length(number::text)), '0');
        exception
            when undefined_table then -- the year's first number: make its sequence (another may make it first)
                begin
                    execute format('create sequence if not exists %I', sequence);
                exception
                    when unique_violation or duplicate_table then null;
                end;
        end;
    end loop;
end;
$$;
