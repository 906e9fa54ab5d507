use super::*;
use crate::domain::profile::Document;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 29);

fn country(code: &str) -> Country {
    Country::parse(code).expect("listed country")
}

fn city(code: &str) -> City {
    City::parse(code).expect("listed city")
}

fn amina() -> Facts {
    Facts {
        birth_date: Some(date!(1998 - 04 - 12)),
        sex: Some(Sex::Female),
        nationality: Some(country("CI")),
        city: Some(city("tanger")),
        education: Some(Education::LowerSecondary),
        languages: vec![Language::French, Language::Manding],
        documents: vec![Document {
            kind: DocumentKind::ResidenceCard,
            expires_on: Some(date!(2027 - 03 - 31)),
        }],
        ..Facts::default()
    }
}

fn residence_card() -> Rule {
    Rule::Document {
        any_of: vec![DocumentKind::ResidenceCard],
    }
}

#[test]
fn an_applicant_meeting_every_rule_is_eligible_and_each_rule_says_why() {
    let rules = vec![
        Rule::Age {
            min: Some(18),
            max: Some(35),
        },
        residence_card(),
        Rule::City {
            any_of: vec![city("tanger"), city("rabat")],
        },
        Rule::TargetGroup {
            any_of: vec![TargetGroup::Women],
        },
    ];
    let assessment = assess(&rules, &amina(), TODAY);
    assert_eq!(assessment.eligibility(), Eligibility::Eligible);
    let reasons: Vec<Reason> = assessment.checks.iter().map(|c| c.reason).collect();
    assert_eq!(
        reasons,
        vec![
            Reason::AgeWithin { age: 28 },
            Reason::DocumentValid {
                kind: DocumentKind::ResidenceCard,
                expires_on: Some(date!(2027 - 03 - 31)),
            },
            Reason::CityListed {
                city: city("tanger")
            },
            Reason::InGroup {
                group: TargetGroup::Women
            },
        ]
    );
}

#[test]
fn an_expired_card_is_not_yet_and_the_remedy_is_to_renew_it() {
    let assessment = assess(&[residence_card()], &amina(), date!(2027 - 04 - 01));
    assert_eq!(assessment.eligibility(), Eligibility::NotYet);
    assert_eq!(
        assessment.checks[0].reason,
        Reason::DocumentExpired {
            kind: DocumentKind::ResidenceCard,
            expired_on: date!(2027 - 03 - 31)
        }
    );
    assert_eq!(
        assessment.remedies().collect::<Vec<_>>(),
        vec![&Remedy::RenewDocument {
            kind: DocumentKind::ResidenceCard
        }]
    );
}

#[test]
fn a_missing_document_asks_for_one_of_the_accepted_kinds() {
    let rule = Rule::Document {
        any_of: vec![DocumentKind::ResidenceCard, DocumentKind::RefugeeCard],
    };
    let facts = Facts {
        documents: vec![],
        ..amina()
    };
    let assessment = assess(&[rule], &facts, TODAY);
    assert_eq!(assessment.checks[0].reason, Reason::DocumentMissing);
    assert_eq!(
        assessment.checks[0].remedy,
        Some(Remedy::GetDocument {
            any_of: vec![DocumentKind::ResidenceCard, DocumentKind::RefugeeCard]
        })
    );
}

#[test]
fn too_young_waits_until_the_birthday_and_too_old_is_final() {
    let rule = Rule::Age {
        min: Some(18),
        max: Some(35),
    };
    let young = Facts {
        birth_date: Some(date!(2009 - 02 - 01)),
        ..amina()
    };
    let check = &assess(std::slice::from_ref(&rule), &young, TODAY).checks[0];
    assert_eq!(check.reason, Reason::TooYoung { age: 17 });
    assert_eq!(
        check.remedy,
        Some(Remedy::WaitUntil {
            date: date!(2027 - 02 - 01)
        })
    );
    let older = Facts {
        birth_date: Some(date!(1980 - 01 - 01)),
        ..amina()
    };
    let assessment = assess(&[rule], &older, TODAY);
    assert_eq!(assessment.eligibility(), Eligibility::NotEligible);
    assert_eq!(assessment.checks[0].remedy, None);
}

