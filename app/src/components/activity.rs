//! A table of audit events (sign-ins, account changes).

use crate::domain::shared::audit::AuditAction;
use crate::i18n::*;
use crate::pages::shared::labels::moment_text;
use crate::wire::shared::iso;
use crate::wire::shared::AuditEvent;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

pub fn action_text(i18n: I18nContext<Locale>, action: AuditAction) -> String {
    action_words(i18n.get_locale_untracked(), action)
}

/// An action in words, in `locale` (also for files written outside a page, the trail's CSV).
pub fn action_words(locale: Locale, action: AuditAction) -> String {
    match action {
        AuditAction::LoginSucceeded => td_string!(locale, audit.login_succeeded),
        AuditAction::LoginFailed => td_string!(locale, audit.login_failed),
        AuditAction::SignedUp => td_string!(locale, audit.signed_up),
        AuditAction::LoggedOut => td_string!(locale, audit.logged_out),
        AuditAction::RoleChanged => td_string!(locale, audit.role_changed),
        AuditAction::UserRenamed => td_string!(locale, audit.user_renamed),
        AuditAction::FirstPasswordSet => td_string!(locale, audit.first_password_set),
        AuditAction::UserCreated => td_string!(locale, audit.user_created),
        AuditAction::ConsentGiven => td_string!(locale, audit.consent_given),
        AuditAction::ProfileUpdated => td_string!(locale, audit.profile_updated),
        AuditAction::EnrolmentRequested => td_string!(locale, audit.enrolment_requested),
        AuditAction::EnrolmentWithdrawn => td_string!(locale, audit.enrolment_withdrawn),
        AuditAction::EnrolmentDecided => td_string!(locale, audit.enrolment_decided),
        AuditAction::PlanStarted => td_string!(locale, audit.plan_started),
        AuditAction::MatchesExported => td_string!(locale, audit.matches_exported),
        AuditAction::ShortlistViewed => td_string!(locale, audit.shortlist_viewed),
        AuditAction::PasswordChanged => td_string!(locale, audit.password_changed),
        AuditAction::ApplicantRegistered => td_string!(locale, audit.applicant_registered),
        AuditAction::AccountHandedOver => td_string!(locale, audit.account_handed_over),
        AuditAction::ProfileViewed => td_string!(locale, audit.profile_viewed),
        AuditAction::TrainingCreated => td_string!(locale, audit.training_created),
        AuditAction::TrainingUpdated => td_string!(locale, audit.training_updated),
        AuditAction::TrainingsImported => td_string!(locale, audit.trainings_imported),
        AuditAction::CallCreated => td_string!(locale, audit.call_created),
        AuditAction::CallUpdated => td_string!(locale, audit.call_updated),
        AuditAction::PlanTransition => td_string!(locale, audit.plan_transition),
        AuditAction::PlanCommented => td_string!(locale, audit.plan_commented),
        AuditAction::SessionLogged => td_string!(locale, audit.session_logged),
        AuditAction::MentorAssigned => td_string!(locale, audit.mentor_assigned),
        AuditAction::MentorProfileSaved => td_string!(locale, audit.mentor_profile_saved),
        AuditAction::PlanEdited => td_string!(locale, audit.plan_edited),
        AuditAction::CommitteeMemberAdded => td_string!(locale, audit.committee_member_added),
        AuditAction::CommitteeMemberRemoved => td_string!(locale, audit.committee_member_removed),
        AuditAction::ReviewSessionCreated => td_string!(locale, audit.review_session_created),
        AuditAction::ConflictDeclared => td_string!(locale, audit.conflict_declared),
        AuditAction::PlanScored => td_string!(locale, audit.plan_scored),
        AuditAction::PlanDecided => td_string!(locale, audit.plan_decided),
        AuditAction::TrancheReleased => td_string!(locale, audit.tranche_released),
        AuditAction::PayeeRegistered => td_string!(locale, audit.payee_registered),
        AuditAction::PayeeRemoved => td_string!(locale, audit.payee_removed),
        AuditAction::PayeeConfirmed => td_string!(locale, audit.payee_confirmed),
        AuditAction::SupplierProposed => td_string!(locale, audit.supplier_proposed),
        AuditAction::SupplierApproved => td_string!(locale, audit.supplier_approved),
        AuditAction::SupplierRetired => td_string!(locale, audit.supplier_retired),
        AuditAction::ReportSettingsChanged => td_string!(locale, audit.report_settings_changed),
        AuditAction::PaymentConfirmed => td_string!(locale, audit.payment_confirmed),
        AuditAction::PaymentFailed => td_string!(locale, audit.payment_failed),
        AuditAction::TrancheCancelled => td_string!(locale, audit.tranche_cancelled),
        AuditAction::VisitRecorded => td_string!(locale, audit.visit_recorded),
        AuditAction::EvidenceAdded => td_string!(locale, audit.evidence_added),
        AuditAction::LedgerExported => td_string!(locale, audit.ledger_exported),
        AuditAction::CommitteePlanViewed => td_string!(locale, audit.committee_plan_viewed),
        AuditAction::AuditTrailExported => td_string!(locale, audit.audit_trail_exported),
        AuditAction::PaymentDetailsViewed => td_string!(locale, audit.payment_details_viewed),
        AuditAction::ConsentWithdrawn => td_string!(locale, audit.consent_withdrawn),
        AuditAction::HeldDataViewed => td_string!(locale, audit.held_data_viewed),
        AuditAction::HeldDataExported => td_string!(locale, audit.held_data_exported),
        AuditAction::ErasureRequested => td_string!(locale, audit.erasure_requested),
        AuditAction::ErasureCancelled => td_string!(locale, audit.erasure_cancelled),
        AuditAction::PersonErased => td_string!(locale, audit.person_erased),
        AuditAction::DraftExpired => td_string!(locale, audit.draft_expired),
        AuditAction::RetentionApplied => td_string!(locale, audit.retention_applied),
        AuditAction::SignUpExpired => td_string!(locale, audit.sign_up_expired),
        AuditAction::EvidenceDownloaded => td_string!(locale, audit.evidence_downloaded),
    }
    .to_string()
}

/// Events, newest first. `show_actor` adds a column naming who acted (for admins).
#[component]
pub fn ActivityTable(events: Vec<AuditEvent>, show_actor: bool) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <p class="empty">{t!(i18n, dashboard.activity_empty)}</p> }.into_any();
    }
    let rows = events
        .into_iter()
        .map(|event| {
            let actor = show_actor.then(|| {
                let who = event
                    .actor_email
                    .clone()
                    .unwrap_or_else(|| t_string!(i18n, admin.system).to_string());
                view! { <td>{who}</td> }
            });
            view! {
                <tr>
                    <td><time datetime=iso(event.at)>{moment_text(i18n, event.at)}</time></td>
                    <td>{move || action_text(i18n, event.action)}</td>
                    {actor}
                </tr>
            }
        })
        .collect_view();
    let actor_head = show_actor.then(|| view! { <th scope="col">{t!(i18n, admin.actor)}</th> });
    view! {
        <div class="table-scroll"><table class="table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, dashboard.when)}</th>
                    <th scope="col">{t!(i18n, dashboard.event)}</th>
                    {actor_head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}
