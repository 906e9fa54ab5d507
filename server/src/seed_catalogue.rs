//! Demo trainings and grant calls in Rabat and Tanger, dated from the day of seeding so that a
//! fresh demo always has upcoming trainings and open calls.

use ::app::db::{catalogue, catalogue::catalogue_admin, Db};
use ::app::domain::catalogue::grant_terms::{
    CallTerms, Criterion, Release, Rubric, Tranche, TrancheTemplate, Weight,
};
use ::app::domain::catalogue::{GrantCall, Training};
use ::app::domain::matching::eligibility::Rule;
use ::app::domain::profile::{DocumentKind, Education, Language, Programme, Sex, TargetGroup};
use ::app::domain::shared::money::Money;
use ::app::domain::shared::reference::{City, Sector, SkillId};
use anyhow::{anyhow, Context};
use time::{Date, Duration};

fn city(code: &str) -> anyhow::Result<City> {
    City::parse(code).ok_or_else(|| anyhow!("demo city {code} is not in the reference"))
}

fn skills(codes: &[&str]) -> anyhow::Result<Vec<SkillId>> {
    codes
        .iter()
        .map(|c| SkillId::parse(c).ok_or_else(|| anyhow!("demo skill {c} is not in the taxonomy")))
        .collect()
}

const RESIDENCE: [DocumentKind; 3] = [
    DocumentKind::ResidenceCard,
    DocumentKind::RefugeeCard,
    DocumentKind::ResidenceReceipt,
];

#[allow(clippy::too_many_arguments)]
fn training(
    reference: &str,
    title: &str,
    programme: Programme,
    sector: Sector,
    city_code: &str,
    starts_in_days: i64,
    weeks: i64,
    seats: u32,
    min_education: Option<Education>,
    target_groups: &[TargetGroup],
    skill_codes: &[&str],
    today: Date,
) -> anyhow::Result<Training> {
    let starts_on = today + Duration::days(starts_in_days);
    Ok(Training {
        reference: reference.into(),
        title: title.into(),
        programme,
        sector,
        city: city(city_code)?,
        starts_on,
        ends_on: starts_on + Duration::weeks(weeks),
        seats,
        languages: vec![Language::French, Language::Darija],
        min_education,
        required_documents: RESIDENCE.to_vec(),
        target_groups: target_groups.to_vec(),
        skills: skills(skill_codes)?,
    })
}

fn trainings(today: Date) -> anyhow::Result<Vec<Training>> {
    use Programme::*;
    use Sector::*;
    Ok(vec![
        training(
            "ANAPEC-TNG-101",
            "Opérateur·rice de câblage automobile",
            Idmaj,
            AutomotiveWiring,
            "tanger",
            21,
            8,
            40,
            Some(Education::Primary),
            &[],
            &[
                "wire.harness-assembly",
                "wire.cut-strip-wires",
                "wire.terminal-crimping",
            ],
            today,
        )?,
        training(
            "ANAPEC-TNG-102",
            "Couture industrielle",
            Taehil,
            SewingFashion,
            "tanger",
            30,
            12,
            20,
            None,
            &[TargetGroup::Women],
            &[
                "sew.industrial-lockstitch",
                "sew.overlock",
                "sew.production-line",
            ],
            today,
        )?,
        training(
            "ANAPEC-TNG-103",
            "Créer son activité : de l'idée au plan d'affaires",
            SelfEmployment,
            Commerce,
            "tanger",
            14,
            3,
            25,
            None,
            &[],
            &[
                "shop.simple-business-plan",
                "shop.basic-bookkeeping",
                "shop.pricing-margin",
            ],
            today,
        )?,
        training(
            "ANAPEC-TNG-104",
            "Peinture et finitions du bâtiment",
            Taehil,
            Painting,
            "tanger",
            45,
            10,
            15,
            None,
            &[],
            &[
                "paint.wall-preparation",
                "paint.interior-painting",
                "paint.facades",
            ],
            today,
        )?,
        training(
            "ANAPEC-RBT-201",
            "Téléconseiller·ère francophone",
            Taehil,
            CallCentreIct,
            "rabat",
            18,
            6,
            30,
            Some(Education::Baccalaureate),
            &[],
            &[
                "ict.phone-reception-fr",
                "ict.crm-software",
                "ict.complaint-handling",
            ],
            today,
        )?,
        training(
            "ANAPEC-RBT-202",
            "Coiffure afro et tresses",
            Taehil,
            HairdressingBeauty,
            "rabat",
            25,
            10,
            15,
            None,
            &[],
            &[
                "hair.african-braiding",
                "hair.weave-extensions",
                "hair.tool-hygiene",
            ],
            today,
        )?,
        training(
            "ANAPEC-RBT-203",
            "Créer son activité : de l'idée au plan d'affaires",
            SelfEmployment,
            Commerce,
            "rabat",
            10,
            3,
            25,
            None,
            &[],
            &[
                "shop.simple-business-plan",
                "shop.basic-bookkeeping",
                "shop.pricing-margin",
            ],
            today,
        )?,
        training(
            "ANAPEC-RBT-204",
            "Cuisine et pâtisserie marocaines",
            Taehil,
            CateringFood,
            "rabat",
            35,
            12,
            18,
            None,
            &[TargetGroup::Youth, TargetGroup::Women],
            &[
                "food.moroccan-cuisine",
                "food.moroccan-pastries",
                "food.hygiene-haccp",
            ],
            today,
        )?,
    ])
}

