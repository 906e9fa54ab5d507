-- Donor reporting (issue 15): a read-only donor / M&E viewer role, three optional profile
-- answers a donor disaggregates by, the programme's name and small-cell threshold, targets.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
    check (role in ('applicant', 'caseworker', 'mentor', 'committee', 'admin', 'finance', 'viewer'));

alter table profiles add column population_group text
    constraint profiles_population_group_check check (population_group in ('migrant', 'host'));
alter table profiles add column legal_status text
    constraint profiles_legal_status_check check (legal_status in
        ('citizen', 'resident', 'refugee', 'asylum_seeker', 'pending', 'no_permit'));
alter table profiles add column disability text
    constraint profiles_disability_check check (disability in ('yes', 'no'));

create table programme_settings (
    id integer primary key check (id = 1),
    name text not null,
    small_cell integer not null,
    version integer not null default 1,
    updated_by bigint references users (id),
    updated_at text not null,
    constraint programme_settings_name_length check (length(name) between 1 and 120),
    constraint programme_settings_small_cell check (small_cell between 2 and 50)
);
insert into programme_settings (id, name, small_cell, updated_at)
    values (1, 'Passerelle', 5, '2026-12-07T00:00:00Z');

create table report_targets (
    indicator text primary key,
    target integer not null,
    constraint report_targets_target check (target between 0 and 10000000)
);
insert into report_targets (indicator, target) values ('registered', 1350);
