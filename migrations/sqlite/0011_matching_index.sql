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

create table facts_version (version integer not null);
insert into facts_version (version) values (0);

create table facts_changes (
    version integer not null,
    user_id integer not null
);
create index facts_changes_version on facts_changes (version);

create trigger profiles_facts_insert after insert on profiles begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profiles_facts_update after update on profiles begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profiles_facts_delete after delete on profiles begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, old.user_id from facts_version;
end;

create trigger profile_documents_facts_insert after insert on profile_documents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profile_documents_facts_update after update on profile_documents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profile_documents_facts_delete after delete on profile_documents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, old.user_id from facts_version;
end;

create trigger profile_skills_facts_insert after insert on profile_skills begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profile_skills_facts_update after update on profile_skills begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger profile_skills_facts_delete after delete on profile_skills begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, old.user_id from facts_version;
end;

create trigger consents_facts_insert after insert on consents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger consents_facts_update after update on consents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger consents_facts_delete after delete on consents begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, old.user_id from facts_version;
end;

-- Matching reads only completed trainings: seat requests, confirmations and withdrawals record
-- nothing (nor take the counter's lock).
create trigger enrolments_facts_insert after insert on enrolments
when new.status = 'completed' begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger enrolments_facts_update after update of status on enrolments
when old.status = 'completed' or new.status = 'completed' begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.user_id from facts_version;
end;

create trigger enrolments_facts_delete after delete on enrolments
when old.status = 'completed' begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, old.user_id from facts_version;
end;

create trigger users_facts_update after update of role, disabled_at on users
when old.role is not new.role or old.disabled_at is not new.disabled_at begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id) select version, new.id from facts_version;
end;

create trigger trainings_facts_update after update of programme on trainings
when old.programme is not new.programme begin
    update facts_version set version = version + 1;
    insert into facts_changes (version, user_id)
        select v.version, e.user_id from facts_version v, enrolments e
        where e.training_id = new.id and e.status = 'completed';
end;
