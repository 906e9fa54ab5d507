//! Committee words in the reader's language.

use crate::domain::committee::{points, Quorum, Standing};
use crate::i18n::*;
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
