-- Reminders that a monitoring visit is due (issue 14): one row per plan and visit (1: about
-- 3 months after approval, 2: about 6), written in the transaction of its notifications, so
-- each reminder goes once however many servers look.

create table visit_reminders (
    plan_id integer not null references plans (id) on delete cascade,
    round integer not null check (round in (1, 2)),
    sent_at text not null,
    primary key (plan_id, round)
);
