-- Work history on the profile, and accounts a caseworker registers for someone (issue 3).

-- One row per past or current job; a person sees and removes only their own. Months are
-- `YYYY-MM` text, which sorts in time order.
create table profile_work (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id),
    title text not null,
    employer text,
    country text not null,
    town text,
    start_month text not null,
    -- Null while the job goes on.
    end_month text,
    description text,
    created_at timestamptz not null,
    constraint profile_work_title_length check (char_length(title) between 1 and 120),
    constraint profile_work_employer_length check (char_length(employer) <= 120),
    constraint profile_work_town_length check (char_length(town) <= 80),
    constraint profile_work_description_length check (char_length(description) <= 1000),
    constraint profile_work_months_check check (end_month is null or end_month >= start_month)
);
create index profile_work_user on profile_work (user_id, id);

-- An account a caseworker registered has neither email nor password until it is handed over.
-- Sign-in finds accounts by email, so a password without an email could never be used; the
-- constraint makes sure such an account never holds one.
alter table users add constraint users_password_needs_email
    check (password_hash is null or email is not null);

-- Caseworkers find the people they registered first.
create index profiles_registered_by on profiles (registered_by);
