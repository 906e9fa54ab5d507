//! Each role's landing page: who they are, their recent sign-ins, and what their role needs
//! first. Data comes from one server function that only returns the caller's own part.

use crate::components::activity::ActivityTable;
use crate::components::page_data::page_data;
use crate::domain::accounts::role::Role;
use crate::i18n::*;
use crate::pages::committee::home::CommitteeCalls;
use crate::pages::problem::form_messages;
use crate::server_fns::accounts::dashboard;
use crate::wire::accounts::{AdminOverview, CaseworkerStats, Dashboard};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::components::A;

pub fn role_name(i18n: I18nContext<Locale>, role: Role) -> String {
    role_words(i18n.get_locale_untracked(), role)
}

/// A role in words, in `locale` (also for files written outside a page).
pub fn role_words(locale: Locale, role: Role) -> String {
    match role {
        Role::Applicant => td_string!(locale, role.applicant),
        Role::Caseworker => td_string!(locale, role.caseworker),
        Role::Mentor => td_string!(locale, role.mentor),
        Role::Committee => td_string!(locale, role.committee),
        Role::Admin => td_string!(locale, role.admin),
        Role::Finance => td_string!(locale, role.finance),
        Role::Viewer => td_string!(locale, role.viewer),
    }
    .to_string()
}

fn role_about(i18n: I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Applicant => t_string!(i18n, role_about.applicant),
        Role::Caseworker => t_string!(i18n, role_about.caseworker),
        Role::Mentor => t_string!(i18n, role_about.mentor),
        Role::Committee => t_string!(i18n, role_about.committee),
        Role::Admin => t_string!(i18n, role_about.admin),
        Role::Finance => t_string!(i18n, role_about.finance),
        Role::Viewer => t_string!(i18n, role_about.viewer),
    }
    .to_string()
}

fn title(i18n: I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Applicant => t_string!(i18n, applicant.title),
        Role::Caseworker => t_string!(i18n, caseworker.title),
        Role::Mentor => t_string!(i18n, mentor.title),
        Role::Committee => t_string!(i18n, committee.title),
        Role::Admin => t_string!(i18n, admin.title),
        Role::Finance => t_string!(i18n, finance.title),
        Role::Viewer => t_string!(i18n, reporting.title),
    }
    .to_string()
}

#[component]
pub fn ApplicantHome() -> impl IntoView {
    view! { <RoleDashboard role=Role::Applicant /> }
}
#[component]
pub fn CaseworkerHome() -> impl IntoView {
    view! { <RoleDashboard role=Role::Caseworker /> }
}
#[component]
pub fn MentorHome() -> impl IntoView {
    view! { <RoleDashboard role=Role::Mentor /> }
}
#[component]
pub fn CommitteeHome() -> impl IntoView {
    view! { <RoleDashboard role=Role::Committee /> }
}
#[component]
pub fn FinanceHome() -> impl IntoView {
    view! {
        <RoleDashboard role=Role::Finance />
        <crate::pages::money::desk::FinanceDeskSection />
    }
}
#[component]
pub fn AdminHome() -> impl IntoView {
    view! { <RoleDashboard role=Role::Admin /> }
}

