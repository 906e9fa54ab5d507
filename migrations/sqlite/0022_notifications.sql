-- Telling people what happened (issue 14).
--
-- `users.language`: the language a person last used on the site (set at sign-up and at each
-- sign-in from the language they chose), in which their email is written.
--
-- `notifications`: the in-app list, one row per event per person. The event is kept as JSON
-- (`domain::notifications::event::Event`) and put into words when read, in the reader's
-- language of the moment.
--
-- `outbox`: messages to send, written in the transaction of the event that causes them. Each
-- server's worker leases due rows (`leased_until`, `leased_by`), sends them, and records each
-- attempt; a failure is retried later (`next_attempt_at`, exponential back-off) until
-- `PASSERELLE_MAIL_MAX_ATTEMPTS`, then the row is `failed` and shown to admins. `message_id`
-- is fixed when the row is written, so a message sent twice (a crash after the SMTP server
-- took it, before the row said so) carries the same Message-ID. `secret` holds a one-time
-- link's token until the message has gone, then it is cleared.
--
-- `account_tokens`: password-reset links, stored as a SHA-256 of the token only; single use,
-- expiring.

alter table users add column language text not null default 'fr'
    check (language in ('fr', 'en', 'ar'));

create table notifications (
    id integer primary key autoincrement,
    user_id integer not null references users (id) on delete cascade,
    event text not null,
    link text not null,
    created_at text not null,
    read_at text
);
create index notifications_user on notifications (user_id, id);
create index notifications_unread on notifications (user_id) where read_at is null;

create table outbox (
    id integer primary key autoincrement,
    user_id integer references users (id) on delete set null,
    channel text not null check (channel in ('email')),
    address text not null,
    language text not null check (language in ('fr', 'en', 'ar')),
    event text not null,
    link text not null,
    secret text,
    message_id text not null unique,
    created_at text not null,
    state text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at text not null,
    leased_until text,
    leased_by text,
    last_error text,
    done_at text
);
create index outbox_due on outbox (state, next_attempt_at);
create index outbox_user on outbox (user_id);

create table outbox_attempts (
    id integer primary key autoincrement,
    outbox_id integer not null references outbox (id) on delete cascade,
    at text not null,
    worker text not null,
    error text
);
create index outbox_attempts_message on outbox_attempts (outbox_id);

create table account_tokens (
    token_hash text primary key,
    user_id integer not null references users (id) on delete cascade,
    purpose text not null check (purpose in ('reset')),
    created_at text not null,
    expires_at text not null,
    used_at text
);
create index account_tokens_user on account_tokens (user_id);
