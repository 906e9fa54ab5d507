//! Money words in the reader's language: tranche states, payment methods, release rules and
//! committee outcomes.

use crate::domain::catalogue::grant_terms::Release;
use crate::domain::committee::decision::Outcome;
use crate::domain::money::tranche::TrancheStatus;
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn tranche_status_name(i18n: I18nContext<Locale>, status: TrancheStatus) -> String {
    match status {
        TrancheStatus::Scheduled => t_string!(i18n, money.status_scheduled),
        TrancheStatus::Released => t_string!(i18n, money.status_released),
        TrancheStatus::Paid => t_string!(i18n, money.status_paid),
        TrancheStatus::Failed => t_string!(i18n, money.status_failed),
        TrancheStatus::Cancelled => t_string!(i18n, money.status_cancelled),
    }
    .to_string()
}

pub fn method_name(i18n: I18nContext<Locale>, code: &str) -> String {
    match code {
        "in_kind" => t_string!(i18n, money.method_in_kind),
        "mobile_money" => t_string!(i18n, money.method_mobile_money),
        _ => t_string!(i18n, money.method_bank_transfer),
    }
    .to_string()
}

pub fn release_name(i18n: I18nContext<Locale>, release: Release) -> String {
    match release {
        Release::AtApproval => t_string!(i18n, money.release_at_approval),
        Release::AfterMonitoringVisit => t_string!(i18n, money.release_after_visit),
    }
    .to_string()
}

pub fn outcome_name(i18n: I18nContext<Locale>, outcome: Outcome) -> String {
    match outcome {
        Outcome::Approved => t_string!(i18n, money.outcome_approved),
        Outcome::Rejected => t_string!(i18n, money.outcome_rejected),
        Outcome::Returned => t_string!(i18n, money.outcome_returned),
    }
    .to_string()
}
