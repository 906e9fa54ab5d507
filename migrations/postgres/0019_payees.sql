-- Where a grant's money may go (`domain::money::payee`): payment details the beneficiary (or a
-- caseworker with them) registered, and suppliers a second admin approved. A release pays only
-- to one of these and keeps which one. Replaced details are retired, never deleted: payments
-- point at them.
create table payees (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id),
    method text not null,
    detail text not null,
    holder text not null,
    registered_by bigint not null references users (id),
    registered_at timestamptz not null,
    confirmed_by bigint references users (id),
    confirmed_at timestamptz,
    retired_at timestamptz,
    constraint payees_method_check check (method in ('mobile_money', 'bank_transfer')),
    -- Empty only once the person is erased (`db::privacy::erasure`).
    constraint payees_detail_check check (length(detail) <= 24),
    constraint payees_holder_check check (length(holder) <= 120),
    -- Four eyes: whoever registered details never confirms them.
    constraint payees_confirmer_check check (confirmed_by is null or confirmed_by <> registered_by)
);
create unique index payees_one_live on payees (user_id, method) where retired_at is null;

create table suppliers (
    id bigint generated always as identity primary key,
    name text not null,
    city text not null,
    rib text not null,
    proposed_by bigint not null references users (id),
    proposed_at timestamptz not null,
    approved_by bigint references users (id),
    approved_at timestamptz,
    retired_at timestamptz,
    constraint suppliers_name_check check (length(name) between 1 and 120),
    constraint suppliers_rib_check check (length(rib) = 24),
    -- Four eyes: the admin who proposed a supplier never approves it.
    constraint suppliers_approver_check check (approved_by is null or approved_by <> proposed_by)
);
create unique index suppliers_live_name on suppliers (lower(name)) where retired_at is null;

alter table payments add column payee_id bigint references payees (id);
alter table payments add column supplier_id bigint references suppliers (id);
