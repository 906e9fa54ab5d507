use super::protect::*;
use super::{Dimension, Indicator, Measure, Period, DIMENSIONS, INDICATORS};

fn row(dims: [&str; DIMENSIONS], member: Memberships, people: [u64; INDICATORS]) -> CubeRow {
    CubeRow {
        dims: dims.map(str::to_owned),
        member,
        tally: Tally {
            people,
            committed: 100_000 * people[Indicator::PlanApproved.index()] as i64,
            paid: 50_000 * people[Indicator::GrantPaid.index()] as i64,
            jobs: 2 * people[Indicator::Operating.index()],
        },
    }
}

fn registered(n: u64) -> [u64; INDICATORS] {
    let mut people = [0; INDICATORS];
    people[Indicator::Registered.index()] = n;
    people
}

const NONE: Memberships = Memberships {
    period: false,
    wider_period: false,
    call: false,
    training: false,
};

#[test]
fn a_small_cell_hides_the_next_smallest_until_the_hidden_add_up_to_k() {
    use Figure::*;
    assert_eq!(
        protect_row(&[30, 20, 3], &[false; 3], 5),
        [Count(30), Hidden, Small]
    );
    // Two small cells adding up to less than k: a third is hidden.
    assert_eq!(
        protect_row(&[40, 1, 2], &[false; 3], 5),
        [Hidden, Small, Small]
    );
    assert_eq!(
        protect_row(&[12, 0, 9], &[false; 3], 5),
        [Count(12), Count(0), Count(9)]
    );
    // A cell hidden because of a wider view is never alone either.
    assert_eq!(
        protect_row(&[12, 7, 9], &[false, true, false], 5),
        [Count(12), Hidden, Hidden]
    );
    // Zeros name nobody and are never hidden to complement.
    assert_eq!(
        protect_row(&[0, 3, 0], &[false; 3], 5),
        [Count(0), Small, Count(0)]
    );
}

#[test]
fn a_filter_that_leaves_out_fewer_than_k_people_hides_its_figure() {
    let mut cube = vec![row(
        ["female", "25_34", "SN", "rabat", "migrant", "", ""],
        NONE,
        registered(20),
    )];
    cube.push(row(
        ["male", "25_34", "SN", "tanger", "migrant", "", ""],
        NONE,
        registered(3),
    ));
    let scope = Scope {
        city: true,
        ..Scope::default()
    };
    let rabat = protect(&cube, scope, "rabat", false, 5);
    // 23 in all, 20 in Rabat: the 3 elsewhere would be the difference.
    assert_eq!(rabat.totals[0], (Indicator::Registered, Figure::Hidden));
    let tanger = protect(&cube, scope, "tanger", false, 5);
    assert_eq!(tanger.totals[0], (Indicator::Registered, Figure::Small));
    let all = protect(&cube, Scope::default(), "", false, 5);
    assert_eq!(all.totals[0], (Indicator::Registered, Figure::Count(23)));
    let sex = &all.tables[Dimension::Sex.index()];
    assert_eq!(sex.categories, ["female", "male"]);
    assert_eq!(sex.rows[0].cells, [Figure::Hidden, Figure::Small]);
}

#[test]
fn money_is_shown_only_with_its_people() {
    let mut approved = registered(9);
    approved[Indicator::PlanApproved.index()] = 6;
    approved[Indicator::GrantPaid.index()] = 2;
    let cube = vec![row(["female", "", "", "rabat", "", "", ""], NONE, approved)];
    let all = protect(&cube, Scope::default(), "", false, 5);
    assert_eq!(all.measures[0], (Measure::Committed, Some(600_000)));
    assert_eq!(all.measures[1], (Measure::Paid, None));
}

#[test]
fn periods_read_as_years_and_quarters() {
    let q3 = Period::parse("2026-Q3").expect("a quarter");
    assert_eq!(q3.code(), "2026-q3");
    let (from, to) = q3.bounds();
    assert_eq!(
        (from.to_string(), to.to_string()),
        ("2026-07-01".into(), "2026-10-01".into())
    );
    assert_eq!(
        Period::parse("2026-q4")
            .expect("a quarter")
            .bounds()
            .1
            .to_string(),
        "2027-01-01"
    );
    assert_eq!(q3.wider(), Period::parse("2026"));
    for bad in ["", "26", "2026-q5", "2026-q0", "q3", "1900"] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
    let limits = super::age_band_limits(time::macros::date!(2024 - 02 - 29));
    assert_eq!(limits[0].to_string(), "2006-02-28");
}

