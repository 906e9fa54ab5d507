-- Applicant profiles and the consent that must come before them (issue 3).
-- Lists of codes (languages, sectors, declared groups) are JSON arrays checked by the
-- application against the domain's enums.

-- Append-only: each row is the notice someone agreed to (or withdrew from), in which language,
-- and whether a caseworker took it in person.
create table consents (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id),
    notice_version text not null,
    language text not null,
    given boolean not null,
    in_person boolean not null,
    recorded_by bigint references users (id),
    at timestamptz not null,
    constraint consents_language_check check (language in ('fr', 'en', 'ar'))
);
create index consents_user on consents (user_id, id);

create function consents_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consents are append-only';
end;
$$;

create trigger consents_no_update before update or delete on consents
    for each row execute function consents_append_only();
create trigger consents_no_truncate before truncate on consents
    for each statement execute function consents_append_only();

create table profiles (
    user_id bigint primary key references users (id),
    full_name text not null,
    sex text,
    birth_date date,
    nationality text,
    city text,
    phone text,
    education text,
    languages text not null default '[]',
    sectors text not null default '[]',
    declared_groups text not null default '[]',
    availability text,
    -- The caseworker who registered the person, for assisted registrations.
    registered_by bigint references users (id),
    -- Bumped by every save: a save based on an older version is a conflict.
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint profiles_full_name_length check (char_length(full_name) between 1 and 120),
    constraint profiles_sex_check check (sex in ('female', 'male'))
);
