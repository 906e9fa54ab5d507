-- The grant committee, the money and monitoring (issue 5).
--
-- Money is integer centimes. Three guards keep it right on both databases, whatever races:
--   * a call's approvals never pass its envelope: `grant_calls.committed_centimes` is raised by
--     one guarded update in the transaction that records the approval, and a check constraint
--     refuses any value above the envelope;
--   * a tranche is paid at most once: its status moves by guarded updates, at most one payment
--     per tranche is live or paid (partial unique indexes), and the ledger holds at most one
--     `paid` entry per tranche;
--   * the ledger and every committee record are append-only (triggers refuse UPDATE, DELETE and
--     TRUNCATE); balances are sums over the ledger.

alter table grant_calls add column committed_centimes bigint not null default 0;
alter table grant_calls add constraint grant_calls_committed_check
    check (committed_centimes >= 0 and committed_centimes <= envelope_centimes);

-- Scores and decisions belong to a round: a plan returned for revision comes back in the next.
alter table plans add column review_round integer not null default 1;

create function committee_record_frozen() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;

-- A call's committee. One member chairs it.
create table committee_members (
    call_id bigint not null references grant_calls (id),
    user_id bigint not null references users (id),
    chair boolean not null default false,
    added_by bigint not null references users (id),
    added_at timestamptz not null,
    primary key (call_id, user_id)
);
create unique index committee_members_one_chair on committee_members (call_id) where chair;
create index committee_members_user on committee_members (user_id);

-- A sitting of the committee, and the plans on its agenda (a plan once per round).
create table review_sessions (
    id bigint generated always as identity primary key,
    call_id bigint not null references grant_calls (id),
    held_on date not null,
    place text not null default '',
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    constraint review_sessions_place_check check (length(place) <= 120)
);
create index review_sessions_call on review_sessions (call_id, held_on);
create table review_agenda (
    session_id bigint not null references review_sessions (id),
    plan_id bigint not null references plans (id),
    round integer not null,
    added_by bigint not null references users (id),
    added_at timestamptz not null,
    primary key (session_id, plan_id),
    constraint review_agenda_plan_round_key unique (plan_id, round)
);

-- Each member declares, once per plan, whether they have a conflict of interest; a conflict
-- recuses them from scoring it.
create table conflict_declarations (
    plan_id bigint not null references plans (id),
    member_id bigint not null references users (id),
    conflicted boolean not null,
    note text not null default '',
    declared_at timestamptz not null,
    primary key (plan_id, member_id),
    constraint conflict_declarations_note_check check (length(note) <= 1000)
);
create trigger conflict_declarations_frozen before update or delete on conflict_declarations
    for each row execute function committee_record_frozen();
create trigger conflict_declarations_no_truncate before truncate on conflict_declarations
    for each statement execute function committee_record_frozen();

-- One member's rubric scores of one plan in one round: `scores` is JSON written by
-- `domain::committee` (criterion → 0..5), `weighted` the weighted total in hundredths of a
-- point (0..500).
create table score_sheets (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    member_id bigint not null references users (id),
    round integer not null,
    scores text not null,
    weighted integer not null,
    comment text not null default '',
    submitted_at timestamptz not null,
    constraint score_sheets_once unique (plan_id, member_id, round),
    constraint score_sheets_weighted_check check (weighted between 0 and 500),
    constraint score_sheets_comment_check check (length(comment) <= 4000)
);
create trigger score_sheets_frozen before update or delete on score_sheets
    for each row execute function committee_record_frozen();
create trigger score_sheets_no_truncate before truncate on score_sheets
    for each statement execute function committee_record_frozen();

-- The chair's decision on a plan in a round. A plan is approved at most once.
create table decisions (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    call_id bigint not null references grant_calls (id),
    round integer not null,
    outcome text not null,
    amount_centimes bigint,
    justification text not null,
    decided_by bigint not null references users (id),
    decided_at timestamptz not null,
    constraint decisions_plan_round_key unique (plan_id, round),
    constraint decisions_outcome_check check (outcome in ('approved', 'rejected', 'returned')),
    constraint decisions_amount_check check (
        (outcome = 'approved' and amount_centimes is not null and amount_centimes > 0)
        or (outcome <> 'approved' and amount_centimes is null)),
    constraint decisions_justification_check check (length(justification) between 1 and 4000)
);
create unique index decisions_approved_once on decisions (plan_id) where outcome = 'approved';
create index decisions_call on decisions (call_id);
create trigger decisions_frozen before update or delete on decisions
    for each row execute function committee_record_frozen();
create trigger decisions_no_truncate before truncate on decisions
    for each statement execute function committee_record_frozen();

