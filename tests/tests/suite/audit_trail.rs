//! The audit trail for admins (issue 16, point 5): searched by who, what, which record and
//! which days; paged from the newest back; downloaded as CSV with the same filters (the
//! download itself recorded); every bad filter named; nobody else reads it.

use app::db::Db;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, TestApp};

/// `count` entries about plan 7, one a minute from `start` (RFC 3339, UTC), acted by `actor`.
async fn plan_entries(app: &TestApp, actor: i64, start: &str, count: usize) {
    let start = time::OffsetDateTime::parse(start, &time::format_description::well_known::Rfc3339)
        .expect("a time");
    for i in 0..count {
        let at = (start + time::Duration::minutes(i as i64))
            .format(&time::format_description::well_known::Rfc3339)
            .expect("format");
        app.exec(&format!(
            "insert into audit_log (at, actor_id, action, subject_type, subject_id, details) \
             values ('{at}', {actor}, 'plan_transition', 'plan', 7, '{{\"to\":\"submitted\",\"n\":{i}}}')"
        ))
        .await;
    }
}

/// How many entries the page lists.
fn rows(body: &str) -> usize {
    body.matches("data-test=\"entry\"").count()
}

/// The count of matching entries the page says.
fn total(body: &str) -> Option<usize> {
    let at = body.find("data-test=\"total\">")? + "data-test=\"total\">".len();
    body[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// The address a link with `data-test=name` points to (`&amp;` read back as `&`).
fn href(body: &str, name: &str) -> Option<String> {
    let at = body.find(&format!("data-test=\"{name}\""))?;
    let start = body[..at].rfind("href=\"")? + "href=\"".len();
    let end = start + body[start..].find('"')?;
    Some(body[start..end].replace("&amp;", "&"))
}

both_backends! {
    async fn the_trail_is_searched_by_who_what_which_record_and_which_days(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let mentor = app.user("mentor.binta@example.org", Role::Mentor).await;
        app.exec("update users set display_name = 'Binta Sow' where email = 'mentor.binta@example.org'").await;
        // Thirty entries on 3 November up to 23:59 (the last one a second before midnight), then
        // thirty from midnight on the 4th: a day is whole, and no more than itself.
        plan_entries(&app, mentor, "2026-11-03T23:30:59Z", 30).await;
        plan_entries(&app, mentor, "2026-11-04T00:00:00Z", 30).await;
        app.user("awa@example.org", Role::Applicant).await;
        app.login("awa@example.org").await;

        // Newest first, fifty a page, then the older ones; each page links back to the newest.
        let first = admin.get("/admin/audit").await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert_eq!(rows(&first.body), 50, "{}", first.body);
        let position = |action: &str| first.body.find(&format!("data-action=\"{action}\"")).expect(action);
        assert!(position("login_succeeded") < position("plan_transition"), "the applicant's sign-in came last");
        let older = href(&first.body, "older").expect("a link to older entries");
        let second = admin.get(&older).await;
        assert_eq!(rows(&second.body), app.count("select count(*) from audit_log").await as usize - 50);
        assert!(href(&second.body, "older").is_none());
        assert_eq!(href(&second.body, "newest").as_deref(), Some("/admin/audit"));

        // One record: its kind and number; the actor by a part of their name, in any case.
        let plan = admin.get("/admin/audit?kind=plan&subject=7&actor=BINTA").await;
        assert_eq!(total(&plan.body), Some(60));
        assert!(plan.body.contains("Binta Sow"));
        assert!(plan.body.contains("mentor.binta@example.org"));
        assert!(plan.body.contains("Plan d&#x27;affaires #7") || plan.body.contains("Plan d'affaires #7"), "{}", plan.body);
        // The days, whole: the 3rd holds exactly its thirty entries.
        let day = admin.get("/admin/audit?from=2026-11-03&to=03/11/2026").await;
        assert_eq!(total(&day.body), Some(30));
        let since = admin.get("/admin/audit?from=2026-11-04&action=plan_transition").await;
        assert_eq!(total(&since.body), Some(30));
        // The action: only the applicant's sign-in, found by their address.
        let sign_ins = admin.get("/admin/audit?actor=awa@&action=login_succeeded").await;
        assert_eq!(rows(&sign_ins.body), 1, "{}", sign_ins.body);
        assert!(sign_ins.body.contains("data-action=\"login_succeeded\""));
        // What is typed is looked for as it is: `%` and `_` are no wildcards.
        let literal = admin.get("/admin/audit?actor=%25").await;
        assert_eq!(rows(&literal.body), 0);
        assert!(literal.body.contains("Aucune entrée ne correspond"), "{}", literal.body);
    }

    async fn every_bad_filter_is_named_and_nobody_but_admins_reads_the_trail(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let page = admin
            .get("/admin/audit?from=31/02/2026&to=bient%C3%B4t&subject=abc&kind=plan&action=dropped")
            .await;
        assert_eq!(page.status, 200);
        assert_eq!(rows(&page.body), 0);
        for sentence in [
            "Cette date n&#x27;existe pas",
            "Un numéro de dossier est un nombre entier",
            "Cette action n&#x27;existe pas",
        ] {
            let plain = sentence.replace("&#x27;", "'");
            assert!(page.body.contains(sentence) || page.body.contains(&plain), "{sentence}: {}", page.body);
        }
        // What was typed stays in the form, to be corrected.
        assert!(page.body.contains("value=\"31/02/2026\""), "{}", page.body);
        let reversed = admin.get("/admin/audit?from=2026-12-06&to=2026-12-01").await;
        assert!(reversed.body.contains("La date de fin est avant la date de début."), "{}", reversed.body);
        let alone = admin.get("/admin/audit?subject=4").await;
        assert!(alone.body.contains("un numéro seul ne désigne rien"), "{}", alone.body);
        // The download with bad filters goes back to the page, which names them.
        let csv = admin.get("/admin/audit.csv?from=2026-12-06&to=2026-12-01").await;
        assert_eq!(csv.status, 303);
        assert_eq!(csv.location(), Some("/admin/audit?from=2026-12-06&to=2026-12-01"));
        for role in [Role::Applicant, Role::Finance, Role::Caseworker, Role::Mentor, Role::Committee] {
            let mut other = app.signed_in(role).await;
            assert_eq!(other.get("/admin/audit").await.status, 403, "{role:?}");
            assert_eq!(other.get("/admin/audit.csv").await.status, 403, "{role:?}");
            assert_eq!(other.get_json("/api/privacy/trail").await.status, 403, "{role:?}");
        }
        let mut visitor = app.client();
        assert_eq!(visitor.get("/admin/audit").await.status, 303);
        assert_eq!(visitor.get("/admin/audit.csv").await.status, 303);
    }

    async fn the_trail_downloads_whole_in_the_readers_language_and_the_download_is_recorded(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let mentor = app.user("mentor@example.org", Role::Mentor).await;
        // A name a spreadsheet would run as a formula.
        app.exec("update users set display_name = '=HYPERLINK(\"http://x\")' where email = 'mentor@example.org'").await;
        plan_entries(&app, mentor, "2026-11-03T08:00:00Z", 3).await;
        // More entries than one batch of the download: 1,200 failed sign-ins.
        let at = match app.db() {
            Db::Sqlite(..) => "'2026-11-05T08:00:00Z'",
            Db::Postgres(_) => "timestamptz '2026-11-05T08:00:00Z'",
        };
        app.exec(&format!(
            "insert into audit_log (at, action, subject_type, subject_id, details) \
             with recursive n(i) as (select 1 union all select i + 1 from n where i < 1200) \
             select {at}, 'login_failed', 'user', i, '{{}}' from n"
        ))
        .await;

        let plans = admin.get("/admin/audit.csv?kind=plan&subject=7").await;
        assert_eq!(plans.status, 200);
        assert!(plans.header("content-disposition").unwrap_or_default().contains("attachment"));
        assert_eq!(plans.header("cache-control"), Some("no-store"));
        let lines: Vec<&str> = plans.body.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}Entrée,Quand (UTC),Nom,Adresse e-mail,Rôle,Action,Code de l'action,Type de dossier,Numéro du dossier,Détails (tels qu'enregistrés)"
        );
        assert_eq!(lines.len(), 4, "{}", plans.body);
        // Newest first; the name neutralised, the rest as recorded.
        assert!(lines[1].contains(",2026-11-03T08:02:00Z,\"'=HYPERLINK(\"\"http://x\"\")\",mentor@example.org,Mentor,Étape d'un plan d'affaires,plan_transition,Plan d'affaires,7,\"{\"\"to\"\":\"\"submitted\"\",\"\"n\"\":2}\""), "{}", lines[1]);

        let failed = admin.get("/admin/audit.csv?action=login_failed").await;
        let lines: Vec<&str> = failed.body.lines().collect();
        assert_eq!(lines.len(), 1 + 1200);
        assert!(lines[1].ends_with(",login_failed,Compte,1200,{}"), "{}", lines[1]);
        assert!(lines[1200].ends_with(",login_failed,Compte,1,{}"), "{}", lines[1200]);

        // Each download is on record, with what was asked and how many entries it held; the
        // file holds the trail as it was asked for, not its own entry.
        assert_eq!(app.count("select count(*) from audit_log where action = 'audit_trail_exported'").await, 2);
        let details = app
            .text("select details from audit_log where action = 'audit_trail_exported' order by id desc limit 1")
            .await
            .expect("details");
        assert!(details.contains("\"entries\":1200") && details.contains("\"action\":\"login_failed\""), "{details}");
        let there = app.count("select count(*) from audit_log").await as usize;
        let whole = admin.get("/admin/audit.csv").await;
        assert_eq!(whole.body.lines().count(), 1 + there, "the file stops where it was asked");

        // In English for a reader who asks for it.
        let mut english = app.login("admin@example.org").await;
        english.headers.push(("accept-language", "en".into()));
        let english = english.get("/admin/audit.csv?kind=plan").await;
        assert!(english.body.starts_with("\u{feff}Entry,When (UTC),Name,Email address,Role,Action,Action code,Kind of record,Record number"), "{}", english.body);
        assert!(english.body.contains(",Business plan,7,"), "{}", english.body);
    }
}

