//! Monitoring visits: the plan's mentor reports a visit with photos or receipts (a multipart
//! form that works without JavaScript); files are accepted by their bytes and size, not their
//! name; a refused post saves nothing and shows the form back; evidence is served as an
//! attachment to the plan's owner, mentor and admins only.

use super::committee_support::approved_plan;
use super::plan_support::{applicant_with_a_plan, assign, mentor};
use passerelle_tests::client::{Client, TestResponse, ORIGIN};
use passerelle_tests::{both_backends, TestApp};
use time::{Duration, OffsetDateTime};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
];
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
/// `sha256sum` of [`PDF`].
const PDF_SHA256: &str = "2424e4b37c25d8dac4c66fd4ecd780c717b828582c3f9a9fc718672d2d5e31f1";

/// Posts the visit form as a browser without JavaScript does: text fields, then the files
/// (name, declared type, bytes).
pub(crate) async fn post_visit(
    client: &mut Client,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> TestResponse {
    let boundary = "----passerelle-visit-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (file_name, declared, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; \
                 filename=\"{file_name}\"\r\nContent-Type: {declared}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = http::Request::post("/mentor/visit")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("accept", "text/html")
        .header("origin", ORIGIN)
        .header("referer", format!("{ORIGIN}/mentor/visit"))
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body))
        .expect("request");
    client.send(request).await
}

/// A day `days` ago, as the date input sends it.
fn days_ago(days: i64) -> String {
    (OffsetDateTime::now_utc() - Duration::days(days))
        .date()
        .to_string()
}

/// The form of a good visit to `plan`, today (the plans here are approved today, and a visit is
/// never dated before its plan's approval).
pub(crate) fn good_visit(plan: &str) -> Vec<(&str, String)> {
    vec![
        ("plan", plan.to_owned()),
        ("visited_on", days_ago(0)),
        ("operating", "yes".into()),
        ("revenue", "4 500".into()),
        ("costs", "1200,50".into()),
        ("jobs", "2".into()),
        (
            "problems",
            "Le fournisseur de tissu livre en retard.".into(),
        ),
        ("satisfactory", "yes".into()),
        ("equipment", "present".into()),
        ("problem_level", "manageable".into()),
    ]
}

pub(crate) fn pairs<'a>(form: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Awa's plan approved today through the committee's own pages (see `committee_support`):
/// Awa, the coach, the admin, the plan.
async fn approved(app: &TestApp) -> (Client, Client, Client, String) {
    approved_plan(app).await
}

async fn nothing_saved(app: &TestApp) {
    assert_eq!(app.count("select count(*) from monitoring_visits").await, 0);
    assert_eq!(app.count("select count(*) from visit_evidence").await, 0);
    assert_eq!(
        app.count(
            "select count(*) from audit_log where action in ('visit_recorded', 'evidence_added')"
        )
        .await,
        0
    );
}

