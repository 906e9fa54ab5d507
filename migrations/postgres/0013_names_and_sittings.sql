-- Issue 18. Staff appear by name, not by email address (committee desk, timelines, comments):
-- an admin gives each staff account the name people know them by. Applicants keep theirs in
-- their profile (`profiles.full_name`).
alter table users add column display_name text
    constraint users_display_name_check check (char_length(display_name) <= 120);

-- A second click on "create the sitting" must not schedule it twice: one sitting per call, day
-- and place. Repeats made before this rule, with nothing on their agenda, go.
delete from review_sessions
where exists (
        select 1 from review_sessions first
        where first.call_id = review_sessions.call_id
          and first.held_on = review_sessions.held_on
          and first.place = review_sessions.place
          and first.id < review_sessions.id)
  and not exists (select 1 from review_agenda a where a.session_id = review_sessions.id);
create unique index review_sessions_call_day_place on review_sessions (call_id, held_on, place);