#[test]
fn an_empty_age_range_is_never_promised_by_waiting() {
    let rule = Rule::Age {
        min: Some(33),
        max: Some(30),
    };
    let young = Facts {
        birth_date: Some(date!(2000 - 01 - 01)),
        ..amina()
    };
    let assessment = assess(&[rule], &young, TODAY);
    assert_eq!(assessment.eligibility(), Eligibility::NotEligible);
}

#[test]
fn an_unanswered_question_is_asked_not_guessed() {
    let rules = [
        Rule::Education {
            min: Education::Primary,
        },
        Rule::Sex {
            any_of: vec![Sex::Female],
        },
    ];
    let assessment = assess(&rules, &Facts::default(), TODAY);
    assert_eq!(assessment.eligibility(), Eligibility::NotYet);
    assert_eq!(
        assessment.remedies().cloned().collect::<Vec<_>>(),
        vec![
            Remedy::CompleteProfile {
                fact: ProfileFact::Education
            },
            Remedy::CompleteProfile {
                fact: ProfileFact::Sex
            }
        ]
    );
}

#[test]
fn a_self_employment_call_asks_for_the_anapec_training_first() {
    let rule = Rule::CompletedTraining {
        programme: Programme::SelfEmployment,
    };
    let assessment = assess(std::slice::from_ref(&rule), &amina(), TODAY);
    assert_eq!(
        assessment.checks[0].remedy,
        Some(Remedy::CompleteTraining {
            programme: Programme::SelfEmployment
        })
    );
    let trained = Facts {
        completed: vec![Programme::SelfEmployment],
        ..amina()
    };
    assert!(is_eligible(&[rule], &trained, TODAY));
}

