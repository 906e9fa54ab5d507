-- Papers an applicant holds and skills they claim (issue 3). One row each; a person sees and
-- removes only their own.

create table profile_documents (
    id integer primary key autoincrement,
    user_id integer not null references users (id),
    kind text not null,
    number text,
    expires_on text,
    created_at text not null,
    constraint profile_documents_kind_check check (kind in ('passport', 'residence_card', 'refugee_card', 'asylum_certificate', 'consular_card', 'residence_receipt'))
);
create index profile_documents_user on profile_documents (user_id, id);

create table profile_skills (
    user_id integer not null references users (id),
    skill text not null,
    level text not null,
    years integer not null,
    created_at text not null,
    constraint profile_skills_pkey primary key (user_id, skill),
    constraint profile_skills_level_check check (level in ('beginner', 'intermediate', 'advanced', 'expert')),
    constraint profile_skills_years_check check (years between 0 and 60)
);
