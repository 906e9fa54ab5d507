use crate::error::AppError;
use crate::wire::ProfilePage;
use leptos::prelude::*;

/// The signed-in applicant's profile and the choices its forms offer, labelled in `lang`.
#[server(name = LoadProfile, endpoint = "profile/load")]
pub async fn profile_page(lang: String) -> Result<ProfilePage, AppError> {
    use crate::db::{holdings, profiles};
    use crate::domain::consent::NOTICE_VERSION;
    use crate::domain::locale::Lang;
    use crate::domain::reference::{City, Country};
    use crate::domain::role::Role;
    use crate::server_fns::{context, require, respond};
    use crate::wire::Choice;

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let lang: Lang = lang.parse().unwrap_or(Lang::DEFAULT);
            let mut tx = context()?.db.read().await?;
            let consent = profiles::latest_consent(&mut tx, user.id)
                .await?
                .filter(|c| c.given && c.notice_version == NOTICE_VERSION)
                .map(Into::into);
            let identity = profiles::identity(&mut tx, user.id).await?.map(Into::into);
            let situation = profiles::situation(&mut tx, user.id).await?.map(Into::into);
            let documents = holdings::documents(&mut tx, user.id).await?;
            let skills = holdings::skills(&mut tx, user.id, lang).await?;
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
            Ok(ProfilePage {
                notice_version: NOTICE_VERSION.to_owned(),
                consent,
                identity,
                situation,
                documents,
                skills,
                countries,
                cities,
            })
        }
        .await,
    )
}