mod reads {
    use super::super::committee_support::approved_plan;
    use super::super::money::{registered_payees, release, tranche_id, WALLET};
    use super::super::monitoring::{good_visit, pairs, post_visit, PDF};
    use app::domain::accounts::role::Role;
    use passerelle_tests::both_backends;

    /// How many reads of payment details are on record.
    async fn payment_reads(app: &passerelle_tests::TestApp) -> i64 {
        app.count("select count(*) from audit_log where action = 'payment_details_viewed'")
            .await
    }

    both_backends! {
        async fn staff_reading_payment_details_or_evidence_is_on_record_and_mentors_never_see_payees(app) {
            let (mut awa, mut coach, mut admin, plan) = approved_plan(&app).await;
            app.user("finance@example.org", Role::Finance).await;
            let mut finance = app.login("finance@example.org").await;
            registered_payees(&app, &mut awa, &mut finance).await;
            let id: i64 = plan.parse().expect("plan id");
            let call = app.count(&format!("select call_id from plans where id = {id}")).await;
            // Before any payment there are no details to read, so nothing is recorded.
            assert_eq!(admin.call("/api/money/plan", &[("plan", &plan)]).await.status, 200);
            assert_eq!(payment_reads(&app).await, 0);
            let first = tranche_id(&app, id, 1).await;
            let (code, body) = release(&mut admin, &first, "k-read-release-0001", &WALLET).await;
            assert_eq!(code, 200, "{body}");

            // The applicant reads their own payee; the mentor never does; neither is recorded.
            let payee = app
                .text(&format!("select payee_ref from payments where tranche_id = {first}"))
                .await
                .expect("the payee as stored");
            let own = awa.call("/api/money/plan", &[("plan", &plan)]).await;
            assert!(own.body.contains(&payee), "{}", own.body);
            let mentor = coach.call("/api/money/plan", &[("plan", &plan)]).await;
            assert_eq!(mentor.status, 200);
            assert!(!mentor.body.contains(&payee), "{}", mentor.body);
            assert_eq!(payment_reads(&app).await, 0);

            // Staff: the plan, the call, the finance desk; each read is one row, with its subject.
            assert_eq!(finance.call("/api/money/plan", &[("plan", &plan)]).await.status, 200);
            assert_eq!(admin.call("/api/money/call", &[("call", &call.to_string())]).await.status, 200);
            assert_eq!(finance.get("/finance").await.status, 200);
            for (subject, expected) in [
                (format!("subject_type = 'plan' and subject_id = {id}"), 1),
                (format!("subject_type = 'grant_call' and subject_id = {call}"), 1),
                ("subject_type is null".to_owned(), 1),
            ] {
                let found = app
                    .count(&format!(
                        "select count(*) from audit_log where action = 'payment_details_viewed' and {subject} and details = '{{\"payments\":1}}'"
                    ))
                    .await;
                assert_eq!(found, expected, "{subject}");
            }
            assert_eq!(payment_reads(&app).await, 3);

            // A visit's evidence: the mentor and an admin downloading it are on record, the
            // owner is not.
            let response = post_visit(&mut coach, &pairs(&good_visit(&plan)), &[("facture.pdf", "application/pdf", PDF)]).await;
            assert_eq!(response.status, 303, "{}", response.body);
            let evidence = app.count("select max(id) from visit_evidence").await;
            for client in [&mut coach, &mut admin, &mut awa] {
                let file = client.get(&format!("/plans/evidence?id={evidence}")).await;
                assert_eq!(file.status, 200);
            }
            let downloads = app
                .count(&format!(
                    "select count(*) from audit_log where action = 'evidence_downloaded' \
                     and subject_type = 'visit_evidence' and subject_id = {evidence}"
                ))
                .await;
            assert_eq!(downloads, 2);
            // The trail shows them in words.
            let trail = admin.get("/admin/audit?action=evidence_downloaded").await;
            assert!(trail.body.contains("Justificatif de visite téléchargé"), "{}", trail.body.len());
        }
    }
}
