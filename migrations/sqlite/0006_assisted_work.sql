-- Work history on the profile, and accounts a caseworker registers for someone (issue 3).

-- One row per past or current job; a person sees and removes only their own. Months are
-- `YYYY-MM` text, which sorts in time order.
create table profile_work (
    id integer primary key autoincrement,
    user_id integer not null references users (id),
    title text not null,
    employer text,
    country text not null,
    town text,
    start_month text not null,
    -- Null while the job goes on.
    end_month text,
    description text,
    created_at text not null,
    constraint profile_work_title_length check (length(title) between 1 and 120),
    constraint profile_work_employer_length check (length(employer) <= 120),
    constraint profile_work_town_length check (length(town) <= 80),
    constraint profile_work_description_length check (length(description) <= 1000),
    constraint profile_work_months_check check (end_month is null or end_month >= start_month)
);
create index profile_work_user on profile_work (user_id, id);

-- An account a caseworker registered has neither email nor password until it is handed over.
-- Sign-in finds accounts by email, so a password without an email could never be used; these
-- triggers make sure such an account never holds one (SQLite cannot add a check constraint to
-- an existing table; PostgreSQL's migration adds it as `users_password_needs_email`).
create trigger users_password_needs_email_insert before insert on users
when new.password_hash is not null and new.email is null
begin
    select raise(abort, 'users_password_needs_email');
end;

create trigger users_password_needs_email_update before update on users
when new.password_hash is not null and new.email is null
begin
    select raise(abort, 'users_password_needs_email');
end;

-- Caseworkers find the people they registered first.
create index profiles_registered_by on profiles (registered_by);
