//! One grant call, new or edited: amounts, dates, places, eligibility rules as simple fields,
//! the rubric's weights and the tranche template. Checked on the server; a stale save is refused.

use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::domain::catalogue::grant_terms::{CallTerms, Criterion, Release, TrancheTemplate};
use crate::domain::matching::eligibility::Rule;
use crate::domain::profile::{DocumentKind, Education, Language, Programme, Sex, TargetGroup};
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::{City, Sector};
use crate::i18n::*;
use crate::pages::catalogue::{
    labels::criterion_label, labels::lang_of, labels::programme_label, labels::release_label,
};
use crate::pages::catalogue::{
    training_edit::Choice, training_edit::TextField, training_edit::Ticks,
};
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::pages::profile::{
    labels::document_name, labels::education_name, labels::group_name, labels::language_name,
};
use crate::pages::sector_name;
use crate::server_fns::catalogue::{load_call, SaveCall};
use crate::wire::catalogue::CallEdit;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CallEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCall>::new();
    let query = use_query_map();
    let id = move || query.with(|q| q.get("id").and_then(|id| id.parse::<i64>().ok()));
    let loaded = page_data(id, |id| async move {
        match id {
            Some(id) => load_call(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, catalogue.edit_call).to_string() />
        <p><a href="/admin/calls" rel="external">{t!(i18n, catalogue.calls_title)}</a></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(saved) => view! { <CallForm save saved /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the form shows, read back from a saved call (empty for a new one).
#[derive(Default)]
struct Shown {
    age_min: String,
    age_max: String,
    sexes: Vec<&'static str>,
    nationalities: String,
    documents: Vec<&'static str>,
    education: String,
    languages: Vec<&'static str>,
    groups: Vec<&'static str>,
    programme: String,
}

fn shown(rules: &[Rule]) -> Shown {
    let mut s = Shown::default();
    let text = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    for rule in rules {
        match rule {
            Rule::Age { min, max } => (s.age_min, s.age_max) = (text(*min), text(*max)),
            Rule::Sex { any_of } => s.sexes = any_of.iter().map(|x| x.code()).collect(),
            Rule::Nationality { any_of } => {
                s.nationalities = any_of
                    .iter()
                    .map(|c| c.code())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            Rule::Document { any_of } => s.documents = any_of.iter().map(|d| d.code()).collect(),
            Rule::Education { min } => s.education = min.code().to_owned(),
            Rule::Language { any_of } => s.languages = any_of.iter().map(|l| l.code()).collect(),
            Rule::TargetGroup { any_of } => s.groups = any_of.iter().map(|g| g.code()).collect(),
            Rule::CompletedTraining { programme } => s.programme = programme.code().to_owned(),
            Rule::City { .. } => {}
        }
    }
    s
}

#[component]
fn CallForm(save: ServerAction<SaveCall>, saved: Option<CallEdit>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let error = last_error(save);
    let (id, version) = saved.as_ref().map_or((0, 0), |s| (s.id, s.version));
    let terms = saved.as_ref().map(|s| s.terms.clone()).unwrap_or_default();
    let c = saved.map(|s| s.call);
    let s = c.as_ref().map(|c| shown(&c.rules)).unwrap_or_default();
    let shown_call = c.clone();
    let text = move |f: &dyn Fn(&crate::domain::catalogue::GrantCall) -> String| {
        shown_call.as_ref().map(f).unwrap_or_default()
    };
    let dirhams = |m: crate::domain::shared::money::Money| format!("{}", m.centimes() / 100);
    let sectors: Vec<&'static str> = c
        .as_ref()
        .map(|c| c.sectors.iter().map(|x| x.code()).collect())
        .unwrap_or_default();
    let cities: Vec<&'static str> = c
        .as_ref()
        .map(|c| c.cities.iter().map(|x| x.code()).collect())
        .unwrap_or_default();
    let heading = if id == 0 {
        t_string!(i18n, catalogue.new_call).to_string()
    } else {
        t_string!(i18n, catalogue.edit_call).to_string()
    };
    view! {
        <h1>{heading}</h1>
        <ActionForm action=save attr:class="form card" attr:novalidate=true>
            <FormProblems error />
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="version" value=version />
            <TextField id="reference" name="reference" label=t_string!(i18n, catalogue.reference).to_string()
                value=text(&|c| c.reference.clone()) field=Field::Reference problems_id="reference-problems" error />
            <TextField id="title" name="title" label=t_string!(i18n, catalogue.title).to_string()
                value=text(&|c| c.title.clone()) field=Field::Title problems_id="title-problems" error />
            <TextField id="envelope" name="envelope" label=t_string!(i18n, catalogue.envelope_mad).to_string()
                value=text(&|c| dirhams(c.envelope)) field=Field::Envelope problems_id="envelope-problems" error />
            <TextField id="max_grant" name="max_grant" label=t_string!(i18n, catalogue.max_grant_mad).to_string()
                value=text(&|c| dirhams(c.max_grant)) field=Field::MaxGrant problems_id="max-grant-problems" error />
            <TextField id="own_contribution" name="own_contribution" label=t_string!(i18n, catalogue.own_contribution_percent).to_string()
                value=text(&|c| c.own_contribution_percent.to_string()) field=Field::OwnContribution
                problems_id="own-contribution-problems" error />
            <Ticks name="sectors[]" legend=t_string!(i18n, catalogue.sector).to_string()
                choices=Sector::ALL.into_iter().map(|x| (x.code(), sector_name(i18n, x))).collect()
                ticked=sectors field=Field::Sector problems_id="sectors-problems" error />
            <Ticks name="cities[]" legend=t_string!(i18n, catalogue.city).to_string()
                choices=City::all().map(|x| (x.code(), x.label(lang).to_owned())).collect()
                ticked=cities field=Field::City problems_id="cities-problems" error />
            <TextField id="opens_on" name="opens_on" label=t_string!(i18n, catalogue.opens_on).to_string()
                value=text(&|c| c.opens_on.to_string()) field=Field::StartsOn problems_id="opens-on-problems" error />
            <TextField id="closes_on" name="closes_on" label=t_string!(i18n, catalogue.closes_on).to_string()
                value=text(&|c| c.closes_on.to_string()) field=Field::EndsOn problems_id="closes-on-problems" error />
            <CallRules error shown=s />
            <TermsFields terms error=error />
        </ActionForm>
    }
}

/// Who the call is for: age, sex, nationality, papers, education, languages, groups and a
/// programme completed before.
#[component]
fn CallRules(error: LastError, shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let s = shown;
    view! {
        <h2>{t!(i18n, catalogue.rules_title)}</h2>
        <TextField id="age_min" name="age_min" label=t_string!(i18n, catalogue.age_min).to_string()
            value=s.age_min.clone() field=Field::Age problems_id="age-min-problems" error />
        <TextField id="age_max" name="age_max" label=t_string!(i18n, catalogue.age_max).to_string()
            value=s.age_max.clone() field=Field::Age problems_id="age-max-problems" error />
        <Ticks name="sexes[]" legend=t_string!(i18n, catalogue.sexes).to_string()
            choices=Sex::ALL.into_iter().map(|x| (x.code(), match x {
                Sex::Female => t_string!(i18n, profile.female).to_string(),
                Sex::Male => t_string!(i18n, profile.male).to_string(),
            })).collect()
            ticked=s.sexes.clone() field=Field::Sex problems_id="sexes-problems" error />
        <TextField id="nationalities" name="nationalities" label=t_string!(i18n, catalogue.nationalities).to_string()
            value=s.nationalities.clone() field=Field::Nationality problems_id="nationalities-problems" error />
        <Ticks name="documents[]" legend=t_string!(i18n, catalogue.documents).to_string()
            choices=DocumentKind::ALL.into_iter().map(|x| (x.code(), document_name(i18n, x))).collect()
            ticked=s.documents.clone() field=Field::Documents problems_id="documents-problems" error />
        <Choice id="education_min" label=t_string!(i18n, catalogue.min_education).to_string()
            choices=Education::ALL.into_iter().map(|x| (x.code(), education_name(i18n, x))).collect()
            selected=s.education.clone() field=Field::Education problems_id="education-problems" error
            empty=t_string!(i18n, catalogue.no_minimum).to_string() />
        <Ticks name="languages[]" legend=t_string!(i18n, catalogue.languages_any).to_string()
            choices=Language::ALL.into_iter().map(|x| (x.code(), language_name(i18n, x))).collect()
            ticked=s.languages.clone() field=Field::Languages problems_id="languages-problems" error />
        <Ticks name="groups[]" legend=t_string!(i18n, catalogue.groups).to_string()
            choices=TargetGroup::ALL.into_iter().map(|x| (x.code(), group_name(i18n, x))).collect()
            ticked=s.groups.clone() field=Field::Groups problems_id="groups-problems" error />
        <Choice id="completed_programme" label=t_string!(i18n, catalogue.completed_programme).to_string()
            choices=Programme::ALL.into_iter().map(|x| (x.code(), programme_label(i18n, x))).collect()
            selected=s.programme.clone() field=Field::Programme problems_id="programme-problems" error
            empty=t_string!(i18n, catalogue.no_requirement).to_string() />
    }
}

/// The rubric's weights (one per criterion) and up to four tranche rows.
#[component]
fn TermsFields(terms: CallTerms, error: crate::pages::problem::LastError) -> impl IntoView {
    let i18n = use_i18n();
    let rows = terms.tranches.tranches().to_vec();
    view! {
        <fieldset class="field" aria-describedby="rubric-problems">
            <legend>{t!(i18n, catalogue.rubric)}</legend>
            {Criterion::ALL.into_iter().map(|criterion| {
                let id = format!("weight-{}", criterion.code());
                view! {
                    <label for=id.clone()>{criterion_label(i18n, criterion)}</label>
                    <input id=id name="weights[]" type="text" inputmode="numeric" size=3
                        value=terms.rubric.weight_of(criterion).to_string() />
                }
            }).collect_view()}
            <FieldProblems error field=Field::Rubric id="rubric-problems" />
        </fieldset>
        <fieldset class="field" aria-describedby="tranches-problems">
            <legend>{t!(i18n, catalogue.tranches)}</legend>
            {(0..TrancheTemplate::MAX_TRANCHES).map(|i| {
                let row = rows.get(i).copied();
                view! {
                    <p>
                        <input name="tranche_percents[]" type="text" inputmode="numeric" size=3
                            aria-label=t_string!(i18n, catalogue.tranche_percent).to_string()
                            value=row.map(|r| r.percent.to_string()).unwrap_or_default() />
                        " % "
                        <select name="tranche_releases[]" aria-label=t_string!(i18n, catalogue.tranche_release).to_string()>
                            {Release::ALL.into_iter().map(|release| view! {
                                <option value=release.code() selected=row.is_some_and(|r| r.release == release)>
                                    {release_label(i18n, release)}
                                </option>
                            }).collect_view()}
                        </select>
                    </p>
                }
            }).collect_view()}
            <FieldProblems error field=Field::Tranches id="tranches-problems" />
        </fieldset>
        <div class="field">
            <label for="quorum">{t!(i18n, catalogue.quorum)}</label>
            <input id="quorum" name="quorum" type="text" inputmode="numeric" value=terms.quorum.to_string()
                aria-describedby="quorum-problems" />
            <FieldProblems error field=Field::Quorum id="quorum-problems" />
        </div>
        <label class="choice">
            <input type="checkbox" name="blind_review" value="on" checked=terms.blind_review />
            {t!(i18n, catalogue.blind_review)}
        </label>
        <button type="submit" class="button" data-test="save-call">{t!(i18n, catalogue.save_call)}</button>
    }
}
