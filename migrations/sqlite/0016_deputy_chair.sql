-- A deputy chair per call: decides when the chair declared a conflict on a plan or coached it.
-- One deputy per call, never the chair too (the application clears one when it sets the other).
alter table committee_members add column deputy integer not null default 0
    constraint committee_members_deputy_check check (deputy in (0, 1));
create unique index committee_members_one_deputy on committee_members (call_id) where deputy = 1;
