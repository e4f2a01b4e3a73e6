-- Who is told of a case's changes (CONTRACT.md "Notifications"): the requester from the opening, the assignee from
-- the assignment, anyone who may read the case when they subscribe. An unsubscribed row stays (unsubscribed_at),
-- so the requester and the assignee are not subscribed again behind their back; its token goes with it, so the
-- one-click link that named it is used up. The token is the nonce an unsubscribe link signs: new with every
-- subscription, never shown but in that link. The service's role reads and writes the rows (V26's default
-- privileges).
create table case_subscriptions (
    case_number     text not null references cases (number),
    email           text not null check (email = lower(email) and length(email) between 3 and 254),
    reason          text not null check (reason in ('REQUESTER', 'SUBSCRIBER', 'ASSIGNEE')),
    token           uuid unique,
    subscribed_at   timestamptz not null,
    unsubscribed_at timestamptz,
    primary key (case_number, email),
    check ((token is null) = (unsubscribed_at is not null))
);
