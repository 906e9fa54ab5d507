use crate::error::AppError;
use leptos::prelude::*;

/// The person withdraws their consent (issue 16, point 1), themself or through a caseworker
/// they asked in person (recorded as such, with the caseworker). From that moment nobody on
/// the staff sees them in a list, a shortlist or an export; their open seat requests and
/// enrolments (before the training starts) and their plans not yet before the committee are
/// withdrawn through their usual steps; a grant already decided and its payments go on.
/// Giving consent again brings them back. `understood` is the box that says so.
#[server(name = WithdrawConsent, endpoint = "profile/withdraw_consent")]
pub async fn withdraw_consent(
    lang: String,
    understood: Option<String>,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::profile::profiles;
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::profile::problem::ProfileProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::locale::Lang;
    use crate::domain::shared::problem::{Field, SharedProblem};
    use crate::server_fns::profile::subject::{Subject, EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let lang: Lang = lang
                .parse()
                .map_err(|_| AppError::field(Field::Locale, SharedProblem::LocaleUnknown))?;
            if understood.as_deref() != Some("yes") {
                return Err(AppError::form(ProfileProblem::WithdrawalNotConfirmed));
            }
            let mut tx = context()?.db.begin().await?;
            // A caseworker may act only for someone whose consent is on record (`Subject`); a
            // person whose consent is already withdrawn has nothing more to withdraw.
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            let current = profiles::latest_consent(&mut tx, subject.id).await?;
            if !current.is_some_and(|c| c.given) {
                return Err(AppError::form(ProfileProblem::ConsentRequired));
            }
            profiles::record_consent(
                &mut tx,
                profiles::NewConsent {
                    user_id: subject.id,
                    notice_version: NOTICE_VERSION,
                    language: lang.code(),
                    given: false,
                    recorded_by: subject.assisted.then_some(subject.actor),
                },
            )
            .await?;
            let enrolments = withdraw_enrolments(&mut tx, &subject).await?;
            let why = serde_json::json!({ "consent_withdrawn": true });
            let plans = withdraw_plans(&mut tx, &subject, why).await?;
            let details = serde_json::json!({
                "notice": NOTICE_VERSION,
                "lang": lang.code(),
                "in_person": subject.assisted,
                "enrolments_withdrawn": enrolments,
                "plans_withdrawn": plans,
            });
            let entry = subject
                .entry(AuditAction::ConsentWithdrawn)
                .details(details);
            crate::db::shared::audit::record(&mut tx, entry).await?;
            tx.commit().await?;
            // The caseworker may no longer open the profile: back to the list, which says so.
            redirect(if subject.assisted {
                "/caseworker/applicants?saved=consent_withdrawn"
            } else {
                "/profile?saved=consent_withdrawn#consent"
            });
            Ok(())
        }
        .await,
    )
}

/// Withdraws every seat request and enrolment the person could give up themself (not one in
/// a training that has started), freeing held seats; returns how many.
#[cfg(feature = "ssr")]
pub(crate) async fn withdraw_enrolments(
    tx: &mut crate::db::Tx,
    subject: &super::subject::Subject,
) -> Result<u64, AppError> {
    use crate::db::enrolments;
    use crate::domain::shared::audit::AuditAction;

    let today = crate::db::now().date();
    let mut withdrawn = 0;
    for line in enrolments::of_user(tx, subject.id).await? {
        let Some(to) = line.withdrawn_status(today) else {
            continue;
        };
        let step = enrolments::Step {
            enrolment_id: line.id,
            training_id: line.training_id,
            actor_id: subject.actor,
            from: line.status,
            to,
            decided_by: None,
        };
        step.take(tx).await?;
        step.record(tx, AuditAction::EnrolmentWithdrawn).await?;
        withdrawn += 1;
    }
    Ok(withdrawn)
}

/// Withdraws every plan its owner could withdraw (from a draft up to ready for the committee;
/// not one under review or decided); returns how many. `why` goes in each step's audit row.
#[cfg(feature = "ssr")]
pub(crate) async fn withdraw_plans(
    tx: &mut crate::db::Tx,
    subject: &super::subject::Subject,
    why: serde_json::Value,
) -> Result<u64, AppError> {
    use crate::db::plans;
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::PlanAction;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::workflow::Workflow;

    let mut withdrawn = 0;
    for line in plans::of_user(tx, subject.id).await? {
        let Ok(to) = line
            .status
            .apply(PlanAction::Withdraw, Role::Applicant, &())
        else {
            continue;
        };
        let step = plans::Step {
            plan_id: line.id,
            actor_id: subject.actor,
            action: PlanAction::Withdraw,
            from: line.status,
            to,
            reason: None,
        };
        step.take(tx).await?;
        step.record(tx, None, AuditAction::PlanTransition, why.clone())
            .await?;
        withdrawn += 1;
    }
    Ok(withdrawn)
}
