-- The two answers the sustainability score needs beyond what a visit already records
-- (`domain::monitoring::score`): whether the stock and equipment bought with the grant were
-- seen, and how serious the reported problems are. Visits recorded before keep them empty
-- and have no score.
alter table monitoring_visits add column equipment text
    constraint monitoring_visits_equipment_check check (equipment in ('present', 'partly', 'missing'));
alter table monitoring_visits add column problem_level text
    constraint monitoring_visits_problem_level_check
        check (problem_level in ('none', 'manageable', 'threatening'));
