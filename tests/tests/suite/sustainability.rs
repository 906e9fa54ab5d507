//! The sustainability score of monitoring visits (`domain::monitoring::score`): each visit is
//! scored against the plan's previous one, the plan page shows the score and how it was
//! reached, and admins list a call's funded plans lowest score first, counted by band.

use super::committee_support::{approved_plan, plans_on_the_agenda, score_all, CALL, MEMBERS};
use super::money::decide;
use super::monitoring::{good_visit, pairs, post_visit, PDF};
use passerelle_tests::both_backends;
use passerelle_tests::client::Client;

/// A visit to `plan` with the given answers (today, no files needed for the score).
pub(crate) async fn visit(coach: &mut Client, plan: &str, answers: &[(&str, &str)]) {
    let mut form = good_visit(plan);
    for (name, value) in answers {
        let field = form
            .iter_mut()
            .find(|(key, _)| key == name)
            .expect("a field");
        field.1 = (*value).to_owned();
    }
    let response = post_visit(
        coach,
        &pairs(&form),
        &[("recu.pdf", "application/pdf", PDF)],
    )
    .await;
    assert_eq!(response.status, 303, "{}", response.body);
    assert!(
        response
            .location()
            .is_some_and(|to| to.starts_with("/plans/plan")),
        "refused: {:?}",
        response.location()
    );
}

/// Rows of `data-test="plan-score"` in the order the page lists them: (plan, band).
fn listed(body: &str) -> Vec<(String, String)> {
    body.split("data-test=\"plan-score\"")
        .skip(1)
        .map(|row| {
            let attr = |name: &str| {
                let start = row.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                row[start..].split('"').next().expect("value").to_owned()
            };
            (attr("data-plan"), attr("data-band"))
        })
        .collect()
}

both_backends! {
    async fn visits_are_scored_and_admins_see_the_weakest_first(app) {
        let (mut admin, plans) = plans_on_the_agenda(&app, 3).await;
        score_all(&app, &plans).await;
        let mut chair = app.login(MEMBERS[0]).await;
        for plan in &plans {
            let (code, body) = decide(&mut chair, plan.parse().expect("id"), "approved", "8000").await;
            assert_eq!(code, 200, "{body}");
        }
        let mut coach = app.login("coach@example.org").await;
        let (untouched, improving, closed) = (&plans[0], &plans[1], &plans[2]);

        // 95 (see the monitoring test), then, the same day, a worse visit scored against it:
        // operating 30, revenue 900 for costs 1,000 (three quarters covered) 10, one job where
        // there were two 10, part of the equipment 7, problems that threaten it 0: 57, fragile.
        visit(&mut coach, improving, &[]).await;
        visit(&mut coach, improving, &[
            ("revenue", "900"), ("costs", "1000"), ("jobs", "1"),
            ("equipment", "partly"), ("problem_level", "threatening"), ("satisfactory", "no"),
        ]).await;
        // Stopped: only the equipment still there counts (7), at risk.
        visit(&mut coach, closed, &[
            ("operating", "no"), ("revenue", "0"), ("costs", "300"), ("jobs", "0"),
            ("equipment", "partly"), ("problem_level", "threatening"), ("satisfactory", "no"),
        ]).await;

        let page = coach.get(&format!("/plans/plan?id={improving}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("57/100 · Fragile"), "{}", page.body);
        assert!(page.body.contains("95/100 · Pérenne"), "{}", page.body);
        assert!(page.body.contains("<bdi>10/20"), "the jobs part: {}", page.body);
        assert!(page.body.contains("Oui, elles menacent l&#x27;activité")
            || page.body.contains("Oui, elles menacent l'activité"), "{}", page.body);

        // The admins' list: the call counted by band, then its plans weakest first, the
        // unvisited plan last; the trend beside each.
        let call = app.id_of("grant_calls", CALL).await;
        let overview = admin.get("/admin/monitoring").await;
        assert_eq!(overview.status, 200);
        let row = overview.body.split(&format!("data-call=\"{call}\"")).nth(1).unwrap_or_else(|| panic!("the call {call}: {}", overview.body));
        for (cell, count) in [("funded", 3), ("at-risk", 1), ("fragile", 1), ("sustainable", 0), ("unscored", 1)] {
            assert!(row.contains(&format!("data-test=\"{cell}\" class=\"number\">{count}<")), "{cell}: {row}");
        }
        let list = admin.get(&format!("/admin/monitoring?call={call}")).await;
        assert_eq!(list.status, 200);
        assert_eq!(
            listed(&list.body),
            vec![
                (closed.clone(), "at_risk".to_owned()),
                (improving.clone(), "fragile".to_owned()),
                (untouched.clone(), "unscored".to_owned()),
            ]
        );
        let improving_row = list.body.split(&format!("data-plan=\"{improving}\"")).nth(1).expect("row");
        let improving_row = improving_row.split("</tr>").next().expect("row");
        assert!(improving_row.contains("57/100 · Fragile"), "{improving_row}");
        assert!(improving_row.contains("95/100 · Pérenne"), "the previous visit: {improving_row}");
        assert!(list.body.contains("Aucune visite"), "{}", list.body);

        // In Arabic too.
        admin.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let arabic = admin.get(&format!("/admin/monitoring?call={call}")).await;
        assert!(arabic.body.contains("dir=\"rtl\""), "{}", arabic.body);
        assert!(arabic.body.contains("57/100 · هش"), "{}", arabic.body);

        // An unknown call is not found; others than admins never see the list (its server
        // function too: `access::every_server_function_is_in_the_access_table_and_enforces_it`).
        assert_eq!(admin.get("/admin/monitoring?call=99999").await.status, 404);
        assert_eq!(coach.get("/admin/monitoring").await.status, 403);
    }

    async fn a_visit_must_say_what_the_score_needs(app) {
        let (_awa, mut coach, _admin, plan) = approved_plan(&app).await;
        let mut form = good_visit(&plan);
        form.retain(|(name, _)| *name != "equipment");
        form.iter_mut().filter(|(name, _)| *name == "problem_level").for_each(|field| field.1 = "terrible".into());
        let response = post_visit(&mut coach, &pairs(&form), &[]).await;
        assert_eq!(response.status, 303, "{}", response.body);
        let back = response.location().expect("back to the form").to_owned();
        assert!(back.ends_with("&retry=1"), "{back}");
        assert_eq!(app.count("select count(*) from monitoring_visits").await, 0);
        let page = coach.get(&back).await;
        for field in ["equipment-problems", "problem-level-problems"] {
            let problems = page.body.split(&format!("id=\"{field}\"")).nth(1).expect("the field's problems");
            let problems = problems.split("</").next().expect("text");
            assert!(problems.contains("Choisissez une des réponses."), "{field}: {problems}");
        }
    }
}
