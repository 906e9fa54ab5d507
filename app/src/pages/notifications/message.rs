//! The words of each notification, in each language: the in-app line and the email (subject,
//! text and HTML parts). Both come from the `notify` section of the locale files.

use crate::domain::notifications::event::Event;
use crate::i18n::*;

/// What a notification says: a subject (the in-app line) and the body's sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub subject: String,
    pub body: String,
}

pub fn words(locale: Locale, event: &Event) -> Words {
    let (subject, body) = match event {
        Event::PasswordReset { minutes } => (
            td_string!(locale, notify.password_reset_subject).to_string(),
            td_string!(locale, notify.password_reset_body, minutes).to_string(),
        ),
        Event::PasswordChanged => (
            td_string!(locale, notify.password_changed_subject).to_string(),
            td_string!(locale, notify.password_changed_body).to_string(),
        ),
        Event::EnrolmentConfirmed { training } => (
            td_string!(locale, notify.enrolment_confirmed_subject, training).to_string(),
            td_string!(locale, notify.enrolment_confirmed_body, training).to_string(),
        ),
        Event::EnrolmentDeclined { training } => (
            td_string!(locale, notify.enrolment_declined_subject, training).to_string(),
            td_string!(locale, notify.enrolment_declined_body, training).to_string(),
        ),
        Event::PlanSubmitted { title, .. } => (
            td_string!(locale, notify.plan_submitted_subject, title).to_string(),
            td_string!(locale, notify.plan_submitted_body, title).to_string(),
        ),
        Event::ChangesRequested { title, .. } => (
            td_string!(locale, notify.changes_requested_subject, title).to_string(),
            td_string!(locale, notify.changes_requested_body, title).to_string(),
        ),
        Event::ReadyForCommittee { title, .. } => (
            td_string!(locale, notify.ready_for_committee_subject, title).to_string(),
            td_string!(locale, notify.ready_for_committee_body, title).to_string(),
        ),
        Event::CommentAdded { title, .. } => (
            td_string!(locale, notify.comment_added_subject, title).to_string(),
            td_string!(locale, notify.comment_added_body, title).to_string(),
        ),
        Event::PlanOnAgenda { title, .. } => (
            td_string!(locale, notify.plan_on_agenda_subject, title).to_string(),
            td_string!(locale, notify.plan_on_agenda_body, title).to_string(),
        ),
        Event::PlanApproved { title, .. } => (
            td_string!(locale, notify.plan_approved_subject, title).to_string(),
            td_string!(locale, notify.plan_approved_body, title).to_string(),
        ),
        Event::PlanRejected { title, .. } => (
            td_string!(locale, notify.plan_rejected_subject, title).to_string(),
            td_string!(locale, notify.plan_rejected_body, title).to_string(),
        ),
        Event::PlanReturned { title, .. } => (
            td_string!(locale, notify.plan_returned_subject, title).to_string(),
            td_string!(locale, notify.plan_returned_body, title).to_string(),
        ),
        Event::TrancheReleased { title, number, .. } => (
            td_string!(locale, notify.tranche_released_subject, title, number).to_string(),
            td_string!(locale, notify.tranche_released_body, title, number).to_string(),
        ),
        Event::TranchePaid { title, number, .. } => (
            td_string!(locale, notify.tranche_paid_subject, number).to_string(),
            td_string!(locale, notify.tranche_paid_body, title, number).to_string(),
        ),
        Event::TrancheFailed { title, number, .. } => (
            td_string!(locale, notify.tranche_failed_subject, number).to_string(),
            td_string!(locale, notify.tranche_failed_body, title, number).to_string(),
        ),
    };
    Words { subject, body }
}

/// An email ready for the transport: subject, plain text and HTML, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The email for `event` in `locale`, pointing to `url` (absolute, with the one-time token
/// when there is one). The HTML part is right-to-left in Arabic; every text in it is escaped.
#[cfg(feature = "ssr")]
pub fn email(locale: Locale, event: &Event, url: &str) -> Email {
    use crate::domain::shared::locale::Lang;
    let Words { subject, body } = words(locale, event);
    let greeting = td_string!(locale, notify.greeting).to_string();
    let action = td_string!(locale, notify.open).to_string();
    let footer = td_string!(locale, notify.footer).to_string();
    let text = format!("{greeting}\n\n{body}\n\n{action}:\n{url}\n\n-- \n{footer}\n");
    let lang = match locale {
        Locale::fr => Lang::Fr,
        Locale::en => Lang::En,
        Locale::ar => Lang::Ar,
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5\">\n\
         <p>{greeting}</p>\n<p>{body}</p>\n<p><a href=\"{href}\">{action}</a></p>\n\
         <p style=\"color:#555;font-size:small\">{footer}</p>\n</body></html>\n",
        code = lang.code(),
        dir = lang.direction().as_str(),
        title = escape(&subject),
        greeting = escape(&greeting),
        body = escape(&body),
        href = escape(url),
        action = escape(&action),
        footer = escape(&footer),
    );
    Email {
        subject,
        text,
        html,
    }
}

/// Text made safe inside HTML elements and double-quoted attributes.
#[cfg(feature = "ssr")]
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_double_quoted_attribute(text)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_training_and_links() {
        let event = Event::EnrolmentConfirmed {
            training: "Couture <avancée>".into(),
        };
        for locale in [Locale::fr, Locale::en, Locale::ar] {
            let mail = email(locale, &event, "https://example.org/enrolments");
            assert!(
                mail.subject.contains("Couture <avancée>"),
                "{}",
                mail.subject
            );
            assert!(mail.text.contains("https://example.org/enrolments"));
            assert!(
                mail.html.contains("Couture &lt;avancée&gt;"),
                "{}",
                mail.html
            );
            assert!(!mail.html.contains("<avancée>"));
            assert!(
                mail.html
                    .contains("href=\"https://example.org/enrolments\""),
                "{}",
                mail.html
            );
        }
        let ar = email(Locale::ar, &event, "https://example.org/x");
        assert!(ar.html.contains("dir=\"rtl\""), "{}", ar.html);
        assert!(email(Locale::fr, &event, "x").html.contains("dir=\"ltr\""));
        assert_ne!(
            words(Locale::fr, &event).subject,
            words(Locale::en, &event).subject
        );
    }
}
