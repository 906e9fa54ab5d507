use crate::error::AppError;
use crate::wire::matching::Shortlist;
use leptos::prelude::*;

/// For caseworkers and admins: the applicants a training or call suits, eligible first and
/// best fit first, one page at a time, ranked from the current profiles and catalogue (a
/// ranking is kept by the server until either changes). A GET so the plain filter form and
/// page links work without a script.
// Each argument is one field of the page's GET form (its query string), as sent.
#[allow(clippy::too_many_arguments)]
#[server(name = StaffShortlist, endpoint = "matching/shortlist", input = server_fn::codec::GetUrl)]
pub async fn staff_shortlist(
    #[server(default)] search: String,
    kind: String,
    id: String,
    city: String,
    sex: String,
    min_score: String,
    not_yet: String,
    page: String,
) -> Result<Shortlist, AppError> {
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::OfferKind;
    use crate::domain::matching::shortlist::{Filter, PAGE_SIZE};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::matching::{lines, offer_choices, ranked};
    use crate::server_fns::{context, parse_id, require, respond};

    respond(
        async {
            let user = require(&[Role::Admin, Role::Caseworker]).await?;
            let filter =
                Filter::parse(&city, &sex, &min_score, &not_yet).map_err(AppError::Validation)?;
            let today = crate::db::now().date();
            let kind = match kind.as_str() {
                "training" => Some(OfferKind::Training),
                "call" => Some(OfferKind::Call),
                _ => None,
            };
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            // The search box holds 100 characters; a longer query is cut, not refused.
            let search: String = search.chars().take(100).collect();
            let (offers, more_offers) =
                offer_choices(&ctx.catalogue, &mut tx, today, &search).await?;
            let mut list = Shortlist {
                offers,
                more_offers,
                ..Shortlist::default()
            };
            if let Some(kind) = kind {
                let (selected, all) =
                    ranked(&ctx.people, &mut tx, kind, parse_id(&id)?, &filter, today).await?;
                list.total = all.len();
                list.pages = all.len().div_ceil(PAGE_SIZE).max(1);
                list.page = page
                    .trim()
                    .parse::<usize>()
                    .unwrap_or(0)
                    .min(list.pages - 1);
                let start = (list.page * PAGE_SIZE).min(all.len());
                let end = (start + PAGE_SIZE).min(all.len());
                // The whole list is the server's kept one (shared, not copied); the page's
                // names are read for its lines only.
                list.lines = lines(&mut tx, &all[start..end], today).await?;
                list.selected = Some(selected);
            }
            tx.commit().await?;
            // Names and contacts were read: one audit row per page shown (a short write).
            if let Some(selected) = &list.selected {
                let mut tx = context()?.db.begin().await?;
                audit::record(
                    &mut tx,
                    audit::Entry::new(Some(user.id), AuditAction::ShortlistViewed)
                        .subject(selected.kind.subject(), selected.id)
                        .details(
                            serde_json::json!({ "page": list.page, "shown": list.lines.len() }),
                        ),
                )
                .await?;
                tx.commit().await?;
            }
            Ok(list)
        }
        .await,
    )
}
