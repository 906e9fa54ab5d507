//! Committee words in the reader's language.

use crate::domain::committee::problem::CommitteeProblem;
use crate::domain::committee::{points, Quorum, Standing};
use crate::i18n::*;
use crate::pages::shared::labels::money_text;
use leptos_i18n::I18nContext;

pub fn standing_name(i18n: I18nContext<Locale>, standing: Standing) -> String {
    match standing {
        Standing::ToDeclare => t_string!(i18n, committee.standing_to_declare),
        Standing::Recused => t_string!(i18n, committee.standing_recused),
        Standing::ToScore => t_string!(i18n, committee.standing_to_score),
        Standing::Scored => t_string!(i18n, committee.standing_scored),
    }
    .to_string()
}

/// "2 of 3 score sheets".
pub fn quorum_text(i18n: I18nContext<Locale>, quorum: Quorum) -> String {
    t_string!(
        i18n,
        committee.quorum_progress,
        have = quorum.have,
        need = quorum.need
    )
    .to_string()
}

/// A weighted total as points out of 5: "3.45 / 5".
pub fn points_text(weighted: i64) -> String {
    format!("{} / 5", points(weighted))
}

/// The sentence for one committee problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: CommitteeProblem) -> String {
    match problem {
        CommitteeProblem::AmountAboveRequested { requested_centimes } => t_string!(
            i18n,
            problem.amount_above_requested,
            requested = money_text(
                i18n,
                crate::domain::shared::money::Money::from_centimes(requested_centimes)
            )
        )
        .to_string(),
        CommitteeProblem::AmountAboveMaximum { max_centimes } => t_string!(
            i18n,
            problem.amount_above_maximum,
            max = money_text(
                i18n,
                crate::domain::shared::money::Money::from_centimes(max_centimes)
            )
        )
        .to_string(),
        CommitteeProblem::QuorumNotReached { have, need } => {
            t_string!(i18n, problem.quorum_not_reached, have, need).to_string()
        }
        CommitteeProblem::NotChair => t_string!(i18n, problem.not_chair).to_string(),
        CommitteeProblem::ChairDecides => t_string!(i18n, problem.chair_decides).to_string(),
        CommitteeProblem::DeciderConflicted { deputy_named } => {
            let why = t_string!(i18n, problem.decider_conflicted).to_string();
            format!("{why} {}", who_decides_instead(i18n, deputy_named))
        }
        CommitteeProblem::DeciderCoached { deputy_named } => {
            let why = t_string!(i18n, problem.decider_coached).to_string();
            format!("{why} {}", who_decides_instead(i18n, deputy_named))
        }
        CommitteeProblem::OutcomeUnknown => t_string!(i18n, problem.outcome_unknown).to_string(),
        CommitteeProblem::ScoreMissing { criterion } => t_string!(
            i18n,
            problem.score_missing,
            criterion = crate::pages::catalogue::labels::criterion_label(i18n, criterion)
        )
        .to_string(),
        CommitteeProblem::ScoreOutOfRange { criterion } => t_string!(
            i18n,
            problem.score_out_of_range,
            criterion = crate::pages::catalogue::labels::criterion_label(i18n, criterion)
        )
        .to_string(),
        CommitteeProblem::NotUnderReview => t_string!(i18n, problem.not_under_review).to_string(),
        CommitteeProblem::CoachedPlan => t_string!(i18n, problem.coached_plan).to_string(),
        CommitteeProblem::DeclarationRequired => {
            t_string!(i18n, problem.declaration_required).to_string()
        }
        CommitteeProblem::Recused => t_string!(i18n, problem.recused).to_string(),
        CommitteeProblem::AlreadyScored => t_string!(i18n, problem.already_scored).to_string(),
        CommitteeProblem::ConflictAnswerMissing => {
            t_string!(i18n, problem.conflict_answer_missing).to_string()
        }
        CommitteeProblem::NotACommitteeAccount => {
            t_string!(i18n, problem.not_a_committee_account).to_string()
        }
        CommitteeProblem::AlreadyMember => t_string!(i18n, problem.already_member).to_string(),
    }
}

/// Who decides when the chair may not: the deputy, or nobody until an admin names one.
fn who_decides_instead(i18n: I18nContext<Locale>, deputy_named: bool) -> String {
    if deputy_named {
        t_string!(i18n, problem.deputy_decides).to_string()
    } else {
        t_string!(i18n, problem.no_deputy).to_string()
    }
}
