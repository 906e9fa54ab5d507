-- The staff shortlist's index (issue 12): each server keeps the facts matching reads for every
-- consenting applicant in memory, and brings it up to date before each ranking by reading whose
-- facts changed since. Triggers record every change, so no write path can forget to: a profile,
-- a paper, a skill, a consent, an enrolment (completed trainings), an account's role or
-- suspension, a training's programme.
--
-- `facts_version` is one counter, raised in the writing transaction; each change is recorded
-- with the counter's new value. Raising it takes the row's lock until commit, so versions become
-- visible in order: a server that reads version V sees every change up to V (it rereads those
-- people and remembers V). The oldest changes are pruned (server/src/lib.rs); a server that fell
-- further behind than what is kept reads everyone again.

create table facts_version (version bigint not null);
insert into facts_version (version) values (0);

create table facts_changes (
    version bigint not null,
    user_id bigint not null
);
create index facts_changes_version on facts_changes (version);

create function note_facts_change() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    update facts_version set version = version + 1 returning version into raised;
    if tg_op = 'DELETE' then
        insert into facts_changes (version, user_id) values (raised, old.user_id);
    else
        insert into facts_changes (version, user_id) values (raised, new.user_id);
    end if;
    return null;
end;
$$;

create trigger profiles_facts after insert or update or delete on profiles
    for each row execute function note_facts_change();
create trigger profile_documents_facts after insert or update or delete on profile_documents
    for each row execute function note_facts_change();
create trigger profile_skills_facts after insert or update or delete on profile_skills
    for each row execute function note_facts_change();
create trigger consents_facts after insert or update or delete on consents
    for each row execute function note_facts_change();
-- Matching reads only completed trainings: seat requests, confirmations and withdrawals record
-- nothing (nor take the counter's lock).
create trigger enrolments_facts_insert after insert on enrolments
    for each row when (new.status = 'completed') execute function note_facts_change();
create trigger enrolments_facts_update after update of status on enrolments
    for each row when (old.status = 'completed' or new.status = 'completed')
    execute function note_facts_change();
create trigger enrolments_facts_delete after delete on enrolments
    for each row when (old.status = 'completed') execute function note_facts_change();

create function note_account_change() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    update facts_version set version = version + 1 returning version into raised;
    insert into facts_changes (version, user_id) values (raised, new.id);
    return null;
end;
$$;

create trigger users_facts after update of role, disabled_at on users
    for each row
    when (old.role is distinct from new.role or old.disabled_at is distinct from new.disabled_at)
    execute function note_account_change();

create function note_programme_change() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    update facts_version set version = version + 1 returning version into raised;
    insert into facts_changes (version, user_id)
        select raised, e.user_id from enrolments e
        where e.training_id = new.id and e.status = 'completed';
    return null;
end;
$$;

create trigger trainings_facts after update of programme on trainings
    for each row when (old.programme is distinct from new.programme)
    execute function note_programme_change();
