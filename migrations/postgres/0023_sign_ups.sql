-- Sign-up finished through a link mailed to the address (issue 14).
--
-- `sign_ups`: one row per sign-up form sent. The account is created only when the link mailed
-- to the address is followed, so nobody gets an account on an address they cannot read, and
-- the form answers the same for a new address and a registered one. Only a SHA-256 of the
-- link's token is kept. `password_hash` is the chosen password's Argon2 hash, or null when
-- the address already had an account (the row then only counts the attempt: at most a few
-- mails a day go to one address). `failures`: wrong passwords typed on the link's page (the
-- link stops working after a few). Rows are removed a day after they stop working.

create table sign_ups (
    token_hash text primary key,
    email text not null,
    password_hash text,
    failures integer not null default 0,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index sign_ups_email on sign_ups (email, created_at);
