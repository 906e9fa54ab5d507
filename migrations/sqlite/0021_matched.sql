-- Donor reporting's "matched" indicator (issue 15): the applicants found eligible for at least
-- one open training or call, and the day that was first seen. Eligibility is decided by the
-- app's rule engine (`domain::matching::eligibility`), not in SQL, so the servers record what it
-- found (`db::reporting::matched`) and the report joins it like any other step. A person stays
-- matched once found, as an enrolment stays counted when the training ends.
--
-- `matched_checked` is how far the record is up to date: the facts and catalogue counters
-- (migrations 0011 and 0012) and the day of the last check. `round` rises with each check
-- recorded, so two servers checking at once never record a check neither of them made.

create table matched_people (
    user_id integer primary key references users (id) on delete cascade,
    first_on text not null
);

create table matched_checked (
    id integer primary key check (id = 1),
    round integer not null,
    facts_version integer not null,
    catalogue_version integer not null,
    checked_on text
);
insert into matched_checked (id, round, facts_version, catalogue_version, checked_on)
    values (1, 0, -1, -1, null);
