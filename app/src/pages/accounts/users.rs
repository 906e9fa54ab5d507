//! Staff accounts: create one, change roles.

use crate::components::form::{invalid, last_error};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::accounts::password::FIRST_PASSWORD_HOURS;
use crate::domain::accounts::role::Role;
use crate::domain::profile::identity::FULL_NAME_MAX;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_name;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::accounts::current_user;
use crate::server_fns::accounts::{
    list_users, ChangeRole, CreateStaff, RenameStaff, SetFirstPassword,
};
use crate::wire::accounts::UserSummary;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateStaff>::new();
    let change = ServerAction::<ChangeRole>::new();
    let rename = ServerAction::<RenameStaff>::new();
    let first = ServerAction::<SetFirstPassword>::new();
    let users = OnceResource::new(async move {
        let me = current_user().await?.map(|u| u.id);
        list_users().await.map(|users| (me, users))
    });
    let query = use_query_map();
    let done = move || query.with(|q| q.get("done"));
    view! {
        <Title text=move || t_string!(i18n, admin_users.title).to_string() />
        <h1>{t!(i18n, admin_users.title)}</h1>
        {move || {
            done().map(|done| {
                let message = match done.as_str() {
                    "created" => t_string!(i18n, admin_users.created).to_string(),
                    "renamed" => t_string!(i18n, admin_users.renamed).to_string(),
                    "first_password" => t_string!(i18n, admin_users.first_password_set).to_string(),
                    _ => t_string!(i18n, admin_users.role_changed).to_string(),
                };
                view! { <p class="notice" role="status" data-test="done">{message}</p> }
            })
        }}
        <CreateStaffForm create />
        <section class="card">
            <h2>{t!(i18n, admin_users.list_title)}</h2>
            <FormProblems error=last_error(change) />
            <FormProblems error=last_error(rename) />
            <FormProblems error=last_error(first) />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok((me, users)) => view! { <UserTable me users change rename first /> }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CreateStaffForm(create: ServerAction<CreateStaff>) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(create);
    view! {
        <section class="card">
            <h2>{t!(i18n, admin_users.create_title)}</h2>
            <p class="note">{t!(i18n, admin_users.create_lead, hours = FIRST_PASSWORD_HOURS)}</p>
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <div class="field">
                    <label for="staff-name">{t!(i18n, admin_users.name)}</label>
                    <input id="staff-name" name="name" type="text" required autocomplete="off"
                        maxlength=FULL_NAME_MAX
                        aria-invalid=invalid(error, Field::FullName)
                        aria-describedby="staff-name-problems" />
                    <FieldProblems error field=Field::FullName id="staff-name-problems" />
                </div>
                <div class="field">
                    <label for="staff-email">{t!(i18n, admin_users.email)}</label>
                    <input id="staff-email" name="email" type="email" dir="ltr" required
                        autocomplete="off" maxlength=Email::MAX_LEN
                        aria-invalid=invalid(error, Field::Email)
                        aria-describedby="staff-email-problems" />
                    <FieldProblems error field=Field::Email id="staff-email-problems" />
                </div>
                <div class="field">
                    <label for="staff-role">{t!(i18n, admin_users.role)}</label>
                    <select id="staff-role" name="role" aria-invalid=invalid(error, Field::Role)
                        aria-describedby="staff-role-problems">
                        {Role::STAFF.into_iter().map(|role| view! {
                            <option value=role.as_str()>{move || role_name(i18n, role)}</option>
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::Role id="staff-role-problems" />
                </div>
                <div class="field">
                    <label for="staff-password">{t!(i18n, admin_users.password)}</label>
                    <input id="staff-password" name="password" type="password" required
                        autocomplete="new-password" minlength=Password::MIN_LEN maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Password)
                        aria-describedby="staff-password-problems" />
                    <FieldProblems error field=Field::Password id="staff-password-problems" />
                </div>
                <button type="submit" class="button" data-test="create-staff">{t!(i18n, admin_users.create_submit)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn UserTable(
    me: Option<i64>,
    users: Vec<UserSummary>,
    change: ServerAction<ChangeRole>,
    rename: ServerAction<RenameStaff>,
    first: ServerAction<SetFirstPassword>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = users
        .into_iter()
        .map(|user| {
            let email = user.email.clone().unwrap_or_else(|| "—".into());
            let label_email = user.display_name.clone().unwrap_or_else(|| email.clone());
            // Staff are named here; applicants name themselves in their profile.
            let name = if user.role == Role::Applicant {
                "—".into_any()
            } else {
                let name_id = format!("name-{}", user.id);
                let current = user.display_name.clone().unwrap_or_default();
                let label = t_string!(i18n, admin_users.new_name_for, email = email.clone()).to_string();
                view! {
                    <ActionForm action=rename attr:class="inline-form">
                        <input type="hidden" name="user_id" value=user.id />
                        <label class="visually-hidden" for=name_id.clone()>{label}</label>
                        <input id=name_id name="name" type="text" value=current required
                            maxlength=FULL_NAME_MAX size="16" />
                        " " <button type="submit" class="button small" data-test="rename">{t!(i18n, admin_users.rename)}</button>
                    </ActionForm>
                }
                .into_any()
            };
            let first_password = (user.role != Role::Applicant && me != Some(user.id))
                .then(|| view! { <FirstPasswordForm first user_id=user.id email=email.clone() /> });
            let you = (me == Some(user.id)).then(|| view! { " " <span class="you">{t!(i18n, admin_users.you)}</span> });
            view! {
                <tr data-test=format!("user-{}", user.id)>
                    <td>
                        {name}{you}
                        {(user.role == Role::Applicant).then(|| view! {
                            " · " <a href=format!("/admin/erasures?person={}#ask", user.id) data-test="erase-link">{t!(i18n, erasure.ask_link)}</a>
                        })}
                        {first_password}
                    </td>
                    <td dir="ltr">{email}</td>
                    <td>{move || role_name(i18n, user.role)}</td>
                    <td>{moment_text(i18n, user.created_at)}</td>
                    <td>
                        <RoleForm change user=user.clone() label_email=label_email.clone() />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, admin_users.name)}</th>
                        <th scope="col">{t!(i18n, admin_users.email)}</th>
                        <th scope="col">{t!(i18n, admin_users.role)}</th>
                        <th scope="col">{t!(i18n, admin_users.created_at)}</th>
                        <th scope="col">{t!(i18n, admin_users.change_role)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A new first password for a staff account, folded under its name: the account's sessions end
/// and its owner must replace the password at their next sign-in.
#[component]
fn FirstPasswordForm(
    first: ServerAction<SetFirstPassword>,
    user_id: i64,
    email: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("first-password-{user_id}");
    let label = t_string!(i18n, admin_users.first_password_for, email).to_string();
    view! {
        <details data-test="first-password">
            <summary>{t!(i18n, admin_users.first_password)}</summary>
            <ActionForm action=first attr:class="inline-form">
                <input type="hidden" name="user_id" value=user_id />
                <label class="visually-hidden" for=id.clone()>{label}</label>
                <input id=id name="password" type="password" required autocomplete="new-password"
                    minlength=Password::MIN_LEN maxlength=Password::MAX_LEN size="16" />
                " " <button type="submit" class="button small">{t!(i18n, admin_users.first_password_submit)}</button>
            </ActionForm>
        </details>
    }
}

/// The account's role, changed in place.
#[component]
fn RoleForm(
    change: ServerAction<ChangeRole>,
    user: UserSummary,
    label_email: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_id = format!("role-{}", user.id);
    view! {
        <ActionForm action=change attr:class="inline-form">
            <input type="hidden" name="user_id" value=user.id />
            <input type="hidden" name="current_role" value=user.role.as_str() />
            <label class="visually-hidden" for=select_id.clone()>
                {move || t_string!(i18n, admin_users.new_role_for, email = label_email.clone()).to_string()}
            </label>
            <select id=select_id name="role">
                {Role::ALL.into_iter().map(|role| view! {
                    <option value=role.as_str() selected=role == user.role>{move || role_name(i18n, role)}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="button small">{t!(i18n, admin_users.change_role)}</button>
        </ActionForm>
    }
}
