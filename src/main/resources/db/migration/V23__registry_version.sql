-- The registry's version: one number, raised by every statement that writes to the portfolio or the suppliers
-- (a statement that changes nothing too). The service keeps the registry in memory for the assessments' look-ups
-- (dk.kk.itassessment.registry.RegistrySnapshot) together with the version it read, and stores an assessment only
-- if that is still the version when it is stored (dk.kk.itassessment.assessment.Assessments.insert): an assessment
-- decided on a registry that has changed since, on this instance or another, is looked up and decided again.
-- The updates of the one row also queue registry changes behind each other (they are rare); they run before each
-- statement, so that a transaction takes that row's lock before any registry row's: a CSV import (many statements)
-- and a single edit then wait for each other, where an AFTER trigger let them deadlock (the edit holding its row and
-- waiting for the version, the import holding the version and reaching the edited row).
create table registry_version (
    one     boolean primary key default true constraint registry_version_one_row check (one),
    version bigint  not null
);
insert into registry_version (one, version) values (true, 1);

create function registry_changed() returns trigger language plpgsql as $$
begin
    update registry_version set version = version + 1;
    return null;
end;
$$;

-- this schema's table, never a temporary table named like it (see V22)
do $$
begin
    execute format('alter function registry_changed() set search_path = %I, pg_temp', current_schema());
end;
$$;

create trigger suppliers_changed before insert or update or delete or truncate on suppliers
    for each statement execute function registry_changed();
create trigger portfolio_entries_changed before insert or update or delete or truncate on portfolio_entries
    for each statement execute function registry_changed();
create trigger portfolio_names_changed before insert or update or delete or truncate on portfolio_names
    for each statement execute function registry_changed();
