//! The written sections: one card per section (owned here, so mentoring can add its comments
//! beside each), a form on the owner's turn, the text as it reads, and any kept conflict.

use crate::components::form::{last_error, textarea_text};
use crate::domain::plans::plan_text::Part;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::mentoring::components::PlanComments;
use crate::pages::plans::autosave::rendered_id;
use crate::pages::plans::section_text::{SectionText, SectionTextLabels};
use crate::pages::plans::{labels::problems_id, labels::section_hint, labels::section_name};
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::plans::CommentPlan;
use crate::server_fns::plans::{DismissConflict, SaveSection};
use crate::wire::mentoring::PlanActivity;
use crate::wire::plans::{KeptConflict, PlanView, SectionView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Every section, each followed by its comment thread (owner and mentor write there).
#[component]
pub fn Sections(
    plan: PlanView,
    activity: PlanActivity,
    comment: ServerAction<CommentPlan>,
) -> impl IntoView {
    let posted = ServerAction::<SaveSection>::new();
    let error = last_error(posted);
    let plain = Signal::derive(move || error.get().filter(|e| !about_one_section(e)));
    let cards = plan.sections
        .iter()
        .map(|section| {
            let conflicts: Vec<KeptConflict> = plan
                .conflicts
                .iter()
                .filter(|c| c.part == section.section.code())
                .cloned()
                .collect();
            let part = Part::Section(section.section);
            let comments = activity.thread(part);
            let may_comment = activity.may_comment();
            view! {
                <SectionCard plan_id=plan.id editable=plan.editable section=section.clone() conflicts>
                    <PlanComments plan=plan.id part comments may_comment action=comment back="plan" />
                </SectionCard>
            }
        })
        .collect_view();
    view! {
        <FormProblems error=plain />
        {cards}
    }
}

/// Whether an error belongs next to one section's field (shown there, not above them all).
fn about_one_section(error: &AppError) -> bool {
    match error {
        AppError::Validation(problems) => problems
            .iter()
            .any(|p| matches!(p.field, Field::PlanSection(_))),
        _ => false,
    }
}

/// One section: its heading, then a form (owner's turn) or the text as it reads, then what the
/// page adds under it (its comment thread).
#[component]
pub fn SectionCard(
    plan_id: i64,
    editable: bool,
    section: SectionView,
    conflicts: Vec<KeptConflict>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = section.section.code();
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved").as_deref() == Some(code));
    let html = section.html.clone();
    let conflict_view = (!conflicts.is_empty()).then(|| {
        view! { <SectionConflicts plan_id section=section.clone() conflicts /> }
    });
    let body = if editable {
        view! { <SectionForm plan_id section=section.clone() /> }.into_any()
    } else if section.body.trim().is_empty() {
        view! { <p class="empty">{t!(i18n, plan_editor.not_written)}</p> }.into_any()
    } else {
        ().into_any()
    };
    // On the owner's turn the block is there even while empty: autosave fills it in.
    let reads = (editable || !html.is_empty()).then(|| {
        let empty = html.is_empty();
        view! {
            <div class="how-it-reads" hidden=empty>
                {editable.then(|| view! { <h3>{t!(i18n, plan_editor.how_it_reads)}</h3> })}
                // The only raw HTML on the page: rendered and sanitised by the server
                // (`markdown::to_safe_html`), never the typed text itself.
                <div class="rendered" data-test="rendered" id=rendered_id(section.section) inner_html=html></div>
            </div>
        }
    });
    view! {
        <section class="card plan-section" id=format!("section-{code}") data-test=format!("section-{code}")>
            <h2>{section_name(i18n, section.section)}</h2>
            {saved.then(|| view! {
                <p class="notice" role="status" data-test="saved">{t!(i18n, plan_editor.saved)}</p>
            })}
            {conflict_view}
            {body}
            {reads}
            {children.map(|children| children())}
        </section>
    }
}

/// The owner's form for one section: a plain form whose text box is an island (draft kept on
/// the phone, autosave, preview).
#[component]
fn SectionForm(plan_id: i64, section: SectionView) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveSection>::new();
    let error = last_error(save);
    let code = section.section.code();
    let field = section.section.field();
    let invalid = error
        .get_untracked()
        .is_some_and(|e| !e.problems_for(field).is_empty());
    let labels = SectionTextLabels {
        save: t_string!(i18n, plan_editor.save_section).to_string(),
        preview: t_string!(i18n, plan_editor.preview).to_string(),
        preview_title: t_string!(i18n, plan_editor.preview_title).to_string(),
        saving: t_string!(i18n, plan_editor.autosave_saving).to_string(),
        saved: t_string!(i18n, plan_editor.autosave_saved).to_string(),
        offline: t_string!(i18n, plan_editor.autosave_offline).to_string(),
        restored: t_string!(i18n, plan_editor.autosave_restored).to_string(),
        conflict: t_string!(i18n, plan_editor.autosave_conflict).to_string(),
        refused: t_string!(i18n, plan_editor.autosave_refused).to_string(),
    };
    view! {
        <p class="note">{section_hint(i18n, section.section)}</p>
        <ActionForm action=save attr:class="form section-form">
            <input type="hidden" name="plan" value=plan_id />
            <input type="hidden" name="section" value=code />
            <label for=format!("body-{code}")>
                {t!(i18n, plan_editor.text_label, section = section_name(i18n, section.section))}</label>
            <FieldProblems error field id=problems_id(section.section) />
            <SectionText plan_id section=section.section revision=section.revision
                body=section.body invalid labels />
        </ActionForm>
    }
}

/// Texts of this section that lost a race, kept for their author, beside the saved text.
#[component]
fn SectionConflicts(
    plan_id: i64,
    section: SectionView,
    conflicts: Vec<KeptConflict>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = section
        .updated_at
        .map(|at| moment_text(i18n, at))
        .unwrap_or_default();
    let current = section.body.clone();
    conflicts
        .into_iter()
        .map(|conflict| {
            let at = at.clone();
            let current = current.clone();
            view! {
                <div class="conflict" role="alert" data-test="conflict">
                    <p><strong>{t!(i18n, plan_editor.conflict_title, at = at)}</strong></p>
                    <p>{t!(i18n, plan_editor.conflict_lead)}</p>
                    <div class="conflict-texts">
                        <label>{t!(i18n, plan_editor.conflict_yours)}
                            <textarea readonly rows=8 data-test="kept-text">{textarea_text(&conflict.body)}</textarea>
                        </label>
                        <label>{t!(i18n, plan_editor.conflict_current)}
                            <textarea readonly rows=8 data-test="current-text">{textarea_text(&current)}</textarea>
                        </label>
                    </div>
                    <DismissForm plan_id conflict=conflict.id />
                </div>
            }
        })
        .collect_view()
}

/// "I have copied what I need": the kept text leaves the page.
#[component]
pub fn DismissForm(plan_id: i64, conflict: i64) -> impl IntoView {
    let i18n = use_i18n();
    let dismiss = ServerAction::<DismissConflict>::new();
    view! {
        <ActionForm action=dismiss attr:class="inline-form">
            <input type="hidden" name="plan" value=plan_id />
            <input type="hidden" name="conflict" value=conflict />
            <button type="submit" class="secondary">{t!(i18n, plan_editor.conflict_dismiss)}</button>
        </ActionForm>
    }
}
