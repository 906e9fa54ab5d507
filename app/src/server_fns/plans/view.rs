//! Builds what the plan page shows from the rows: every section (saved or not) rendered safe,
//! the totals, and the checklist.

use crate::db::plans::plan_content::SavedSection;
use crate::db::plans::PlanHead;
use crate::domain::plans::budget::Budget;
use crate::domain::plans::plan::Viewer;
use crate::domain::plans::plan_text::{checklist, Section};
use crate::markdown::to_safe_html;
use crate::wire::plans::{KeptConflict, PlanView, SectionView, VersionLine};

pub fn plan_view(
    head: PlanHead,
    viewer: Viewer,
    saved: Vec<SavedSection>,
    figures: Budget,
    versions: Vec<VersionLine>,
    conflicts: Vec<KeptConflict>,
) -> PlanView {
    let sections: Vec<SectionView> = Section::ALL
        .into_iter()
        .map(
            |section| match saved.iter().find(|s| s.section == section) {
                Some(s) => SectionView {
                    section,
                    body: s.body.clone(),
                    revision: s.revision,
                    html: to_safe_html(&s.body),
                    updated_at: Some(s.updated_at),
                },
                None => SectionView {
                    section,
                    body: String::new(),
                    revision: 0,
                    html: String::new(),
                    updated_at: None,
                },
            },
        )
        .collect();
    let written: Vec<Section> = sections
        .iter()
        .filter(|s| !s.body.trim().is_empty())
        .map(|s| s.section)
        .collect();
    PlanView {
        id: head.id,
        reference: head.reference,
        title: head.title,
        status: head.status,
        viewer,
        editable: viewer == Viewer::Owner && head.status.editable(),
        sections,
        totals: figures.totals().ok(),
        checklist: checklist(&written, &figures, head.terms),
        figures,
        version: head.version,
        terms: head.terms,
        versions,
        conflicts,
        typed_figures: None,
    }
}
