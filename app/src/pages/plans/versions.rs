//! The versions sent (one frozen at each submission), and links to compare them.

use crate::i18n::*;
use crate::pages::shared::labels::moment_text;
use crate::wire::plans::VersionLine;
use leptos::prelude::*;

#[component]
pub fn Versions(id: i64, versions: Vec<VersionLine>) -> impl IntoView {
    let i18n = use_i18n();
    let compare = (!versions.is_empty()).then(|| {
        view! {
            <p><a href=format!("/plans/compare?id={id}") rel="external" data-test="compare-link">
                {t!(i18n, plan_editor.compare_link)}</a></p>
        }
    });
    view! {
        <section class="card plan-versions" id="versions" data-test="versions">
            <h2>{t!(i18n, plan_editor.versions_title)}</h2>
            {if versions.is_empty() {
                view! { <p class="empty">{t!(i18n, plan_editor.no_versions)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {versions.into_iter().map(|v| view! {
                            <li data-test="version">
                                {t!(i18n, plan_editor.version_line, number = v.number, at = moment_text(i18n, v.submitted_at))}
                                " · "
                                <a href=format!("/plans/compare?id={id}&from={}&to=0", v.number) rel="external">
                                    {t!(i18n, plan_editor.compare_with_draft)}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {compare}
        </section>
    }
}
