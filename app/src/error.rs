//! The one error type every server function returns. It carries codes, not sentences: the page
//! renders them in the reader's language (`pages::problem`).

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::shared::problem::Field;
use crate::domain::shared::workflow::{TransitionError, Workflow};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Validation(Vec<FieldProblem>),
    #[error("changed by someone else")]
    Conflict,
    #[error("the service is unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
    /// The request itself was malformed (missing field, bad encoding): shown as internal.
    #[error("bad request: {0}")]
    Request(String),
}

impl AppError {
    /// One problem on one field.
    pub fn field(field: Field, problem: impl Into<Problem>) -> Self {
        AppError::Validation(vec![FieldProblem::new(field, problem)])
    }

    /// A problem with the request as a whole, shown above the form.
    pub fn form(problem: impl Into<Problem>) -> Self {
        AppError::field(Field::Form, problem)
    }

    /// The problems to show next to `field`.
    pub fn problems_for(&self, field: Field) -> Vec<Problem> {
        match self {
            AppError::Validation(problems) => problems
                .iter()
                .filter(|p| p.field == field)
                .map(|p| p.problem)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Seconds to wait before trying again, when the refusal is a rate limit (sent as
    /// `Retry-After` with a 429).
    pub fn retry_after_seconds(&self) -> Option<i64> {
        match self {
            AppError::Validation(problems) => problems.iter().find_map(|p| match p.problem {
                Problem::Accounts(problem) => problem.retry_after_seconds(),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The HTTP status a script client receives.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict => 409,
            AppError::Validation(_) if self.retry_after_seconds().is_some() => 429,
            AppError::Validation(_) => 422,
            AppError::Request(_) => 400,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }
}

/// How a refused step of any workflow reaches the person, decided here once for all of them: a
/// step that is never their role's is forbidden (403); a step not possible from the current
/// state, or whose precondition is unmet, names why above the form (422).
impl<W: Workflow> From<TransitionError<W>> for AppError
where
    W::Problem: Into<Problem>,
{
    fn from(error: TransitionError<W>) -> Self {
        match error.problem() {
            None => AppError::Forbidden,
            Some(problem) => AppError::form(problem),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        /// Users never see SQL: log the cause, answer an opaque error.
        fn from(error: sqlx::Error) -> Self {
            match error {
                sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                    tracing::error!(error = %error, "database unreachable");
                    AppError::Unavailable
                }
                sqlx::Error::Database(ref db)
                    if matches!(db.code().as_deref(), Some("40001" | "40P01")) =>
                {
                    tracing::warn!(error = %error, "transaction lost a race");
                    AppError::Conflict
                }
                _ => {
                    tracing::error!(error = %error, "database error");
                    AppError::Internal
                }
            }
        }
    }
}
