//! The mentoring parts of a plan page: the steps the reader may take, the comment thread of a
//! section, the session log and the timeline. Each form is a plain `ActionForm` that works
//! without JavaScript; `back` says which page the server sends the browser back to
//! (`"activity"` or `"plan"`).

use super::labels::{action_name, event_name, part_name};
use crate::components::form::{invalid, last_error};
use crate::domain::mentoring::{
    takes_reason, COMMENT_MAX, MINUTES_MAX, MINUTES_MIN, NOTES_MAX, REASON_MAX,
};
use crate::domain::plans::plan::PlanAction;
use crate::domain::plans::plan_text::{Part, Section};
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_words;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::mentoring::LogSession;
use crate::server_fns::plans::{CommentPlan, TransitionPlan};
use crate::wire::mentoring::{CommentLine, Happening, SessionLine, TimelineEntry};
use crate::wire::shared::iso;
use leptos::prelude::*;
use time::Date;

/// The steps the reader may take on the plan now, each a button (with a reason box where the
/// step takes one). Nothing for admins, who read only.
#[component]
pub fn PlanTransitions(
    plan: i64,
    actions: Vec<PlanAction>,
    action: ServerAction<TransitionPlan>,
    back: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let forms = actions
        .into_iter()
        .map(|step| {
            let code = step.code();
            let reason = takes_reason(step).then(|| {
                let required = step == PlanAction::RequestChanges;
                let id = format!("reason-{code}");
                let label = if required {
                    t_string!(i18n, mentoring.reason).to_string()
                } else {
                    t_string!(i18n, mentoring.reason_optional).to_string()
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        <textarea id=id name="reason" rows="3" maxlength=REASON_MAX required=required
                            aria-invalid=invalid(error, Field::Reason)
                            aria-describedby="reason-problems"></textarea>
                    </div>
                }
            });
            view! {
                <ActionForm action attr:class="step-form">
                    <input type="hidden" name="plan" value=plan />
                    <input type="hidden" name="action" value=code />
                    <input type="hidden" name="back" value=back />
                    {reason}
                    <button type="submit" data-test=format!("step-{code}")>{action_name(i18n, step)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-test="plan-steps">
            <h2>{t!(i18n, mentoring.steps_title)}</h2>
            <FormProblems error />
            <FieldProblems error field=Field::Reason id="reason-problems" />
            {forms}
        </section>
    }
}

/// The ids of a thread's text box and of its problem list (static, as `FieldProblems` wants).
fn thread_ids(part: Part) -> (&'static str, &'static str) {
    match part {
        Part::Section(Section::Summary) => ("comment-summary", "comment-summary-problems"),
        Part::Section(Section::Idea) => ("comment-idea", "comment-idea-problems"),
        Part::Section(Section::Market) => ("comment-market", "comment-market-problems"),
        Part::Section(Section::Marketing) => ("comment-marketing", "comment-marketing-problems"),
        Part::Section(Section::Staff) => ("comment-staff", "comment-staff-problems"),
        Part::Section(Section::Legal) => ("comment-legal", "comment-legal-problems"),
        Part::Figures => ("comment-figures", "comment-figures-problems"),
    }
}

/// The comment thread of one section (or of the figures), oldest first, and a form to add to
/// it for the plan's owner and mentor.
#[component]
pub fn PlanComments(
    plan: i64,
    part: Part,
    comments: Vec<CommentLine>,
    may_comment: bool,
    action: ServerAction<CommentPlan>,
    back: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    // Only the thread that was posted to shows the error (all of them without JavaScript).
    let error = Signal::derive(move || {
        let mine = action
            .input()
            .with(|input| input.as_ref().is_none_or(|i| i.part == part.code()));
        if mine {
            action.value().get().and_then(|r| r.err())
        } else {
            None
        }
    });
    let (textarea_id, problems_id) = thread_ids(part);
    let lines = if comments.is_empty() {
        view! { <p class="empty">{t!(i18n, mentoring.no_comments)}</p> }.into_any()
    } else {
        view! {
            <ol class="comments">
                {comments.into_iter().map(|c| view! {
                    <li data-test="comment">
                        <p class="note">{c.author} " · "
                            <time datetime=iso(c.at)>{moment_text(i18n, c.at)}</time></p>
                        <p class="comment-body">{c.body}</p>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let name = part_name(i18n, part);
    let heading = t_string!(i18n, mentoring.thread_title, part = name.clone()).to_string();
    let label = t_string!(i18n, mentoring.comment_label, part = name).to_string();
    view! {
        <section class="thread" data-test=format!("thread-{}", part.code())>
            <h3>{heading}</h3>
            {lines}
            {may_comment.then(|| view! {
                <ActionForm action attr:class="comment-form">
                    <input type="hidden" name="plan" value=plan />
                    <input type="hidden" name="part" value=part.code() />
                    <input type="hidden" name="back" value=back />
                    <div class="field">
                        <label for=textarea_id>{label}</label>
                        <textarea id=textarea_id name="body" rows="2" maxlength=COMMENT_MAX required
                            aria-invalid=invalid(error, Field::Body) aria-describedby=problems_id></textarea>
                        <FieldProblems error field=Field::Body id=problems_id />
                    </div>
                    <button type="submit">{t!(i18n, mentoring.comment_send)}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The mentoring sessions, newest first; the plan's mentor also gets the form to log one.
#[component]
pub fn SessionLog(
    plan: i64,
    sessions: Vec<SessionLine>,
    is_mentor: bool,
    today: Date,
    action: ServerAction<LogSession>,
    back: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let lines = if sessions.is_empty() {
        view! { <p class="empty" data-test="no-sessions">{t!(i18n, mentoring.no_sessions)}</p> }
            .into_any()
    } else {
        view! {
            <ol class="sessions">
                {sessions.into_iter().map(|s| {
                    let head = t_string!(i18n, mentoring.session_line,
                        date = date_text(i18n, s.held_on), minutes = s.minutes, mentor = s.mentor.clone())
                        .to_string();
                    let next = (!s.next_steps.is_empty()).then(|| view! {
                        <p><strong>{t!(i18n, mentoring.next_steps)}</strong> " : " {s.next_steps.clone()}</p>
                    });
                    view! {
                        <li data-test="session">
                            <p class="note">{head}</p>
                            <p><strong>{t!(i18n, mentoring.topics)}</strong> " : " {s.topics}</p>
                            {next}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" data-test="session-log">
            <h2>{t!(i18n, mentoring.sessions_title)}</h2>
            {lines}
            <Show when=move || is_mentor>
                <ActionForm action attr:class="session-form">
                    <FormProblems error />
                    <input type="hidden" name="plan" value=plan />
                    <input type="hidden" name="back" value=back />
                    <div class="field">
                        <label for="held-on">{t!(i18n, mentoring.held_on)}</label>
                        <input id="held-on" name="held_on" type="date" required max=today.to_string()
                            value=today.to_string() aria-invalid=invalid(error, Field::HeldOn)
                            aria-describedby="held-on-problems" />
                        <FieldProblems error field=Field::HeldOn id="held-on-problems" />
                    </div>
                    <div class="field">
                        <label for="minutes">{t!(i18n, mentoring.minutes)}</label>
                        <input id="minutes" name="minutes" type="number" inputmode="numeric" required
                            min=MINUTES_MIN max=MINUTES_MAX value="60"
                            aria-invalid=invalid(error, Field::Minutes) aria-describedby="minutes-problems" />
                        <FieldProblems error field=Field::Minutes id="minutes-problems" />
                    </div>
                    <div class="field">
                        <label for="topics">{t!(i18n, mentoring.topics)}</label>
                        <textarea id="topics" name="topics" rows="3" maxlength=NOTES_MAX required
                            aria-invalid=invalid(error, Field::Topics) aria-describedby="topics-problems"></textarea>
                        <FieldProblems error field=Field::Topics id="topics-problems" />
                    </div>
                    <div class="field">
                        <label for="next-steps">{t!(i18n, mentoring.next_steps)}</label>
                        <textarea id="next-steps" name="next_steps" rows="2" maxlength=NOTES_MAX
                            aria-invalid=invalid(error, Field::NextSteps) aria-describedby="next-steps-problems"></textarea>
                        <FieldProblems error field=Field::NextSteps id="next-steps-problems" />
                    </div>
                    <button type="submit" data-test="log-session">{t!(i18n, mentoring.log)}</button>
                </ActionForm>
            </Show>
        </section>
    }
}

/// Everything that happened on the plan, newest first: steps with who and why, mentor
/// assignments, comments and sessions.
#[component]
pub fn PlanTimeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="empty">{t!(i18n, mentoring.timeline_empty)}</p> }.into_any();
    }
    let items = entries
        .into_iter()
        .map(|entry| {
            let (what, reason) = match entry.what {
                Happening::Step { action, from, to, reason, version } => {
                    let mut text = format!(
                        "{} ({} → {})",
                        event_name(i18n, action),
                        plan_status_name(i18n, from),
                        plan_status_name(i18n, to)
                    );
                    if let Some(number) = version {
                        text.push_str(" · ");
                        text.push_str(&t_string!(i18n, mentoring.version, number).to_string());
                    }
                    (text, reason)
                }
                Happening::MentorAssigned { mentor } => {
                    (t_string!(i18n, mentoring.ev_assign, mentor).to_string(), None)
                }
                Happening::Comment { part } => (
                    t_string!(i18n, mentoring.ev_comment, part = part_name(i18n, part)).to_string(),
                    None,
                ),
                Happening::Session { held_on, minutes } => (
                    t_string!(i18n, mentoring.ev_session, date = date_text(i18n, held_on), minutes)
                        .to_string(),
                    None,
                ),
            };
            let (actor, role) = (entry.actor, entry.role);
            let who = move || match (actor.is_empty(), role) {
                (true, Some(role)) => role_words(i18n.get_locale(), role),
                // Passerelle's own step (retention withdrawing a stale draft).
                (true, None) => t_string!(i18n, held.system).to_string(),
                _ => actor.clone(),
            };
            view! {
                <li data-test="timeline-entry">
                    <p><strong>{what}</strong></p>
                    <p class="note">{t!(i18n, mentoring.by)} " " <bdi data-test="actor">{who}</bdi> " · "
                        <time datetime=iso(entry.at)>{moment_text(i18n, entry.at)}</time></p>
                    {reason.map(|r| view! { <blockquote class="reason" data-test="reason">{r}</blockquote> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }.into_any()
}
