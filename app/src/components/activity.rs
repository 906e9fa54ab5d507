//! A table of audit events (sign-ins, account changes).

use crate::domain::shared::audit::AuditAction;
use crate::i18n::*;
use crate::pages::shared::labels::moment_text;
use crate::wire::shared::iso;
use crate::wire::shared::AuditEvent;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

pub fn action_text(i18n: I18nContext<Locale>, action: AuditAction) -> String {
    match action {
        AuditAction::LoginSucceeded => t_string!(i18n, audit.login_succeeded),
        AuditAction::LoginFailed => t_string!(i18n, audit.login_failed),
        AuditAction::SignedUp => t_string!(i18n, audit.signed_up),
        AuditAction::LoggedOut => t_string!(i18n, audit.logged_out),
        AuditAction::RoleChanged => t_string!(i18n, audit.role_changed),
        AuditAction::UserRenamed => t_string!(i18n, audit.user_renamed),
        AuditAction::UserCreated => t_string!(i18n, audit.user_created),
        AuditAction::ConsentGiven => t_string!(i18n, audit.consent_given),
        AuditAction::ProfileUpdated => t_string!(i18n, audit.profile_updated),
        AuditAction::EnrolmentRequested => t_string!(i18n, audit.enrolment_requested),
        AuditAction::EnrolmentWithdrawn => t_string!(i18n, audit.enrolment_withdrawn),
        AuditAction::EnrolmentDecided => t_string!(i18n, audit.enrolment_decided),
        AuditAction::PlanStarted => t_string!(i18n, audit.plan_started),
        AuditAction::MatchesExported => t_string!(i18n, audit.matches_exported),
        AuditAction::ShortlistViewed => t_string!(i18n, audit.shortlist_viewed),
        AuditAction::PasswordChanged => t_string!(i18n, audit.password_changed),
        AuditAction::ApplicantRegistered => t_string!(i18n, audit.applicant_registered),
        AuditAction::AccountHandedOver => t_string!(i18n, audit.account_handed_over),
        AuditAction::ProfileViewed => t_string!(i18n, audit.profile_viewed),
        AuditAction::TrainingCreated => t_string!(i18n, audit.training_created),
        AuditAction::TrainingUpdated => t_string!(i18n, audit.training_updated),
        AuditAction::TrainingsImported => t_string!(i18n, audit.trainings_imported),
        AuditAction::CallCreated => t_string!(i18n, audit.call_created),
        AuditAction::CallUpdated => t_string!(i18n, audit.call_updated),
        AuditAction::PlanTransition => t_string!(i18n, audit.plan_transition),
        AuditAction::PlanCommented => t_string!(i18n, audit.plan_commented),
        AuditAction::SessionLogged => t_string!(i18n, audit.session_logged),
        AuditAction::MentorAssigned => t_string!(i18n, audit.mentor_assigned),
        AuditAction::MentorProfileSaved => t_string!(i18n, audit.mentor_profile_saved),
        AuditAction::PlanEdited => t_string!(i18n, audit.plan_edited),
        AuditAction::CommitteeMemberAdded => t_string!(i18n, audit.committee_member_added),
        AuditAction::CommitteeMemberRemoved => t_string!(i18n, audit.committee_member_removed),
        AuditAction::ReviewSessionCreated => t_string!(i18n, audit.review_session_created),
        AuditAction::ConflictDeclared => t_string!(i18n, audit.conflict_declared),
        AuditAction::PlanScored => t_string!(i18n, audit.plan_scored),
        AuditAction::PlanDecided => t_string!(i18n, audit.plan_decided),
        AuditAction::TrancheReleased => t_string!(i18n, audit.tranche_released),
        AuditAction::PaymentConfirmed => t_string!(i18n, audit.payment_confirmed),
        AuditAction::PaymentFailed => t_string!(i18n, audit.payment_failed),
        AuditAction::TrancheCancelled => t_string!(i18n, audit.tranche_cancelled),
        AuditAction::VisitRecorded => t_string!(i18n, audit.visit_recorded),
        AuditAction::EvidenceAdded => t_string!(i18n, audit.evidence_added),
        AuditAction::LedgerExported => t_string!(i18n, audit.ledger_exported),
        AuditAction::CommitteePlanViewed => t_string!(i18n, audit.committee_plan_viewed),
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
