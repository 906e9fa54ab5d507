use super::*;
use crate::domain::mentoring::problem::MentoringProblem;
use crate::domain::shared::problem::SharedProblem;
use time::macros::{date, datetime};

fn tanger() -> City {
    City::parse("tanger").expect("tanger")
}

fn rabat() -> City {
    City::parse("rabat").expect("rabat")
}

fn mentor(id: i64, city: Option<City>, sectors: &[Sector], languages: &[Language]) -> MentorFit {
    MentorFit {
        id,
        city,
        sectors: sectors.to_vec(),
        languages: languages.to_vec(),
        capacity: 10,
        caseload: 0,
    }
}

fn awa() -> PlanNeeds {
    PlanNeeds {
        city: Some(tanger()),
        sectors: vec![Sector::SewingFashion, Sector::Commerce],
        languages: vec![Language::French, Language::Manding],
    }
}

#[test]
fn a_mentor_in_the_same_city_with_the_sector_and_a_language_comes_first() {
    let mentors = [
        mentor(1, Some(rabat()), &[Sector::Crafts], &[Language::Arabic]),
        mentor(
            2,
            Some(tanger()),
            &[Sector::SewingFashion],
            &[Language::French, Language::Arabic],
        ),
        mentor(3, Some(tanger()), &[], &[Language::French]),
    ];
    let ranked = suggest(&awa(), &mentors);
    let order: Vec<i64> = ranked.iter().map(|s| s.mentor).collect();
    assert_eq!(order, vec![2, 3, 1]);
    assert_eq!(
        ranked[0].reasons,
        vec![
            Fit::SharedLanguages {
                languages: vec![Language::French]
            },
            Fit::SameCity { city: tanger() },
            Fit::SharedSectors {
                sectors: vec![Sector::SewingFashion]
            },
            Fit::Caseload {
                load: 0,
                capacity: 10
            },
        ]
    );
    assert!(ranked[2].reasons.contains(&Fit::NoSharedLanguage));
}

#[test]
fn a_full_mentor_comes_last_however_well_they_fit_and_is_marked_full() {
    let mut best = mentor(
        1,
        Some(tanger()),
        &[Sector::SewingFashion, Sector::Commerce],
        &[Language::French],
    );
    best.caseload = 10;
    let poor = mentor(2, None, &[], &[]);
    let ranked = suggest(&awa(), &[best, poor]);
    assert_eq!(ranked[0].mentor, 2);
    assert!(!ranked[0].full);
    assert_eq!(ranked[1].mentor, 1);
    assert!(ranked[1].full);
    assert!(ranked[1].reasons.contains(&Fit::Full {
        load: 10,
        capacity: 10
    }));
}

#[test]
fn equal_fit_goes_to_the_mentor_with_more_room() {
    let mut busy = mentor(1, Some(tanger()), &[], &[Language::French]);
    busy.caseload = 8;
    let mut free = mentor(2, Some(tanger()), &[], &[Language::French]);
    free.caseload = 1;
    let ranked = suggest(&awa(), &[busy, free]);
    assert_eq!(ranked[0].mentor, 2);
    assert_eq!(ranked[0].score, ranked[1].score);
}

#[test]
fn the_call_sectors_count_like_the_applicant_sectors() {
    let mut needs = awa();
    needs.sectors.push(Sector::CateringFood);
    let caterer = mentor(1, None, &[Sector::CateringFood], &[]);
    let other = mentor(2, None, &[Sector::Painting], &[]);
    let ranked = suggest(&needs, &[other, caterer]);
    assert_eq!(ranked[0].mentor, 1);
    assert!(ranked[1].score < ranked[0].score);
}

#[test]
fn asking_for_changes_needs_a_reason_and_other_steps_do_not() {
    assert_eq!(
        reason_for(PlanAction::RequestChanges, "   "),
        Err(SharedProblem::TextMissing.into())
    );
    assert_eq!(
        reason_for(PlanAction::RequestChanges, "  Détaillez le marché. \r\n"),
        Ok(Some("Détaillez le marché.".into()))
    );
    assert_eq!(reason_for(PlanAction::MarkReady, ""), Ok(None));
    assert_eq!(reason_for(PlanAction::Withdraw, " "), Ok(None));
    assert_eq!(reason_for(PlanAction::Submit, "ignored"), Ok(None));
}

