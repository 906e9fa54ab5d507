//! The one pattern every state machine follows (a seat in a training, a business plan, a
//! tranche of a grant). Its steps are a table of `(from, action, to)` rows, and the table *is*
//! the implementation: [`Workflow::apply`] looks the step up there, after checking that the
//! action is the actor's to take, and before asking the facts of the world a step may need (an
//! earlier tranche paid, a satisfactory monitoring visit). A refusal is always one of three
//! things, [`TransitionError`], and `AppError` decides once how each reaches the person.

use std::fmt::{Debug, Display};

pub trait Workflow: Copy + Eq + Debug + 'static {
    /// What someone does.
    type Action: Copy + Eq + Debug + 'static;
    /// Who does it (a role).
    type Actor: Copy + Eq + Debug;
    /// What a step needs to know beyond the state; `()` when nothing.
    type Facts;
    /// The area's own problems, in which a refusal is worded.
    type Problem: Copy + Eq + Debug + Display;

    /// Every legal step. Anything not listed is refused.
    const STEPS: &'static [(Self, Self::Action, Self)];

    /// Who takes `action`. The server checks that the person is *this* record's owner, mentor
    /// or maker; the workflow checks the role.
    fn actor(action: Self::Action) -> Self::Actor;

    /// How a step not possible from `from` reads to a person (it names the current state).
    fn not_from(from: Self, action: Self::Action) -> Self::Problem;

    /// What the world must be like for a listed step to be taken; nothing by default.
    fn precondition(
        _from: Self,
        _action: Self::Action,
        _facts: &Self::Facts,
    ) -> Result<(), Self::Problem> {
        Ok(())
    }

    /// The state after `action` by `actor`, or why not.
    fn apply(
        self,
        action: Self::Action,
        actor: Self::Actor,
        facts: &Self::Facts,
    ) -> Result<Self, TransitionError<Self>> {
        if actor != Self::actor(action) {
            return Err(TransitionError::NotYourStep { action, actor });
        }
        let to = Self::STEPS
            .iter()
            .find(|(from, step, _)| *from == self && *step == action)
            .map(|(_, _, to)| *to)
            .ok_or(TransitionError::NotFrom { from: self, action })?;
        Self::precondition(self, action, facts).map_err(TransitionError::Precondition)?;
        Ok(to)
    }

    /// Whether `action` could be taken now by its actor (to offer it on a page).
    fn allows(self, action: Self::Action, facts: &Self::Facts) -> bool {
        self.apply(action, Self::actor(action), facts).is_ok()
    }
}

/// Why a step cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError<W: Workflow> {
    /// The step is never this role's to take (forbidden, whatever the state).
    #[error("{actor:?} cannot take the step {action:?}")]
    NotYourStep { action: W::Action, actor: W::Actor },
    /// The step does not lead anywhere from the current state.
    #[error("the step {action:?} is not possible from {from:?}")]
    NotFrom { from: W, action: W::Action },
    /// The step is possible, but something in the world is not yet so.
    #[error("not yet: {0}")]
    Precondition(W::Problem),
}

impl<W: Workflow> TransitionError<W> {
    /// What the person reads, or `None` for a step that is never theirs.
    pub fn problem(&self) -> Option<W::Problem> {
        match self {
            TransitionError::NotYourStep { .. } => None,
            TransitionError::NotFrom { from, action } => Some(W::not_from(*from, *action)),
            TransitionError::Precondition(problem) => Some(*problem),
        }
    }
}
