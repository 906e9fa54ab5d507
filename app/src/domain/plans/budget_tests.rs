use super::*;
use proptest::prelude::*;

fn item(kind: CapitalKind, quantity: u32, dirhams: i64) -> CapitalItem {
    CapitalItem {
        kind,
        item: "machine".into(),
        quantity,
        unit_cost: Money::from_dirhams(dirhams),
    }
}

fn sewing_workshop() -> Budget {
    let mut months = [Month {
        sales: Money::from_dirhams(6_000),
        costs: Money::from_dirhams(4_500),
    }; 12];
    months[0].sales = Money::from_dirhams(2_000);
    Budget {
        items: vec![
            item(CapitalKind::Equipment, 2, 7_500),
            item(CapitalKind::Stock, 40, 50),
            item(CapitalKind::WorkingCapital, 1, 3_000),
        ],
        months,
        own_contribution: Money::from_dirhams(2_000),
        grant_requested: Money::from_dirhams(18_000),
        loan: Money::default(),
    }
}

#[test]
fn a_sewing_workshop_adds_up_as_its_owner_would_by_hand() {
    let totals = sewing_workshop().totals().expect("adds up");
    assert_eq!(
        totals.by_kind,
        [
            Money::from_dirhams(15_000),
            Money::from_dirhams(2_000),
            Money::from_dirhams(3_000)
        ]
    );
    assert_eq!(totals.capital, Money::from_dirhams(20_000));
    assert_eq!(totals.sources, Money::from_dirhams(20_000));
    assert_eq!(totals.monthly_profit[0], Money::from_dirhams(-2_500));
    assert_eq!(totals.monthly_profit[1], Money::from_dirhams(1_500));
    assert_eq!(
        totals.closing_cash[0],
        Money::from_dirhams(-2_500),
        "the first month runs short"
    );
    assert_eq!(
        totals.yearly_profit,
        Money::from_dirhams(-2_500 + 11 * 1_500)
    );
    assert_eq!(totals.closing_cash[11], totals.yearly_profit);
}

#[test]
fn the_calls_terms_are_checked_to_the_centime() {
    let budget = sewing_workshop();
    let totals = budget.totals().expect("adds up");
    let checks = check_terms(&budget, &totals, Money::from_dirhams(20_000), 10);
    assert!(checks.iter().all(TermsCheck::met), "{checks:?}");
    let greedy = check_terms(&budget, &totals, Money::from_dirhams(15_000), 10);
    assert!(!greedy[0].met(), "18,000 asked, 15,000 at most");
    let demanding = check_terms(&budget, &totals, Money::from_dirhams(20_000), 11);
    assert!(!demanding[1].met(), "2,000 brought, 2,200 needed");
}

#[test]
fn a_share_of_the_capital_is_rounded_up_never_down() {
    assert_eq!(
        needed_contribution(Money::from_centimes(10_005), 10),
        Money::from_centimes(1_001)
    );
    assert_eq!(
        needed_contribution(Money::from_dirhams(20_000), 10),
        Money::from_dirhams(2_000)
    );
    assert_eq!(needed_contribution(Money::default(), 10), Money::default());
}

#[test]
fn amounts_too_large_to_hold_are_an_error_not_a_wrapped_number() {
    let huge = Budget {
        items: vec![CapitalItem {
            kind: CapitalKind::Equipment,
            item: "x".into(),
            quantity: u32::MAX,
            unit_cost: Money::from_centimes(i64::MAX / 2),
        }],
        ..Budget::default()
    };
    assert_eq!(huge.totals(), Err(TooLarge));
}

fn money() -> impl Strategy<Value = Money> {
    (0i64..=1_000_000_000).prop_map(Money::from_centimes)
}

fn any_item() -> impl Strategy<Value = CapitalItem> {
    (0usize..3, 0u32..=1_000, money()).prop_map(|(k, quantity, unit_cost)| CapitalItem {
        kind: CapitalKind::ALL[k],
        item: "item".into(),
        quantity,
        unit_cost,
    })
}

fn any_budget() -> impl Strategy<Value = Budget> {
    (
        proptest::collection::vec(any_item(), 0..20),
        proptest::collection::vec((money(), money()), 12),
        money(),
        money(),
        money(),
    )
        .prop_map(|(items, months, own, grant, loan)| {
            let mut plan = [Month::default(); 12];
            for (slot, (sales, costs)) in plan.iter_mut().zip(months) {
                *slot = Month { sales, costs };
            }
            Budget {
                items,
                months: plan,
                own_contribution: own,
                grant_requested: grant,
                loan,
            }
        })
}

proptest! {
    #[test]
    fn capital_is_the_sum_of_its_lines_and_of_its_kinds(budget in any_budget()) {
        let totals = budget.totals().expect("realistic figures add up");
        let lines: i64 = budget.items.iter().map(|i| i.total().expect("line").centimes()).sum();
        let kinds: i64 = totals.by_kind.iter().map(|m| m.centimes()).sum();
        prop_assert_eq!(totals.capital.centimes(), lines);
        prop_assert_eq!(totals.capital.centimes(), kinds);
    }

    #[test]
    fn cash_at_the_year_end_is_sources_less_capital_plus_the_years_profit(budget in any_budget()) {
        let t = budget.totals().expect("realistic figures add up");
        let profit: i64 = t.monthly_profit.iter().map(|m| m.centimes()).sum();
        prop_assert_eq!(t.yearly_profit.centimes(), profit);
        prop_assert_eq!(
            t.closing_cash[11].centimes(),
            t.sources.centimes() - t.capital.centimes() + profit
        );
        for i in 1..12 {
            prop_assert_eq!(
                t.closing_cash[i].centimes(),
                t.closing_cash[i - 1].centimes() + t.monthly_profit[i].centimes()
            );
        }
    }

    #[test]
    fn the_needed_contribution_is_the_least_amount_that_meets_the_share(
        capital in 0i64..=1_000_000_000, percent in 0u8..=100
    ) {
        let needed = needed_contribution(Money::from_centimes(capital), percent).centimes();
        let share = i128::from(capital) * i128::from(percent);
        prop_assert!(i128::from(needed) * 100 >= share, "enough");
        prop_assert!((i128::from(needed) - 1) * 100 < share || needed == 0, "not more than enough");
    }
}
