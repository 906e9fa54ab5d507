//! The schema's unique and check constraints that a request can run into, each named once, and
//! the one helper that turns a failure of one of them into what the person should read.
//!
//! PostgreSQL reports the constraint's name; SQLite reports a check constraint by name but a
//! unique one by its columns (`UNIQUE constraint failed: users.email`), so each unique
//! constraint also lists its columns as SQLite words them. Some are what a person meets through
//! a form (an email or a reference already used, fewer seats than people enrolled, a member
//! added twice); the others are last guards against two requests racing (a plan or a seat asked
//! for twice, decisions, payments, ledger lines, agenda entries, score sheets, declarations).

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constraint {
    /// As in the migrations (PostgreSQL names primary keys `<table>_pkey`).
    pub name: &'static str,
    /// For a unique constraint: `table.column, table.column`, as SQLite reports it.
    columns: Option<&'static str>,
}

const fn unique(name: &'static str, columns: &'static str) -> Constraint {
    Constraint {
        name,
        columns: Some(columns),
    }
}

const fn check(name: &'static str) -> Constraint {
    Constraint {
        name,
        columns: None,
    }
}

pub const USERS_EMAIL: Constraint = unique("users_email_key", "users.email");
pub const TRAININGS_REFERENCE: Constraint =
    unique("trainings_reference_key", "trainings.reference");
pub const TRAININGS_ENROLLED: Constraint = check("trainings_enrolled_check");
pub const GRANT_CALLS_REFERENCE: Constraint =
    unique("grant_calls_reference_key", "grant_calls.reference");
pub const ENROLMENTS_TRAINING_USER: Constraint = unique(
    "enrolments_training_user_key",
    "enrolments.training_id, enrolments.user_id",
);
pub const PLANS_USER_CALL: Constraint =
    unique("plans_user_call_key", "plans.user_id, plans.call_id");
pub const COMMITTEE_MEMBERS_PKEY: Constraint = unique(
    "committee_members_pkey",
    "committee_members.call_id, committee_members.user_id",
);
pub const REVIEW_AGENDA_PKEY: Constraint = unique(
    "review_agenda_pkey",
    "review_agenda.session_id, review_agenda.plan_id",
);
pub const REVIEW_AGENDA_PLAN_ROUND: Constraint = unique(
    "review_agenda_plan_round_key",
    "review_agenda.plan_id, review_agenda.round",
);
pub const CONFLICT_DECLARATIONS_PKEY: Constraint = unique(
    "conflict_declarations_pkey",
    "conflict_declarations.plan_id, conflict_declarations.member_id",
);
pub const SCORE_SHEETS_ONCE: Constraint = unique(
    "score_sheets_once",
    "score_sheets.plan_id, score_sheets.member_id, score_sheets.round",
);
pub const DECISIONS_PLAN_ROUND: Constraint = unique(
    "decisions_plan_round_key",
    "decisions.plan_id, decisions.round",
);
pub const DECISIONS_APPROVED_ONCE: Constraint =
    unique("decisions_approved_once", "decisions.plan_id");
pub const PAYMENTS_TRANCHE_ATTEMPT: Constraint = unique(
    "payments_tranche_attempt_key",
    "payments.tranche_id, payments.attempt",
);
pub const PAYMENTS_ONE_LIVE: Constraint = unique("payments_one_live", "payments.tranche_id");
pub const PAYEES_ONE_LIVE: Constraint = unique("payees_one_live", "payees.user_id, payees.method");
/// An index on an expression (`lower(name)`): SQLite names the index, not columns.
pub const SUPPLIERS_LIVE_NAME: Constraint =
    unique("suppliers_live_name", "index 'suppliers_live_name'");
pub const LEDGER_PAID_ONCE: Constraint =
    unique("ledger_entries_paid_once", "ledger_entries.tranche_id");
pub const LEDGER_COMMITTED_ONCE: Constraint =
    unique("ledger_entries_committed_once", "ledger_entries.plan_id");

impl Constraint {
    /// Whether `error` is this constraint failing (and not another one of the same table).
    pub fn fired(&self, error: &sqlx::Error) -> bool {
        let sqlx::Error::Database(db) = error else {
            return false;
        };
        if db.constraint() == Some(self.name) {
            return true;
        }
        let message = db.message();
        match self.columns {
            Some(columns) => {
                db.is_unique_violation()
                    && message.strip_prefix("UNIQUE constraint failed: ") == Some(columns)
            }
            None => message.strip_prefix("CHECK constraint failed: ") == Some(self.name),
        }
    }
}

/// `result`, with a failure of any of `constraints` turned into `then()`. Any other database
/// error stays what it is (logged, and shown as an internal error).
pub fn on_constraint<T>(
    result: Result<T, sqlx::Error>,
    constraints: &[Constraint],
    then: impl FnOnce() -> AppError,
) -> Result<T, AppError> {
    match result {
        Err(error) if constraints.iter().any(|c| c.fired(&error)) => Err(then()),
        other => Ok(other?),
    }
}
