use super::*;
use crate::domain::monitoring::problem::MonitoringProblem;
use crate::domain::monitoring::score::{Equipment, ProblemLevel};
use crate::domain::shared::problem::SharedProblem;
use time::macros::date;

const TODAY: Date = date!(2027 - 06 - 15);
const APPROVED: Date = date!(2027 - 03 - 01);
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

fn form() -> VisitForm {
    VisitForm {
        visited_on: "2027-06-01".into(),
        operating: "yes".into(),
        revenue: "4 500".into(),
        costs: "1200,50".into(),
        jobs: "2".into(),
        problems: "Le fournisseur de tissu livre en retard.".into(),
        equipment: "partly".into(),
        problem_level: "manageable".into(),
        satisfactory: "yes".into(),
    }
}

fn problems_of(form: &VisitForm) -> Vec<(Field, Problem)> {
    match Visit::parse(form, TODAY, APPROVED) {
        Ok(visit) => panic!("accepted: {visit:?}"),
        Err(problems) => problems.into_iter().map(|p| (p.field, p.problem)).collect(),
    }
}

fn upload(name: &str, bytes: &[u8]) -> Upload {
    Upload {
        name: Some(name.into()),
        bytes: bytes.to_vec(),
    }
}

#[test]
fn a_good_visit_is_read_in_centimes() {
    let visit = Visit::parse(&form(), TODAY, APPROVED).expect("valid");
    assert_eq!(visit.visited_on, date!(2027 - 06 - 01));
    assert!(visit.operating && visit.satisfactory);
    assert_eq!(visit.revenue, Money::from_centimes(450_000));
    assert_eq!(visit.costs, Money::from_centimes(120_050));
    assert_eq!(visit.jobs, 2);
    assert_eq!(visit.equipment, Equipment::Partly);
    assert_eq!(visit.problem_level, ProblemLevel::Manageable);
}

#[test]
fn a_visit_on_the_approval_day_or_today_is_fine() {
    for day in ["2027-03-01", "2027-06-15"] {
        let form = VisitForm {
            visited_on: day.into(),
            ..form()
        };
        assert!(Visit::parse(&form, TODAY, APPROVED).is_ok(), "{day}");
    }
}

#[test]
fn every_bad_field_is_named_at_once() {
    let form = VisitForm {
        visited_on: "2027-02-28".into(),
        operating: "".into(),
        revenue: "-5".into(),
        costs: "beaucoup".into(),
        jobs: "1001".into(),
        problems: "x".repeat(PROBLEMS_MAX + 1),
        equipment: "all".into(),
        problem_level: "".into(),
        satisfactory: "maybe".into(),
    };
    assert_eq!(
        problems_of(&form),
        vec![
            (
                Field::VisitedOn,
                Problem::from(MonitoringProblem::BeforeApproval)
            ),
            (
                Field::Operating,
                Problem::from(MonitoringProblem::AnswerMissing)
            ),
            (
                Field::Revenue,
                Problem::from(MonitoringProblem::AmountBelowZero)
            ),
            (Field::Costs, Problem::from(SharedProblem::AmountInvalid)),
            (
                Field::Jobs,
                Problem::from(MonitoringProblem::JobsInvalid { max: JOBS_MAX })
            ),
            (
                Field::Problems,
                Problem::from(SharedProblem::TextTooLong { max: PROBLEMS_MAX })
            ),
            (
                Field::Equipment,
                Problem::from(MonitoringProblem::ChoiceMissing)
            ),
            (
                Field::ProblemLevel,
                Problem::from(MonitoringProblem::ChoiceMissing)
            ),
            (
                Field::Satisfactory,
                Problem::from(MonitoringProblem::AnswerMissing)
            ),
        ]
    );
}

#[test]
fn a_visit_cannot_be_in_the_future_or_undated() {
    for (day, problem) in [
        ("2027-06-16", Problem::from(SharedProblem::DateInFuture)),
        ("", Problem::from(SharedProblem::DateMissing)),
        ("2027-02-30", Problem::from(SharedProblem::DateInvalid)),
    ] {
        let form = VisitForm {
            visited_on: day.into(),
            ..form()
        };
        assert_eq!(
            problems_of(&form),
            vec![(Field::VisitedOn, problem)],
            "{day}"
        );
    }
}

