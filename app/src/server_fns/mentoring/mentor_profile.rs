use crate::error::AppError;
use leptos::prelude::*;

/// An admin records where a mentor works, their sectors and languages (codes from the same
/// reference lists as applicant profiles) and how many plans they can coach at once. Lists
/// arrive as `sectors[]=…` checkboxes; an unticked list arrives as nothing.
#[server(name = SaveMentorProfile, endpoint = "mentoring/mentor_profile")]
pub async fn save_mentor_profile(
    mentor: String,
    city: String,
    sectors: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    capacity: String,
) -> Result<(), AppError> {
    use crate::db::{mentoring::mentor_desk, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::parse_capacity;
    use crate::domain::problem::FieldProblem;
    use crate::domain::profile::Language;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, SharedProblem};
    use crate::domain::shared::reference::{City, Sector};
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let id = parse_id(&mentor)?;
            let mut problems = Vec::new();
            let city = match city.trim() {
                "" => None,
                code => City::parse(code).or_else(|| {
                    problems.push(FieldProblem::new(Field::City, SharedProblem::CityUnknown));
                    None
                }),
            };
            let sectors = codes(sectors, Sector::from_code).unwrap_or_else(|| {
                problems.push(FieldProblem::new(
                    Field::Sector,
                    SharedProblem::SectorUnknown,
                ));
                Vec::new()
            });
            let languages = codes(languages, Language::from_code).unwrap_or_else(|| {
                problems.push(FieldProblem::new(
                    Field::Languages,
                    SharedProblem::LanguageUnknown,
                ));
                Vec::new()
            });
            let capacity = parse_capacity(&capacity)
                .map_err(|problem| problems.push(FieldProblem::new(Field::Capacity, problem)))
                .unwrap_or_default();
            if !problems.is_empty() {
                return Err(AppError::Validation(problems));
            }
            let mut tx = context()?.db.begin().await?;
            if !mentor_desk::is_mentor(&mut tx, id).await? {
                return Err(AppError::NotFound);
            }
            mentor_desk::save_profile(&mut tx, id, city, &sectors, &languages, capacity).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::MentorProfileSaved)
                    .subject("user", id)
                    .details(serde_json::json!({ "capacity": capacity })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/mentoring?done=profile");
            Ok(())
        }
        .await,
    )
}

/// Every code known (once each, in the order given), or `None` if one is not.
#[cfg(feature = "ssr")]
fn codes<T: PartialEq>(
    input: Option<Vec<String>>,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for code in input.unwrap_or_default() {
        let item = parse(code.trim())?;
        if !out.contains(&item) {
            out.push(item);
        }
    }
    Some(out)
}
