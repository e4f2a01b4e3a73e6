-- The mail outbox (notifications/): each row one e-mail to one recipient about one case, written in the transaction
-- of the change it tells of, so that a change and its mail commit together or not at all. While a row is PENDING and
-- not yet tried, later events of the same case for the same recipient are appended to it (events) and move due_at
-- on by the batch window, up to collect_until: ten ticks, one mail. The sender takes due rows one at a time with
-- "for update skip locked" (two instances never take the same row), sends it with its own message_id, and marks it
-- SENT, or moves due_at on with each failed attempt until it is FAILED with the last error. A SENT row is final: the
-- guard below refuses to make it anything else, whatever code runs.
create table mail_outbox (
    id                bigint generated always as identity primary key,
    message_id        text not null unique,
    case_number       text not null references cases (number),
    recipient         text not null check (length(recipient) between 3 and 254),
    reason            text not null check (reason in ('REQUESTER', 'SUBSCRIBER', 'ASSIGNEE')),
    solution          text not null,
    unsubscribe_token uuid,                 -- the subscription's nonce when the row was written (its link)
    events            jsonb not null check (jsonb_typeof(events) = 'array'),
    status            text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    created_at        timestamptz not null,
    collect_until     timestamptz not null, -- no event is appended after this: a busy case still gets its mail
    due_at            timestamptz not null, -- when the sender may take it (the batch closed, or the next attempt)
    attempts          integer not null default 0 check (attempts >= 0),
    last_error        text check (length(last_error) <= 1000),
    sent_at           timestamptz,
    check ((status = 'SENT') = (sent_at is not null))
);
-- the sender's question (due rows, oldest first), the appender's (the recipient's open batch), the admins' list
create index mail_outbox_due on mail_outbox (due_at) where status = 'PENDING';
create index mail_outbox_batch on mail_outbox (case_number, recipient) where status = 'PENDING' and attempts = 0;
create index mail_outbox_status on mail_outbox (status, id desc);

create function mail_outbox_sent_is_final() returns trigger language plpgsql as $$
begin
    if old.status = 'SENT' then
        raise exception 'mail % was sent: it is not changed', old.id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger mail_outbox_sent_is_final before update on mail_outbox
    for each row execute function mail_outbox_sent_is_final();

-- A case is mailed once for becoming overdue: the scheduled check records the due date it told of.
create table case_overdue_notices (
    case_number text primary key references cases (number),
    due_date    date not null,
    noticed_at  timestamptz not null
);

-- The key the one-click unsubscribe links are signed with (HMAC-SHA256) when assessment.mail.unsubscribe-key is not
-- configured: generated once by the first instance that needs it, shared by all. The service reads it and inserts
-- it; no one changes it (a new key would refuse every link already mailed).
create table mail_keys (
    name       text primary key,
    secret     bytea not null check (length(secret) >= 32),
    created_at timestamptz not null
);
do $$
begin
    if exists (select from pg_roles where rolname = '${app_role}') and '${app_role}' <> current_user then
        execute format('revoke update, delete on mail_keys from %I', '${app_role}');
    end if;
end;
$$;
