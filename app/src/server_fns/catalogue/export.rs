//! The catalogue as CSV downloads (formula cells neutralised).

use super::admin;
use crate::auth::AuthSession;
use crate::db::catalogue::catalogue_admin::{self, TrainingFilter};
use crate::domain::catalogue::training_csv::{training_cells, write_csv, COLUMNS};
use crate::error::AppError;
use crate::state::ServerContext;
use axum::extract::State;
use axum::http::{header, StatusCode};
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

pub(super) fn attachment(name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub(super) fn failed(error: AppError) -> Response {
    StatusCode::from_u16(error.status_code())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

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

pub(super) fn dirhams(money: crate::domain::shared::money::Money) -> String {
    let centimes = money.centimes();
    format!("{}.{:02}", centimes / 100, centimes % 100)
}

fn call_cells(call: &crate::wire::CallAdmin) -> Vec<String> {
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
                .map(|(id, call, terms)| call_cells(&crate::wire::CallAdmin { id, call, terms }))
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
