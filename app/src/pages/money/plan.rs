//! The committee's decision and the payment schedule on the plan page, for its applicant and
//! mentor (who read the outcome and its reasons), admins and finance.

use super::labels::outcome_name;
use super::tranches::{Desk, TrancheTable};
use crate::components::page_data::page_data;
use crate::domain::committee::decision::Outcome;
use crate::i18n::*;
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::money_text;
use crate::server_fns::money::load_plan_money;
use leptos::prelude::*;

#[component]
pub fn PlanMoneyBlock(plan: i64) -> impl IntoView {
    let i18n = use_i18n();
    let money = page_data(move || plan, |plan| load_plan_money(plan.to_string()));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(money) = money.await else { return ().into_any() };
                if money.decisions.is_empty() {
                    return ().into_any();
                }
                let decisions = money
                    .decisions
                    .iter()
                    .map(|d| {
                        let amount = d.amount.map(|a| {
                            view! { " · " <strong data-test="approved-amount">{money_text(i18n, a)}</strong> }
                        });
                        let class = if d.outcome == Outcome::Approved { "notice" } else { "card" };
                        view! {
                            <div class=class data-test="decision" data-outcome=d.outcome.code()>
                                <p>
                                    <strong>{outcome_name(i18n, d.outcome)}</strong> {amount}
                                    " · " {t!(i18n, money.round, round = d.round)} " · " {date_text(i18n, d.decided_at.date())}
                                </p>
                                <p class="prewrap" data-test="justification">{d.justification.clone()}</p>
                            </div>
                        }
                    })
                    .collect_view();
                let schedule = (!money.tranches.is_empty()).then(|| view! {
                    <h3>{t!(i18n, money.schedule_title)}</h3>
                    <TrancheTable lines=money.tranches.clone() desk=Desk::Reader back="" />
                });
                view! {
                    <section class="plan-money" data-test="plan-money">
                        <h2>{t!(i18n, money.decision_title)}</h2>
                        {decisions}
                        {schedule}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