-- The schedule an approval creates from the call's tranche template.
create table tranches (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    call_id bigint not null references grant_calls (id),
    number integer not null,
    percent integer not null,
    release_rule text not null,
    amount_centimes bigint not null,
    status text not null default 'scheduled',
    version integer not null default 1,
    updated_at timestamptz not null,
    constraint tranches_plan_number_key unique (plan_id, number),
    constraint tranches_amount_check check (amount_centimes > 0),
    constraint tranches_percent_check check (percent between 1 and 100),
    constraint tranches_release_check check (release_rule in ('at_approval', 'after_monitoring_visit')),
    constraint tranches_status_check check (status in ('scheduled', 'released', 'paid', 'failed', 'cancelled'))
);
create index tranches_call on tranches (call_id, status);

-- Each release of a tranche is a payment attempt: the admin (maker) releases it with a method,
-- a finance officer (checker, never the same person) confirms it paid or records its failure.
create table payments (
    id bigint generated always as identity primary key,
    tranche_id bigint not null references tranches (id),
    attempt integer not null,
    method text not null,
    supplier text,
    invoice_ref text,
    payee_ref text,
    status text not null default 'released',
    released_by bigint not null references users (id),
    released_at timestamptz not null,
    settled_by bigint references users (id),
    settled_at timestamptz,
    settlement_ref text,
    failure_reason text,
    constraint payments_tranche_attempt_key unique (tranche_id, attempt),
    constraint payments_method_check check (method in ('in_kind', 'mobile_money', 'bank_transfer')),
    constraint payments_status_check check (status in ('released', 'paid', 'failed', 'cancelled')),
    -- Separation of duties: whoever confirms or fails a payment did not release it.
    constraint payments_checker_check check (status not in ('paid', 'failed')
        or (settled_by is not null and settled_by <> released_by)),
    constraint payments_in_kind_check check (method <> 'in_kind' or (supplier is not null and invoice_ref is not null))
);
create unique index payments_one_live on payments (tranche_id) where status in ('released', 'paid');

-- Every movement of money, never changed: balances are sums over it.
create table ledger_entries (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    call_id bigint not null references grant_calls (id),
    plan_id bigint not null references plans (id),
    tranche_id bigint references tranches (id),
    payment_id bigint references payments (id),
    kind text not null,
    amount_centimes bigint not null,
    actor_id bigint not null references users (id),
    idempotency_key text,
    constraint ledger_entries_kind_check check (kind in ('committed', 'decommitted', 'released', 'release_reversed', 'paid')),
    constraint ledger_entries_amount_check check (amount_centimes > 0)
);
create unique index ledger_entries_paid_once on ledger_entries (tranche_id) where kind = 'paid';
create unique index ledger_entries_committed_once on ledger_entries (plan_id) where kind = 'committed';
create index ledger_entries_call on ledger_entries (call_id, id);
create trigger ledger_entries_frozen before update or delete on ledger_entries
    for each row execute function committee_record_frozen();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
    for each statement execute function committee_record_frozen();

-- A money-moving request's key: a replay returns `response`; the same key with another
-- request (`request_hash`) is refused.
create table idempotency_keys (
    key text primary key,
    actor_id bigint not null references users (id),
    endpoint text not null,
    request_hash text not null,
    response text,
    created_at timestamptz not null,
    constraint idempotency_keys_key_check check (length(key) between 16 and 100)
);

-- A mentor's visit to a funded business.
create table monitoring_visits (
    id bigint generated always as identity primary key,
    plan_id bigint not null references plans (id),
    mentor_id bigint not null references users (id),
    visited_on date not null,
    operating boolean not null,
    revenue_centimes bigint not null,
    costs_centimes bigint not null,
    jobs integer not null,
    problems text not null default '',
    satisfactory boolean not null,
    created_at timestamptz not null,
    constraint monitoring_visits_amounts_check check (revenue_centimes >= 0 and costs_centimes >= 0),
    constraint monitoring_visits_jobs_check check (jobs between 0 and 1000),
    constraint monitoring_visits_problems_check check (length(problems) <= 4000),
    constraint monitoring_visits_satisfactory_check check (operating or not satisfactory)
);
create index monitoring_visits_plan on monitoring_visits (plan_id, visited_on);

-- Photos and receipts of a visit, kept in the database so every instance serves them.
create table visit_evidence (
    id bigint generated always as identity primary key,
    visit_id bigint not null references monitoring_visits (id),
    original_name text not null,
    content_type text not null,
    size_bytes integer not null,
    sha256 text not null,
    data bytea not null,
    uploaded_by bigint not null references users (id),
    uploaded_at timestamptz not null,
    constraint visit_evidence_type_check check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    constraint visit_evidence_size_check check (size_bytes between 1 and 5242880)
);
create index visit_evidence_visit on visit_evidence (visit_id);
