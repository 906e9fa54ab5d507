//! Donor reporting (`domain::reporting`): a fixed data set built through the app's own
//! functions, with every figure worked out by hand; small cells, their complements and
//! figures a filter would let someone subtract down to a small group; the CSV files; the
//! settings; and the donor viewer, who sees aggregates and nobody.

use super::committee_support::{approved_plan, CALL};
use super::matches::{add_card, catalogue, person};
use super::money::{registered_payees, release, settle, tranche_id, WALLET};
use super::sustainability::visit;
use app::domain::accounts::role::Role;
use passerelle_tests::client::Client;
use passerelle_tests::{both_backends, TestApp};

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

/// An applicant with consent and a complete profile, and the answers donors count.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn registrant(
    app: &TestApp,
    email: &str,
    sex: &str,
    birth_year: &str,
    nationality: &str,
    city: &str,
    group: &str,
    legal_status: &str,
) {
    app.user(email, Role::Applicant).await;
    let mut client = app.login(email).await;
    let consent = client
        .call(
            "/api/profile/give_consent",
            &[("notice_version", NOTICE), ("lang", "fr")],
        )
        .await;
    assert_eq!(consent.status, 200, "{}", consent.body);
    let identity = [
        ("full_name", "Personne Test"),
        ("sex", sex),
        ("birth_day", "14"),
        ("birth_month", "3"),
        ("birth_year", birth_year),
        ("nationality", nationality),
        ("city", city),
        ("phone", ""),
        ("version", "0"),
    ];
    let saved = client.call("/api/profile/save_identity", &identity).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let situation = [
        ("education", "lower_secondary"),
        ("languages[]", "french"),
        ("availability", "now"),
        ("population_group", group),
        ("legal_status", legal_status),
        ("disability", ""),
        ("version", "1"),
    ];
    let saved = client.call("/api/profile/save_situation", &situation).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
}

/// Ten applicants, by hand:
/// - Awa (woman, born 1997: 25–34, CI, Tanger): plan approved (8,000 MAD), first tranche
///   paid (5,600 MAD), a visit: operating, revenue above costs, 2 jobs;
/// - five women born 2000 (25–34), SN, Tanger, migrants with a residence permit;
/// - three men born 1990 (35–59), CI, Rabat, migrants without a permit;
/// - one account with no profile (registered only: every answer "not stated").
async fn data_set(app: &TestApp) -> Client {
    let (mut awa, mut coach, mut admin, plan) = approved_plan(app).await;
    app.user("finance@example.org", Role::Finance).await;
    let mut finance = app.login("finance@example.org").await;
    registered_payees(app, &mut awa, &mut finance).await;
    let tranche = tranche_id(app, plan.parse().expect("plan id"), 1).await;
    let (code, body) = release(&mut admin, &tranche, "report-release-key-0001", &WALLET).await;
    assert_eq!(code, 200, "{body}");
    let (code, body) = settle(&mut finance, &tranche, "report-settle-key-0001", "paid").await;
    assert_eq!(code, 200, "{body}");
    visit(&mut coach, &plan, &[]).await;
    for n in 1..=5 {
        let email = format!("femme{n}@example.org");
        registrant(
            app, &email, "female", "2000", "SN", "tanger", "migrant", "resident",
        )
        .await;
    }
    for n in 1..=3 {
        let email = format!("homme{n}@example.org");
        registrant(
            app,
            &email,
            "male",
            "1990",
            "CI",
            "rabat",
            "migrant",
            "no_permit",
        )
        .await;
    }
    app.user("sans.profil@example.org", Role::Applicant).await;
    admin
}

/// The `data-figure` kind and text of each cell of a row that starts at `marker`.
fn row(body: &str, marker: &str) -> Vec<(String, String)> {
    let start = body
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"));
    let rest = &body[start..];
    let row = &rest[..rest.find("</tr>").expect("the row's end")];
    row.split("data-figure=\"")
        .skip(1)
        .map(|cell| {
            let kind = cell[..cell.find('"').expect("kind")].to_owned();
            let text = cell
                [cell.find('>').expect("cell text") + 1..cell.find("</td>").expect("cell end")]
                .replace("&lt;", "<")
                .replace("<!>", "");
            (kind, text.trim().to_owned())
        })
        .collect()
}

