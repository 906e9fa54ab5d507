-- Issue 16, points 3 and 4: erasure on request, with four eyes; drafts expire. An admin asks (the person, a reason
-- from a fixed list, a note for the second admin); another admin carries it out or either
-- cancels it. The note is cleared when the erasure is carried out (it may name the person).
create table erasure_requests (
    id integer primary key autoincrement,
    user_id integer not null references users (id),
    reason text not null,
    note text,
    requested_by integer not null references users (id),
    requested_at text not null,
    status text not null default 'pending',
    decided_by integer references users (id),
    decided_at text,
    constraint erasure_requests_reason_check
        check (reason in ('person_asked', 'asked_through_caseworker', 'legal_order', 'duplicate_account')),
    constraint erasure_requests_note_check check (length(note) <= 1000),
    constraint erasure_requests_status_check check (status in ('pending', 'erased', 'cancelled')),
    constraint erasure_requests_four_eyes check (status <> 'erased' or decided_by <> requested_by),
    constraint erasure_requests_decided_check check ((status = 'pending') = (decided_by is null))
);
create unique index erasure_requests_one_pending on erasure_requests (user_id) where status = 'pending';
create index erasure_requests_status on erasure_requests (status, id);

-- The person being erased, only inside the transaction that erases them (inserted first,
-- deleted last): while their row is here, the frozen records of their plans may have their
-- free text (and nothing else) blanked. Outside that transaction the table is always empty.
create table erasing (user_id integer primary key);

drop trigger plan_versions_no_update;
create trigger plan_versions_no_update before update on plan_versions
when not exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
    or new.id is not old.id or new.plan_id is not old.plan_id or new.number is not old.number
    or new.submitted_at is not old.submitted_at or new.submitted_by is not old.submitted_by
begin
    select raise(abort, 'plan_versions are frozen');
end;

-- Retention withdraws a draft nobody touched for its period (issue 16, point 4): that step is
-- Passerelle's own, so a plan's step may have no actor. SQLite cannot drop a NOT NULL: the
-- table is rebuilt, rows and ids kept, with its index and its (new) triggers.
create table plan_events_new (
    id integer primary key autoincrement,
    plan_id integer not null references plans (id),
    actor_id integer references users (id),
    action text not null,
    from_status text,
    to_status text,
    reason text,
    version_number integer,
    mentor_id integer references users (id),
    at text not null
);
insert into plan_events_new
    (id, plan_id, actor_id, action, from_status, to_status, reason, version_number, mentor_id, at)
    select id, plan_id, actor_id, action, from_status, to_status, reason, version_number, mentor_id, at
    from plan_events;
drop table plan_events;
alter table plan_events_new rename to plan_events;
create index plan_events_plan on plan_events (plan_id, id);
create trigger plan_events_no_update before update on plan_events
when not exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
    or new.id is not old.id or new.plan_id is not old.plan_id or new.actor_id is not old.actor_id
    or new.action is not old.action or new.from_status is not old.from_status
    or new.to_status is not old.to_status or new.version_number is not old.version_number
    or new.mentor_id is not old.mentor_id or new.at is not old.at
begin
    select raise(abort, 'plan_events are append-only');
end;
create trigger plan_events_no_delete before delete on plan_events
begin
    select raise(abort, 'plan_events are append-only');
end;

drop trigger decisions_no_update;
create trigger decisions_no_update before update on decisions
when not exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
    or new.id is not old.id or new.plan_id is not old.plan_id or new.call_id is not old.call_id
    or new.round is not old.round or new.outcome is not old.outcome
    or new.amount_centimes is not old.amount_centimes or new.decided_by is not old.decided_by
    or new.decided_at is not old.decided_at
begin
    select raise(abort, 'decisions is append-only');
end;

drop trigger score_sheets_no_update;
create trigger score_sheets_no_update before update on score_sheets
when not exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
    or new.id is not old.id or new.plan_id is not old.plan_id or new.member_id is not old.member_id
    or new.round is not old.round or new.scores is not old.scores
    or new.weighted is not old.weighted or new.submitted_at is not old.submitted_at
begin
    select raise(abort, 'score_sheets is append-only');
end;

drop trigger conflict_declarations_no_update;
create trigger conflict_declarations_no_update before update on conflict_declarations
when not exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
    or new.plan_id is not old.plan_id or new.member_id is not old.member_id
    or new.conflicted is not old.conflicted or new.declared_at is not old.declared_at
begin
    select raise(abort, 'conflict_declarations is append-only');
end;
