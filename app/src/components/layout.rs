//! The header (site name, menu, language switcher, sign-out) and footer around every page.

use crate::components::page_data::page_data;
use crate::domain::accounts::role::Role;
use crate::domain::shared::locale::Lang;
use crate::i18n::*;
use crate::server_fns::accounts::{current_user, Logout};
use crate::server_fns::shared::SetLocale;
use crate::wire::accounts::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The signed-in user, re-read on every navigation (sign-in and sign-out navigate).
pub fn use_current_user() -> OnceResource<Option<CurrentUser>> {
    let location = use_location();
    page_data(
        move || location.pathname.get(),
        |_| async move { current_user().await.ok().flatten() },
    )
}

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_current_user();
    view! {
        <a class="skip-link" href="#content">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="brand">
                <A href="/">{t!(i18n, app_name)}</A>
            </div>
            <nav aria-label=move || t_string!(i18n, nav.main_menu).to_string()>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match user.await {
                            Some(user) => view! { <SignedInMenu user /> }.into_any(),
                            None => view! { <SignedOutMenu /> }.into_any(),
                        }
                    })}
                </Suspense>
            </nav>
            <LanguageSwitcher />
        </header>
    }
}

#[component]
fn SignedOutMenu() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="menu">
            <li><A href="/login">{t!(i18n, nav.sign_in)}</A></li>
            <li><A href="/signup">{t!(i18n, nav.sign_up)}</A></li>
            <li><A href="/skills">{t!(i18n, nav.skills)}</A></li>
        </ul>
    }
}

#[component]
fn SignedInMenu(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let logout = ServerAction::<Logout>::new();
    let admin = (user.role == Role::Admin).then(|| {
        view! {
            <li><A href="/admin/users">{t!(i18n, nav.manage_accounts)}</A></li>
            <li><A href="/admin/enrolments">{t!(i18n, nav.enrolments)}</A></li>
            <li><A href="/admin/outbox">{t!(i18n, nav.outbox)}</A></li>
        }
    });
    let unread = user.unread;
    let notifications = if unread > 0 {
        t_string!(i18n, nav.notifications_unread, count = unread).to_string()
    } else {
        t_string!(i18n, nav.notifications).to_string()
    };
    let reports = (user.role == Role::Admin).then(|| {
        view! { <li><A href="/reporting">{t!(i18n, reporting.title)}</A></li> }
    });
    let staff = matches!(user.role, Role::Admin | Role::Caseworker).then(|| {
        view! { <li><A href="/staff/matches">{t!(i18n, nav.staff_matches)}</A></li> }
    });
    let applicant = (user.role == Role::Applicant).then(|| {
        view! {
            <li><A href="/profile">{t!(i18n, nav.my_profile)}</A></li>
            <li><A href="/matches">{t!(i18n, nav.my_matches)}</A></li>
            <li><A href="/enrolments">{t!(i18n, nav.my_trainings)}</A></li>
            <li><A href="/plans">{t!(i18n, nav.my_plans)}</A></li>
        }
    });
    view! {
        <ul class="menu">
            <li><A href=user.role.home_path()>{t!(i18n, nav.my_space)}</A></li>
            {applicant}
            <li><A href="/notifications" attr:data-test="nav-notifications"
                attr:class=(unread > 0).then_some("unread")>{notifications}</A></li>
            {admin}
            {staff}
            {reports}
            <li><A href="/skills">{t!(i18n, nav.skills)}</A></li>
            <li>
                <ActionForm action=logout attr:class="inline-form">
                    <button type="submit" class="link-button" data-test="logout">
                        {t!(i18n, nav.sign_out)}
                    </button>
                </ActionForm>
            </li>
        </ul>
    }
}

/// Three small forms posted as they are: the server saves the choice and sends the reader back
/// to the same page, now in that language.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let set_locale = ServerAction::<SetLocale>::new();
    let current = move || i18n.get_locale().as_str();
    view! {
        <div class="language-switcher" role="group" aria-label=move || t_string!(i18n, language.label).to_string()>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <ActionForm action=set_locale attr:class="inline-form">
                            <input type="hidden" name="locale" value=lang.code() />
                            <button
                                type="submit"
                                lang=lang.code()
                                data-locale=lang.code()
                                aria-pressed=move || (current() == lang.code()).to_string()
                            >
                                {lang.endonym()}
                            </button>
                        </ActionForm>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, footer.text)}</p>
        </footer>
    }
}
