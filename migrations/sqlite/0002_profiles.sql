-- Applicant profiles and the consent that must come before them (issue 3).
-- Dates are ISO `YYYY-MM-DD`; lists of codes (languages, sectors, declared groups) are JSON arrays
-- checked by the application against the domain's enums.

-- Append-only: each row is the notice someone agreed to (or withdrew from), in which language,
-- and whether a caseworker took it in person.
create table consents (
    id integer primary key autoincrement,
    user_id integer not null references users (id),
    notice_version text not null,
    language text not null,
    given integer not null,
    in_person integer not null,
    recorded_by integer references users (id),
    at text not null,
    constraint consents_language_check check (language in ('fr', 'en', 'ar')),
    constraint consents_given_check check (given in (0, 1)),
    constraint consents_in_person_check check (in_person in (0, 1))
);
create index consents_user on consents (user_id, id);

create trigger consents_no_update before update on consents
begin
    select raise(abort, 'consents are append-only');
end;

create trigger consents_no_delete before delete on consents
begin
    select raise(abort, 'consents are append-only');
end;

create table profiles (
    user_id integer primary key references users (id),
    full_name text not null,
    sex text,
    birth_date text,
    nationality text,
    city text,
    phone text,
    education text,
    languages text not null default '[]',
    sectors text not null default '[]',
    declared_groups text not null default '[]',
    availability text,
    -- The caseworker who registered the person, for assisted registrations.
    registered_by integer references users (id),
    -- Bumped by every save: a save based on an older version is a conflict.
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint profiles_full_name_length check (length(full_name) between 1 and 120),
    constraint profiles_sex_check check (sex in ('female', 'male'))
);
