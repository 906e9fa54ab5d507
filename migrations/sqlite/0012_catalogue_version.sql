-- Each server keeps the upcoming trainings and open calls in memory for applicants' match lists
-- (issue 12) and reads them again when this counter moved. Triggers raise it on every change to
-- what matching reads of an offer, so no write path can forget to. The seats taken
-- (`trainings.enrolled`) and the money committed (`grant_calls.committed_centimes`) change with
-- every enrolment and approval; they are read per request, and raise nothing.

create table catalogue_version (version bigint not null);
insert into catalogue_version (version) values (0);

create trigger trainings_catalogue_insert after insert on trainings begin
    update catalogue_version set version = version + 1;
end;

create trigger trainings_catalogue_update after update of reference, title, programme, sector,
    city, starts_on, ends_on, seats, languages, min_education, required_documents,
    target_groups, skills on trainings begin
    update catalogue_version set version = version + 1;
end;

create trigger trainings_catalogue_delete after delete on trainings begin
    update catalogue_version set version = version + 1;
end;

create trigger grant_calls_catalogue_insert after insert on grant_calls begin
    update catalogue_version set version = version + 1;
end;

create trigger grant_calls_catalogue_update after update of reference, title, envelope_centimes,
    max_grant_centimes, own_contribution_percent, sectors, cities, opens_on, closes_on, rules
    on grant_calls begin
    update catalogue_version set version = version + 1;
end;

create trigger grant_calls_catalogue_delete after delete on grant_calls begin
    update catalogue_version set version = version + 1;
end;
