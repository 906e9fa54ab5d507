use crate::error::AppError;
use crate::wire::privacy::HeldData;
use leptos::prelude::*;

/// Everything held about the signed-in applicant, or — for a caseworker — about `applicant`
/// (who may be read is `Subject::resolve`'s rule; a caseworker's read is audited). A GET, so
/// the page is a plain link; skill names in `lang`.
#[server(name = HeldDataOf, endpoint = "privacy/held_data", input = server_fn::codec::GetUrl)]
pub async fn held_data(
    lang: String,
    #[server(default)] applicant: String,
) -> Result<HeldData, AppError> {
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::locale::Lang;
    use crate::server_fns::profile::subject::{Subject, EDITORS};
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let lang: Lang = lang.parse().unwrap_or(Lang::DEFAULT);
            let applicant = named(&applicant)?;
            let db = context()?.db;
            // A caseworker's read writes its audit row; an applicant's own read does not.
            let mut tx = if applicant.is_some() {
                db.begin().await?
            } else {
                db.read().await?
            };
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            if subject.assisted {
                crate::db::shared::audit::record(
                    &mut tx,
                    subject.entry(AuditAction::HeldDataViewed),
                )
                .await?;
            }
            let data = load(&mut tx, subject.id, lang).await?;
            tx.commit().await?;
            Ok(data)
        }
        .await,
    )
}

/// The person a caseworker named (`applicant=ID`), or nobody (the applicant themself).
#[cfg(feature = "ssr")]
pub(crate) fn named(applicant: &str) -> Result<Option<i64>, AppError> {
    match applicant.trim() {
        "" => Ok(None),
        id => crate::server_fns::parse_id(id).map(Some),
    }
}

/// Reads everything held about `person` (an applicant account) in `tx`.
#[cfg(feature = "ssr")]
pub(crate) async fn load(
    tx: &mut crate::db::Tx,
    person: i64,
    lang: crate::domain::shared::locale::Lang,
) -> Result<HeldData, AppError> {
    use crate::db::accounts::login_attempts::account_key;
    use crate::db::privacy::held;
    use crate::db::profile::{holdings, profiles, work};

    let account = held::account(tx, person).await?.ok_or(AppError::NotFound)?;
    let sign_ins = match &account.email {
        Some(email) => held::sign_ins(tx, &account_key(email)).await?,
        None => Vec::new(),
    };
    Ok(HeldData {
        person,
        taken_at: crate::db::now(),
        identity: profiles::identity(tx, person).await?.map(Into::into),
        situation: profiles::situation(tx, person).await?.map(Into::into),
        documents: holdings::documents(tx, person).await?,
        skills: holdings::skills(tx, person, lang).await?,
        work: work::jobs(tx, person).await?,
        payees: crate::db::money::payees::held(tx, person).await?,
        consents: profiles::consent_history(tx, person).await?,
        enrolments: held::enrolments(tx, person).await?,
        plans: plans(tx, person).await?,
        sign_ins,
        audit: held::audit(tx, person).await?,
        account,
    })
}

/// The person's plans, newest first, each with all that is held about it.
#[cfg(feature = "ssr")]
async fn plans(
    tx: &mut crate::db::Tx,
    person: i64,
) -> Result<Vec<crate::wire::privacy::HeldPlan>, AppError> {
    use crate::db::money::money_views;
    use crate::db::plans::{plan_content, plan_edits};
    use crate::db::privacy::held_plans;
    use crate::wire::privacy::{HeldPlan, HeldVersion};

    let mut plans = Vec::new();
    for line in crate::db::plans::of_user(tx, person).await? {
        let mut versions = Vec::new();
        for version in plan_edits::versions(tx, line.id).await? {
            if let Some(content) = plan_edits::version(tx, line.id, version.number).await? {
                versions.push(HeldVersion {
                    number: version.number,
                    submitted_at: version.submitted_at,
                    content,
                });
            }
        }
        let mut decisions = money_views::decisions(tx, line.id).await?;
        decisions.reverse();
        plans.push(HeldPlan {
            id: line.id,
            call_reference: line.reference,
            call_title: line.title,
            status: line.status,
            created_at: line.created_at,
            updated_at: line.updated_at,
            content: plan_content::current(tx, line.id).await?,
            versions,
            events: held_plans::events(tx, line.id).await?,
            comments: held_plans::comments(tx, line.id).await?,
            mentoring: held_plans::sessions(tx, line.id).await?,
            visits: held_plans::visits(tx, line.id).await?,
            decisions,
            tranches: held_plans::tranches(tx, line.id).await?,
        });
    }
    Ok(plans)
}
