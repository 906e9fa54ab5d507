//! Which part of the audit trail an admin asks for: who acted (a part of their name or email),
//! which action, on which record, over which days, and from which entry on (the pages go from
//! the newest entry back, so a page is "the entries before entry N").

use crate::domain::privacy::problem::PrivacyProblem;
use crate::domain::problem::FieldProblem;
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::form_date;
use crate::domain::shared::problem::Field;
use serde::{Deserialize, Serialize};
use time::Date;

/// The kinds of record an audit entry can be about, as the entries name them.
pub const SUBJECT_KINDS: [&str; 10] = [
    "user",
    "plan",
    "training",
    "grant_call",
    "enrolment",
    "tranche",
    "review_session",
    "visit_evidence",
    "catalogue_import",
    "supplier",
];

/// The longest text looked for in actors' names and emails.
pub const ACTOR_MAX: usize = 200;

/// Entries per page.
pub const PAGE_SIZE: usize = 50;

/// The filters as typed (query parameters); every one may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailForm {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub before: String,
}

impl TrailForm {
    /// The filters that hold something, as a query string's pairs (the page mark aside).
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, String)> + '_ {
        [
            ("actor", &self.actor),
            ("action", &self.action),
            ("kind", &self.kind),
            ("subject", &self.subject),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(key, value)| (key, value.trim().to_owned()))
    }
}

/// The filters, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrailFilter {
    /// A part of the actor's name or email, lower-cased.
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    pub kind: Option<&'static str>,
    pub subject: Option<i64>,
    /// The first day, whole (UTC).
    pub from: Option<Date>,
    /// The last day, whole (UTC).
    pub to: Option<Date>,
    /// Only entries older than this one (the next page).
    pub before: Option<i64>,
}

impl TrailFilter {
    /// Reads the form; every problem is named with its field, none is guessed around. A
    /// `before` that is not a number starts from the newest entry (it only ever comes from our
    /// own "older entries" link).
    pub fn parse(form: &TrailForm) -> Result<TrailFilter, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let actor = form.actor.trim();
        if actor.chars().count() > ACTOR_MAX {
            problems.push(FieldProblem::new(
                Field::Actor,
                PrivacyProblem::ActorTooLong { max: ACTOR_MAX },
            ));
        }
        let action = checked(&mut problems, Field::Action, action_of(&form.action));
        let kind = checked(&mut problems, Field::SubjectKind, kind_of(&form.kind));
        let subject = match form.subject.trim() {
            "" => None,
            text => match text.trim_start_matches('#').parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    problems.push(FieldProblem::new(
                        Field::Subject,
                        PrivacyProblem::SubjectIdInvalid,
                    ));
                    None
                }
            },
        };
        if subject.is_some() && form.kind.trim().is_empty() {
            problems.push(FieldProblem::new(
                Field::Subject,
                PrivacyProblem::SubjectIdWithoutKind,
            ));
        }
        let mut day = |text: &str, field: Field| {
            form_date::parse(text).unwrap_or_else(|problem| {
                problems.push(FieldProblem::new(field, problem));
                None
            })
        };
        let from = day(&form.from, Field::PeriodFrom);
        let to = day(&form.to, Field::PeriodTo);
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                problems.push(FieldProblem::new(
                    Field::PeriodTo,
                    PrivacyProblem::PeriodReversed,
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(TrailFilter {
            actor: (!actor.is_empty()).then(|| actor.to_lowercase()),
            action,
            kind,
            subject,
            from,
            to,
            before: form.before.trim().parse::<i64>().ok().filter(|id| *id > 0),
        })
    }

    /// The same filters as a query string, without the page: for the "older entries" link,
    /// the CSV link and the form's values.
    pub fn form(&self) -> TrailForm {
        TrailForm {
            actor: self.actor.clone().unwrap_or_default(),
            action: self
                .action
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
            kind: self.kind.unwrap_or_default().to_owned(),
            subject: self.subject.map(|id| id.to_string()).unwrap_or_default(),
            from: self.from.map(|d| d.to_string()).unwrap_or_default(),
            to: self.to.map(|d| d.to_string()).unwrap_or_default(),
            before: String::new(),
        }
    }
}

