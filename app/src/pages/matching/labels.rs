//! Matching words in the reader's language: what went wrong with an offer or a shortlist.

use crate::domain::matching::problem::MatchingProblem;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The sentence for one matching problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: MatchingProblem) -> String {
    match problem {
        MatchingProblem::NotEligible => t_string!(i18n, problem.not_eligible).to_string(),
        MatchingProblem::ScoreInvalid => t_string!(i18n, problem.score_invalid).to_string(),
    }
}
