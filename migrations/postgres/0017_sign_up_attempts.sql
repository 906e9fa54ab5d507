-- Sign-ups per network, to limit how many accounts (and argon2 hashes) one place can ask for
-- in an hour. Only the network is kept, never the address typed; rows older than a day are
-- removed by the next sign-up.
create table sign_up_attempts (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    address text not null
);
create index sign_up_attempts_address_at on sign_up_attempts (address, at);