#[test]
fn a_reason_is_at_most_two_thousand_characters_without_control_characters() {
    let long = "é".repeat(REASON_MAX + 1);
    assert_eq!(
        reason_for(PlanAction::RequestChanges, &long),
        Err(SharedProblem::TextTooLong { max: REASON_MAX }.into())
    );
    assert!(reason_for(PlanAction::RequestChanges, &"é".repeat(REASON_MAX)).is_ok());
    assert_eq!(
        reason_for(PlanAction::Withdraw, "non\u{0007}"),
        Err(SharedProblem::TextInvalid.into())
    );
    assert!(reason_for(PlanAction::Withdraw, "ligne\n\tsuite").is_ok());
}

#[test]
fn a_session_is_checked_field_by_field() {
    let today = date!(2026 - 11 - 30);
    let started = date!(2026 - 11 - 01);
    let ok = Session::parse("2026-11-20", "60", "Le marché", "", today, started);
    assert_eq!(
        ok.map(|s| (s.held_on, s.minutes)),
        Ok((date!(2026 - 11 - 20), 60))
    );
    let bad = Session::parse("2026-12-01", "4", " ", &"x".repeat(2001), today, started)
        .err()
        .unwrap_or_default();
    assert_eq!(
        bad,
        vec![
            FieldProblem::new(Field::HeldOn, SharedProblem::DateInFuture),
            FieldProblem::new(
                Field::Minutes,
                MentoringProblem::MinutesInvalid { min: 5, max: 480 }
            ),
            FieldProblem::new(Field::Topics, SharedProblem::TextMissing),
            FieldProblem::new(Field::NextSteps, SharedProblem::TextTooLong { max: 2000 }),
        ]
    );
    let early = Session::parse("2026-10-31", "481", "x", "", today, started)
        .err()
        .unwrap_or_default();
    assert_eq!(
        early[0],
        FieldProblem::new(Field::HeldOn, MentoringProblem::BeforePlanStarted)
    );
    assert_eq!(early.len(), 2);
    // Dates are read as everywhere (`form_date`): day first is understood, a month-first date
    // is refused rather than guessed.
    let garbled = Session::parse("11/30/2026", "60", "x", "", today, started)
        .err()
        .unwrap_or_default();
    assert_eq!(
        garbled,
        vec![FieldProblem::new(Field::HeldOn, SharedProblem::DateInvalid)]
    );
}

#[test]
fn a_plan_waits_on_the_mentor_only_once_sent() {
    assert_eq!(waits_on(PlanStatus::Submitted), Some(WaitsOn::Mentor));
    assert_eq!(waits_on(PlanStatus::Resubmitted), Some(WaitsOn::Mentor));
    assert_eq!(waits_on(PlanStatus::Draft), Some(WaitsOn::Applicant));
    assert_eq!(
        waits_on(PlanStatus::ChangesRequested),
        Some(WaitsOn::Applicant)
    );
    assert_eq!(
        waits_on(PlanStatus::ReadyForCommittee),
        Some(WaitsOn::Committee)
    );
    assert_eq!(waits_on(PlanStatus::Withdrawn), None);
}

#[test]
fn capacity_is_one_to_a_hundred() {
    assert_eq!(parse_capacity("12"), Ok(12));
    for bad in ["0", "101", "", "dix", "-1"] {
        assert!(parse_capacity(bad).is_err(), "{bad}");
    }
}

#[test]
fn days_waiting_are_whole_days_and_never_negative() {
    let since = datetime!(2026-11-25 10:00 UTC);
    assert_eq!(days_between(since, datetime!(2026-11-30 09:00 UTC)), 4);
    assert_eq!(days_between(since, datetime!(2026-11-24 09:00 UTC)), 0);
}
