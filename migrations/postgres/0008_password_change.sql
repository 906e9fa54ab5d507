-- A password someone else chose (a caseworker's hand-over) must be replaced by its owner at
-- their first sign-in; until then the account can do nothing but change it.
alter table users add column password_change_required boolean not null default false;
