//! What the audit trail records. Each action is stored by its name and shown translated.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    SignedUp,
    LoggedOut,
    RoleChanged,
    UserCreated,
    UserRenamed,
    /// An admin gave a staff account a new first password (to be replaced at its next sign-in).
    FirstPasswordSet,
    ConsentGiven,
    ProfileUpdated,
    EnrolmentRequested,
    EnrolmentWithdrawn,
    EnrolmentDecided,
    PlanStarted,
    MatchesExported,
    PasswordChanged,
    /// Staff read the ranked applicants of an offer (names and contacts).
    ShortlistViewed,
    /// A caseworker registered someone, with consent taken in person.
    ApplicantRegistered,
    /// A caseworker gave an assisted account its email and first password.
    AccountHandedOver,
    /// A caseworker read someone's profile.
    ProfileViewed,
    TrainingCreated,
    TrainingUpdated,
    TrainingsImported,
    CallCreated,
    CallUpdated,
    /// A plan changed state (submitted, changes asked, signed off, withdrawn).
    PlanTransition,
    PlanCommented,
    /// A mentor logged a session with an applicant.
    SessionLogged,
    MentorAssigned,
    MentorProfileSaved,
    /// An applicant saved a section or the figures of their plan (the part, never the text).
    PlanEdited,
    CommitteeMemberAdded,
    CommitteeMemberRemoved,
    ReviewSessionCreated,
    ConflictDeclared,
    PlanScored,
    PlanDecided,
    TrancheReleased,
    PayeeRegistered,
    PayeeRemoved,
    PayeeConfirmed,
    SupplierProposed,
    SupplierApproved,
    SupplierRetired,
    ReportSettingsChanged,
    PaymentConfirmed,
    PaymentFailed,
    TrancheCancelled,
    VisitRecorded,
    EvidenceAdded,
    LedgerExported,
    CommitteePlanViewed,
    /// An admin took a part of this trail away as a file.
    AuditTrailExported,
    /// Staff read beneficiaries' payment details (payee, supplier, payment reference).
    PaymentDetailsViewed,
    /// Staff downloaded a monitoring visit's evidence file.
    EvidenceDownloaded,
    /// The person withdrew their consent (themself, or through a caseworker in person).
    ConsentWithdrawn,
    /// Retention removed expired records (how many of each kind in the details).
    RetentionApplied,
    /// Retention closed an applicant account that never got as far as a profile.
    SignUpExpired,
    /// A caseworker opened the page of everything held about a person.
    HeldDataViewed,
    /// Everything held about a person was downloaded (by them, or a caseworker for them).
    HeldDataExported,
    /// An admin asked for a person's erasure (a second admin carries it out).
    ErasureRequested,
    /// An erasure request was cancelled before it was carried out.
    ErasureCancelled,
    /// A second admin carried out an erasure: the person's data is gone or pseudonymised.
    PersonErased,
    /// Retention withdrew a draft plan nobody had touched for its period.
    DraftExpired,
}

