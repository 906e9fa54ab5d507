//! Assisted registration: a caseworker registers someone who has no email, after reading them
//! the privacy notice in a language they understand and hearing them agree.

use crate::domain::problem::FieldProblem;
use crate::domain::profile::consent::NOTICE_VERSION;
use crate::domain::profile::identity::{parse_full_name, parse_phone};
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::shared::locale::Lang;
use crate::domain::shared::problem::{Field, SharedProblem};

/// A registration to record, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub full_name: String,
    pub phone: Option<String>,
    /// The language the notice was read in.
    pub lang: Lang,
}

/// The registration form as posted. The two confirmations are checkboxes (absent when
/// unticked); `notice_version` is the notice the form showed.
#[derive(Debug, Clone, Default)]
pub struct RegistrationForm<'a> {
    pub full_name: &'a str,
    pub phone: &'a str,
    pub notice_version: &'a str,
    pub lang: &'a str,
    pub notice_read: bool,
    pub agreed: bool,
}

impl RegistrationForm<'_> {
    /// Every field checked at once. Consent is only taken when the caseworker confirms both that
    /// they read the current notice and that the person agreed.
    pub fn parse(&self) -> Result<Registration, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let full_name = parse_full_name(self.full_name)
            .map_err(|p| problems.push(FieldProblem::new(Field::FullName, p)))
            .ok();
        let phone = parse_phone(self.phone)
            .map_err(|p| problems.push(FieldProblem::new(Field::Phone, p)))
            .ok();
        let lang = self
            .lang
            .trim()
            .parse::<Lang>()
            .map_err(|_| {
                problems.push(FieldProblem::new(
                    Field::Locale,
                    SharedProblem::LocaleUnknown,
                ))
            })
            .ok();
        if self.notice_version != NOTICE_VERSION {
            problems.push(FieldProblem::new(
                Field::Form,
                ProfileProblem::NoticeOutdated,
            ));
        }
        if !(self.notice_read && self.agreed) {
            problems.push(FieldProblem::new(
                Field::ConsentTaken,
                ProfileProblem::ConsentNotConfirmed,
            ));
        }
        match (full_name, phone, lang) {
            (Some(full_name), Some(phone), Some(lang)) if problems.is_empty() => Ok(Registration {
                full_name,
                phone,
                lang,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RegistrationForm<'static> {
        RegistrationForm {
            full_name: "  Mariam   Traoré ",
            phone: "06 61 22 33 44",
            notice_version: NOTICE_VERSION,
            lang: "ar",
            notice_read: true,
            agreed: true,
        }
    }

    #[test]
    fn a_confirmed_registration_is_accepted_and_tidied() {
        let registration = form().parse().expect("valid");
        assert_eq!(registration.full_name, "Mariam Traoré");
        assert_eq!(registration.phone.as_deref(), Some("0661223344"));
        assert_eq!(registration.lang, Lang::Ar);
    }

    #[test]
    fn the_phone_is_optional() {
        let registration = RegistrationForm {
            phone: " ",
            ..form()
        }
        .parse()
        .expect("valid");
        assert_eq!(registration.phone, None);
    }

    #[test]
    fn consent_needs_both_confirmations() {
        for (notice_read, agreed) in [(false, true), (true, false), (false, false)] {
            let problems = RegistrationForm {
                notice_read,
                agreed,
                ..form()
            }
            .parse()
            .expect_err("not confirmed");
            assert_eq!(
                problems,
                vec![FieldProblem::new(
                    Field::ConsentTaken,
                    ProfileProblem::ConsentNotConfirmed
                )]
            );
        }
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let problems = RegistrationForm {
            full_name: "",
            phone: "call me",
            notice_version: "2020-01",
            lang: "es",
            ..form()
        }
        .parse()
        .expect_err("bad");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![Field::FullName, Field::Phone, Field::Locale, Field::Form]
        );
    }
}
