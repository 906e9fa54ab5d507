use crate::error::AppError;
use crate::wire::profile::ProfilePage;
use leptos::prelude::*;

/// A profile and the choices its forms offer, labelled in `lang`: the signed-in applicant's
/// own, or — for a caseworker — the one of `applicant` (see `subject` for who may read whom;
/// a caseworker's read is audited).
#[server(name = LoadProfile, endpoint = "profile/load")]
pub async fn profile_page(lang: String, applicant: Option<i64>) -> Result<ProfilePage, AppError> {
    use crate::db::{
        profile::{holdings, profiles, work},
        shared::audit,
    };
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::locale::Lang;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, require, respond};
    use crate::wire::profile::{AssistedPerson, ConsentInfo};

    respond(
        async {
            let me = require(EDITORS).await?;
            let lang: Lang = lang.parse().unwrap_or(Lang::DEFAULT);
            let db = context()?.db;
            // A caseworker's read writes its audit row; an applicant's own read does not.
            let mut tx = if applicant.is_some() {
                db.begin().await?
            } else {
                db.read().await?
            };
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            let consent_history = profiles::consent_history(&mut tx, subject.id).await?;
            // The latest decision, when it is consent to the current notice.
            let consent = consent_history
                .first()
                .filter(|c| c.given && c.notice_version == NOTICE_VERSION)
                .map(ConsentInfo::from);
            let identity = profiles::identity(&mut tx, subject.id)
                .await?
                .map(Into::into);
            let situation = profiles::situation(&mut tx, subject.id)
                .await?
                .map(Into::into);
            let documents = holdings::documents(&mut tx, subject.id).await?;
            let skills = holdings::skills(&mut tx, subject.id, lang).await?;
            let jobs = work::jobs(&mut tx, subject.id).await?;
            let payees = crate::db::money::payees::live(&mut tx, subject.id)
                .await?
                .into_iter()
                .map(|p| p.view)
                .collect();
            let mut assisted = None;
            if subject.assisted {
                let account = crate::db::accounts::users::find_by_id(&mut tx, subject.id).await?;
                assisted = Some(AssistedPerson {
                    id: subject.id,
                    handed_over: account.is_some_and(|a| a.email.is_some()),
                    waiting: waiting(&mut tx, subject.id).await?,
                });
                audit::record(&mut tx, subject.entry(AuditAction::ProfileViewed)).await?;
            }
            tx.commit().await?;
            let (countries, cities) = choices(lang);
            Ok(ProfilePage {
                notice_version: NOTICE_VERSION.to_owned(),
                consent,
                consent_history,
                identity,
                situation,
                documents,
                skills,
                countries,
                cities,
                jobs,
                payees,
                assisted,
            })
        }
        .await,
    )
}

/// Countries and cities, sorted by their label in `lang`.
#[cfg(feature = "ssr")]
fn choices(
    lang: crate::domain::shared::locale::Lang,
) -> (
    Vec<crate::wire::profile::Choice>,
    Vec<crate::wire::profile::Choice>,
) {
    use crate::domain::shared::reference::{City, Country};
    use crate::wire::profile::Choice;
    let mut countries: Vec<Choice> = Country::all()
        .map(|c| Choice {
            code: c.code().to_owned(),
            label: c.label(lang).to_owned(),
        })
        .collect();
    countries.sort_by(|a, b| a.label.cmp(&b.label));
    let mut cities: Vec<Choice> = City::all()
        .map(|c| Choice {
            code: c.code().to_owned(),
            label: c.label(lang).to_owned(),
        })
        .collect();
    cities.sort_by(|a, b| a.label.cmp(&b.label));
    (countries, cities)
}

/// What waits unread for the person: the newest `SHOWN`, and how many in all.
#[cfg(feature = "ssr")]
async fn waiting(
    tx: &mut crate::db::Tx,
    person: i64,
) -> Result<crate::wire::notifications::Waiting, AppError> {
    use crate::db::notifications::inbox;
    use crate::wire::notifications::{NotificationLine, Waiting};
    const SHOWN: i64 = 10;
    let rows = inbox::unread_latest(tx, person, SHOWN).await?;
    Ok(Waiting {
        lines: rows.into_iter().map(NotificationLine::from_row).collect(),
        total: inbox::unread(tx, person).await?,
    })
}
