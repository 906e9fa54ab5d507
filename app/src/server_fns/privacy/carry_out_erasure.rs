use crate::error::AppError;
use leptos::prelude::*;

/// A second admin carries out a waiting erasure request (`confirmed` is the box saying they
/// checked it). In one transaction: the person's open seat requests and plans are withdrawn
/// through their usual steps, their consent is withdrawn, their data is erased
/// (`db::privacy::erasure::erase`), the request is closed and the erasure is on the audit trail
/// (numbers and codes only). Refused while a payment to them awaits confirmation.
#[server(name = CarryOutErasure, endpoint = "privacy/carry_out_erasure")]
pub async fn carry_out_erasure(request: String, confirmed: Option<String>) -> Result<(), AppError> {
    use crate::db::accounts::{login_attempts::account_key, users};
    use crate::db::{privacy::erasure, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::privacy::erasure::ErasureStatus;
    use crate::domain::privacy::problem::PrivacyProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::subject::Subject;
    use crate::server_fns::profile::withdraw_consent::{withdraw_enrolments, withdraw_plans};
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let id = parse_id(&request)?;
            if confirmed.as_deref() != Some("yes") {
                return Err(AppError::form(PrivacyProblem::ErasureNotConfirmed));
            }
            let mut tx = context()?.db.begin().await?;
            let row = erasure::request(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            if row.status != ErasureStatus::Pending.code() {
                return Err(AppError::form(PrivacyProblem::ErasureNotPending));
            }
            if row.requested_by == me.id {
                return Err(AppError::form(PrivacyProblem::ErasureSameAdmin));
            }
            let person = row.user_id;
            if erasure::money_in_flight(&mut tx, person).await? {
                return Err(AppError::form(PrivacyProblem::ErasureMoneyInFlight));
            }
            // Claimed first, with a guarded write: a cancellation that committed meanwhile
            // wins, and nothing is erased.
            if !erasure::close(&mut tx, id, ErasureStatus::Erased.code(), me.id).await? {
                return Err(AppError::form(PrivacyProblem::ErasureNotPending));
            }
            let subject = Subject {
                actor: me.id,
                id: person,
                assisted: true,
            };
            let enrolments = withdraw_enrolments(&mut tx, &subject).await?;
            let why = serde_json::json!({ "erasure": id });
            let plans = withdraw_plans(&mut tx, &subject, why).await?;
            withdraw_consent(&mut tx, person, me.id).await?;
            let email = users::find_by_id(&mut tx, person)
                .await?
                .and_then(|account| account.email);
            erasure::erase(
                &mut tx,
                person,
                email.as_deref().map(account_key).as_deref(),
            )
            .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::PersonErased)
                    .subject("user", person)
                    .details(serde_json::json!({
                        "request": id,
                        "reason": row.reason,
                        "enrolments_withdrawn": enrolments,
                        "plans_withdrawn": plans,
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/erasures?saved=erased");
            Ok(())
        }
        .await,
    )
}

/// Records the withdrawal of the person's consent (by the admin), unless it is withdrawn
/// already: an erased person is in no list and no export, whatever else happens.
#[cfg(feature = "ssr")]
async fn withdraw_consent(tx: &mut crate::db::Tx, person: i64, admin: i64) -> Result<(), AppError> {
    use crate::db::profile::profiles;
    use crate::domain::profile::consent::NOTICE_VERSION;

    let Some(latest) = profiles::latest_consent(tx, person).await? else {
        return Ok(());
    };
    if !latest.given {
        return Ok(());
    }
    profiles::record_consent(
        tx,
        profiles::NewConsent {
            user_id: person,
            notice_version: NOTICE_VERSION,
            // The withdrawal is the admin's, not read out to anyone: the default language.
            language: crate::domain::shared::locale::Lang::DEFAULT.code(),
            given: false,
            recorded_by: Some(admin),
        },
    )
    .await
}
