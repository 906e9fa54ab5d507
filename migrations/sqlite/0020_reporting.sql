-- Donor reporting (issue 15): a read-only donor / M&E viewer role, three optional profile
-- answers a donor disaggregates by, the programme's name and small-cell threshold, targets.
--
-- SQLite cannot alter a check constraint, and rebuilding `users` (the parent of almost every
-- table) needs foreign keys off, which cannot be switched inside the transaction sqlx runs a
-- migration in. The role check only grows (every stored row still passes it, the file format
-- is unchanged), so its text is edited in the schema, the documented way for a change that
-- touches no row ("Making Other Kinds Of Table Schema Changes" in SQLite's ALTER TABLE page):
-- `writable_schema = reset` reloads this connection's schema, and the tables created below
-- bump the schema's version, so every other connection reloads it too.
pragma writable_schema = on;
update sqlite_schema
    set sql = replace(sql, '''finance'')', '''finance'', ''viewer'')')
    where type = 'table' and name = 'users' and sql not like '%''viewer''%';
pragma writable_schema = reset;

-- What a donor asks to be disaggregated by, each optional ("prefer not to say" is null):
-- migrant or member of the host community, legal status (declared, never guessed from
-- papers), disability.
alter table profiles add column population_group text
    constraint profiles_population_group_check check (population_group in ('migrant', 'host'));
alter table profiles add column legal_status text
    constraint profiles_legal_status_check check (legal_status in
        ('citizen', 'resident', 'refugee', 'asylum_seeker', 'pending', 'no_permit'));
alter table profiles add column disability text
    constraint profiles_disability_check check (disability in ('yes', 'no'));

-- One programme: its name on printed reports and the smallest count a report shows.
create table programme_settings (
    id integer primary key check (id = 1),
    name text not null,
    small_cell integer not null,
    version integer not null default 1,
    updated_by integer references users (id),
    updated_at text not null,
    constraint programme_settings_name_length check (length(name) between 1 and 120),
    constraint programme_settings_small_cell check (small_cell between 2 and 50)
);
insert into programme_settings (id, name, small_cell, updated_at)
    values (1, 'Passerelle', 5, '2026-12-07T00:00:00Z');

-- What the programme committed to, per indicator (`domain::reporting::Indicator` codes).
create table report_targets (
    indicator text primary key,
    target integer not null,
    constraint report_targets_target check (target between 0 and 10000000)
);
insert into report_targets (indicator, target) values ('registered', 1350);
