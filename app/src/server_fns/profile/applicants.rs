use crate::error::AppError;
use crate::wire::profile::ApplicantListing;
use leptos::prelude::*;

/// The most characters a search may have.
pub const SEARCH_MAX_CHARS: usize = 80;

/// The applicants a caseworker can help (consent to the current notice on record), found by
/// name or phone; those the caseworker registered come first.
#[server(endpoint = "profile/applicants")]
pub async fn applicants(q: String) -> Result<Vec<ApplicantListing>, AppError> {
    use crate::db::profile::assisted;
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let me = require(&[Role::Caseworker]).await?;
            if q.chars().count() > SEARCH_MAX_CHARS {
                return Err(AppError::field(
                    Field::Query,
                    ProfileProblem::QueryTooLong {
                        max: SEARCH_MAX_CHARS,
                    },
                ));
            }
            let mut tx = context()?.db.read().await?;
            let found = assisted::applicants(&mut tx, me.id, &q).await?;
            tx.commit().await?;
            Ok(found)
        }
        .await,
    )
}
