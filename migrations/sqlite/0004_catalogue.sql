-- ANAPEC trainings and microgrant calls (issue 3). Lists of codes and eligibility rules are JSON
-- written by the application from the domain's types. Money is integer centimes.

create table trainings (
    id integer primary key autoincrement,
    reference text not null,
    title text not null,
    programme text not null,
    sector text not null,
    city text not null,
    starts_on text not null,
    ends_on text not null,
    seats integer not null,
    languages text not null default '[]',
    min_education text,
    required_documents text not null default '[]',
    target_groups text not null default '[]',
    skills text not null default '[]',
    created_at text not null,
    updated_at text not null,
    constraint trainings_reference_key unique (reference),
    constraint trainings_programme_check check (programme in ('idmaj', 'taehil', 'tahfiz', 'self_employment')),
    constraint trainings_dates_check check (ends_on >= starts_on),
    constraint trainings_seats_check check (seats between 1 and 10000)
);
create index trainings_starts_on on trainings (starts_on);

create table grant_calls (
    id integer primary key autoincrement,
    reference text not null,
    title text not null,
    envelope_centimes integer not null,
    max_grant_centimes integer not null,
    own_contribution_percent integer not null,
    sectors text not null default '[]',
    cities text not null default '[]',
    opens_on text not null,
    closes_on text not null,
    rules text not null default '[]',
    created_at text not null,
    updated_at text not null,
    constraint grant_calls_reference_key unique (reference),
    constraint grant_calls_amounts_check check (max_grant_centimes > 0 and max_grant_centimes <= envelope_centimes),
    constraint grant_calls_contribution_check check (own_contribution_percent between 0 and 100),
    constraint grant_calls_dates_check check (closes_on >= opens_on)
);
create index grant_calls_closes_on on grant_calls (closes_on);
