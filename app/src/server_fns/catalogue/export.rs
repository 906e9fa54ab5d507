//! The catalogue as CSV downloads (formula cells neutralised): `/admin/trainings/export.csv`
//! and `/admin/calls/export.csv`, admins only.

/// The paths, also listed in `domain::accounts::access::PAGES` (admins only).
pub const TRAININGS_CSV: &str = "/admin/trainings/export.csv";
pub const CALLS_CSV: &str = "/admin/calls/export.csv";

use crate::auth::AuthSession;
use crate::db::catalogue::catalogue_admin::{self, TrainingFilter};
use crate::domain::catalogue::training_csv::{training_cells, write_csv, COLUMNS};
use crate::error::AppError;
use crate::server_fns::shared::download::{admin, attachment, dirhams, failed};
use crate::state::ServerContext;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

/// The columns of the calls export. Amounts are dirhams with centimes; lists use `|`.
const CALL_COLUMNS: [&str; 14] = [
    "reference",
    "title",
    "envelope_mad",
    "max_grant_mad",
    "own_contribution_percent",
    "sectors",
    "cities",
    "opens_on",
    "closes_on",
    "rules",
    "rubric",
    "tranches",
    "quorum",
    "blind_review",
];

pub async fn trainings(session: AuthSession, State(ctx): State<ServerContext>) -> Response {
    if let Err(status) = admin(&session) {
        return status.into_response();
    }
    let rows = async {
        let mut tx = ctx.db.read().await?;
        let today = crate::db::now().date();
        let all =
            catalogue_admin::list_trainings(&mut tx, &TrainingFilter::default(), today, i64::MAX)
                .await?;
        tx.commit().await?;
        Ok::<_, AppError>(
            all.iter()
                .map(|(_, t)| training_cells(t))
                .collect::<Vec<_>>(),
        )
    };
    match rows.await {
        Ok(rows) => match write_csv(&COLUMNS, &rows) {
            Ok(body) => attachment("trainings.csv", body),
            Err(_) => failed(AppError::Internal),
        },
        Err(error) => failed(error),
    }
}

fn call_cells(call: &crate::wire::catalogue::CallAdmin) -> Vec<String> {
    let join = |codes: Vec<&str>| codes.join("|");
    let c = &call.call;
    vec![
        c.reference.clone(),
        c.title.clone(),
        dirhams(c.envelope),
        dirhams(c.max_grant),
        c.own_contribution_percent.to_string(),
        join(c.sectors.iter().map(|s| s.code()).collect()),
        join(c.cities.iter().map(|s| s.code()).collect()),
        c.opens_on.to_string(),
        c.closes_on.to_string(),
        serde_json::to_string(&c.rules).unwrap_or_default(),
        call.terms
            .rubric
            .weights()
            .iter()
            .map(|w| format!("{}:{}", w.criterion.code(), w.weight))
            .collect::<Vec<_>>()
            .join("|"),
        call.terms
            .tranches
            .tranches()
            .iter()
            .map(|t| format!("{}:{}", t.percent, t.release.code()))
            .collect::<Vec<_>>()
            .join("|"),
        call.terms.quorum.to_string(),
        call.terms.blind_review.to_string(),
    ]
}

pub async fn calls(session: AuthSession, State(ctx): State<ServerContext>) -> Response {
    if let Err(status) = admin(&session) {
        return status.into_response();
    }
    let rows = async {
        let mut tx = ctx.db.read().await?;
        let calls = catalogue_admin::all_calls(&mut tx).await?;
        tx.commit().await?;
        Ok::<_, AppError>(
            calls
                .into_iter()
                .map(|(id, call, terms)| {
                    call_cells(&crate::wire::catalogue::CallAdmin { id, call, terms })
                })
                .collect::<Vec<_>>(),
        )
    };
    match rows.await {
        Ok(rows) => match write_csv(&CALL_COLUMNS, &rows) {
            Ok(body) => attachment("grant-calls.csv", body),
            Err(_) => failed(AppError::Internal),
        },
        Err(error) => failed(error),
    }
}
