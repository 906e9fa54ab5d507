-- Accounts, roles, sign-in throttling, the audit trail and shared sessions.
-- Timestamps are UTC, written by the application as RFC 3339 text with whole seconds, so they
-- sort as text.

create table users (
    id integer primary key autoincrement,
    -- Nullable: a caseworker may register someone without an email (handed over later).
    email text,
    password_hash text,
    role text not null,
    created_at text not null,
    disabled_at text,
    constraint users_email_key unique (email),
    constraint users_role_check check (role in ('applicant', 'caseworker', 'mentor', 'committee', 'admin', 'finance')),
    constraint users_email_lowercase check (email = lower(trim(email)))
);

-- One row per sign-in attempt, for throttling. The account is kept as a hash of the submitted
-- address so unknown addresses are counted without storing them.
create table login_attempts (
    id integer primary key autoincrement,
    at text not null,
    account_key text not null,
    address text not null,
    succeeded integer not null check (succeeded in (0, 1))
);
create index login_attempts_account_at on login_attempts (account_key, at);
create index login_attempts_address_at on login_attempts (address, at);

-- Append-only: every state change, written in the same transaction as the change itself.
create table audit_log (
    id integer primary key autoincrement,
    at text not null,
    actor_id integer references users (id),
    action text not null,
    subject_type text,
    subject_id integer,
    details text not null default '{}'
);
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_subject on audit_log (subject_type, subject_id, id);

create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

-- The table tower-sessions-sqlx-store reads and writes (its SqliteStore default name).
create table tower_sessions (
    id text primary key not null,
    data blob not null,
    expiry_date integer not null
);
