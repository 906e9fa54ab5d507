-- A password an admin chose for a staff account is a first password: its owner must replace it
-- at their first sign-in, and it stops working after a few days (an account nobody took up is
-- not left open with a password someone else knows). Null once the owner chose their own.
alter table users add column password_expires_at text;
