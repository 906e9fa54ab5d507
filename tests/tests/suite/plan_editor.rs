//! The business-plan editor: sections saved over their revision (a stale save is kept, never
//! lost), figures checked line by line, versions compared, and who may read or edit a plan.

use super::plan_support::{applicant_with_a_plan, awa_with_a_plan, fill_plan, mentor};
use passerelle_tests::{both_backends, Client, TestApp, TestResponse};

async fn save(
    client: &mut Client,
    plan: &str,
    section: &str,
    body: &str,
    revision: &str,
) -> TestResponse {
    client
        .call(
            "/api/plans/save_section",
            &[
                ("plan", plan),
                ("section", section),
                ("body", body),
                ("revision", revision),
            ],
        )
        .await
}

async fn page(client: &mut Client, plan: &str) -> TestResponse {
    client.get(&format!("/plans/plan?id={plan}")).await
}

async fn revision(app: &TestApp, plan: &str, section: &str) -> i64 {
    app.count(&format!(
        "select cast(coalesce(max(revision), 0) as bigint) from plan_sections \
         where plan_id = {plan} and section = '{section}'"
    ))
    .await
}

/// A figures form: capital lines `(kind, item, quantity, unit cost)`, months' sales, and the
/// sources (own, grant, loan).
fn figures<'a>(
    plan: &'a str,
    version: &'a str,
    lines: &[(&'a str, &'a str, &'a str, &'a str)],
    sales: &[&'a str],
    sources: (&'a str, &'a str, &'a str),
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![("plan", plan), ("version", version)];
    for (kind, item, quantity, cost) in lines {
        fields.extend([
            ("kinds[]", *kind),
            ("items[]", *item),
            ("quantities[]", *quantity),
            ("unit_costs[]", *cost),
        ]);
    }
    for month in 0..12 {
        fields.push(("sales[]", sales.get(month).copied().unwrap_or("")));
        fields.push(("costs[]", if month < sales.len() { "500" } else { "" }));
    }
    fields.extend([
        ("own_contribution", sources.0),
        ("grant_requested", sources.1),
        ("loan", sources.2),
    ]);
    fields
}

both_backends! {
    async fn a_section_is_saved_read_back_and_rendered_safely(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let saved = save(&mut awa, &plan, "idea", "Un atelier de **couture**\n</textarea><script>alert(1)</script>", "0").await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert_eq!(saved.json()["revision"], 1);
        assert_eq!(revision(&app, &plan, "idea").await, 1);

        let shown = page(&mut awa, &plan).await;
        assert_eq!(shown.status, 200);
        assert!(shown.body.contains("<strong>couture</strong>"), "rendered Markdown");
        let rendered = shown.body.split("id=\"rendered-idea\"").nth(1).and_then(|rest| rest.split("</div>").next()).unwrap_or_default();
        assert!(rendered.contains("<strong>couture</strong>") && !rendered.contains("<script"), "{rendered}");
        let closing = shown.body.find("alert(1)</script>").map(|at| {
            let before: Vec<char> = shown.body[..at].chars().rev().take(300).collect();
            before.into_iter().rev().collect::<String>()
        });
        assert_eq!(closing, None, "the text never closes a script");
        assert!(!shown.body.contains("</textarea><script>"), "the text never closes its field");
        assert!(shown.body.contains("name=\"body\""), "the owner gets a form");

        // Without JavaScript: the form posts, the browser is sent back to the section.
        let page_path = format!("/plans/plan?id={plan}");
        let posted = awa
            .post_form("/api/plans/save_section", &page_path,
                &[("plan", &plan), ("section", "idea"), ("body", "Couture sur mesure"), ("revision", "1")])
            .await;
        assert!(posted.status.is_redirection(), "{}", posted.status);
        assert_eq!(posted.location(), Some(format!("/plans/plan?id={plan}&saved=idea#section-idea").as_str()));
        assert_eq!(revision(&app, &plan, "idea").await, 2);

        let audited = app.count("select count(*) from audit_log where action = 'plan_edited'").await;
        assert_eq!(audited, 2);
        let details = app.text("select details from audit_log where action = 'plan_edited' order by id desc limit 1").await.unwrap_or_default();
        assert!(!details.contains("Couture"), "the text is not in the audit: {details}");
    }

    async fn a_stale_save_is_kept_shown_beside_the_saved_text_and_dismissed(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        assert_eq!(save(&mut awa, &plan, "market", "Les voisines du quartier", "0").await.status, 200);
        // Another tab still on revision 0 (a racing first save), then one on revision 1 twice.
        let first = save(&mut awa, &plan, "market", "Texte de l'autre onglet", "0").await;
        assert_eq!(first.status, 409, "{}", first.body);
        assert_eq!(save(&mut awa, &plan, "market", "Version B", "1").await.status, 200);
        // The same text sent twice (a retry after a lost answer) is not a conflict.
        let again = save(&mut awa, &plan, "market", "Version B", "1").await;
        assert_eq!(again.status, 200, "{}", again.body);
        assert_eq!(again.json()["revision"], 2);
        let stale = save(&mut awa, &plan, "market", "Version C, écrite hors ligne", "1").await;
        assert_eq!(stale.status, 409);

        let saved = app.text(&format!("select body from plan_sections where plan_id = {plan} and section = 'market'")).await;
        assert_eq!(saved.as_deref(), Some("Version B"), "nothing overwritten");
        assert_eq!(app.count(&format!("select count(*) from plan_conflicts where plan_id = {plan} and part = 'market'")).await, 2);
        let kept = app.text(&format!("select body from plan_conflicts where plan_id = {plan} and base_revision = 1")).await;
        assert_eq!(kept.as_deref(), Some("Version C, écrite hors ligne"));

        let shown = page(&mut awa, &plan).await;
        assert!(shown.body.contains("Version C, écrite hors ligne"), "the kept text is shown");
        assert!(shown.body.contains("data-test=\"conflict\""));
        assert!(shown.body.contains("avant vous"), "a clear message");

        // Without JavaScript, a stale save goes back to the page (which shows the kept text).
        let page_path = format!("/plans/plan?id={plan}");
        let posted = awa.post_form("/api/plans/save_section", &page_path,
            &[("plan", &plan), ("section", "market"), ("body", "Version D"), ("revision", "1")]).await;
        assert!(posted.status.is_redirection(), "{}", posted.status);
        assert_eq!(app.count(&format!("select count(*) from plan_conflicts where plan_id = {plan} and body = 'Version D'")).await, 1);
        let back = awa.get(posted.location().unwrap_or_default()).await;
        assert_eq!(back.body.matches("data-test=\"form-problems\"").count(), 1, "the conflict is said once");
        assert!(back.body.contains("Version D"), "and the kept text is there");

        // Only the author dismisses.
        let conflict = app.count(&format!("select min(id) from plan_conflicts where plan_id = {plan}")).await.to_string();
        let (mut fatou, _) = applicant_with_a_plan(&app, "fatou@example.org", "Fatou Diallo").await;
        let foreign = fatou.call("/api/plans/dismiss_conflict", &[("plan", &plan), ("conflict", &conflict)]).await;
        assert_eq!(foreign.status, 404);
        let dismissed = awa.call("/api/plans/dismiss_conflict", &[("plan", &plan), ("conflict", &conflict)]).await;
        assert_eq!(dismissed.status, 200, "{}", dismissed.body);
        assert_eq!(app.count(&format!("select count(*) from plan_conflicts where plan_id = {plan} and resolved_at is null")).await, 2);
        let again = awa.call("/api/plans/dismiss_conflict", &[("plan", &plan), ("conflict", &conflict)]).await;
        assert_eq!(again.status, 404, "already dismissed");
        assert!(!page(&mut awa, &plan).await.body.contains("Texte de l'autre onglet"));
    }

    async fn an_overlong_section_or_a_submitted_plan_saves_nothing(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let long = "é".repeat(20_001);
        let refused = save(&mut awa, &plan, "summary", &long, "0").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("section_too_long"), "{}", refused.body);
        assert_eq!(app.count("select count(*) from plan_sections").await, 0);

        fill_plan(&app, &plan).await;
        let submitted = awa.plan_step(&plan, "submit", "").await;
        assert_eq!(submitted.status, 200, "{}", submitted.body);
        let closed = save(&mut awa, &plan, "summary", "Trop tard", "1").await;
        assert_eq!(closed.status, 422);
        assert!(closed.body.contains("plan_not_editable"), "{}", closed.body);
        assert_eq!(app.count("select count(*) from plan_sections where body = 'Trop tard'").await, 0);
        let fields = figures(&plan, "1", &[("equipment", "Machine", "1", "100")], &["10"], ("10", "90", ""));
        assert_eq!(awa.call("/api/plans/save_figures", &fields).await.status, 422);
        let shown = page(&mut awa, &plan).await;
        assert!(!shown.body.contains("name=\"section\""), "no section form once submitted");
    }

    async fn bad_figures_are_named_by_line_or_month_and_nothing_is_saved(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let fields = figures(&plan, "1",
            &[("equipment", "Machine à coudre", "0", "5000"), ("stock", "Tissu", "10", "-5"), ("stock", "Fil", "2", "1 000 001")],
            &["3000", "douze"], ("1000", "9000", ""));
        let refused = awa.call("/api/plans/save_figures", &fields).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let body = refused.body;
        assert!(body.contains("quantity_invalid") && body.contains("\"row\":1"), "{body}");
        assert!(body.contains("amount_negative") && body.contains("\"row\":2"), "{body}");
        assert!(body.contains("amount_too_high") && body.contains("\"row\":3"), "{body}");
        assert!(body.contains("amount_not_a_number") && body.contains("\"month\":2"), "{body}");
        assert_eq!(app.text(&format!("select figures from plans where id = {plan}")).await.as_deref(), Some("{}"));
        assert_eq!(app.count(&format!("select cast(version as bigint) from plans where id = {plan}")).await, 1, "unchanged");
    }

    async fn a_refused_plain_figures_post_comes_back_with_what_was_typed(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let page_path = format!("/plans/plan?id={plan}");
        let fields = figures(&plan, "1", &[("equipment", "Machine Singer occasion", "2", "4 500")],
            &["3000", "douze"], ("900", "8 100", ""));
        let refused = awa.post_form("/api/plans/save_figures", &page_path, &fields).await;
        assert!(refused.status.is_redirection(), "{}", refused.status);
        let back = refused.location().expect("sent back to the plan").to_owned();
        let shown = awa.get(&back).await;
        assert_eq!(shown.status, 200);
        for typed in ["Machine Singer occasion", "value=\"4 500\"", "value=\"douze\"", "value=\"8 100\""] {
            assert!(shown.body.contains(typed), "{typed} is shown back: {}", shown.body);
        }
        assert!(shown.body.contains("data-test=\"form-problems\""), "and what to correct");
        assert_eq!(app.text(&format!("select figures from plans where id = {plan}")).await.as_deref(), Some("{}"));
        // Only on the page the refusal sends back to: a plain visit shows the saved figures.
        let again = awa.get(&page_path).await;
        assert!(!again.body.contains("Machine Singer"), "the saved figures, not the refused ones");
    }

    async fn good_figures_show_computed_totals_and_the_checklist(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let fields = figures(&plan, "1",
            &[("equipment", "Machine à coudre", "2", "5 000"), ("stock", "Tissu", "10", "100"), ("", "", "", "")],
            &["3000", "4000"], ("500", "10 500", ""));
        let saved = awa.call("/api/plans/save_figures", &fields).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert_eq!(app.count(&format!("select grant_requested_centimes from plans where id = {plan}")).await, 1_050_000);
        assert_eq!(app.count(&format!("select cast(version as bigint) from plans where id = {plan}")).await, 2);

        let shown = page(&mut awa, &plan).await.body;
        // 2 × 5 000 + 10 × 100 = 11 000 MAD of capital; months 1–2 sell 3 000 and 4 000 and
        // cost 500 each: 6 000 of profit over the year.
        assert!(shown.contains("11\u{202f}000,00\u{a0}MAD"), "capital total");
        assert!(shown.contains("6\u{202f}000,00\u{a0}MAD"), "yearly profit");
        // 10 % of 11 000 is 1 100: 500 is not enough, and the page says what to bring.
        assert!(shown.contains("apporter au moins 1\u{202f}100,00\u{a0}MAD"), "what to do");
        assert!(shown.contains("value=\"Machine à coudre\""), "saved lines come back in the form");

        // A stale figures save keeps what was typed.
        let stale = awa.call("/api/plans/save_figures", &fields).await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        assert_eq!(app.count(&format!("select count(*) from plan_conflicts where plan_id = {plan} and part = 'figures'")).await, 1);
        assert!(page(&mut awa, &plan).await.body.contains("Machine à coudre | 2 | 5 000"), "kept figures shown");
    }

    async fn others_do_not_find_the_plan_and_its_mentor_reads_without_editing(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        assert_eq!(save(&mut awa, &plan, "idea", "Couture sur mesure", "0").await.status, 200);
        let (mut fatou, _) = applicant_with_a_plan(&app, "fatou@example.org", "Fatou Diallo").await;
        let (mut stranger, _) = mentor(&app, "mentor.b@example.org").await;
        for client in [&mut fatou, &mut stranger] {
            assert_eq!(client.call("/api/plans/load", &[("id", &plan)]).await.status, 404);
            assert_eq!(client.call("/api/plans/compare", &[("id", &plan)]).await.status, 404);
            assert_eq!(client.call("/api/plans/preview", &[("plan", &plan), ("body", "x")]).await.status, 404);
            let shown = page(client, &plan).await;
            assert!(!shown.body.contains("Couture sur mesure"), "nothing of the plan is shown");
            assert!(shown.body.contains("Page introuvable"));
        }
        assert_eq!(save(&mut fatou, &plan, "idea", "Pris !", "1").await.status, 404);
        assert_eq!(app.count("select count(*) from plan_conflicts").await, 0, "nothing kept for a stranger");

        let (mut own, mentor_id) = mentor(&app, "mentor.a@example.org").await;
        app.count(&format!("update plans set mentor_id = {mentor_id} where id = {plan} returning id")).await;
        let loaded = own.call("/api/plans/load", &[("id", &plan)]).await;
        assert_eq!(loaded.status, 200, "{}", loaded.body);
        assert_eq!(loaded.json()["editable"], false);
        let shown = page(&mut own, &plan).await;
        assert!(shown.body.contains("Couture sur mesure"));
        assert!(!shown.body.contains("name=\"section\""), "no section form for the mentor");
        assert_eq!(save(&mut own, &plan, "idea", "Corrigé", "1").await.status, 403);
        assert_eq!(revision(&app, &plan, "idea").await, 1);
    }

    async fn two_versions_compare_section_lines_and_figures(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let id: i64 = plan.parse().expect("id");
        let user = app.count("select id from users where email = 'awa@example.org'").await;
        assert_eq!(save(&mut awa, &plan, "idea", "Robes\nPagnes", "0").await.status, 200);
        let fields = figures(&plan, "1", &[("equipment", "Machine", "1", "5000")], &["1000"], ("500", "4500", ""));
        assert_eq!(awa.call("/api/plans/save_figures", &fields).await.status, 200);
        freeze(&app, id, user).await;
        assert_eq!(save(&mut awa, &plan, "idea", "Robes\nSacs en wax\nPagnes", "1").await.status, 200);
        let fields = figures(&plan, "2", &[("equipment", "Machine", "2", "5000"), ("stock", "Tissu", "5", "100")],
            &["1000"], ("1100", "9400", ""));
        assert_eq!(awa.call("/api/plans/save_figures", &fields).await.status, 200);
        freeze(&app, id, user).await;

        let compared = awa.call("/api/plans/compare", &[("id", &plan)]).await;
        assert_eq!(compared.status, 200, "{}", compared.body);
        let json = compared.json();
        assert_eq!((json["from"].clone(), json["to"].clone()), (1.into(), 2.into()), "the last two by default");
        let sections = json["diff"]["sections"].as_array().cloned().unwrap_or_default();
        assert_eq!(sections.len(), 1, "{json}");
        assert_eq!(sections[0]["lines"][1], serde_json::json!({"change": "added", "line": "Sacs en wax"}));
        let capital = json["diff"]["figures"]["capital"].as_array().cloned().unwrap_or_default();
        assert_eq!(capital.len(), 2, "machine changed, fabric added: {json}");

        let shown = awa.get(&format!("/plans/compare?id={plan}")).await;
        assert_eq!(shown.status, 200);
        assert!(shown.body.contains("Sacs en wax"));
        assert!(shown.body.contains("Tissu"));
        let draft = awa.get(&format!("/plans/compare?id={plan}&from=2&to=0")).await;
        assert!(draft.body.contains("data-test=\"no-change\""), "the draft is version 2");
        let page = page(&mut awa, &plan).await;
        assert_eq!(page.body.matches("data-test=\"version\"").count(), 2);
        let missing = awa.call("/api/plans/compare", &[("id", &plan), ("from", "7")]).await;
        assert_eq!(missing.status, 404);
    }
}

/// The applicant's plan frozen as a submission would (the mentoring side calls this).
async fn freeze(app: &TestApp, plan: i64, user: i64) {
    let mut tx = app.db().begin().await.expect("begin");
    app::db::plans::plan_content::freeze(&mut tx, plan, user)
        .await
        .expect("freeze");
    tx.commit().await.expect("commit");
}
