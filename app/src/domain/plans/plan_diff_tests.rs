use super::*;

fn item(kind: CapitalKind, name: &str, quantity: u32, dirhams: i64) -> CapitalItem {
    CapitalItem {
        kind,
        item: name.into(),
        quantity,
        unit_cost: Money::from_dirhams(dirhams),
    }
}

fn content(idea: &str, items: Vec<CapitalItem>, sales: i64, grant: i64) -> PlanContent {
    let mut figures = Budget {
        items,
        grant_requested: Money::from_dirhams(grant),
        ..Budget::default()
    };
    figures.months[0].sales = Money::from_dirhams(sales);
    PlanContent {
        sections: [
            (Section::Summary, "Atelier de couture".to_owned()),
            (Section::Idea, idea.to_owned()),
        ]
        .into_iter()
        .collect(),
        figures,
    }
}

#[test]
fn identical_plans_have_no_difference() {
    let plan = content("Robes\nSacs", vec![], 100, 5_000);
    assert_eq!(diff(&plan, &plan), PlanDiff::default());
    assert!(diff(&plan, &plan).figures.is_empty());
}

#[test]
fn only_changed_sections_are_listed_line_by_line() {
    let before = content("Robes\nSacs\nPagnes", vec![], 0, 0);
    let after = content("Robes\nSacs en wax\nPagnes", vec![], 0, 0);
    let found = diff(&before, &after);
    assert_eq!(found.sections.len(), 1);
    assert_eq!(found.sections[0].section, Section::Idea);
    assert_eq!(
        found.sections[0].lines,
        vec![
            Line::Same("Robes".into()),
            Line::Removed("Sacs".into()),
            Line::Added("Sacs en wax".into()),
            Line::Same("Pagnes".into()),
        ]
    );
}

#[test]
fn a_section_written_for_the_first_time_is_all_added() {
    let mut after = content("Robes", vec![], 0, 0);
    after.sections.insert(Section::Market, "Voisines".into());
    let found = diff(&content("Robes", vec![], 0, 0), &after);
    assert_eq!(found.sections[0].section, Section::Market);
    assert_eq!(
        found.sections[0].lines,
        vec![Line::Added("Voisines".into())]
    );
}

#[test]
fn capital_lines_are_matched_by_kind_and_item() {
    let machine = item(CapitalKind::Equipment, "Machine", 1, 5_000);
    let fabric = item(CapitalKind::Stock, "Tissu", 10, 50);
    let table = item(CapitalKind::Equipment, "Table", 1, 800);
    let before = content("", vec![machine.clone(), fabric.clone()], 0, 0);
    let two_machines = item(CapitalKind::Equipment, "Machine", 2, 5_000);
    let after = content("", vec![two_machines.clone(), table.clone()], 0, 0);
    assert_eq!(
        diff(&before, &after).figures.capital,
        vec![
            CapitalChange::Changed {
                before: machine,
                after: two_machines
            },
            CapitalChange::Added { item: table },
            CapitalChange::Removed { item: fabric },
        ]
    );
}

#[test]
fn months_sources_and_totals_show_before_and_after() {
    let machine = item(CapitalKind::Equipment, "Machine", 1, 5_000);
    let before = content("", vec![machine.clone()], 1_000, 4_000);
    let after = content("", vec![machine], 1_500, 5_000);
    let found = diff(&before, &after).figures;
    assert_eq!(found.months.len(), 1);
    assert_eq!(found.months[0].month, 1);
    assert_eq!(found.months[0].after.sales, Money::from_dirhams(1_500));
    assert_eq!(
        found.sources,
        vec![AmountChange {
            amount: Amount::GrantRequested,
            before: Money::from_dirhams(4_000),
            after: Money::from_dirhams(5_000),
        }]
    );
    let amounts: Vec<Amount> = found.totals.iter().map(|t| t.amount).collect();
    assert_eq!(
        amounts,
        vec![Amount::Sources, Amount::YearlyProfit, Amount::ClosingCash]
    );
}
