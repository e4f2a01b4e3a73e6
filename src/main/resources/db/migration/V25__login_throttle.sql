-- Failed logins are counted per account and client address (dk.kk.itassessment.access.LoginThrottle), so that
-- wrong passwords from one address lock that address out of the account and no other: a stranger cannot lock an
-- account's owner out. After a number of failures in a row the address is locked for a while, and each further
-- failure after a lock locks it again for twice as long, up to a maximum; a successful login from the address, or an
-- ADMIN's unlock, forgets it. Only accounts that exist are counted (unknown usernames have nothing to lock), and rows
-- without a failure for a day are deleted, so the table stays as small as the failures of the last day.
create table login_throttle (
    username     text not null references accounts (username),
    client       text not null check (length(client) between 1 and 64), -- an IPv4 address or an IPv6 /64 prefix
    failures     integer not null check (failures >= 0),                  -- failed logins in a row
    locks        integer not null check (locks >= 0),                     -- locks since the count began
    locked_until timestamptz,
    last_failure timestamptz not null,
    primary key (username, client)
);
create index login_throttle_last_failure on login_throttle (last_failure);

-- Failed logins of one minute, counted here until the minute's audit entries are written: one entry per account and
-- minute (dk.kk.itassessment.access.LoginFailures), not one per attempt, so that guessing does not grow the
-- append-only trail. account is an account's username, or '(unknown)' for a name no account has (which may be a
-- password or a key typed into the wrong field: it is never stored). reason is why the logins failed, or 'lockout'
-- for the addresses their failures locked out of the account.
create table login_failures (
    minute  timestamptz not null check (minute = date_trunc('minute', minute)),
    account text not null,
    reason  text not null check (reason in ('bad-credentials', 'locked', 'disabled', 'other', 'lockout')),
    count   integer not null check (count > 0),
    primary key (minute, account, reason)
);

-- The lock is per address now: the account-wide count and lock go.
alter table accounts drop column failed_logins, drop column locked_until;