/// What was read, or `None` with its problem noted against `field`.
fn checked<T>(
    problems: &mut Vec<FieldProblem>,
    field: Field,
    read: Result<Option<T>, PrivacyProblem>,
) -> Option<T> {
    read.unwrap_or_else(|problem| {
        problems.push(FieldProblem::new(field, problem));
        None
    })
}

/// An action by its stored code; empty is any action.
fn action_of(code: &str) -> Result<Option<AuditAction>, PrivacyProblem> {
    match code.trim() {
        "" => Ok(None),
        code => code
            .parse::<AuditAction>()
            .map(Some)
            .map_err(|()| PrivacyProblem::ActionUnknown),
    }
}

/// A kind of record by its code (`SUBJECT_KINDS`); empty is any kind.
fn kind_of(code: &str) -> Result<Option<&'static str>, PrivacyProblem> {
    match code.trim() {
        "" => Ok(None),
        code => SUBJECT_KINDS
            .iter()
            .find(|kind| **kind == code)
            .map(|kind| Some(*kind))
            .ok_or(PrivacyProblem::SubjectKindUnknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> TrailForm {
        let mut form = TrailForm::default();
        for (key, value) in pairs {
            let value = (*value).to_owned();
            match *key {
                "actor" => form.actor = value,
                "action" => form.action = value,
                "kind" => form.kind = value,
                "subject" => form.subject = value,
                "from" => form.from = value,
                "to" => form.to = value,
                "before" => form.before = value,
                _ => unreachable!(),
            }
        }
        form
    }

    fn fields(problems: Vec<FieldProblem>) -> Vec<Field> {
        problems.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn an_empty_form_asks_for_everything_from_the_newest() {
        assert_eq!(
            TrailFilter::parse(&TrailForm::default()),
            Ok(TrailFilter::default())
        );
    }

    #[test]
    fn every_filter_is_read() {
        let filter = TrailFilter::parse(&form(&[
            ("actor", "  Awa@Example.org "),
            ("action", "plan_decided"),
            ("kind", "plan"),
            ("subject", "#42"),
            ("from", "01/12/2026"),
            ("to", "2026-12-06"),
            ("before", "900"),
        ]))
        .expect("valid");
        assert_eq!(filter.actor.as_deref(), Some("awa@example.org"));
        assert_eq!(filter.action, Some(AuditAction::PlanDecided));
        assert_eq!(filter.kind, Some("plan"));
        assert_eq!(filter.subject, Some(42));
        assert_eq!(
            filter.from.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(
            filter.to.map(|d| d.to_string()).as_deref(),
            Some("2026-12-06")
        );
        assert_eq!(filter.before, Some(900));
        let again = TrailFilter::parse(&filter.form()).expect("its own form");
        assert_eq!(
            again,
            TrailFilter {
                before: None,
                ..filter
            }
        );
    }

    #[test]
    fn each_bad_filter_is_named_with_its_field() {
        let problems = TrailFilter::parse(&form(&[
            ("actor", &"x".repeat(ACTOR_MAX + 1)),
            ("action", "dropped_tables"),
            ("kind", "bank"),
            ("subject", "-3"),
            ("from", "31/02/2026"),
            ("to", "soon"),
        ]))
        .expect_err("invalid");
        assert_eq!(
            fields(problems),
            vec![
                Field::Actor,
                Field::Action,
                Field::SubjectKind,
                Field::Subject,
                Field::PeriodFrom,
                Field::PeriodTo
            ]
        );
    }

    #[test]
    fn a_period_ending_before_it_starts_or_a_number_without_its_kind_is_refused() {
        let problems = TrailFilter::parse(&form(&[
            ("from", "2026-12-06"),
            ("to", "2026-12-01"),
            ("subject", "7"),
        ]))
        .expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                FieldProblem::new(Field::Subject, PrivacyProblem::SubjectIdWithoutKind),
                FieldProblem::new(Field::PeriodTo, PrivacyProblem::PeriodReversed),
            ]
        );
    }

    #[test]
    fn a_page_mark_that_is_not_an_entry_starts_from_the_newest() {
        for before in ["", "abc", "0", "-5"] {
            let filter = TrailFilter::parse(&form(&[("before", before)])).expect("valid");
            assert_eq!(filter.before, None, "{before}");
        }
    }
}
