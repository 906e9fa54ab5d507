//! The ledger as a CSV download for admins and finance officers: every money movement, oldest
//! first, one call's or all, with its columns and movements in the reader's language and the
//! payment's reference. Reading it is audited (it names beneficiaries' payments).

use crate::server_fns::shared::download::{attachment, dirhams, failed};

/// Admins and finance officers (listed in the page rules).
pub const LEDGER_CSV: &str = crate::domain::accounts::access::LEDGER_CSV;
use crate::auth::AuthSession;
use crate::db::{money::money_views, shared::audit};
use crate::domain::accounts::role::Role;
use crate::domain::catalogue::training_csv::write_csv;
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::locale::Lang;
use crate::error::AppError;
use crate::i18n::*;
use crate::state::ServerContext;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;

/// The header row, in the reader's language.
fn columns(lang: Lang) -> Vec<String> {
    let locale: Locale = lang.code().parse().unwrap_or_default();
    [
        td_string!(locale, ledger.entry),
        td_string!(locale, ledger.at),
        td_string!(locale, ledger.call),
        td_string!(locale, ledger.plan),
        td_string!(locale, ledger.tranche),
        td_string!(locale, ledger.payment),
        td_string!(locale, ledger.kind),
        td_string!(locale, ledger.amount),
        td_string!(locale, ledger.method),
        td_string!(locale, ledger.payment_ref),
        td_string!(locale, ledger.by),
    ]
    .map(|name| name.to_string())
    .to_vec()
}

/// A movement's kind, in words (the stored code if one is ever unknown).
fn kind_name(locale: Locale, kind: &str) -> String {
    match kind {
        "committed" => td_string!(locale, ledger.kind_committed).to_string(),
        "decommitted" => td_string!(locale, ledger.kind_decommitted).to_string(),
        "released" => td_string!(locale, ledger.kind_released).to_string(),
        "release_reversed" => td_string!(locale, ledger.kind_release_reversed).to_string(),
        "paid" => td_string!(locale, ledger.kind_paid).to_string(),
        other => other.to_owned(),
    }
}

#[derive(Deserialize)]
pub struct Filter {
    call: Option<String>,
}

pub async fn download(
    session: AuthSession,
    State(ctx): State<ServerContext>,
    headers: HeaderMap,
    Query(filter): Query<Filter>,
) -> Response {
    let lang = crate::components::plain_page::reader_language(&headers);
    let locale: Locale = lang.code().parse().unwrap_or_default();
    let user_id = match &session.user {
        Some(user) if matches!(user.role, Role::Admin | Role::Finance) => user.id,
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return StatusCode::UNAUTHORIZED.into_response(),
    };
    let call = match filter.call.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(text) => match text.parse::<i64>() {
            Ok(id) if id > 0 => id,
            _ => return StatusCode::NOT_FOUND.into_response(),
        },
    };
    let rows = async {
        let mut tx = ctx.db.begin().await?;
        let rows = money_views::ledger(&mut tx, call).await?;
        audit::record(
            &mut tx,
            audit::Entry::new(Some(user_id), AuditAction::LedgerExported)
                .details(serde_json::json!({ "call": call, "entries": rows.len() })),
        )
        .await?;
        tx.commit().await?;
        Ok::<_, AppError>(
            rows.into_iter()
                .map(|row| {
                    vec![
                        row.id.to_string(),
                        row.at.format(&Rfc3339).unwrap_or_default(),
                        row.reference,
                        row.plan_id.to_string(),
                        row.tranche_number
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                        row.payment_id.map(|n| n.to_string()).unwrap_or_default(),
                        kind_name(locale, &row.kind),
                        dirhams(crate::domain::shared::money::Money::from_centimes(
                            row.amount_centimes,
                        )),
                        row.method
                            .map(|method| crate::pages::money::labels::method_text(locale, &method))
                            .unwrap_or_default(),
                        row.payment_ref.unwrap_or_default(),
                        row.actor.unwrap_or_default(),
                    ]
                })
                .collect::<Vec<_>>(),
        )
    };
    match rows.await {
        Ok(rows) => match write_csv(
            &columns(lang).iter().map(String::as_str).collect::<Vec<_>>(),
            &rows,
        ) {
            Ok(body) => attachment("ledger.csv", body),
            Err(_) => failed(AppError::Internal),
        },
        Err(error) => failed(error),
    }
}