/// The first cell (people registered) of each category of a dimension's table, in order.
fn registered_by(body: &str, dimension: &str) -> Vec<(String, String, String)> {
    let start = body
        .find(&format!("data-dimension=\"{dimension}\""))
        .unwrap_or_else(|| panic!("no {dimension} table"));
    let table = &body[start..];
    let table = &table[..table.find("</table>").expect("table end")];
    table
        .split("data-test=\"category\" data-category=\"")
        .skip(1)
        .map(|part| {
            let category = part[..part.find('"').expect("category")].to_owned();
            let (kind, text) = row(part, "data-figure")
                .into_iter()
                .next()
                .expect("a first cell");
            (category, kind, text)
        })
        .collect()
}

fn cell(category: &str, kind: &str, text: &str) -> (String, String, String) {
    (category.into(), kind.into(), text.into())
}

both_backends! {
    async fn the_report_counts_the_fixed_data_set_and_protects_its_small_cells(app) {
        let mut admin = data_set(&app).await;
        let page = admin.get("/reporting?by=sex").await;
        assert_eq!(page.status, 200, "{}", page.body);
        let body = &page.body;
        let indicator = |code: &str| row(body, &format!("data-indicator=\"{code}\""))[0].clone();
        let count = |n: &str| ("count".to_owned(), n.to_owned());
        let small = ("small".to_owned(), "< 5".to_owned());
        assert_eq!(indicator("registered"), count("10"));
        assert_eq!(indicator("profile_complete"), count("9"));
        // Every offer asks for papers: Awa, with her card, is the one found eligible.
        assert_eq!(indicator("matched"), small);
        assert_eq!(indicator("enrolled"), count("0"));
        for code in ["plan_started", "plan_submitted", "plan_ready", "plan_approved", "grant_paid", "operating", "profitable"] {
            assert_eq!(indicator(code), small, "{code}");
        }
        // The default target, 1,350 people: 10 is 0 %.
        assert!(body.contains("0 % de 1350"), "the target's progress");
        // Money is shown only with its people: one grant is a small group.
        let committed = &body[body.find("data-measure=\"committed\"").expect("committed")..];
        assert!(committed[..committed.find("</tr>").expect("the row end")].contains("×"));

        // Women 6, men 3, not stated 1: the two small cells add up to 4 (< 5), so the women's
        // figure is hidden too; the total stays.
        assert_eq!(
            registered_by(body, "sex"),
            [cell("female", "hidden", "×"), cell("male", "small", "< 5"), cell("", "small", "< 5")]
        );
        let page = admin.get("/reporting?by=nationality").await;
        // CI 4 (Awa and three men), SN 5, not stated 1: the small cells add up to 5, SN shows.
        assert_eq!(
            registered_by(&page.body, "nationality"),
            [cell("CI", "small", "< 5"), cell("SN", "count", "5"), cell("", "small", "< 5")]
        );
        let page = admin.get("/reporting?by=age").await;
        assert_eq!(
            registered_by(&page.body, "age"),
            [cell("25_34", "hidden", "×"), cell("35_59", "small", "< 5"), cell("", "small", "< 5")]
        );
        let page = admin.get("/reporting?by=legal_status").await;
        assert_eq!(
            registered_by(&page.body, "legal_status"),
            [cell("no_permit", "small", "< 5"), cell("resident", "count", "5"), cell("", "small", "< 5")]
        );
        // No one is named on a report.
        assert!(!body.contains("Awa"), "a name on the report");
        assert!(!body.contains("@example.org"), "an address on the report");
    }

    async fn a_filter_never_lets_a_small_group_be_subtracted(app) {
        let mut admin = data_set(&app).await;
        // Tanger: 6 of 10. Everyone minus Tanger would be 4 people: Tanger's figure is hidden.
        let tanger = admin.get("/reporting?city=tanger").await;
        assert_eq!(row(&tanger.body, "data-indicator=\"registered\"")[0].0, "hidden");
        // Rabat: 3 is small; everyone minus Rabat is 7, so "< 5" may show.
        let rabat = admin.get("/reporting?city=rabat").await;
        assert_eq!(row(&rabat.body, "data-indicator=\"registered\"")[0].0, "small");
        // Registered this year: everyone (the difference is 0, nobody).
        let year = time::OffsetDateTime::now_utc().year();
        let this_year = admin.get(&format!("/reporting?period={year}")).await;
        assert_eq!(row(&this_year.body, "data-indicator=\"registered\"")[0], ("count".to_owned(), "10".to_owned()));
        // A filter that is not understood is named on its field and left out.
        let unknown = admin.get("/reporting?call=NOPE-1&period=1999-q9").await;
        assert_eq!(unknown.status, 200);
        assert!(unknown.body.contains("Aucun appel à projets n’a cette référence."), "{}", unknown.body);
        assert!(unknown.body.contains("Choisissez une période dans la liste."));
        assert_eq!(row(&unknown.body, "data-indicator=\"registered\"")[0].1, "10");
        // The call's cohort: Awa alone, a small group.
        let by_call = admin.get(&format!("/reporting?call={CALL}")).await;
        assert_eq!(row(&by_call.body, "data-indicator=\"registered\"")[0].0, "small");
    }

    async fn exports_print_and_settings_show_the_same_protected_figures(app) {
        let mut admin = data_set(&app).await;
        let csv = admin.get("/reporting/export.csv?table=sex").await;
        assert_eq!(csv.status, 200);
        assert_eq!(csv.header("cache-control"), Some("no-store"));
        let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
        assert!(lines[0].starts_with("sexe,Inscrites,Profil complet"), "{}", lines[0]);
        assert!(lines[1].starts_with("Femmes,×,"), "{}", lines[1]);
        assert!(lines[2].starts_with("Hommes,< 5,"), "{}", lines[2]);
        assert!(lines[3].starts_with("Non renseigné,< 5,"), "{}", lines[3]);
        // Awa alone was found eligible (the others have no papers): "< 5".
        assert!(lines[4].starts_with("Total,10,9,< 5,0,"), "{}", lines[4]);
        let indicators = admin.get("/reporting/export.csv?table=indicators").await;
        assert!(indicators.body.contains("Inscrites,10,1350"), "{}", indicators.body);
        let paid = admin.get("/reporting/export.csv?table=paid").await;
        assert!(paid.body.contains(",< 5,×"), "one payment, its amount hidden: {}", paid.body);

        let printed = admin.get("/reporting/print").await;
        assert_eq!(printed.status, 200);
        assert!(printed.body.contains("<h1>Passerelle — rapport"), "the programme's name heads the report");
        assert!(printed.body.contains("data-test=\"funnel-chart\""));
        for dimension in ["sex", "age", "nationality", "city", "population_group", "legal_status"] {
            assert!(printed.body.contains(&format!("data-dimension=\"{dimension}\"")), "{dimension}");
        }
        // Nobody answered the disability question: that table adds nothing to paper.
        assert!(!printed.body.contains("data-dimension=\"disability\""));

        // A threshold of 3: the three men show; the one "not stated" and its complement hide.
        let version = app.count("select cast(version as bigint) from programme_settings").await.to_string();
        let saved = admin.call("/api/reporting/save_settings", &[
            ("name", "Passerelle Rabat–Tanger"), ("small_cell", "3"),
            ("targets[registered]", "1350"), ("targets[plan_approved]", "200"),
            ("version", &version),
        ]).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let page = admin.get("/reporting?by=sex").await;
        assert_eq!(
            registered_by(&page.body, "sex"),
            [cell("female", "count", "6"), cell("male", "hidden", "×"), cell("", "small", "< 3")]
        );
        assert_eq!(app.count("select count(*) from audit_log where action = 'report_settings_changed'").await, 1);
        // The same form again (now stale), and bad values: refused, named, nothing saved.
        let stale = admin.call("/api/reporting/save_settings", &[
            ("name", "Autre"), ("small_cell", "5"), ("version", &version),
        ]).await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        let bad = admin.call("/api/reporting/save_settings", &[
            ("name", ""), ("small_cell", "2"), ("targets[registered]", "beaucoup"),
            ("version", &(version.parse::<i64>().expect("a version") + 1).to_string()),
        ]).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        for code in ["text_missing", "small_cell_out_of_range", "target_invalid"] {
            assert!(bad.body.contains(code), "{code}: {}", bad.body);
        }
        assert_eq!(app.text("select name from programme_settings").await.as_deref(), Some("Passerelle Rabat–Tanger"));
    }

    async fn the_donor_viewer_reads_reports_and_no_person(app) {
        data_set(&app).await;
        let mut viewer = app.signed_in(Role::Viewer).await;
        let report = viewer.get("/reporting").await;
        assert_eq!(report.status, 200);
        assert_eq!(row(&report.body, "data-indicator=\"registered\"")[0].1, "10");
        assert!(!report.body.contains("/reporting/settings"), "no settings link for a viewer");
        assert_eq!(viewer.get("/reporting/export.csv?table=city").await.status, 200);
        for path in ["/reporting/settings", "/admin", "/admin/users", "/staff/matches", "/admin/audit", "/admin/money"] {
            assert_eq!(viewer.get(path).await.status, 403, "{path}");
        }
        let plan = app.count("select id from plans order by id limit 1").await;
        assert!(matches!(viewer.get(&format!("/plans/plan?id={plan}")).await.status.as_u16(), 403 | 404));
        let held = viewer.get_json("/api/privacy/held_data?lang=fr&applicant=").await;
        assert_eq!(held.status, 403);
    }

    async fn matched_counts_whoever_was_found_eligible_for_an_offer(app) {
        catalogue(&app).await;
        // Five women of Tanger with a residence card (the women's call asks for one), three
        // without.
        let mut first = person(&app, "carte1@example.org", "Personne Test", true).await;
        for n in 2..=5 {
            person(&app, &format!("carte{n}@example.org"), "Personne Test", true).await;
        }
        let mut late = person(&app, "sans.carte1@example.org", "Personne Test", false).await;
        person(&app, "sans.carte2@example.org", "Personne Test", false).await;
        person(&app, "sans.carte3@example.org", "Personne Test", false).await;
        let mut admin = app.signed_in(Role::Admin).await;
        assert_eq!(matched(&mut admin).await, "5");

        // Her card added, she is eligible: counted at the next report.
        add_card(&mut late).await;
        assert_eq!(matched(&mut admin).await, "6");
        // Once found eligible, a person stays counted, as an enrolment does after the training.
        app.exec(
            "delete from profile_documents where user_id = \
             (select id from users where email = 'sans.carte1@example.org')",
        )
        .await;
        assert_eq!(matched(&mut admin).await, "6");
        // A seat asked for when she was eligible (her papers valid then) counts her too, so
        // "matched" never falls below "enrolled".
        app.exec(
            "insert into enrolments (training_id, user_id, status, requested_at, updated_at) \
             select t.id, u.id, 'requested', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z' \
             from trainings t, users u where t.reference = 'ANAPEC-TNG-102' \
             and u.email = 'sans.carte3@example.org'",
        )
        .await;
        assert_eq!(matched(&mut admin).await, "7");
        assert_eq!(app.count("select count(*) from matched_people").await, 6);
        // The catalogue changes behind the server's back: the call no longer asks for papers,
        // and the two without papers are found eligible.
        app.exec(
            "update grant_calls set rules = '[{\"rule\":\"sex\",\"any_of\":[\"female\"]}]' \
             where reference = 'AGR-TNG-FEMMES-2027'",
        )
        .await;
        assert_eq!(matched(&mut admin).await, "8");
        assert_eq!(app.count("select count(*) from matched_people").await, 8);

        // A person sees it among what is held about them.
        let held = first.get("/me/data").await;
        assert_eq!(held.status, 200);
        assert!(held.body.contains("data-test=\"first-matched\""), "{}", held.body);
    }
}

/// The "matched" indicator's figure on the report, which is explained beside it.
async fn matched(admin: &mut Client) -> String {
    let page = admin.get("/reporting").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("data-test=\"matched-note\""),
        "the indicator is explained"
    );
    row(&page.body, "data-indicator=\"matched\"")[0].1.clone()
}