#[test]
fn rules_travel_as_readable_json() {
    let rule = Rule::Nationality {
        any_of: vec![country("SN"), country("CI")],
    };
    let json = serde_json::to_string(&rule).expect("json");
    assert_eq!(json, r#"{"rule":"nationality","any_of":["SN","CI"]}"#);
    assert_eq!(serde_json::from_str::<Rule>(&json).expect("back"), rule);
    assert!(serde_json::from_str::<Rule>(r#"{"rule":"city","any_of":["atlantis"]}"#).is_err());
}

// ---- properties ----

fn any_country() -> impl Strategy<Value = Country> {
    (0..Country::all().count()).prop_map(|i| Country::all().nth(i).expect("in range"))
}

fn any_city() -> impl Strategy<Value = City> {
    (0..City::all().count()).prop_map(|i| City::all().nth(i).expect("in range"))
}

fn any_date() -> impl Strategy<Value = Date> {
    (-20_000i32..3_000).prop_map(|days| TODAY + time::Duration::days(days.into()))
}

pub(crate) fn any_facts() -> impl Strategy<Value = Facts> {
    (
        proptest::option::of(any_date()),
        proptest::option::of(proptest::sample::select(Sex::ALL.to_vec())),
        proptest::option::of(any_country()),
        proptest::option::of(any_city()),
        proptest::option::of(proptest::sample::select(Education::ALL.to_vec())),
        proptest::sample::subsequence(Language::ALL.to_vec(), 0..4),
        proptest::collection::vec(
            (
                proptest::sample::select(DocumentKind::ALL.to_vec()),
                proptest::option::of(any_date()),
            ),
            0..3,
        ),
        proptest::sample::subsequence(TargetGroup::DECLARED.to_vec(), 0..3),
        proptest::sample::subsequence(Programme::ALL.to_vec(), 0..2),
    )
        .prop_map(
            |(birth, sex, nationality, city, education, languages, docs, groups, done)| Facts {
                birth_date: birth,
                sex,
                nationality,
                city,
                education,
                languages,
                documents: docs
                    .into_iter()
                    .map(|(kind, expires_on)| Document { kind, expires_on })
                    .collect(),
                declared_groups: groups,
                completed: done,
                ..Facts::default()
            },
        )
}

pub(crate) fn any_rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (
            proptest::option::of(16u8..40),
            proptest::option::of(30u8..70)
        )
            .prop_map(|(min, max)| Rule::Age { min, max }),
        proptest::sample::subsequence(Sex::ALL.to_vec(), 1..=2)
            .prop_map(|any_of| Rule::Sex { any_of }),
        proptest::collection::vec(any_country(), 1..5)
            .prop_map(|any_of| Rule::Nationality { any_of }),
        proptest::sample::subsequence(DocumentKind::ALL.to_vec(), 1..3)
            .prop_map(|any_of| Rule::Document { any_of }),
        proptest::collection::vec(any_city(), 1..4).prop_map(|any_of| Rule::City { any_of }),
        proptest::sample::select(Education::ALL.to_vec()).prop_map(|min| Rule::Education { min }),
        proptest::sample::subsequence(Language::ALL.to_vec(), 1..3)
            .prop_map(|any_of| Rule::Language { any_of }),
        proptest::sample::subsequence(TargetGroup::ALL.to_vec(), 1..3)
            .prop_map(|any_of| Rule::TargetGroup { any_of }),
        proptest::sample::select(Programme::ALL.to_vec())
            .prop_map(|programme| Rule::CompletedTraining { programme }),
    ]
}

/// Changes `facts` the way the remedy says; returns the day to assess on afterwards.
fn apply(remedy: &Remedy, facts: &mut Facts, day: Date) -> Date {
    match remedy {
        Remedy::GetDocument { any_of } => facts.documents.push(Document {
            kind: any_of[0],
            expires_on: None,
        }),
        Remedy::RenewDocument { kind } => facts.documents.push(Document {
            kind: *kind,
            expires_on: Some(day + time::Duration::days(365)),
        }),
        Remedy::WaitUntil { date } => return *date,
        Remedy::ReachEducation { level } => {
            facts.education = facts.education.max(Some(*level));
        }
        Remedy::SpeakLanguage { any_of } => facts.languages.push(any_of[0]),
        Remedy::CompleteTraining { programme } => facts.completed.push(*programme),
        Remedy::CompleteProfile { .. } => {}
    }
    day
}

proptest! {
    #[test]
    fn the_fast_path_agrees_with_the_explained_one(
        rules in proptest::collection::vec(any_rule(), 0..6),
        facts in any_facts(),
    ) {
        let assessment = assess(&rules, &facts, TODAY);
        prop_assert_eq!(
            is_eligible(&rules, &facts, TODAY),
            assessment.eligibility() == Eligibility::Eligible
        );
        prop_assert_eq!(verdict(&rules, &facts, TODAY), assessment.eligibility());
        prop_assert!(assessment.checks.iter().all(|c| !c.met || c.remedy.is_none()));
    }

    #[test]
    fn doing_what_a_remedy_says_meets_its_rule(
        rule in any_rule(),
        facts in any_facts(),
    ) {
        let check = assess(std::slice::from_ref(&rule), &facts, TODAY).checks.remove(0);
        if let Some(remedy) = check.remedy.filter(|r| !matches!(r, Remedy::CompleteProfile { .. })) {
            let mut changed = facts.clone();
            let day = apply(&remedy, &mut changed, TODAY);
            let after = assess(std::slice::from_ref(&rule), &changed, day);
            prop_assert!(after.checks[0].met, "{:?} did not fix {:?}: {:?}", remedy, rule, after);
        }
    }

    #[test]
    fn an_offer_is_open_once_every_remedy_is_followed(
        rules in proptest::collection::vec(any_rule(), 0..6),
        facts in any_facts(),
    ) {
        let before = assess(&rules, &facts, TODAY);
        let actionable = before.remedies().all(|r| {
            !matches!(r, Remedy::CompleteProfile { .. } | Remedy::WaitUntil { .. })
        });
        if before.eligibility() == Eligibility::NotYet && actionable {
            let mut changed = facts.clone();
            for remedy in before.remedies() {
                apply(remedy, &mut changed, TODAY);
            }
            prop_assert_eq!(assess(&rules, &changed, TODAY).eligibility(), Eligibility::Eligible);
        }
    }

    #[test]
    fn a_further_rule_never_opens_a_closed_offer(
        rules in proptest::collection::vec(any_rule(), 0..5),
        extra in any_rule(),
        facts in any_facts(),
    ) {
        let before = is_eligible(&rules, &facts, TODAY);
        let mut more = rules.clone();
        more.push(extra);
        prop_assert!(before || !is_eligible(&more, &facts, TODAY));
    }
}
