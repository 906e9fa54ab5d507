//! What every command that moves a tranche does, written once: release, settle and cancel each
//! bring only their own effect. The runner claims the request's idempotency key (a replay
//! answers the first receipt, the same key with another body is refused), loads the tranche,
//! takes its step through the tranche's workflow with the facts a release needs, moves it with
//! a guarded write, runs the command's effect (payment, ledger, audit), keeps the receipt with
//! the key, commits and sends the browser back.

use crate::auth::SessionUser;
use crate::db::money::{self, tranches::TrancheHead, LedgerEntry};
use crate::db::Tx;
use crate::domain::catalogue::grant_terms::Release;
use crate::domain::money::key::IdempotencyKey;
use crate::domain::money::tranche::{TrancheAction, TrancheFacts, TrancheStatus};
use crate::domain::shared::workflow::Workflow;
use crate::error::AppError;
use crate::server_fns::{context, parse_id, redirect};
use crate::wire::money::MoneyReceipt;

/// One request to move a tranche.
pub struct Command<'a> {
    /// Who asks (already required to hold the action's role).
    pub user: &'a SessionUser,
    /// The server function's endpoint, under which its keys are kept.
    pub endpoint: &'static str,
    pub action: TrancheAction,
    /// The tranche's id as the form sent it.
    pub tranche: &'a str,
    /// The form's idempotency key.
    pub key: &'a str,
    /// What identifies the request's body besides the tranche: the same key with another body
    /// is refused.
    pub body: &'a [&'a str],
    /// The page the form came from.
    pub back: Option<&'a str>,
    /// Where to return when `back` is not one of the money pages.
    pub fallback: fn(&TrancheHead) -> String,
}

/// What a command's effect works with, once the tranche has moved.
pub struct Moved<'a> {
    pub actor: i64,
    pub key: &'a IdempotencyKey,
    /// The tranche as it was read (its status is the one it left).
    pub head: &'a TrancheHead,
    pub to: TrancheStatus,
}

impl Moved<'_> {
    /// A ledger entry for this tranche, by this actor, under this request's key.
    pub fn ledger_entry(&self, kind: &'static str, payment_id: Option<i64>) -> LedgerEntry<'_> {
        LedgerEntry {
            call_id: self.head.call_id,
            plan_id: self.head.plan_id,
            tranche_id: Some(self.head.id),
            payment_id,
            kind,
            amount: self.head.amount,
            actor_id: self.actor,
            key: Some(self.key.as_str()),
        }
    }
}

/// Runs `command`; `effect` does what is the command's own and answers the payment concerned.
pub async fn run(
    command: Command<'_>,
    effect: impl AsyncFnOnce(&mut Tx, &Moved<'_>) -> Result<Option<i64>, AppError>,
) -> Result<MoneyReceipt, AppError> {
    let id = parse_id(command.tranche)?;
    let key = IdempotencyKey::parse(command.key).map_err(AppError::form)?;
    let id_text = id.to_string();
    let hash = super::request_hash(
        &[id_text.as_str()]
            .into_iter()
            .chain(command.body.iter().copied())
            .collect::<Vec<_>>(),
    );
    let mut tx = context()?.db.begin().await?;
    let head = money::tranches::tranche(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let back = super::back_to(command.back, &(command.fallback)(&head));
    let actor = command.user.id;
    if let Some(first) = super::replayed(&mut tx, &key, actor, command.endpoint, &hash).await? {
        tx.commit().await?;
        redirect(&back);
        return Ok(first);
    }
    let facts = facts(&mut tx, &head, command.action).await?;
    let to = head
        .status
        .apply(command.action, command.user.role, &facts)?;
    if !money::tranches::move_tranche(&mut tx, &head, to).await? {
        return Err(AppError::Conflict);
    }
    let moved = Moved {
        actor,
        key: &key,
        head: &head,
        to,
    };
    let payment = effect(&mut tx, &moved).await?;
    tell(&mut tx, &head, command.action).await?;
    let receipt = MoneyReceipt {
        tranche: head.id,
        payment,
        status: to,
    };
    money::keys::finish(&mut tx, &key, &receipt).await?;
    tx.commit().await?;
    redirect(&back);
    Ok(receipt)
}

/// Who hears of the step: every finance officer of a release (a payment to confirm), the
/// applicant of a payment made or failed.
async fn tell(tx: &mut Tx, head: &TrancheHead, action: TrancheAction) -> Result<(), AppError> {
    use crate::db::accounts::users;
    use crate::db::notifications::notify_all;
    use crate::domain::accounts::role::Role;
    use crate::domain::notifications::event::Event;
    let Some(plan) = crate::db::plans::head(tx, head.plan_id).await? else {
        return Ok(());
    };
    let (title, number) = (plan.title, head.number);
    let (people, event) = match action {
        TrancheAction::Release => (
            users::ids_with_role(tx, Role::Finance).await?,
            Event::TrancheReleased {
                call: head.call_id,
                title,
                number,
            },
        ),
        TrancheAction::ConfirmPaid => (
            vec![plan.user_id],
            Event::TranchePaid {
                plan: plan.id,
                title,
                number,
            },
        ),
        TrancheAction::RecordFailure => (
            vec![plan.user_id],
            Event::TrancheFailed {
                plan: plan.id,
                title,
                number,
            },
        ),
        TrancheAction::Cancel => return Ok(()),
    };
    notify_all(tx, &people, &event).await
}

/// What the tranche's workflow needs to know before a release; nothing for other steps.
async fn facts(
    tx: &mut Tx,
    head: &TrancheHead,
    action: TrancheAction,
) -> Result<TrancheFacts, AppError> {
    if action != TrancheAction::Release {
        return Ok(TrancheFacts::default());
    }
    use crate::db::money::money_views::{tranches, Which};
    let needs_visit = head.release == Release::AfterMonitoringVisit;
    // The same rule the pages show (`domain::money::gate`), read the same way.
    let visit_satisfactory = needs_visit
        && tranches(tx, Which::Plan(head.plan_id), String::new)
            .await?
            .iter()
            .any(|line| line.id == head.id && line.opening_visit.is_some());
    Ok(TrancheFacts {
        earlier_open: head.earlier_open > 0,
        needs_visit,
        visit_satisfactory,
    })
}

/// The call's money page, where admins release and cancel.
pub fn call_page(head: &TrancheHead) -> String {
    format!("/admin/money/call?id={}", head.call_id)
}

/// The finance desk, where payments are confirmed.
pub fn finance_desk(_head: &TrancheHead) -> String {
    "/finance".to_owned()
}
