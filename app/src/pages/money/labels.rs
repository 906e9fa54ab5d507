//! Money words in the reader's language: tranche states, payment methods, release rules and
//! committee outcomes.

use crate::domain::catalogue::grant_terms::Release;
use crate::domain::committee::decision::Outcome;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::money::tranche::TrancheStatus;
use crate::i18n::*;
use crate::pages::shared::labels::money_text;
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
    method_text(i18n.get_locale_untracked(), code)
}

/// A payment method in `locale`'s words, where there is no page context (the ledger CSV).
pub fn method_text(locale: Locale, code: &str) -> String {
    match code {
        "in_kind" => td_string!(locale, money.method_in_kind),
        "mobile_money" => td_string!(locale, money.method_mobile_money),
        _ => td_string!(locale, money.method_bank_transfer),
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

/// The sentence for one money problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: MoneyProblem) -> String {
    match problem {
        MoneyProblem::TrancheIs { status } => t_string!(
            i18n,
            problem.tranche_is,
            status = crate::pages::money::labels::tranche_status_name(i18n, status)
        )
        .to_string(),
        MoneyProblem::SameMakerAndChecker => {
            t_string!(i18n, problem.same_maker_and_checker).to_string()
        }
        MoneyProblem::CheckerMadeByMaker => {
            t_string!(i18n, problem.checker_made_by_maker).to_string()
        }
        MoneyProblem::GrantTooSmall { min_dirhams } => {
            t_string!(i18n, problem.grant_too_small, min_dirhams).to_string()
        }
        MoneyProblem::EnvelopeExceeded { available_centimes } => t_string!(
            i18n,
            problem.envelope_exceeded,
            available = money_text(
                i18n,
                crate::domain::shared::money::Money::from_centimes(available_centimes)
            )
        )
        .to_string(),
        MoneyProblem::VisitRequired => t_string!(i18n, problem.visit_required).to_string(),
        MoneyProblem::EarlierTrancheOpen => {
            t_string!(i18n, problem.earlier_tranche_open).to_string()
        }
        MoneyProblem::PaymentMethodUnknown => {
            t_string!(i18n, problem.payment_method_unknown).to_string()
        }
        MoneyProblem::SupplierMissing => t_string!(i18n, problem.supplier_missing).to_string(),
        MoneyProblem::InvoiceMissing => t_string!(i18n, problem.invoice_missing).to_string(),
        MoneyProblem::PayeePhoneMissing => t_string!(i18n, problem.payee_phone_missing).to_string(),
        MoneyProblem::AccountMissing => t_string!(i18n, problem.account_missing).to_string(),
        MoneyProblem::AccountInvalid => t_string!(i18n, problem.account_invalid).to_string(),
        MoneyProblem::PaymentDetailInvalid { max } => {
            t_string!(i18n, problem.payment_detail_invalid, max).to_string()
        }
        MoneyProblem::AccountKeyWrong => t_string!(i18n, problem.account_key_wrong).to_string(),
        MoneyProblem::WalletInvalid => t_string!(i18n, problem.wallet_invalid).to_string(),
        MoneyProblem::PayeeNotRegistered => {
            t_string!(i18n, problem.payee_not_registered).to_string()
        }
        MoneyProblem::PayeeUnconfirmed { days } => {
            t_string!(i18n, problem.payee_unconfirmed, days).to_string()
        }
        MoneyProblem::ConfirmerRole => t_string!(i18n, problem.confirmer_role).to_string(),
        MoneyProblem::ConfirmerRegistered => {
            t_string!(i18n, problem.confirmer_registered).to_string()
        }
        MoneyProblem::PayeeAlreadyConfirmed => {
            t_string!(i18n, problem.payee_already_confirmed).to_string()
        }
        MoneyProblem::SupplierNotApproved => {
            t_string!(i18n, problem.supplier_not_approved).to_string()
        }
        MoneyProblem::SupplierSameAdmin => t_string!(i18n, problem.supplier_same_admin).to_string(),
        MoneyProblem::SupplierListed => t_string!(i18n, problem.supplier_listed).to_string(),
        MoneyProblem::IdempotencyKeyReused => {
            t_string!(i18n, problem.idempotency_key_reused).to_string()
        }
        MoneyProblem::IdempotencyKeyInvalid => {
            t_string!(i18n, problem.idempotency_key_invalid).to_string()
        }
    }
}