fn calls(today: Date) -> anyhow::Result<Vec<GrantCall>> {
    let self_employment = Rule::CompletedTraining {
        programme: Programme::SelfEmployment,
    };
    let papers = Rule::Document {
        any_of: RESIDENCE.to_vec(),
    };
    Ok(vec![
        GrantCall {
            reference: "AGR-RBT-2027".into(),
            title: "Microprojets Rabat-Salé-Témara 2027".into(),
            envelope: Money::from_dirhams(600_000),
            max_grant: Money::from_dirhams(30_000),
            own_contribution_percent: 10,
            sectors: vec![
                Sector::CateringFood,
                Sector::SewingFashion,
                Sector::HairdressingBeauty,
                Sector::Commerce,
                Sector::Crafts,
            ],
            cities: vec![city("rabat")?, city("sale")?, city("temara")?],
            opens_on: today - Duration::days(20),
            closes_on: today + Duration::days(90),
            rules: vec![
                Rule::Age {
                    min: Some(18),
                    max: Some(59),
                },
                papers.clone(),
                self_employment.clone(),
            ],
        },
        GrantCall {
            reference: "AGR-TNG-FEMMES-2027".into(),
            title: "Femmes entrepreneures de Tanger".into(),
            envelope: Money::from_dirhams(400_000),
            max_grant: Money::from_dirhams(20_000),
            own_contribution_percent: 10,
            sectors: vec![],
            cities: vec![city("tanger")?, city("tetouan")?],
            opens_on: today - Duration::days(10),
            closes_on: today + Duration::days(60),
            rules: vec![
                Rule::Age {
                    min: Some(18),
                    max: None,
                },
                Rule::Sex {
                    any_of: vec![Sex::Female],
                },
                papers.clone(),
            ],
        },
        GrantCall {
            reference: "AGR-JEUNES-2027".into(),
            title: "Jeunes porteurs de projets (18-35 ans)".into(),
            envelope: Money::from_dirhams(300_000),
            max_grant: Money::from_dirhams(15_000),
            own_contribution_percent: 15,
            sectors: vec![
                Sector::RepairMaintenance,
                Sector::Audiovisual,
                Sector::CallCentreIct,
                Sector::TransportLogistics,
            ],
            cities: vec![city("rabat")?, city("tanger")?],
            opens_on: today - Duration::days(5),
            closes_on: today + Duration::days(45),
            rules: vec![
                Rule::Age {
                    min: Some(18),
                    max: Some(35),
                },
                papers,
                self_employment,
            ],
        },
    ])
}

/// How each demo call is reviewed and paid: 70% at approval and 30% after a monitoring visit
/// (a larger final share for the youth call, whose applicants have less experience), three
/// scores for a decision, blind review for the women's call.
fn call_terms(reference: &str) -> anyhow::Result<CallTerms> {
    let w = |criterion, weight| Weight { criterion, weight };
    let tranche = |percent, release| Tranche { percent, release };
    let (rubric, tranches, blind_review) = match reference {
        "AGR-JEUNES-2027" => (
            vec![
                w(Criterion::Viability, 30),
                w(Criterion::Market, 25),
                w(Criterion::Experience, 10),
                w(Criterion::BudgetRealism, 20),
                w(Criterion::SocialImpact, 15),
            ],
            vec![
                tranche(50, Release::AtApproval),
                tranche(30, Release::AfterMonitoringVisit),
                tranche(20, Release::AfterMonitoringVisit),
            ],
            false,
        ),
        "AGR-TNG-FEMMES-2027" => (
            Rubric::syb_default().weights().to_vec(),
            TrancheTemplate::standard().tranches().to_vec(),
            true,
        ),
        _ => (
            Rubric::syb_default().weights().to_vec(),
            TrancheTemplate::standard().tranches().to_vec(),
            false,
        ),
    };
    Ok(CallTerms {
        rubric: Rubric::new(rubric).map_err(|p| anyhow!("demo rubric of {reference}: {p}"))?,
        tranches: TrancheTemplate::new(tranches)
            .map_err(|p| anyhow!("demo tranches of {reference}: {p}"))?,
        quorum: 3,
        blind_review,
    })
}

/// Adds the demo trainings and calls that do not exist yet (by reference); returns how many.
pub async fn demo_catalogue(db: &Db, today: Date) -> anyhow::Result<usize> {
    let mut added = 0;
    let mut tx = db.begin().await?;
    for training in trainings(today)? {
        added += usize::from(catalogue::insert_training(&mut tx, &training).await?);
    }
    for call in calls(today)? {
        let new = catalogue::insert_call(&mut tx, &call).await?;
        if new {
            catalogue_admin::set_call_terms(
                &mut tx,
                &call.reference,
                &call_terms(&call.reference)?,
            )
            .await?;
        }
        added += usize::from(new);
    }
    tx.commit()
        .await
        .context("failed to save the demo catalogue")?;
    Ok(added)
}
