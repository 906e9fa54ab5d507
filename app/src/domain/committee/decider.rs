//! Who records the committee's decision on a plan. The chair does, unless they declared a
//! conflict of interest on it or coached it; then the call's deputy chair does. Nobody with a
//! conflict or a mentoring link ever decides, and a decider has declared first, as a scorer
//! must. Each refusal is a reason the review page shows to the chair and the deputy.

use crate::domain::committee::problem::CommitteeProblem;

/// Where someone sits on the call's committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Chair,
    Deputy,
    Member,
}

/// One person and one plan, as far as deciding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeciderFacts {
    pub seat: Seat,
    /// `None` before they declared; `Some(true)` for a declared conflict.
    pub conflicted: Option<bool>,
    /// They mentored the plan (now or before).
    pub coached: bool,
    /// The chair may not decide this plan (conflict, coaching) or the call has no chair.
    pub chair_kept_out: bool,
    /// The call has a deputy chair.
    pub deputy_named: bool,
}

/// Whether this person may record the decision, and if not, why.
pub fn may_decide(facts: DeciderFacts) -> Result<(), CommitteeProblem> {
    let deputy_named = facts.deputy_named;
    match facts.seat {
        Seat::Member => Err(CommitteeProblem::NotChair),
        Seat::Deputy if !facts.chair_kept_out => Err(CommitteeProblem::ChairDecides),
        Seat::Chair | Seat::Deputy if facts.coached => {
            Err(CommitteeProblem::DeciderCoached { deputy_named })
        }
        Seat::Chair | Seat::Deputy if facts.conflicted == Some(true) => {
            Err(CommitteeProblem::DeciderConflicted { deputy_named })
        }
        Seat::Chair | Seat::Deputy if facts.conflicted.is_none() => {
            Err(CommitteeProblem::DeclarationRequired)
        }
        Seat::Chair | Seat::Deputy => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(seat: Seat) -> DeciderFacts {
        DeciderFacts {
            seat,
            conflicted: Some(false),
            coached: false,
            chair_kept_out: false,
            deputy_named: true,
        }
    }

    #[test]
    fn the_chair_decides_and_the_deputy_waits() {
        assert_eq!(may_decide(facts(Seat::Chair)), Ok(()));
        assert_eq!(
            may_decide(facts(Seat::Deputy)),
            Err(CommitteeProblem::ChairDecides)
        );
        assert_eq!(
            may_decide(facts(Seat::Member)),
            Err(CommitteeProblem::NotChair)
        );
    }

    #[test]
    fn a_conflicted_or_coaching_chair_never_decides() {
        let conflicted = DeciderFacts {
            conflicted: Some(true),
            ..facts(Seat::Chair)
        };
        assert_eq!(
            may_decide(conflicted),
            Err(CommitteeProblem::DeciderConflicted { deputy_named: true })
        );
        let coached = DeciderFacts {
            coached: true,
            deputy_named: false,
            ..facts(Seat::Chair)
        };
        assert_eq!(
            may_decide(coached),
            Err(CommitteeProblem::DeciderCoached {
                deputy_named: false
            })
        );
        let undeclared = DeciderFacts {
            conflicted: None,
            ..facts(Seat::Chair)
        };
        assert_eq!(
            may_decide(undeclared),
            Err(CommitteeProblem::DeclarationRequired)
        );
    }

    #[test]
    fn the_deputy_decides_when_the_chair_is_kept_out_unless_kept_out_too() {
        let stands_in = DeciderFacts {
            chair_kept_out: true,
            ..facts(Seat::Deputy)
        };
        assert_eq!(may_decide(stands_in), Ok(()));
        let conflicted = DeciderFacts {
            conflicted: Some(true),
            ..stands_in
        };
        assert_eq!(
            may_decide(conflicted),
            Err(CommitteeProblem::DeciderConflicted { deputy_named: true })
        );
    }
}