impl AuditAction {
    pub const ALL: [AuditAction; 64] = [
        AuditAction::LoginSucceeded,
        AuditAction::LoginFailed,
        AuditAction::SignedUp,
        AuditAction::LoggedOut,
        AuditAction::RoleChanged,
        AuditAction::UserCreated,
        AuditAction::UserRenamed,
        AuditAction::FirstPasswordSet,
        AuditAction::ConsentGiven,
        AuditAction::ProfileUpdated,
        AuditAction::EnrolmentRequested,
        AuditAction::EnrolmentWithdrawn,
        AuditAction::EnrolmentDecided,
        AuditAction::PlanStarted,
        AuditAction::MatchesExported,
        AuditAction::ShortlistViewed,
        AuditAction::PasswordChanged,
        AuditAction::ApplicantRegistered,
        AuditAction::AccountHandedOver,
        AuditAction::ProfileViewed,
        AuditAction::TrainingCreated,
        AuditAction::TrainingUpdated,
        AuditAction::TrainingsImported,
        AuditAction::CallCreated,
        AuditAction::CallUpdated,
        AuditAction::PlanTransition,
        AuditAction::PlanCommented,
        AuditAction::SessionLogged,
        AuditAction::MentorAssigned,
        AuditAction::MentorProfileSaved,
        AuditAction::PlanEdited,
        AuditAction::CommitteeMemberAdded,
        AuditAction::CommitteeMemberRemoved,
        AuditAction::ReviewSessionCreated,
        AuditAction::ConflictDeclared,
        AuditAction::PlanScored,
        AuditAction::PlanDecided,
        AuditAction::TrancheReleased,
        AuditAction::PayeeRegistered,
        AuditAction::PayeeRemoved,
        AuditAction::PayeeConfirmed,
        AuditAction::SupplierProposed,
        AuditAction::SupplierApproved,
        AuditAction::SupplierRetired,
        AuditAction::ReportSettingsChanged,
        AuditAction::PaymentConfirmed,
        AuditAction::PaymentFailed,
        AuditAction::TrancheCancelled,
        AuditAction::VisitRecorded,
        AuditAction::EvidenceAdded,
        AuditAction::LedgerExported,
        AuditAction::CommitteePlanViewed,
        AuditAction::AuditTrailExported,
        AuditAction::PaymentDetailsViewed,
        AuditAction::EvidenceDownloaded,
        AuditAction::ConsentWithdrawn,
        AuditAction::RetentionApplied,
        AuditAction::SignUpExpired,
        AuditAction::HeldDataViewed,
        AuditAction::HeldDataExported,
        AuditAction::ErasureRequested,
        AuditAction::ErasureCancelled,
        AuditAction::PersonErased,
        AuditAction::DraftExpired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::LoginSucceeded => "login_succeeded",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::SignedUp => "signed_up",
            AuditAction::LoggedOut => "logged_out",
            AuditAction::RoleChanged => "role_changed",
            AuditAction::UserCreated => "user_created",
            AuditAction::UserRenamed => "user_renamed",
            AuditAction::FirstPasswordSet => "first_password_set",
            AuditAction::ConsentGiven => "consent_given",
            AuditAction::ProfileUpdated => "profile_updated",
            AuditAction::EnrolmentRequested => "enrolment_requested",
            AuditAction::EnrolmentWithdrawn => "enrolment_withdrawn",
            AuditAction::EnrolmentDecided => "enrolment_decided",
            AuditAction::PlanStarted => "plan_started",
            AuditAction::MatchesExported => "matches_exported",
            AuditAction::ShortlistViewed => "shortlist_viewed",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::ApplicantRegistered => "applicant_registered",
            AuditAction::AccountHandedOver => "account_handed_over",
            AuditAction::ProfileViewed => "profile_viewed",
            AuditAction::TrainingCreated => "training_created",
            AuditAction::TrainingUpdated => "training_updated",
            AuditAction::TrainingsImported => "trainings_imported",
            AuditAction::CallCreated => "call_created",
            AuditAction::CallUpdated => "call_updated",
            AuditAction::PlanTransition => "plan_transition",
            AuditAction::PlanCommented => "plan_commented",
            AuditAction::SessionLogged => "session_logged",
            AuditAction::MentorAssigned => "mentor_assigned",
            AuditAction::MentorProfileSaved => "mentor_profile_saved",
            AuditAction::PlanEdited => "plan_edited",
            AuditAction::CommitteeMemberAdded => "committee_member_added",
            AuditAction::CommitteeMemberRemoved => "committee_member_removed",
            AuditAction::ReviewSessionCreated => "review_session_created",
            AuditAction::ConflictDeclared => "conflict_declared",
            AuditAction::PlanScored => "plan_scored",
            AuditAction::PlanDecided => "plan_decided",
            AuditAction::TrancheReleased => "tranche_released",
            AuditAction::PayeeRegistered => "payee_registered",
            AuditAction::PayeeRemoved => "payee_removed",
            AuditAction::PayeeConfirmed => "payee_confirmed",
            AuditAction::SupplierProposed => "supplier_proposed",
            AuditAction::SupplierApproved => "supplier_approved",
            AuditAction::SupplierRetired => "supplier_retired",
            AuditAction::ReportSettingsChanged => "report_settings_changed",
            AuditAction::PaymentConfirmed => "payment_confirmed",
            AuditAction::PaymentFailed => "payment_failed",
            AuditAction::TrancheCancelled => "tranche_cancelled",
            AuditAction::VisitRecorded => "visit_recorded",
            AuditAction::EvidenceAdded => "evidence_added",
            AuditAction::LedgerExported => "ledger_exported",
            AuditAction::CommitteePlanViewed => "committee_plan_viewed",
            AuditAction::AuditTrailExported => "audit_trail_exported",
            AuditAction::PaymentDetailsViewed => "payment_details_viewed",
            AuditAction::EvidenceDownloaded => "evidence_downloaded",
            AuditAction::ConsentWithdrawn => "consent_withdrawn",
            AuditAction::RetentionApplied => "retention_applied",
            AuditAction::SignUpExpired => "sign_up_expired",
            AuditAction::HeldDataViewed => "held_data_viewed",
            AuditAction::HeldDataExported => "held_data_exported",
            AuditAction::ErasureRequested => "erasure_requested",
            AuditAction::ErasureCancelled => "erasure_cancelled",
            AuditAction::PersonErased => "person_erased",
            AuditAction::DraftExpired => "draft_expired",
        }
    }
}

impl FromStr for AuditAction {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditAction::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_round_trips_through_its_stored_name() {
        for action in AuditAction::ALL {
            assert_eq!(action.as_str().parse(), Ok(action));
        }
    }
}
