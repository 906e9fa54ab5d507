-- Issue 16, points 3 and 4: erasure on request, with four eyes; drafts expire. An admin asks (the person, a reason
-- from a fixed list, a note for the second admin); another admin carries it out or either
-- cancels it. The note is cleared when the erasure is carried out (it may name the person).
create table erasure_requests (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id),
    reason text not null,
    note text,
    requested_by bigint not null references users (id),
    requested_at timestamptz not null,
    status text not null default 'pending',
    decided_by bigint references users (id),
    decided_at timestamptz,
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
-- free text (and nothing else: the columns named in the trigger's arguments) blanked.
-- Outside that transaction the table is always empty.
create table erasing (user_id bigint primary key);

create function scrub_while_erasing() returns trigger language plpgsql as $$
begin
    if exists (select 1 from erasing e join plans p on p.user_id = e.user_id where p.id = old.plan_id)
        and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
        return new;
    end if;
    raise exception '% is append-only', tg_table_name;
end;
$$;

drop trigger plan_versions_frozen on plan_versions;
create trigger plan_versions_frozen before delete on plan_versions
    for each row execute function plan_history_frozen();
create trigger plan_versions_scrub before update on plan_versions
    for each row execute function scrub_while_erasing('sections', 'figures');

-- Retention withdraws a draft nobody touched for its period (issue 16, point 4): that step is
-- Passerelle's own, so a plan's step may have no actor.
alter table plan_events alter column actor_id drop not null;

drop trigger plan_events_frozen on plan_events;
create trigger plan_events_frozen before delete on plan_events
    for each row execute function plan_history_frozen();
create trigger plan_events_scrub before update on plan_events
    for each row execute function scrub_while_erasing('reason');

drop trigger decisions_frozen on decisions;
create trigger decisions_frozen before delete on decisions
    for each row execute function committee_record_frozen();
create trigger decisions_scrub before update on decisions
    for each row execute function scrub_while_erasing('justification');

drop trigger score_sheets_frozen on score_sheets;
create trigger score_sheets_frozen before delete on score_sheets
    for each row execute function committee_record_frozen();
create trigger score_sheets_scrub before update on score_sheets
    for each row execute function scrub_while_erasing('comment');

drop trigger conflict_declarations_frozen on conflict_declarations;
create trigger conflict_declarations_frozen before delete on conflict_declarations
    for each row execute function committee_record_frozen();
create trigger conflict_declarations_scrub before update on conflict_declarations
    for each row execute function scrub_while_erasing('note');
