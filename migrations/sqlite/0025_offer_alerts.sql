-- "Tell me when a new training or call matches me" (issue 14): an applicant's choice, off
-- until they turn it on.
--
-- `users.offer_alerts_since`: when they turned it on (null: off); only offers that appear
-- after it are announced. `users.offer_alerts_checked`: up to when new offers were looked at
-- for them. `offer_alerts`: each offer announced to each person, once (the key), whichever
-- server found it first.

alter table users add column offer_alerts_since text;
alter table users add column offer_alerts_checked text;

create table offer_alerts (
    user_id integer not null references users (id) on delete cascade,
    kind text not null check (kind in ('training', 'call')),
    offer_id integer not null,
    sent_at text not null,
    primary key (user_id, kind, offer_id)
);
