//! The applicant's profile: consent first, then the wizard's steps. Every function but
//! `give_consent` acts on a [`subject::Subject`]: the applicant themself, or the applicant a
//! caseworker names.

pub mod add_document;
pub mod add_skill;
pub mod add_work;
pub mod applicants;
pub mod give_consent;
pub mod load;
pub mod register;
pub mod remove_document;
pub mod remove_payee;
pub mod remove_skill;
pub mod remove_work;
pub mod save_identity;
pub mod save_payee;
pub mod save_situation;
pub mod search_skills;
#[cfg(feature = "ssr")]
pub mod subject;
pub mod withdraw_consent;

pub use add_document::{add_document, AddDocument};
pub use add_skill::{add_skill, AddSkill};
pub use add_work::{add_work, AddWork};
pub use applicants::{applicants, Applicants};
pub use give_consent::{give_consent, GiveConsent};
pub use load::{profile_page, LoadProfile};
pub use register::{register_applicant, RegisterApplicant};
pub use remove_document::{remove_document, RemoveDocument};
pub use remove_payee::{remove_payee, RemovePayee};
pub use remove_skill::{remove_skill, RemoveSkill};
pub use remove_work::{remove_work, RemoveWork};
pub use save_identity::{save_identity, SaveIdentity};
pub use save_payee::{save_payee, SavePayee};
pub use save_situation::{save_situation, SaveSituation};
pub use search_skills::{search_skills, SearchSkills};
pub use withdraw_consent::{withdraw_consent, WithdrawConsent};

/// Documents and skills hang on a profile: the identity step (which itself needs consent)
/// comes first.
#[cfg(feature = "ssr")]
pub async fn require_identity(
    tx: &mut crate::db::Tx,
    user_id: i64,
) -> Result<(), crate::error::AppError> {
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    match crate::db::profile::profiles::identity(tx, user_id).await? {
        Some(_) => Ok(()),
        None => Err(crate::error::AppError::field(
            Field::Form,
            ProfileProblem::IdentityFirst,
        )),
    }
}

/// Nothing is done for or with an applicant without their consent to the current notice
/// (security.md, Privacy): acting on an offer asks for it like the profile does.
#[cfg(feature = "ssr")]
pub async fn require_consent(
    tx: &mut crate::db::Tx,
    user_id: i64,
) -> Result<(), crate::error::AppError> {
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    let consented = crate::db::profile::profiles::latest_consent(tx, user_id)
        .await?
        .is_some_and(|c| c.given && c.notice_version == NOTICE_VERSION);
    if consented {
        Ok(())
    } else {
        Err(crate::error::AppError::field(
            Field::Form,
            ProfileProblem::ConsentRequired,
        ))
    }
}
