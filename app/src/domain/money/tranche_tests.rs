use super::*;
use crate::domain::catalogue::grant_terms::Tranche;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::shared::workflow::TransitionError;
use proptest::prelude::*;

/// Every legal step; any other (state, action, role) must be refused.
const LEGAL: [(TrancheStatus, TrancheAction, Role, TrancheStatus); 7] = {
    use TrancheAction as A;
    use TrancheStatus as S;
    [
        (S::Scheduled, A::Release, Role::Admin, S::Released),
        (S::Failed, A::Release, Role::Admin, S::Released),
        (S::Released, A::ConfirmPaid, Role::Finance, S::Paid),
        (S::Released, A::RecordFailure, Role::Finance, S::Failed),
        (S::Scheduled, A::Cancel, Role::Admin, S::Cancelled),
        (S::Released, A::Cancel, Role::Admin, S::Cancelled),
        (S::Failed, A::Cancel, Role::Admin, S::Cancelled),
    ]
};

#[test]
fn every_state_action_and_role_is_allowed_only_if_listed() {
    for from in TrancheStatus::ALL {
        for action in TrancheAction::ALL {
            for role in Role::ALL {
                let legal = LEGAL
                    .iter()
                    .find(|(f, a, r, _)| *f == from && *a == action && *r == role)
                    .map(|(_, _, _, to)| *to);
                match (from.apply(action, role, &TrancheFacts::default()), legal) {
                    (Ok(to), Some(expected)) => assert_eq!(to, expected),
                    (Err(error), None) => {
                        let expected = if role == TrancheStatus::actor(action) {
                            Some(MoneyProblem::TrancheIs { status: from })
                        } else {
                            None
                        };
                        assert_eq!(error.problem(), expected, "{from:?} {action:?} by {role}");
                    }
                    (got, want) => {
                        panic!("{from:?} {action:?} by {role}: got {got:?}, want {want:?}")
                    }
                }
            }
        }
    }
}

#[test]
fn paid_and_cancelled_are_final_and_nothing_leaves_them() {
    for status in TrancheStatus::ALL {
        let leaves = TrancheAction::ALL
            .into_iter()
            .any(|action| status.allows(action, &TrancheFacts::default()));
        assert_eq!(status.is_final(), !leaves, "{status:?}");
    }
}

#[test]
fn a_tranche_is_released_only_after_the_earlier_ones_and_its_visit() {
    let release = |facts: TrancheFacts| {
        TrancheStatus::Scheduled.apply(TrancheAction::Release, Role::Admin, &facts)
    };
    assert_eq!(
        release(TrancheFacts {
            earlier_open: true,
            ..TrancheFacts::default()
        }),
        Err(TransitionError::Precondition(
            MoneyProblem::EarlierTrancheOpen
        ))
    );
    let tied = TrancheFacts {
        needs_visit: true,
        ..TrancheFacts::default()
    };
    assert_eq!(
        release(tied),
        Err(TransitionError::Precondition(MoneyProblem::VisitRequired))
    );
    assert_eq!(
        release(TrancheFacts {
            visit_satisfactory: true,
            ..tied
        }),
        Ok(TrancheStatus::Released)
    );
    // Other steps do not ask for the facts of a release.
    let open = TrancheFacts {
        earlier_open: true,
        needs_visit: true,
        visit_satisfactory: false,
    };
    assert_eq!(
        TrancheStatus::Released.apply(TrancheAction::ConfirmPaid, Role::Finance, &open),
        Ok(TrancheStatus::Paid)
    );
}

#[test]
fn the_checker_is_never_the_maker() {
    assert_eq!(
        checker_is_not_maker(4, 4, &[]),
        Err(MoneyProblem::SameMakerAndChecker.into())
    );
    assert_eq!(checker_is_not_maker(4, 5, &[]), Ok(()));
    assert_eq!(checker_is_not_maker(4, 5, &[2, 3]), Ok(()));
    // An account the releasing admin created, or gave its role or password, is theirs too.
    assert_eq!(
        checker_is_not_maker(4, 5, &[2, 4]),
        Err(MoneyProblem::CheckerMadeByMaker.into())
    );
}

