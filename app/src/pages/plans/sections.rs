//! The written sections: one card per section (owned here, so mentoring can add its comments
//! beside each), a form on the owner's turn, the text as it reads, and any kept conflict.

use crate::components::form::{last_error, textarea_text};
use crate::domain::plans::plan_text::Part;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::mentoring::components::PlanComments;
use crate::pages::plans::Reload;
use crate::pages::plans::{autosave::AutoStatus, autosave::Autosave};
use crate::pages::plans::{labels::problems_id, labels::section_hint, labels::section_name};
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::plans::CommentPlan;
use crate::server_fns::plans::{DismissConflict, SaveSection};
use crate::wire::mentoring::PlanActivity;
use crate::wire::{
    plans::{KeptConflict, PlanView, SectionView},
    shared::format_utc,
};
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
                <SectionCard plan_id=plan.id editable=plan.editable section=section.clone() conflicts />
                <PlanComments plan=plan.id part comments may_comment action=comment back="plan" />
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

/// One section: its heading, then a form (owner's turn) or the text as it reads.
#[component]
pub fn SectionCard(
    plan_id: i64,
    editable: bool,
    section: SectionView,
    conflicts: Vec<KeptConflict>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = section.section.code();
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("saved").as_deref() == Some(code));
    let html = RwSignal::new(section.html.clone());
    let conflict_view = (!conflicts.is_empty()).then(|| {
        view! { <SectionConflicts plan_id section=section.clone() conflicts /> }
    });
    let body = if editable {
        view! { <SectionForm plan_id section=section.clone() html /> }.into_any()
    } else if section.body.trim().is_empty() {
        view! { <p class="empty">{t!(i18n, plan_editor.not_written)}</p> }.into_any()
    } else {
        ().into_any()
    };
    view! {
        <section class="card plan-section" id=format!("section-{code}") data-test=format!("section-{code}")>
            <h2>{section_name(i18n, section.section)}</h2>
            <Show when=saved>
                <p class="notice" role="status" data-test="saved">{t!(i18n, plan_editor.saved)}</p>
            </Show>
            {conflict_view}
            {body}
            <Show when=move || !html.get().is_empty()>
                <div class="how-it-reads">
                    {editable.then(|| view! { <h3>{t!(i18n, plan_editor.how_it_reads)}</h3> })}
                    // The only raw HTML on the page: rendered and sanitised by the server
                    // (`markdown::to_safe_html`), never the typed text itself.
                    <div class="rendered" data-test="rendered" inner_html=move || html.get()></div>
                </div>
            </Show>
        </section>
    }
}

/// The owner's form for one section: works as a plain form; with JavaScript, it also keeps a
/// draft on the phone, saves after a pause and previews.
#[component]
fn SectionForm(plan_id: i64, section: SectionView, html: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveSection>::new();
    let error = last_error(save);
    let code = section.section.code();
    let field = section.section.field();
    let problems = problems_id(section.section);
    let auto = Autosave::new(
        plan_id,
        section.section,
        section.revision,
        section.body.clone(),
        html,
    );
    let reload = use_context::<Reload>();
    Effect::new(move |_| {
        match save.value().get() {
            Some(Ok(_)) => auto.saved_by_form(),
            // Kept on the server: reload to show it beside the saved text.
            Some(Err(AppError::Conflict)) => {}
            _ => return,
        }
        if let Some(Reload(reload)) = reload {
            reload.run(());
        }
    });
    let preview = RwSignal::new(None::<String>);
    let textarea_id = format!("body-{code}");
    view! {
        <p class="note">{section_hint(i18n, section.section)}</p>
        <ActionForm action=save attr:class="form section-form">
            <input type="hidden" name="plan" value=plan_id />
            <input type="hidden" name="section" value=code />
            <input type="hidden" name="revision" value=section.revision prop:value=move || auto.revision.get() />
            <label for=textarea_id.clone()>{t!(i18n, plan_editor.text_label)}</label>
            // The browser stops typing at the limit, so a plain post is never refused (and
            // its text lost with the page) for length; the server checks it anyway.
            <textarea id=textarea_id name="body" rows=10 node_ref=auto.node
                maxlength=crate::domain::plans::plan_text::SECTION_MAX
                aria-describedby=problems
                aria-invalid=crate::components::form::invalid(error, field)
                on:input=move |ev| auto.typed(event_target_value(&ev))>{textarea_text(&section.body)}</textarea>
            <FieldProblems error field id=problems />
            // With JavaScript, this section's own errors (a conflict…); a plain post's error
            // is shown once above the sections (every section's action would read it).
            <Show when=move || auto.hydrated.get() && error.get().is_some_and(|e| e.problems_for(field).is_empty())>
                <FormProblems error />
            </Show>
            <p class="autosave" role="status" data-test="autosave">
                {move || auto.status.get().map(|s| status_text(i18n, s))}
            </p>
            <button type="submit" data-test=format!("save-{code}")>{t!(i18n, plan_editor.save_section)}</button>
            <Show when=move || auto.hydrated.get()>
                <button type="button" class="secondary" data-test=format!("preview-{code}")
                    on:click=move |_| auto.preview(preview)>{t!(i18n, plan_editor.preview)}</button>
            </Show>
        </ActionForm>
        {move || preview.get().map(|html| view! {
            <div class="preview">
                <h3>{t!(i18n, plan_editor.preview_title)}</h3>
                // Sanitised by the server (`plans/preview`), like the saved text.
                <div class="rendered" data-test=format!("preview-output-{code}") inner_html=html></div>
            </div>
        })}
    }
}

fn status_text(i18n: leptos_i18n::I18nContext<Locale>, status: AutoStatus) -> String {
    match status {
        AutoStatus::Saving => t_string!(i18n, plan_editor.autosave_saving),
        AutoStatus::Saved => t_string!(i18n, plan_editor.autosave_saved),
        AutoStatus::Offline => t_string!(i18n, plan_editor.autosave_offline),
        AutoStatus::Restored => t_string!(i18n, plan_editor.autosave_restored),
        AutoStatus::ConflictKept => t_string!(i18n, plan_editor.autosave_conflict),
        AutoStatus::Refused => t_string!(i18n, plan_editor.autosave_refused),
    }
    .to_string()
}

/// Texts of this section that lost a race, kept for their author, beside the saved text.
#[component]
fn SectionConflicts(
    plan_id: i64,
    section: SectionView,
    conflicts: Vec<KeptConflict>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = section.updated_at.map(format_utc).unwrap_or_default();
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
    let reload = use_context::<Reload>();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(Reload(reload))) = (dismiss.value().get(), reload) {
            reload.run(());
        }
    });
    view! {
        <ActionForm action=dismiss attr:class="inline-form">
            <input type="hidden" name="plan" value=plan_id />
            <input type="hidden" name="conflict" value=conflict />
            <button type="submit" class="secondary">{t!(i18n, plan_editor.conflict_dismiss)}</button>
        </ActionForm>
    }
}