#[test]
fn amounts_must_be_there_and_sane() {
    let wrong = VisitForm {
        revenue: "".into(),
        costs: "10000001".into(),
        ..form()
    };
    assert_eq!(
        problems_of(&wrong),
        vec![
            (
                Field::Revenue,
                Problem::from(MonitoringProblem::AmountMissing)
            ),
            (
                Field::Costs,
                Problem::from(MonitoringProblem::AmountAboveLimit { max: AMOUNT_MAX })
            ),
        ]
    );
    let zero = VisitForm {
        revenue: "0".into(),
        costs: "10000000".into(),
        jobs: "0".into(),
        problems: "  ".into(),
        ..form()
    };
    let visit = Visit::parse(&zero, TODAY, APPROVED).expect("zero is an answer");
    assert_eq!(
        (visit.revenue, visit.costs, visit.jobs),
        (Money::default(), AMOUNT_MAX, 0)
    );
    assert_eq!(visit.problems, "");
}

#[test]
fn only_an_operating_business_can_be_satisfactory() {
    let closed = VisitForm {
        operating: "no".into(),
        ..form()
    };
    assert_eq!(
        problems_of(&closed),
        vec![(
            Field::Satisfactory,
            Problem::from(MonitoringProblem::SatisfactoryNeedsOperating)
        )]
    );
    let closed_unsatisfactory = VisitForm {
        satisfactory: "no".into(),
        ..closed
    };
    let visit = Visit::parse(&closed_unsatisfactory, TODAY, APPROVED).expect("valid");
    assert!(!visit.operating && !visit.satisfactory);
}

#[test]
fn files_are_known_by_their_magic_bytes() {
    assert_eq!(
        EvidenceKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
        Some(EvidenceKind::Jpeg)
    );
    assert_eq!(EvidenceKind::sniff(PNG), Some(EvidenceKind::Png));
    assert_eq!(
        EvidenceKind::sniff(b"RIFF\x24\0\0\0WEBPVP8 "),
        Some(EvidenceKind::Webp)
    );
    assert_eq!(EvidenceKind::sniff(b"%PDF-1.7\n"), Some(EvidenceKind::Pdf));
    assert_eq!(EvidenceKind::sniff(b"RIFF\x24\0\0\0WAVEfmt "), None);
    assert_eq!(EvidenceKind::sniff(b"RIFF"), None);
    assert_eq!(EvidenceKind::sniff(&[0xFF, 0xD8]), None);
    assert_eq!(EvidenceKind::sniff(b"GIF89a"), None);
    for kind in EvidenceKind::ALL {
        assert_eq!(
            EvidenceKind::from_content_type(kind.content_type()),
            Some(kind)
        );
    }
    assert_eq!(EvidenceKind::from_content_type("text/html"), None);
}

#[test]
fn a_file_claiming_jpg_that_is_html_is_refused() {
    let fake = upload("photo.jpg", b"<!DOCTYPE html><script>alert(1)</script>");
    assert_eq!(
        Evidence::check(fake),
        Err(MonitoringProblem::FileTypeRefused {
            name: Snippet::new("photo.jpg")
        }
        .into())
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        Evidence::check(upload("recu.pdf", b"")),
        Err(MonitoringProblem::FileEmpty {
            name: Snippet::new("recu.pdf")
        }
        .into())
    );
}

#[test]
fn a_file_above_five_mebibytes_is_refused_and_five_is_fine() {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize(EVIDENCE_MAX_BYTES, b' ');
    let fine = Evidence::check(upload("scan.pdf", &bytes)).expect("exactly 5 MiB");
    assert_eq!(fine.kind, EvidenceKind::Pdf);
    bytes.push(b' ');
    assert_eq!(
        Evidence::check(upload("scan.pdf", &bytes)),
        Err(MonitoringProblem::FileTooLarge {
            name: Snippet::new("scan.pdf"),
            max_mb: 5
        }
        .into())
    );
}

#[test]
fn a_visit_takes_five_files_at_most_and_names_each_bad_one() {
    let six = vec![upload("a.png", PNG); EVIDENCE_MAX_FILES + 1];
    assert_eq!(
        Evidence::check_all(six),
        Err(vec![FieldProblem::new(
            Field::Evidence,
            MonitoringProblem::TooManyFiles { max: 5 }
        )])
    );
    let five = vec![upload("a.png", PNG); EVIDENCE_MAX_FILES];
    assert_eq!(Evidence::check_all(five).map(|files| files.len()), Ok(5));
    let mixed = vec![
        upload("a.png", PNG),
        upload("b.jpg", b"MZ"),
        upload("c.pdf", b""),
    ];
    let problems = Evidence::check_all(mixed).expect_err("two bad files");
    assert_eq!(problems.len(), 2);
    assert!(problems.iter().all(|p| p.field == Field::Evidence));
}