/// Posts a refused visit and returns the form page it is sent back to.
async fn refused(
    client: &mut Client,
    plan: &str,
    form: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> String {
    let response = post_visit(client, form, files).await;
    assert_eq!(response.status, 303, "{}", response.body);
    let location = response.location().expect("back to the form").to_owned();
    assert_eq!(location, format!("/mentor/visit?plan={plan}&retry=1"));
    let page = client.get(&location).await;
    assert_eq!(page.status, 200);
    page.body
}

both_backends! {
    async fn a_mentor_records_a_visit_with_a_photo_and_a_receipt(app) {
        let (mut awa, mut coach, mut admin, plan) = approved(&app).await;

        let caseload = coach.get("/mentor/caseload").await;
        assert!(caseload.body.contains(&format!("href=\"/mentor/visit?plan={plan}\"")), "{}", caseload.body);
        let page = coach.get(&format!("/mentor/visit?plan={plan}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"visit-form\""), "{}", page.body);
        assert!(page.body.contains("enctype=\"multipart/form-data\""));

        let form = good_visit(&plan);
        let files: [(&str, &str, &[u8]); 2] = [
            ("C:\\Users\\coach\\atelier.png", "image/png", PNG),
            ("reçu.pdf", "application/pdf", PDF),
        ];
        let response = post_visit(&mut coach, &pairs(&form), &files).await;
        assert_eq!(response.status, 303, "{}", response.body);
        assert_eq!(response.location(), Some(format!("/plans/plan?id={plan}&saved=visit#visits").as_str()));

        assert_eq!(app.count("select count(*) from monitoring_visits").await, 1);
        assert_eq!(
            app.count("select count(*) from monitoring_visits where revenue_centimes = 450000 \
                       and costs_centimes = 120050 and jobs = 2").await,
            1
        );
        assert_eq!(
            app.text("select original_name from visit_evidence where content_type = 'image/png'").await,
            Some("atelier.png".into())
        );
        assert_eq!(
            app.text("select original_name from visit_evidence where content_type = 'application/pdf'").await,
            Some("reçu.pdf".into())
        );
        assert_eq!(
            app.text("select sha256 from visit_evidence where content_type = 'application/pdf'").await,
            Some(PDF_SHA256.into())
        );
        assert_eq!(app.count("select count(*) from audit_log where action = 'visit_recorded' and subject_type = 'plan'").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'evidence_added' and subject_type = 'visit_evidence'").await, 2);

        // With its evidence, this visit is what opens the tranche tied to monitoring (no
        // tranche was paid before it).
        let plan_id: i64 = plan.parse().expect("id");
        let visit = app.count("select id from monitoring_visits").await;
        let mut tx = app.db().read().await.expect("transaction");
        let lines = app::db::money::money_views::tranches(&mut tx, app::db::money::money_views::Which::Plan(plan_id), String::new).await.expect("query");
        tx.commit().await.expect("commit");
        let gated = lines.iter().find(|line| line.number == 2).expect("second tranche");
        assert_eq!(gated.opening_visit.map(|v| (v.id, v.evidence_files)), Some((visit, 2)));

        // The owner reads the visit on the plan's page, with links to its files.
        let page = awa.get(&format!("/plans/plan?id={plan}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"visit\""), "{}", page.body);
        assert!(page.body.contains("4\u{202f}500,00"), "{}", page.body);
        assert!(page.body.contains("Le fournisseur de tissu livre en retard."));
        // Operating 30, revenue above costs 25, a first visit with two jobs 20, all the
        // equipment 15, manageable problems 5.
        assert!(page.body.contains("95/100 · Pérenne"), "{}", page.body);
        let png_id = app.count("select id from visit_evidence where content_type = 'image/png'").await;
        let pdf_id = app.count("select id from visit_evidence where content_type = 'application/pdf'").await;
        assert!(page.body.contains(&format!("/plans/evidence?id={png_id}")));
        assert!(page.body.contains(&format!("/plans/evidence?id={pdf_id}")));
        let saved = coach.get(&format!("/plans/plan?id={plan}&saved=visit")).await;
        assert!(saved.body.contains("Visite enregistrée."), "{}", saved.body);

        // Downloads: an attachment under the server's name, with the stored type, never sniffed.
        let file = awa.get(&format!("/plans/evidence?id={pdf_id}")).await;
        assert_eq!(file.status, 200);
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        assert_eq!(
            file.header("content-disposition"),
            Some(format!("attachment; filename=\"evidence-{pdf_id}.pdf\"").as_str())
        );
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(file.body.as_bytes(), PDF);
        let photo = admin.get(&format!("/plans/evidence?id={png_id}")).await;
        assert_eq!(photo.status, 200);
        assert_eq!(photo.header("content-type"), Some("image/png"));
        assert_eq!(
            photo.header("content-disposition"),
            Some(format!("attachment; filename=\"evidence-{png_id}.png\"").as_str())
        );
        assert_eq!(coach.get(&format!("/plans/evidence?id={png_id}")).await.status, 200);
    }

    async fn the_mentor_and_the_owner_are_reminded_once_of_each_visit_due(app) {
        use app::db::monitoring::reminders::remind;
        let (mut awa, mut coach, _admin, plan) = approved(&app).await;
        // A look `days` after the approval (today), as each server makes every few minutes.
        let db = app.db();
        let look = |days: i64| async move {
            let mut tx = db.begin().await.expect("begin");
            let at = app::db::now() + Duration::days(days);
            let reminded = remind(&mut tx, at).await.expect("remind");
            tx.commit().await.expect("commit");
            reminded
        };
        let due = "select count(*) from notifications where event like '%visit_due%'";
        assert_eq!(look(0).await, 0, "approved today: nothing is due");
        assert_eq!(look(80).await, 0, "the 3-month visit is more than a week away");

        // 85 days on, the 3-month visit is within a week. Both are told, once.
        assert_eq!(look(85).await, 1);
        assert_eq!(look(86).await, 0, "each reminder goes once");
        assert_eq!(app.count(due).await, 2, "the mentor and the owner");
        assert_eq!(app.count("select count(*) from outbox where event like '%visit_due%'").await, 2);
        let list = awa.get("/notifications").await;
        assert!(list.body.contains("Visite de suivi à prévoir"), "{}", list.body);
        assert!(list.body.contains(&format!("/plans/plan?id={plan}")), "{}", list.body);

        // The visit is made; three months later the 6-month one is due.
        let response = post_visit(&mut coach, &pairs(&good_visit(&plan)), &[]).await;
        assert_eq!(response.status, 303, "{}", response.body);
        assert_eq!(look(120).await, 0);
        assert_eq!(look(178).await, 1);
        assert_eq!(look(179).await, 0);
        assert_eq!(app.count(due).await, 4);
        let list = coach.get("/notifications").await;
        assert!(list.body.replace("<!>", "").contains("(6 mois)"), "{}", list.body);
    }

    async fn evidence_is_not_found_for_anyone_else(app) {
        let (_awa, mut coach, _admin, plan) = approved(&app).await;
        let form = good_visit(&plan);
        let response = post_visit(&mut coach, &pairs(&form), &[("recu.pdf", "application/pdf", PDF)]).await;
        assert_eq!(response.status, 303, "{}", response.body);
        let id = app.count("select id from visit_evidence").await;

        let (mut bintou, _) = applicant_with_a_plan(&app, "bintou@example.org", "Bintou Diallo").await;
        let (mut other, _) = mentor(&app, "other@example.org").await;
        for client in [&mut bintou, &mut other] {
            let file = client.get(&format!("/plans/evidence?id={id}")).await;
            assert_eq!(file.status, 404);
            assert!(!file.body.contains("%PDF"));
            assert!(file.body.contains("Page introuvable"), "{}", file.body);
            let unknown = client.get(&format!("/plans/evidence?id={}", id + 100)).await;
            assert_eq!(unknown.status, 404);
            // Nor the visits on the plan page.
            let listed = client.call("/api/monitoring/visits", &[("plan", plan.as_str())]).await;
            assert_eq!(listed.status, 404, "{}", listed.body);
        }
        // Signed out: to the sign-in page.
        let anonymous = app.client().get(&format!("/plans/evidence?id={id}")).await;
        assert_eq!(anonymous.status, 303);
    }

    async fn a_fake_photo_or_an_oversized_file_is_refused_and_nothing_saved(app) {
        let (_awa, mut coach, _admin, plan) = approved(&app).await;
        let form = good_visit(&plan);

        let html: &[u8] = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        let body = refused(&mut coach, &plan, &pairs(&form), &[("photo.jpg", "image/jpeg", html)]).await;
        nothing_saved(&app).await;
        assert!(body.contains("data-test=\"evidence-problems\""), "{body}");
        assert!(body.contains("photo.jpg » n"), "{body}");
        assert!(body.contains("ni une photo (JPEG, PNG, WebP) ni un PDF"), "{body}");
        // What was typed comes back.
        assert!(body.contains("value=\"4 500\""), "{body}");
        assert!(body.contains("Le fournisseur de tissu livre en retard."), "{body}");

        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(5 * 1024 * 1024 + 1, b' ');
        let body = refused(&mut coach, &plan, &pairs(&form), &[("scan.pdf", "application/pdf", big.as_slice())]).await;
        nothing_saved(&app).await;
        assert!(body.contains("scan.pdf » est trop gros (au plus 5 Mo)"), "{body}");

        let empty = refused(&mut coach, &plan, &pairs(&form), &[("vide.png", "image/png", &b""[..])]).await;
        nothing_saved(&app).await;
        assert!(empty.contains("vide.png » est vide"), "{empty}");

        // Typed text comes back as text, never as markup.
        let mut sly = good_visit(&plan);
        sly[5].1 = "x".into();
        sly[6].1 = "Retard </textarea><script>alert(1)</script>".into();
        let body = refused(&mut coach, &plan, &pairs(&sly), &[]).await;
        nothing_saved(&app).await;
        assert!(!body.contains("</textarea><script>"), "{body}");
        assert!(body.contains("Retard &lt;/textarea&gt;&lt;script&gt;"), "{body}");

        // Megabytes pasted into the boxes: refused, shown back cut to a little past the limit,
        // and the session keeps no more than that.
        let mut huge = good_visit(&plan);
        huge[3].1 = "9".repeat(1024 * 1024);
        huge[6].1 = "é".repeat(2 * 1024 * 1024);
        let body = refused(&mut coach, &plan, &pairs(&huge), &[]).await;
        nothing_saved(&app).await;
        let kept = app::domain::monitoring::PROBLEMS_MAX + 1;
        assert!(body.contains(&"é".repeat(kept)) && !body.contains(&"é".repeat(kept + 1)));
        let sessions = app.session_table();
        let largest = app.count(&format!("select cast(max(length(data)) as bigint) from {sessions}")).await;
        assert!(largest < 32 * 1024, "a session row of {largest} bytes");

        // A good file does not save a visit whose fields are wrong: every problem at its field.
        let mut bad = good_visit(&plan);
        bad[5].1 = "beaucoup".into();
        bad[7].1 = "".into();
        let body = refused(&mut coach, &plan, &pairs(&bad), &[("ok.png", "image/png", PNG), ("faux.jpg", "image/jpeg", html)]).await;
        nothing_saved(&app).await;
        assert!(body.contains("data-test=\"jobs-problems\""), "{body}");
        assert!(body.contains("data-test=\"satisfactory-problems\""), "{body}");
        assert!(body.contains("faux.jpg » n"), "{body}");
        assert!(!body.contains("ok.png"), "{body}");

        // Then a good post records the visit, and the form no longer shows the old problems.
        let response = post_visit(&mut coach, &pairs(&form), &[("ok.png", "image/png", PNG)]).await;
        assert_eq!(response.status, 303, "{}", response.body);
        assert_eq!(app.count("select count(*) from monitoring_visits").await, 1);
        let again = coach.get(&format!("/mentor/visit?plan={plan}&retry=1")).await;
        assert!(!again.body.contains("data-test=\"jobs-problems\""), "{}", again.body);
    }

    async fn only_the_plans_mentor_records_and_only_after_approval(app) {
        let (mut awa, mut coach, mut admin, plan) = approved(&app).await;
        let form = good_visit(&plan);

        // Another mentor: the plan is not found, on the page and on the post.
        let (mut other, _) = mentor(&app, "other@example.org").await;
        // (The page's status is set once its data is loaded, which may be after the response
        // has started, as on the other plan pages: what matters is that nothing is shown.)
        let page = other.get(&format!("/mentor/visit?plan={plan}")).await;
        assert!(page.body.contains("Page introuvable"), "{}", page.body);
        assert!(!page.body.contains("Awa Koné"));
        assert!(!page.body.contains("data-test=\"visit-form\""));
        let response = post_visit(&mut other, &pairs(&form), &[("ok.png", "image/png", PNG)]).await;
        assert_eq!(response.status, 404, "{}", response.body);
        // The applicant is no mentor at all.
        let response = post_visit(&mut awa, &pairs(&form), &[]).await;
        assert_eq!(response.status, 403, "{}", response.body);
        nothing_saved(&app).await;

        // Not before the approval.
        let mut early = good_visit(&plan);
        early[1].1 = days_ago(1);
        let body = refused(&mut coach, &plan, &pairs(&early), &[]).await;
        assert!(body.contains("data-test=\"visited-on-problems\""), "{body}");
        assert!(body.contains("antérieure à l"), "{body}");
        nothing_saved(&app).await;

        // A plan the committee has not approved takes no visit.
        let (_bintou, draft) = applicant_with_a_plan(&app, "bintou@example.org", "Bintou Diallo").await;
        let coach_id = app.count("select id from users where email = 'coach@example.org'").await;
        assign(&mut admin, &draft, coach_id).await;
        let page = coach.get(&format!("/mentor/visit?plan={draft}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"not-approved\""), "{}", page.body);
        assert!(!page.body.contains("data-test=\"visit-form\""));
        let body = refused(&mut coach, &draft, &pairs(&good_visit(&draft)), &[]).await;
        assert!(body.contains("data-test=\"not-approved\""), "{body}");
        nothing_saved(&app).await;

        // A post from another site is refused before anything is read.
        let request = http::Request::post("/mentor/visit")
            .header("content-type", "multipart/form-data; boundary=x")
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site")
            .body(axum::body::Body::from("--x--\r\n"))
            .expect("request");
        assert_eq!(coach.send(request).await.status, 403);

        // The mentor's visit without files, not satisfactory: recorded, and no tranche follows.
        let mut plain = good_visit(&plan);
        plain[2].1 = "no".into();
        plain[7].1 = "no".into();
        let response = post_visit(&mut coach, &pairs(&plain), &[]).await;
        assert_eq!(response.status, 303, "{}", response.body);
        assert_eq!(app.count("select count(*) from monitoring_visits").await, 1);
        assert_eq!(app.count("select count(*) from visit_evidence").await, 0);
        let plan_id: i64 = plan.parse().expect("id");
        let mut tx = app.db().read().await.expect("transaction");
        let lines = app::db::money::money_views::tranches(&mut tx, app::db::money::money_views::Which::Plan(plan_id), String::new).await.expect("query");
        assert!(lines.iter().all(|line| line.opening_visit.is_none()));
        tx.commit().await.expect("commit");
    }
}
