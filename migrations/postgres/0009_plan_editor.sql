-- Business plans and mentoring (issue 4): the plan's text and figures, the versions frozen at
-- each submission, saves that lost a race (kept for merging), the plan's timeline, comments,
-- mentoring sessions, and who mentors whom.

-- The figures (start-up capital, 12 months, sources) are one JSON document in integer centimes,
-- checked by `domain::budget` before every save; `plans.version` guards them against a stale
-- save. The grant asked for is also a column so the committee can sum it.
alter table plans add column figures text not null default '{}';
alter table plans add column grant_requested_centimes bigint not null default 0
    constraint plans_grant_requested_check check (grant_requested_centimes >= 0);
alter table plans add column mentor_id bigint references users (id);
alter table plans add column status_changed_at timestamptz;
update plans set status_changed_at = updated_at;
create index plans_mentor on plans (mentor_id, status);

-- One row per written section; `revision` guards it against a stale save.
create table plan_sections (
    plan_id bigint not null references plans (id),
    section text not null,
    body text not null,
    revision integer not null,
    updated_at timestamptz not null,
    updated_by bigint not null references users (id),
    constraint plan_sections_pkey primary key (plan_id, section),
    constraint plan_sections_section_check check (section in ('summary', 'idea', 'market', 'marketing', 'staff', 'legal')),
    constraint plan_sections_body_check check (length(body) <= 20000)
);

-- What was sent at each submission, frozen: never updated, never deleted.
create table plan_versions (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    number integer not null,
    sections text not null,
    figures text not null,
    submitted_at timestamptz not null,
    submitted_by bigint not null references users (id),
    constraint plan_versions_plan_number_key unique (plan_id, number)
);
create function plan_history_frozen() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger plan_versions_frozen before update or delete on plan_versions
    for each row execute function plan_history_frozen();
create trigger plan_versions_no_truncate before truncate on plan_versions
    for each statement execute function plan_history_frozen();

-- A save refused because someone saved first: the text is kept here for its author to merge.
create table plan_conflicts (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    part text not null,
    user_id bigint not null references users (id),
    body text not null,
    base_revision integer not null,
    created_at timestamptz not null,
    resolved_at timestamptz
);
create index plan_conflicts_open on plan_conflicts (plan_id, part, user_id) where resolved_at is null;

-- The plan's timeline: every change of state and of mentor, with who, when and why.
create table plan_events (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    actor_id bigint not null references users (id),
    action text not null,
    from_status text,
    to_status text,
    reason text,
    version_number integer,
    -- The mentor given the plan, for `assign_mentor` events.
    mentor_id bigint references users (id),
    at timestamptz not null
);
create index plan_events_plan on plan_events (plan_id, id);
create trigger plan_events_frozen before update or delete on plan_events
    for each row execute function plan_history_frozen();
create trigger plan_events_no_truncate before truncate on plan_events
    for each statement execute function plan_history_frozen();

-- Comment threads, each attached to one section of one plan.
create table plan_comments (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    section text not null,
    author_id bigint not null references users (id),
    body text not null,
    created_at timestamptz not null,
    constraint plan_comments_section_check check (section in ('summary', 'idea', 'market', 'marketing', 'staff', 'legal', 'figures')),
    constraint plan_comments_body_check check (length(body) between 1 and 4000)
);
create index plan_comments_plan on plan_comments (plan_id, section, id);

-- The mentoring session log, visible to the applicant.
create table mentoring_sessions (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    mentor_id bigint not null references users (id),
    held_on date not null,
    minutes integer not null,
    topics text not null,
    next_steps text not null,
    created_at timestamptz not null,
    constraint mentoring_sessions_minutes_check check (minutes between 5 and 480)
);
create index mentoring_sessions_plan on mentoring_sessions (plan_id, held_on);

-- What an admin knows of a mentor to suggest them: where they work, their sectors and
-- languages (JSON lists of codes), and how many plans they can coach at once.
create table mentor_profiles (
    user_id bigint primary key references users (id),
    city text,
    sectors text not null default '[]',
    languages text not null default '[]',
    capacity integer not null default 10,
    updated_at timestamptz not null,
    constraint mentor_profiles_capacity_check check (capacity between 1 and 100)
);
