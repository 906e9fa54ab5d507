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
        Event::VisitDue { title, months, .. } => (
            td_string!(locale, notify.visit_due_subject, title, months).to_string(),
            td_string!(locale, notify.visit_due_body, title, months).to_string(),
        ),
        _ => account_words(locale, event),
    };
    Words { subject, body }
}

/// The words of the messages about one's account and of the offers one asked to hear of
/// (subject, body); every other event is worded in [`words`].
fn account_words(locale: Locale, event: &Event) -> (String, String) {
    match event {
        Event::PasswordReset { minutes } => (
            td_string!(locale, notify.password_reset_subject).to_string(),
            td_string!(locale, notify.password_reset_body, minutes).to_string(),
        ),
        Event::ConfirmSignUp { hours } => (
            td_string!(locale, notify.confirm_sign_up_subject).to_string(),
            td_string!(locale, notify.confirm_sign_up_body, hours).to_string(),
        ),
        Event::SignUpAttempted => (
            td_string!(locale, notify.sign_up_attempted_subject).to_string(),
            td_string!(locale, notify.sign_up_attempted_body).to_string(),
        ),
        Event::PasswordChanged => (
            td_string!(locale, notify.password_changed_subject).to_string(),
            td_string!(locale, notify.password_changed_body).to_string(),
        ),
        Event::NewTraining { title } => (
            td_string!(locale, notify.new_training_subject, title).to_string(),
            td_string!(locale, notify.new_training_body, title).to_string(),
        ),
        Event::NewCall { title } => (
            td_string!(locale, notify.new_call_subject, title).to_string(),
            td_string!(locale, notify.new_call_body, title).to_string(),
        ),
        _ => (String::new(), String::new()),
    }
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
    // Someone signing up has no account yet: the usual footer would say they do.
    let footer = match event {
        Event::ConfirmSignUp { .. } => td_string!(locale, notify.footer_sign_up).to_string(),
        _ => td_string!(locale, notify.footer).to_string(),
    };
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

    /// One event of each kind, about "Épicerie".
    #[rustfmt::skip]
    fn every_event() -> Vec<Event> {
        let (p, t) = (7, "Épicerie".to_owned());
        vec![
            Event::PasswordReset { minutes: 30 },
            Event::PasswordChanged,
            Event::ConfirmSignUp { hours: 24 },
            Event::SignUpAttempted,
            Event::EnrolmentConfirmed { training: t.clone() },
            Event::EnrolmentDeclined { training: t.clone() },
            Event::PlanSubmitted { plan: p, title: t.clone() },
            Event::ChangesRequested { plan: p, title: t.clone() },
            Event::ReadyForCommittee { plan: p, title: t.clone() },
            Event::CommentAdded { plan: p, title: t.clone() },
            Event::PlanOnAgenda { plan: p, title: t.clone() },
            Event::PlanApproved { plan: p, title: t.clone() },
            Event::PlanRejected { plan: p, title: t.clone() },
            Event::PlanReturned { plan: p, title: t.clone() },
            Event::TrancheReleased { call: p, title: t.clone(), number: 2 },
            Event::TranchePaid { plan: p, title: t.clone(), number: 2 },
            Event::TrancheFailed { plan: p, title: t.clone(), number: 2 },
            Event::NewTraining { title: t.clone() },
            Event::NewCall { title: t.clone() },
            Event::VisitDue { plan: p, title: t, months: 3 },
        ]
    }

    /// Each kind of event, by its place in [`every_event`]: no wildcard, so a new kind does not
    /// compile here until it is listed, and then the test below checks it has words.
    fn place(event: &Event) -> usize {
        match event {
            Event::PasswordReset { .. } => 0,
            Event::PasswordChanged => 1,
            Event::ConfirmSignUp { .. } => 2,
            Event::SignUpAttempted => 3,
            Event::EnrolmentConfirmed { .. } => 4,
            Event::EnrolmentDeclined { .. } => 5,
            Event::PlanSubmitted { .. } => 6,
            Event::ChangesRequested { .. } => 7,
            Event::ReadyForCommittee { .. } => 8,
            Event::CommentAdded { .. } => 9,
            Event::PlanOnAgenda { .. } => 10,
            Event::PlanApproved { .. } => 11,
            Event::PlanRejected { .. } => 12,
            Event::PlanReturned { .. } => 13,
            Event::TrancheReleased { .. } => 14,
            Event::TranchePaid { .. } => 15,
            Event::TrancheFailed { .. } => 16,
            Event::NewTraining { .. } => 17,
            Event::NewCall { .. } => 18,
            Event::VisitDue { .. } => 19,
        }
    }

    #[test]
    fn every_event_has_words_in_every_language() {
        let events = every_event();
        let places: Vec<usize> = events.iter().map(place).collect();
        assert_eq!(places, (0..events.len()).collect::<Vec<_>>());
        for locale in [Locale::fr, Locale::en, Locale::ar] {
            for event in &events {
                let Words { subject, body } = words(locale, event);
                assert!(
                    !subject.is_empty() && !body.is_empty(),
                    "{locale:?} {event:?}"
                );
            }
        }
        let visit = words(Locale::fr, &events[19]);
        assert!(
            visit.subject.contains("Épicerie") && visit.subject.contains("3 mois"),
            "{}",
            visit.subject
        );
        let footer = |event: &Event| email(Locale::en, event, "https://x.test/").text;
        assert!(
            footer(&events[2]).contains("sign-up form"),
            "a sign-up's link has no account to speak of"
        );
        assert!(footer(&events[3]).contains("you have an account"));
    }

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
