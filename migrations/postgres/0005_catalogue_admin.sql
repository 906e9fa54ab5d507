-- Admin catalogue (issue 3): guarded edits, a call's rubric and tranche template, and CSV imports
-- of trainings with their progress and report.

-- Guarded writes: an edit names the version it was made from.
alter table trainings add column version integer not null default 1;
alter table grant_calls add column version integer not null default 1;

-- A call's review terms, JSON written by the application from `domain::grant_terms`: rubric
-- criteria with integer weights summing to 100, and ordered tranches with percents summing to 100.
alter table grant_calls add column rubric text not null
    default '[{"criterion":"viability","weight":30},{"criterion":"market","weight":20},{"criterion":"experience","weight":20},{"criterion":"budget_realism","weight":15},{"criterion":"social_impact","weight":15}]';
alter table grant_calls add column tranches text not null
    default '[{"percent":70,"release":"at_approval"},{"percent":30,"release":"after_monitoring_visit"}]';
alter table grant_calls add column quorum integer not null default 3
    constraint grant_calls_quorum_check check (quorum between 1 and 15);
alter table grant_calls add column blind_review boolean not null default false;

-- One CSV import of trainings: validated in batches (processed_rows moves), then written in one
-- transaction or not at all. `report` holds the problems found, by row and column, as codes.
create table catalogue_imports (
    id bigint generated always as identity primary key,
    actor_id bigint not null references users (id),
    file_name text not null,
    status text not null,
    total_rows bigint not null default 0,
    processed_rows bigint not null default 0,
    inserted bigint not null default 0,
    updated bigint not null default 0,
    report text not null default '[]',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint catalogue_imports_status_check
        check (status in ('validating', 'writing', 'done', 'rejected', 'failed'))
);
create index catalogue_imports_actor on catalogue_imports (actor_id, id);