#[component]
fn RoleDashboard(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let data = page_data(|| (), |_| dashboard());
    view! {
        <Title text=move || title(i18n, role) />
        <h1>{move || title(i18n, role)}</h1>
        <p class="lead">{move || role_about(i18n, role)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(dashboard) => view! { <DashboardBody dashboard /> }.into_any(),
                    Err(error) => view! {
                        <div class="form-problems" role="alert">
                            {form_messages(i18n, &error).into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let Dashboard {
        user,
        sign_ins,
        caseworker,
        admin,
    } = dashboard;
    let email = user.email.clone();
    let query = leptos_router::hooks::use_query_map();
    let password_changed = move || query.with(|q| q.get("password").is_some());
    let applicant_lead = (user.role == Role::Applicant)
        .then(|| view! { <p class="card">{t!(i18n, applicant.lead)}</p> });
    view! {
        {applicant_lead}
        {(user.role == Role::Committee).then(|| view! {
            <CommitteeCalls />
        })}
        {(user.role == Role::Mentor).then(|| view! {
            <p class="card"><A href="/mentor/caseload" attr:class="button" attr:data-test="caseload-link">
                {t!(i18n, mentor.caseload_link)}
            </A></p>
        })}
        {caseworker.map(|stats| view! { <CaseworkerCard stats /> }.into_any())}
        {admin.map(|overview| view! { <AdminCards overview /> }.into_any())}
        <div class="grid">
            <section class="card" data-test="account">
                <h2>{t!(i18n, dashboard.account_title)}</h2>
                <dl>
                    <dt>{t!(i18n, dashboard.email)}</dt>
                    <dd dir="ltr">{move || email.clone().unwrap_or_else(|| t_string!(i18n, dashboard.no_email).to_string())}</dd>
                    <dt>{t!(i18n, dashboard.role)}</dt>
                    <dd data-test="role">{move || role_name(i18n, user.role)}</dd>
                </dl>
                <Show when=password_changed>
                    <p class="notice" role="status" data-test="password-changed">{t!(i18n, password.changed)}</p>
                </Show>
                <p><A href="/account/password">{t!(i18n, password.link)}</A></p>
                {(user.role == Role::Applicant).then(|| view! {
                    <p><A href="/me/data" attr:data-test="held-link">{t!(i18n, held.link)}</A></p>
                })}
            </section>
            <section class="card">
                <h2>{t!(i18n, dashboard.activity_title)}</h2>
                <ActivityTable events=sign_ins show_actor=false />
                <p class="note">{t!(i18n, dashboard.activity_note)}</p>
            </section>
        </div>
    }
}

#[component]
fn CaseworkerCard(stats: CaseworkerStats) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h2>{t!(i18n, caseworker.stats_title)}</h2>
            <dl class="stats">
                <dt>{t!(i18n, caseworker.applicants_week)}</dt>
                <dd>{stats.applicants_last_week}</dd>
                <dt>{t!(i18n, caseworker.applicants_total)}</dt>
                <dd>{stats.applicants_total}</dd>
            </dl>
            <p><A href="/caseworker/applicants" attr:class="button" attr:data-test="applicants-link">
                {t!(i18n, caseworker.applicants_link)}
            </A></p>
        </section>
    }
}

#[component]
fn AdminCards(overview: AdminOverview) -> impl IntoView {
    let i18n = use_i18n();
    let total: i64 = overview.users_by_role.iter().map(|(_, n)| n).sum();
    let rows = overview
        .users_by_role
        .into_iter()
        .map(|(role, count)| {
            view! {
                <tr>
                    <td>{move || role_name(i18n, role)}</td>
                    <td class="number" data-test=format!("count-{role}")>{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="grid">
            <section class="card">
                <h2>{t!(i18n, admin.users_by_role)}</h2>
                <div class="table-scroll"><table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, dashboard.role)}</th>
                            <th scope="col">{t!(i18n, admin.count)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t!(i18n, admin.total)}</th>
                            <td class="number">{total}</td>
                        </tr>
                    </tfoot>
                </table></div>
                <p><A href="/admin/users" attr:class="button">{t!(i18n, admin.manage_accounts)}</A></p>
                <p><A href="/admin/trainings" attr:class="button">{t!(i18n, admin.manage_trainings)}</A>
                    " " <A href="/admin/calls" attr:class="button">{t!(i18n, admin.manage_calls)}</A>
                    " " <A href="/admin/mentoring" attr:class="button">{t!(i18n, admin.manage_mentoring)}</A>
                    " " <A href="/admin/money" attr:class="button" attr:data-test="money-link">{t!(i18n, money.admin_link)}</A>
                    " " <A href="/admin/monitoring" attr:class="button" attr:data-test="sustainability-link">{t!(i18n, sustainability.link)}</A>
                    " " <A href="/reporting" attr:class="button" attr:data-test="reporting-link">{t!(i18n, reporting.title)}</A></p>
            </section>
            <section class="card">
                <h2>{t!(i18n, admin.recent_activity)}</h2>
                <ActivityTable events=overview.recent show_actor=true />
                <p><A href="/admin/audit" attr:data-test="trail-link">{t!(i18n, privacy.link)}</A></p>
                <p><A href="/admin/erasures" attr:data-test="erasures-link">{t!(i18n, erasure.link)}</A></p>
            </section>
        </div>
    }
}
