-- Accounts, roles, sign-in throttling, the audit trail and shared sessions.

create table users (
    id bigint generated always as identity primary key,
    -- Nullable: a caseworker may register someone without an email (handed over later).
    email text,
    password_hash text,
    role text not null,
    created_at timestamptz not null,
    disabled_at timestamptz,
    constraint users_email_key unique (email),
    constraint users_role_check check (role in ('applicant', 'caseworker', 'mentor', 'committee', 'admin', 'finance')),
    constraint users_email_lowercase check (email = lower(trim(email)))
);

-- One row per sign-in attempt, for throttling. The account is kept as a hash of the submitted
-- address so unknown addresses are counted without storing them.
create table login_attempts (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    account_key text not null,
    address text not null,
    succeeded boolean not null
);
create index login_attempts_account_at on login_attempts (account_key, at);
create index login_attempts_address_at on login_attempts (address, at);

-- Append-only: every state change, written in the same transaction as the change itself.
create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    actor_id bigint references users (id),
    action text not null,
    subject_type text,
    subject_id bigint,
    details text not null default '{}'
);
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_subject on audit_log (subject_type, subject_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- The table tower-sessions-sqlx-store reads and writes (its PostgresStore default schema and
-- name), created here so that the migrator's advisory lock covers it too.
create schema if not exists tower_sessions;
create table tower_sessions.session (
    id text primary key not null,
    data bytea not null,
    expiry_date timestamptz not null
);
