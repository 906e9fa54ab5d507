use crate::error::AppError;
use crate::wire::accounts::Dashboard;
use leptos::prelude::*;

/// Everything the signed-in person's dashboard shows, for their role only.
#[server(name = LoadDashboard, endpoint = "accounts/dashboard")]
pub async fn dashboard() -> Result<Dashboard, AppError> {
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};
    use crate::wire::accounts::{AdminOverview, CaseworkerStats};

    respond(
        async {
            let user = require(&Role::ALL).await?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let sign_ins = audit::sign_ins_of(&mut tx, user.id, 10).await?;
            let caseworker = match user.role {
                Role::Caseworker => {
                    let week_ago = crate::db::now() - time::Duration::days(7);
                    Some(CaseworkerStats {
                        applicants_last_week: users::count_created_since(
                            &mut tx,
                            Role::Applicant,
                            week_ago,
                        )
                        .await?,
                        applicants_total: users::count_created_since(
                            &mut tx,
                            Role::Applicant,
                            time::OffsetDateTime::UNIX_EPOCH,
                        )
                        .await?,
                    })
                }
                _ => None,
            };
            let admin = match user.role {
                Role::Admin => Some(AdminOverview {
                    users_by_role: users::count_by_role(&mut tx).await?,
                    recent: audit::latest(&mut tx, 20).await?,
                }),
                _ => None,
            };
            tx.commit().await?;
            Ok(Dashboard {
                user: user.current(),
                sign_ins,
                caseworker,
                admin,
            })
        }
        .await,
    )
}
