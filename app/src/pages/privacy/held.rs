//! "Everything we hold about you": every record about the person, section by section, and the
//! download of all of it as a JSON file — the privacy notice's promise that a person can see
//! and take their data. `/me/data` for the applicant, `/caseworker/data?applicant=ID` for a
//! caseworker helping someone (that read is audited). Other people appear by role only.

use crate::components::page_data::page_data;
use crate::domain::accounts::role::Role;
use crate::domain::profile::{DocumentKind, SkillLevel};
use crate::domain::shared::reference::Country;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_name;
use crate::pages::privacy::held_plans::HeldPlans;
use crate::pages::problem::FormProblems;
use crate::pages::profile::labels as profile_labels;
use crate::pages::shared::labels::{date_text, lang_of, moment_text};
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::privacy::held_data;
use crate::wire::privacy::{HeldAccount, HeldData, HeldEntry, HeldSignIn};
use crate::wire::profile::{ConsentLine, DocumentView, JobView, SkillView};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HeldDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let applicant = query.with_untracked(|q| q.get("applicant").unwrap_or_default());
    let assisted = !applicant.is_empty();
    let download = if assisted {
        format!(
            "{}?{}",
            crate::domain::accounts::access::HELD_JSON_ASSISTED,
            crate::pages::shared::url_query(std::iter::once(("applicant", applicant.clone())))
        )
    } else {
        crate::domain::accounts::access::HELD_JSON.to_owned()
    };
    let lang = lang_of(i18n).code().to_owned();
    let data = page_data(
        move || applicant,
        move |applicant| held_data(lang, applicant),
    );
    let title = move || {
        if assisted {
            t_string!(i18n, held.title_assisted).to_string()
        } else {
            t_string!(i18n, held.title).to_string()
        }
    };
    let back = if assisted {
        view! { <p><A href="/caseworker/applicants">{t!(i18n, assisted.back_to_list)}</A></p> }
            .into_any()
    } else {
        view! { <p><A href="/profile">{t!(i18n, held.back_to_profile)}</A></p> }.into_any()
    };
    view! {
        <Title text=title />
        {back}
        <Suspense fallback=|| ()>
            {move || {
                let download = download.clone();
                Suspend::new(async move {
                match data.await {
                    Ok(data) => view! {
                        <h1>{title}</h1>
                        <Held data download assisted />
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn Held(data: HeldData, download: String, assisted: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lead = if assisted {
        t_string!(i18n, held.lead_assisted).to_string()
    } else {
        t_string!(i18n, held.lead).to_string()
    };
    view! {
        <p>{lead}</p>
        <p>
            <a class="button" href=download download data-test="held-download" rel="external">
                {t!(i18n, held.download)}
            </a>
            {(!assisted).then(|| view! {
                " "
                <a class="button secondary" href=crate::domain::accounts::access::HELD_ZIP download
                    data-test="held-archive" rel="external">
                    {t!(i18n, held.download_zip)}
                </a>
            })}
        </p>
        {(!assisted).then(|| view! { <p class="note">{t!(i18n, held.download_note)}</p> })}
        <p class="note">{t_string!(i18n, held.taken_at, at = moment_text(i18n, data.taken_at)).to_string()}</p>
        <Account account=data.account />
        <super::held_profile::HeldProfile identity=data.identity situation=data.situation />
        <Holdings documents=data.documents skills=data.skills work=data.work />
        <super::held_payees::HeldPayees payees=data.payees />
        <Consents consents=data.consents />
        <section class="card" id="held-trainings" data-test="held-trainings">
            <h2>{t!(i18n, held.trainings_title)}</h2>
            <Listed empty=data.enrolments.is_empty()>
                <ul>
                    {data.enrolments.into_iter().map(|seat| {
                        let status = crate::pages::enrolments::labels::status_name(i18n, seat.status);
                        let asked = t_string!(i18n, held.asked_on, date = moment_text(i18n, seat.requested_at)).to_string();
                        view! {
                            <li><bdi>{seat.reference}</bdi> " " {seat.title} " · " <strong>{status}</strong> " · " {asked}</li>
                        }
                    }).collect_view()}
                </ul>
            </Listed>
        </section>
        <HeldPlans plans=data.plans owner=!assisted />
        <SignIns sign_ins=data.sign_ins />
        <Entries entries=data.audit />
    }
}

/// The documents, skills and work history of the profile.
#[component]
fn Holdings(
    documents: Vec<DocumentView>,
    skills: Vec<SkillView>,
    work: Vec<JobView>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="held-documents" data-test="held-documents">
            <h2>{t!(i18n, held.documents_title)}</h2>
            <Listed empty=documents.is_empty()>
                <ul>
                    {documents.into_iter().map(|doc| {
                        let kind = DocumentKind::from_code(&doc.kind)
                            .map(|kind| profile_labels::document_name(i18n, kind))
                            .unwrap_or(doc.kind);
                        let expiry = doc.expires_on.map(|day| {
                            t_string!(i18n, documents.expires_on, date = date_text(i18n, day)).to_string()
                        });
                        view! {
                            <li>{kind} " " <bdi>{doc.number.unwrap_or_default()}</bdi> " " {expiry}</li>
                        }
                    }).collect_view()}
                </ul>
            </Listed>
        </section>
        <section class="card" id="held-skills" data-test="held-skills">
            <h2>{t!(i18n, held.skills_title)}</h2>
            <Listed empty=skills.is_empty()>
                <ul>
                    {skills.into_iter().map(|skill| {
                        let level = SkillLevel::from_code(&skill.level)
                            .map(|level| profile_labels::level_name(i18n, level))
                            .unwrap_or(skill.level);
                        let years = t_string!(i18n, my_skills.years_count, years = skill.years).to_string();
                        view! { <li>{skill.label} " · " {level} " · " {years}</li> }
                    }).collect_view()}
                </ul>
            </Listed>
        </section>
        <section class="card" id="held-work" data-test="held-work">
            <h2>{t!(i18n, held.work_title)}</h2>
            <Listed empty=work.is_empty()>
                <ul>
                    {work.into_iter().map(|job| {
                        let place = [job.employer, job.town, Some(country(i18n, &job.country))]
                            .into_iter().flatten().collect::<Vec<_>>().join(", ");
                        let months = format!("{} – {}", job.start_month, job.end_month.unwrap_or_default());
                        view! {
                            <li>
                                <strong>{job.title}</strong> " · " {place} " · " <bdi>{months}</bdi>
                                {job.description.map(|text| view! { <p class="comment-body" dir="auto">{text}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Listed>
        </section>
    }
}

/// A section's list, or "nothing recorded".
#[component]
pub(crate) fn Listed(empty: bool, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    if empty {
        view! { <p class="empty">{t!(i18n, held.nothing)}</p> }.into_any()
    } else {
        children().into_any()
    }
}

#[component]
fn Account(account: HeldAccount) -> impl IntoView {
    let i18n = use_i18n();
    let email = account
        .email
        .unwrap_or_else(|| t_string!(i18n, dashboard.no_email).to_string());
    view! {
        <section class="card" id="held-account" data-test="held-account">
            <h2>{t!(i18n, held.account_title)}</h2>
            <dl>
                <dt>{t!(i18n, dashboard.email)}</dt>
                <dd><bdi>{email}</bdi></dd>
                <dt>{t!(i18n, dashboard.role)}</dt>
                <dd>{role_name(i18n, account.role)}</dd>
                <dt>{t!(i18n, held.created_on)}</dt>
                <dd>{moment_text(i18n, account.created_at)}</dd>
                {account.registered_in_person.then(|| view! {
                    <dt>{t!(i18n, held.registered)}</dt>
                    <dd>{t!(i18n, held.registered_in_person)}</dd>
                })}
                {account.closed_at.map(|at| view! {
                    <dt>{t!(i18n, held.closed_on)}</dt>
                    <dd>{moment_text(i18n, at)}</dd>
                })}
                {account.first_matched_on.map(|day| view! {
                    <dt>{t!(i18n, held.first_matched_on)}</dt>
                    <dd data-test="first-matched">{crate::pages::shared::labels::date_text(i18n, day)}</dd>
                })}
                <dt>{t!(i18n, held.messages_language)}</dt>
                <dd data-test="messages-language">{language_name(&account.language)}</dd>
                <dt>{t!(i18n, held.notifications)}</dt>
                <dd data-test="held-notifications">
                    {t!(i18n, held.notifications_count, notifications = account.notifications, messages = account.messages)}
                </dd>
                <dt>{t!(i18n, held.offer_alerts)}</dt>
                <dd data-test="held-offer-alerts">
                    {match account.offer_alerts_since {
                        Some(at) => t_string!(i18n, held.offer_alerts_since, at = moment_text(i18n, at)).to_string(),
                        None => t_string!(i18n, held.offer_alerts_off).to_string(),
                    }}
                </dd>
            </dl>
        </section>
    }
}

/// A language by its own name (as the switcher shows it).
fn language_name(code: &str) -> String {
    code.parse::<crate::domain::shared::locale::Lang>()
        .map(|lang| lang.endonym().to_owned())
        .unwrap_or_else(|_| code.to_owned())
}

/// A country's name in the reader's language, or its code when the list does not have it.
pub(super) fn country(i18n: I18nContext<Locale>, code: &str) -> String {
    Country::parse(code).map_or_else(|| code.to_owned(), |c| c.label(lang_of(i18n)).to_owned())
}

#[component]
fn Consents(consents: Vec<ConsentLine>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="held-consents" data-test="held-consents">
            <h2>{t!(i18n, held.consents_title)}</h2>
            <Listed empty=consents.is_empty()>
                <ul>
                    {consents.clone().into_iter().map(|line| {
                        let what = if line.given {
                            t_string!(i18n, held.consent_given, version = line.notice_version.clone())
                        } else {
                            t_string!(i18n, held.consent_withdrawn, version = line.notice_version.clone())
                        }.to_string();
                        let how = line.in_person.then(|| t_string!(i18n, held.in_person).to_string());
                        view! { <li>{moment_text(i18n, line.at)} " · " {what} " " {how}</li> }
                    }).collect_view()}
                </ul>
            </Listed>
        </section>
    }
}

#[component]
fn SignIns(sign_ins: Vec<HeldSignIn>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="held-sign-ins" data-test="held-sign-ins">
            <h2>{t!(i18n, held.sign_ins_title)}</h2>
            <Listed empty=sign_ins.is_empty()>
                <div class="table-scroll"><table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, dashboard.when)}</th>
                        <th scope="col">{t!(i18n, held.address)}</th>
                        <th scope="col">{t!(i18n, held.result)}</th>
                    </tr></thead>
                    <tbody>
                        {sign_ins.clone().into_iter().map(|line| {
                            let result = if line.succeeded {
                                t_string!(i18n, held.signed_in)
                            } else {
                                t_string!(i18n, held.refused)
                            }.to_string();
                            view! {
                                <tr><td>{moment_text(i18n, line.at)}</td><td><bdi>{line.address}</bdi></td><td>{result}</td></tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table></div>
            </Listed>
        </section>
    }
}

#[component]
fn Entries(entries: Vec<HeldEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section class="card" id="held-audit" data-test="held-audit">
            <h2>{t!(i18n, held.audit_title)}</h2>
            <p class="note">{t!(i18n, held.audit_lead)}</p>
            <Listed empty=entries.is_empty()>
                <div class="table-scroll"><table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, dashboard.when)}</th>
                        <th scope="col">{t!(i18n, dashboard.event)}</th>
                        <th scope="col">{t!(i18n, held.by_role)}</th>
                    </tr></thead>
                    <tbody>
                        {entries.clone().into_iter().map(|entry| {
                            let what = entry.action
                                .map(|action| crate::components::activity::action_words(locale, action))
                                .unwrap_or(entry.code);
                            let by = entry.by.map_or_else(
                                || t_string!(i18n, held.system).to_string(),
                                |role: Role| role_name(i18n, role),
                            );
                            view! { <tr><td>{moment_text(i18n, entry.at)}</td><td>{what}</td><td>{by}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table></div>
            </Listed>
        </section>
    }
}