/// A small deterministic generator: the same cubes on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn random_cube(rng: &mut Lcg) -> Vec<CubeRow> {
    let pick = |rng: &mut Lcg, options: &[&str]| {
        options[rng.next(options.len() as u64) as usize].to_owned()
    };
    (0..rng.next(12) + 1)
        .map(|_| {
            let dims = [
                pick(rng, &["female", "male", ""]),
                pick(rng, &["18_24", "25_34", ""]),
                pick(rng, &["SN", "CI", "MA"]),
                pick(rng, &["rabat", "tanger"]),
                pick(rng, &["migrant", "host", ""]),
                pick(rng, &["resident", "no_permit", ""]),
                pick(rng, &["yes", "no", ""]),
            ];
            let period = rng.next(2) == 1;
            let member = Memberships {
                period,
                wider_period: period || rng.next(2) == 1,
                call: rng.next(2) == 1,
                training: rng.next(2) == 1,
            };
            // Each step a part of the one before, as in the database.
            let mut people = [0; INDICATORS];
            let mut left = rng.next(9);
            for p in people.iter_mut() {
                *p = left;
                left = rng.next(left + 1);
            }
            CubeRow {
                dims,
                member,
                tally: Tally {
                    people,
                    ..Tally::default()
                },
            }
        })
        .collect()
}

fn scopes(has_year: bool) -> Vec<Scope> {
    let mut all = Vec::new();
    let periods: &[u8] = if has_year { &[0, 1, 2] } else { &[0, 2] };
    for &period in periods {
        for call in [false, true] {
            for training in [false, true] {
                for city in [false, true] {
                    all.push(Scope {
                        period,
                        call,
                        training,
                        city,
                    });
                }
            }
        }
    }
    all
}

/// Every published figure, by what it counts: (scope, city, indicator, dimension, category).
type Key = (
    u8,
    bool,
    bool,
    bool,
    &'static str,
    usize,
    Option<(usize, String)>,
);

#[test]
fn no_two_published_figures_differ_by_a_small_group() {
    let k = 5;
    let mut rng = Lcg(7);
    for _ in 0..300 {
        let cube = random_cube(&mut rng);
        let has_year = rng.next(2) == 1;
        let mut published: std::collections::HashMap<Key, u64> = Default::default();
        for scope in scopes(has_year) {
            for city in if scope.city {
                &["rabat", "tanger"][..]
            } else {
                &[""][..]
            } {
                let report = protect(&cube, scope, city, has_year, k);
                let key = |i: usize, cell: Option<(usize, String)>| -> Key {
                    (
                        scope.period,
                        scope.call,
                        scope.training,
                        scope.city,
                        city,
                        i,
                        cell,
                    )
                };
                for (indicator, figure) in &report.totals {
                    if let Some(n) = figure.count() {
                        assert!(n == 0 || n >= k, "a small total shown: {n}");
                        published.insert(key(indicator.index(), None), n);
                    }
                }
                for table in &report.tables {
                    for row in &table.rows {
                        let shown: Vec<u64> = row.cells.iter().filter_map(|f| f.count()).collect();
                        assert!(shown.iter().all(|&n| n == 0 || n >= k), "{shown:?}");
                        if let Some(total) = row.total.count() {
                            let rest = total - shown.iter().sum::<u64>();
                            assert!(
                                rest == 0 || rest >= k,
                                "total {total} minus shown {shown:?}"
                            );
                            for n in &shown {
                                let others = total - n;
                                assert!(others == 0 || others >= k, "total {total} minus {n}");
                            }
                        }
                        for (category, figure) in table.categories.iter().zip(&row.cells) {
                            if let Some(n) = figure.count() {
                                let cell = Some((table.dimension.index(), category.clone()));
                                published.insert(key(row.indicator.index(), cell), n);
                            }
                        }
                    }
                }
            }
        }
        // The same figure in a view and in any wider one (fewer filters, or the year of a
        // quarter): the narrower is part of the wider, so the difference is a group.
        for ((period, call, training, city, city_code, i, cell), n) in &published {
            for wider in scopes(has_year) {
                let contains = wider.period <= *period
                    && (wider.period == 0 || *period == 2 || wider.period == *period)
                    && (!wider.call || *call)
                    && (!wider.training || *training)
                    && (!wider.city || *city);
                let same = (wider.period, wider.call, wider.training, wider.city)
                    == (*period, *call, *training, *city);
                if !contains || same {
                    continue;
                }
                let wider_city = if wider.city { *city_code } else { "" };
                let key = (
                    wider.period,
                    wider.call,
                    wider.training,
                    wider.city,
                    wider_city,
                    *i,
                    cell.clone(),
                );
                if let Some(m) = published.get(&key) {
                    let gap = m - n;
                    assert!(gap == 0 || gap >= k, "{key:?}: {m} against {n}");
                }
            }
        }
    }
}
