//! The programme's reporting settings as an admin posts them: the name printed on reports, the
//! smallest count a report shows (the small-cell threshold), and a target per indicator.

use super::problem::ReportingProblem;
use super::Indicator;
use crate::domain::problem::FieldProblem;
use crate::domain::shared::problem::{Field, Snippet};
use crate::domain::shared::text::FreeText;

/// The threshold may not go below 3 (a pair is never safe to show) nor above 50.
pub const SMALL_CELL_MIN: u64 = 3;
pub const SMALL_CELL_MAX: u64 = 50;
/// No programme commits to more people than this.
pub const TARGET_MAX: u64 = 10_000_000;
/// The longest programme name (the database checks it too).
pub const NAME_MAX: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub name: String,
    pub small_cell: u64,
    /// Indicators with a target; the others have none.
    pub targets: Vec<(Indicator, u64)>,
}

/// The form as posted: text, and `(indicator code, text)` for each target field.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm<'a> {
    pub name: &'a str,
    pub small_cell: &'a str,
    pub targets: Vec<(&'a str, &'a str)>,
}

impl SettingsForm<'_> {
    /// Every problem at once, each on its field; an empty target is "no target".
    pub fn parse(&self) -> Result<Settings, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let name = match FreeText::<NAME_MAX>::required_line(self.name) {
            Ok(name) => Some(name.into_string()),
            Err(problem) => {
                problems.push(FieldProblem::new(Field::ProgrammeName, problem));
                None
            }
        };
        let small_cell = self
            .small_cell
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|k| (SMALL_CELL_MIN..=SMALL_CELL_MAX).contains(k));
        if small_cell.is_none() {
            problems.push(FieldProblem::new(
                Field::SmallCell,
                ReportingProblem::SmallCellOutOfRange {
                    min: SMALL_CELL_MIN,
                    max: SMALL_CELL_MAX,
                },
            ));
        }
        let mut targets = Vec::new();
        for (code, text) in &self.targets {
            let Some(indicator) = Indicator::from_code(code.trim()) else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            match text.parse::<u64>().ok().filter(|t| *t <= TARGET_MAX) {
                Some(target) if !targets.iter().any(|(i, _)| *i == indicator) => {
                    targets.push((indicator, target))
                }
                Some(_) => {}
                None => problems.push(FieldProblem::new(
                    Field::Target(Snippet::new(indicator.code())),
                    ReportingProblem::TargetInvalid { max: TARGET_MAX },
                )),
            }
        }
        match (name, small_cell) {
            (Some(name), Some(small_cell)) if problems.is_empty() => Ok(Settings {
                name,
                small_cell,
                targets,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wrong_field_is_named_and_empty_targets_are_none() {
        let form = SettingsForm {
            name: "  Passerelle Rabat–Tanger ",
            small_cell: "5",
            targets: vec![
                ("registered", "1350"),
                ("plan_approved", ""),
                ("nonsense", "3"),
            ],
        };
        let settings = form.parse().expect("valid settings");
        assert_eq!(settings.name, "Passerelle Rabat–Tanger");
        assert_eq!(settings.targets, [(Indicator::Registered, 1350)]);
        let bad = SettingsForm {
            name: "",
            small_cell: "2",
            targets: vec![("registered", "-4"), ("operating", "12.5")],
        };
        let fields: Vec<Field> = bad
            .parse()
            .expect_err("invalid settings")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::ProgrammeName,
                Field::SmallCell,
                Field::Target(Snippet::new("registered")),
                Field::Target(Snippet::new("operating")),
            ]
        );
    }
}
