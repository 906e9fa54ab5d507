use crate::error::AppError;
use crate::wire::profile::OccupationSkills;
use leptos::prelude::*;

/// The longest search the skills page accepts (a skill label is at most 70 characters).
pub const QUERY_MAX_CHARS: usize = 80;
/// The most skills one search lists.
pub const RESULTS_MAX: usize = 60;

/// Skills matching `query` in any of the three languages (ignoring case, accents and Arabic
/// vowels), or every skill of `sector`, grouped by occupation and labelled in `lang`. Public:
/// the taxonomy holds nothing personal. A GET, so the page's plain search form needs no script.
#[server(endpoint = "profile/search_skills", input = server_fn::codec::GetUrl)]
pub async fn search_skills(
    query: String,
    sector: Option<String>,
    lang: String,
) -> Result<Vec<OccupationSkills>, AppError> {
    use crate::domain::shared::locale::Lang;
    use crate::domain::shared::problem::{Field, SharedProblem};

    use crate::domain::profile::problem::ProfileProblem;
    use crate::domain::shared::reference::{reference, Sector, SkillId};
    use crate::server_fns::respond;
    use crate::wire::profile::SkillLabel;

    respond((|| {
        let lang = Lang::ALL
            .into_iter()
            .find(|l| l.code() == lang)
            .ok_or_else(|| AppError::field(Field::Locale, SharedProblem::LocaleUnknown))?;
        let query = query.trim();
        if query.chars().count() > QUERY_MAX_CHARS {
            return Err(AppError::field(
                Field::Query,
                ProfileProblem::QueryTooLong {
                    max: QUERY_MAX_CHARS,
                },
            ));
        }
        let sector = match sector.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => Some(
                Sector::from_code(code)
                    .ok_or_else(|| AppError::field(Field::Sector, SharedProblem::SectorUnknown))?,
            ),
        };
        let reference = reference();
        let in_sector = |id: &SkillId| sector.is_none_or(|s| id.skill().sector == s);
        let found: Vec<SkillId> = if !query.is_empty() {
            reference
                .search_skills(query, usize::MAX)
                .into_iter()
                .filter(in_sector)
                .take(RESULTS_MAX)
                .collect()
        } else if sector.is_some() {
            SkillId::all().filter(in_sector).collect()
        } else {
            Vec::new()
        };
        // Skills are listed occupation by occupation in the taxonomy, so groups are runs.
        let mut groups: Vec<OccupationSkills> = Vec::new();
        for id in found {
            let skill = id.skill();
            let label = SkillLabel {
                code: skill.code.to_owned(),
                label: skill.labels.get(lang).to_owned(),
            };
            match groups.last_mut() {
                Some(group) if group.isco == skill.isco => group.skills.push(label),
                _ => groups.push(OccupationSkills {
                    isco: skill.isco,
                    occupation: reference
                        .occupation(skill.isco)
                        .map(|o| o.labels.get(lang).to_owned())
                        .unwrap_or_default(),
                    sector: skill.sector,
                    skills: vec![label],
                }),
            }
        }
        Ok(groups)
    })())
}
