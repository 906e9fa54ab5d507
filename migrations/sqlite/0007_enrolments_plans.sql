-- Acting on a match (issue 3): seat requests in trainings, and business plans started for a call.

-- Seats held (enrolled or completed) are counted on the training itself, so confirming an
-- enrolment is one guarded update (`... where enrolled < seats`) that two admins can never push
-- past the number of seats, on either database.
alter table trainings add column enrolled integer not null default 0
    constraint trainings_enrolled_check check (enrolled >= 0 and enrolled <= seats);

-- One row per applicant and training; its status moves through `domain::enrolment`, every
-- change guarded by the status it expects and audited.
create table enrolments (
    id integer primary key autoincrement,
    training_id integer not null references trainings (id),
    user_id integer not null references users (id),
    status text not null,
    requested_at text not null,
    decided_by integer references users (id),
    decided_at text,
    completed_at text,
    updated_at text not null,
    constraint enrolments_training_user_key unique (training_id, user_id),
    constraint enrolments_status_check check (status in ('requested', 'enrolled', 'completed', 'declined', 'withdrawn'))
);
create index enrolments_user on enrolments (user_id, id);
create index enrolments_status on enrolments (status, training_id);

-- A business plan belongs to one applicant and one call. Only its start (a draft) exists in
-- this issue; the states are those of domain.md so later steps need no new constraint.
create table plans (
    id integer primary key autoincrement,
    user_id integer not null references users (id),
    call_id integer not null references grant_calls (id),
    status text not null,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint plans_user_call_key unique (user_id, call_id),
    constraint plans_status_check check (status in ('draft', 'submitted', 'changes_requested', 'resubmitted',
        'ready_for_committee', 'under_review', 'approved', 'rejected', 'returned', 'withdrawn', 'closed'))
);
create index plans_call on plans (call_id, status);
