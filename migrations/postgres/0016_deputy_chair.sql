-- A deputy chair per call: decides when the chair declared a conflict on a plan or coached it.
-- One deputy per call, never the chair too.
alter table committee_members add column deputy boolean not null default false;
alter table committee_members add constraint committee_members_chair_or_deputy
    check (not (chair and deputy));
create unique index committee_members_one_deputy on committee_members (call_id) where deputy;
