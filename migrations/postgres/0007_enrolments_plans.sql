-- Acting on a match (issue 3): seat requests in trainings, and business plans started for a call.

-- Seats held (enrolled or completed) are counted on the training itself, so confirming an
-- enrolment is one guarded update (`... where enrolled < seats`) that two admins can never push
-- past the number of seats, on either database.
alter table trainings add column enrolled integer not null default 0;
alter table trainings add constraint trainings_enrolled_check check (enrolled >= 0 and enrolled <= seats);

-- One row per applicant and training; its status moves through `domain::enrolment`, every
-- change guarded by the status it expects and audited.
create table enrolments (
    id bigint generated always as identity primary key,
    training_id bigint not null references trainings (id),
    user_id bigint not null references users (id),
    status text not null,
    requested_at timestamptz not null,
    decided_by bigint references users (id),
    decided_at timestamptz,
    completed_at timestamptz,
    updated_at timestamptz not null,
    constraint enrolments_training_user_key unique (training_id, user_id),
    constraint enrolments_status_check check (status in ('requested', 'enrolled', 'completed', 'declined', 'withdrawn'))
);
create index enrolments_user on enrolments (user_id, id);
create index enrolments_status on enrolments (status, training_id);

-- A business plan belongs to one applicant and one call. Only its start (a draft) exists in
-- this issue; the states are those of domain.md so later steps need no new constraint.
create table plans (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id),
    call_id bigint not null references grant_calls (id),
    status text not null,
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint plans_user_call_key unique (user_id, call_id),
    constraint plans_status_check check (status in ('draft', 'submitted', 'changes_requested', 'resubmitted',
        'ready_for_committee', 'under_review', 'approved', 'rejected', 'returned', 'withdrawn', 'closed'))
);
create index plans_call on plans (call_id, status);