#[test]
fn every_code_round_trips() {
    for status in TrancheStatus::ALL {
        assert_eq!(TrancheStatus::from_code(status.code()), Some(status));
    }
    for action in TrancheAction::ALL {
        assert_eq!(TrancheAction::from_code(action.code()), Some(action));
    }
}

#[test]
fn seventy_thirty_of_an_odd_amount_gives_the_rounding_to_the_last_tranche() {
    let lines = schedule(
        Money::from_centimes(1_000_001),
        &TrancheTemplate::standard(),
    )
    .unwrap_or_default();
    let amounts: Vec<i64> = lines.iter().map(|l| l.amount.centimes()).collect();
    assert_eq!(amounts, vec![700_000, 300_001]);
    assert_eq!(lines[0].release, Release::AtApproval);
    assert_eq!(lines[1].release, Release::AfterMonitoringVisit);
    assert_eq!((lines[0].number, lines[1].number), (1, 2));
}

#[test]
fn a_grant_below_the_minimum_has_no_schedule() {
    assert_eq!(
        schedule(Money::from_centimes(9_999), &TrancheTemplate::standard()),
        Err(MoneyProblem::GrantTooSmall { min_dirhams: 100 }.into())
    );
    assert!(schedule(MIN_GRANT, &TrancheTemplate::standard()).is_ok());
}

fn template() -> impl Strategy<Value = TrancheTemplate> {
    // 1 to 4 shares of at least 1% summing to 100, each with a release rule.
    (1usize..=4)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec(1u8..=97, n - 1),
                proptest::collection::vec(any::<bool>(), n),
            )
        })
        .prop_filter_map("shares must leave at least 1%", |(cuts, rules)| {
            let taken: u32 = cuts.iter().map(|c| u32::from(*c)).sum();
            if taken >= 100 {
                return None;
            }
            let mut percents = cuts;
            percents.push(u8::try_from(100 - taken).ok()?);
            let tranches = percents
                .into_iter()
                .zip(rules)
                .map(|(percent, visit)| Tranche {
                    percent,
                    release: if visit {
                        Release::AfterMonitoringVisit
                    } else {
                        Release::AtApproval
                    },
                })
                .collect();
            TrancheTemplate::new(tranches).ok()
        })
}

proptest! {
    #[test]
    fn a_schedule_sums_exactly_to_the_grant_and_follows_the_template(
        centimes in MIN_GRANT.centimes()..=10_000_000_000i64,
        template in template(),
    ) {
        let amount = Money::from_centimes(centimes);
        let lines = schedule(amount, &template).unwrap_or_default();
        prop_assert_eq!(lines.len(), template.tranches().len());
        let total: i64 = lines.iter().map(|l| l.amount.centimes()).sum();
        prop_assert_eq!(total, centimes);
        for (index, (line, tranche)) in lines.iter().zip(template.tranches()).enumerate() {
            prop_assert_eq!(usize::from(line.number), index + 1);
            prop_assert_eq!(line.percent, tranche.percent);
            prop_assert_eq!(line.release, tranche.release);
            prop_assert!(line.amount.centimes() > 0);
            // Each share but the last is its percentage rounded down to the centime.
            let exact = i128::from(centimes) * i128::from(tranche.percent);
            let share = i128::from(line.amount.centimes()) * 100;
            if index + 1 < lines.len() {
                prop_assert!(share <= exact && exact - share < 100);
            } else {
                // The last takes the remainder: less than a centime per other tranche above.
                let others = i128::try_from(lines.len() - 1).unwrap_or_default();
                prop_assert!(share >= exact && share - exact < 100 * (others + 1));
            }
        }
    }
}

#[test]
fn a_method_survives_its_columns() {
    for method in [
        PaymentMethod::InKind {
            supplier: "S".into(),
            invoice: "I".into(),
        },
        PaymentMethod::MobileMoney {
            phone: "0612345678".into(),
        },
        PaymentMethod::BankTransfer {
            account: "011780000012345678901234".into(),
        },
    ] {
        let (supplier, invoice, payee) = method.columns();
        let back = PaymentMethod::from_columns(
            method.code(),
            supplier.map(str::to_owned),
            invoice.map(str::to_owned),
            payee.map(str::to_owned),
        );
        assert_eq!(back, Some(method));
    }
}
