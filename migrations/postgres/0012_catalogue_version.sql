-- Each server keeps the upcoming trainings and open calls in memory for applicants' match lists
-- (issue 12) and reads them again when this counter moved. Triggers raise it on every change to
-- what matching reads of an offer, so no write path can forget to; once per statement, so an
-- import of a thousand trainings raises it once. The seats taken (`trainings.enrolled`) and the
-- money committed (`grant_calls.committed_centimes`) change with every enrolment and approval;
-- they are read per request, and raise nothing (nor take the counter's lock).

create table catalogue_version (version bigint not null);
insert into catalogue_version (version) values (0);

create function note_catalogue_change() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1;
    return null;
end;
$$;

create trigger trainings_catalogue after insert or delete or update of reference, title,
    programme, sector, city, starts_on, ends_on, seats, languages, min_education,
    required_documents, target_groups, skills on trainings
    for each statement execute function note_catalogue_change();

create trigger grant_calls_catalogue after insert or delete or update of reference, title,
    envelope_centimes, max_grant_centimes, own_contribution_percent, sectors, cities, opens_on,
    closes_on, rules on grant_calls
    for each statement execute function note_catalogue_change();
