//! Who may open which page and call which server function; cross-site requests; headers.

use app::domain::accounts::access::{decide, Access, Decision, PAGES};
use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;

/// A text only the page's own content contains (its heading), to prove it was not sent.
fn heading_of(path: &str) -> &'static str {
    match path {
        "/me" => "Mon espace",
        "/caseworker" => "Espace travailleur social",
        "/mentor" => "Espace mentor",
        "/committee" => "Espace comité",
        "/finance" => "Espace finances",
        "/admin" => "Administration",
        "/admin/users" => "Tous les comptes",
        "/profile" => "Vos données et votre accord",
        "/me/data" => "<h1>Tout ce que nous détenons sur vous",
        "/me/data.json" | "/caseworker/data.json" => "\"person\"",
        // The archive's first entry is named in its header.
        "/me/data.zip" => "data.json",
        "/caseworker/data" => "Tout ce qui est détenu sur cette personne",
        "/skills" => "Métiers et compétences",
        "/matches" => "Offres pour vous",
        "/enrolments" => "<h1>Mes formations",
        "/account/password" => "<h1>Changer mon mot de passe",
        "/plans" => "<h1>Mes plans d",
        "/plans/plan" | "/plans/compare" => "data-test=\"plan-title\"",
        "/admin/enrolments" => "<h1>Inscriptions",
        "/staff/matches" => "<h1>Profils pour une offre",
        // The CSV header row.
        "/staff/matches.csv" => "Rang,",
        "/caseworker/applicants" => "Inscrire une personne",
        "/caseworker/profile" => "une personne accompagnée",
        "/admin/trainings" => "Catalogue des formations",
        "/admin/trainings/edit" => "Nouvelle formation",
        "/admin/trainings/import" => "Importer des formations",
        "/admin/trainings/export.csv" => "reference,title,programme",
        "/admin/calls" => "Appels à projets",
        "/admin/calls/edit" => "Nouvel appel à projets",
        "/admin/calls/export.csv" => "reference,title,envelope_mad",
        "/plans/activity" => "<h1>Suivi du plan",
        "/mentor/caseload" => "<h1>Mes accompagnements",
        "/mentor/visit" => "<h1>Visite de suivi",
        // A download: what must not reach a role refused it.
        "/plans/evidence" => "%PDF",
        "/admin/mentoring" => "<h1>Attribution des mentors",
        "/admin/money" => "<h1>Fonds des subventions",
        "/admin/money/call" => "<h1>Subventions et tranches",
        "/admin/money/ledger.csv" => "N° d'écriture,Date et heure (UTC),Appel à projets",
        "/admin/audit" => "<h1>Journal d",
        "/admin/erasures" => "<h1>Effacement sur demande",
        "/admin/monitoring" => "<h1>Pérennité des activités financées",
        "/admin/suppliers" => "<h1>Fournisseurs approuvés",
        "/reporting" => "<h1>Rapport au bailleur",
        "/reporting/print" => "data-test=\"printed-report\"",
        "/reporting/settings" => "<h1>Paramètres des rapports",
        "/reporting/export.csv" => "Indicateur,Personnes,Cible",
        "/admin/audit.csv" => "Entrée,Quand (UTC),Nom",
        "/committee/review" => "data-test=\"plan-title\"",
        "/admin/committee" => "<h1>Comité de l",
        "/notifications" => "<h1>Notifications",
        "/admin/outbox" => "<h1>Messages envoyés",
        "/password/forgot" => "<h1>Mot de passe oublié",
        "/password/reset" => "<h1>Choisir un nouveau mot de passe",
        "/signup/finish" => "<h1>Terminer la création de votre compte",
        _ => "",
    }
}

/// Server functions called with GET (read-only, linkable).
const GET_FUNCTIONS: &[&str] = &[
    "/api/matching/shortlist",
    "/api/privacy/trail",
    "/api/privacy/held_data",
    "/api/privacy/erasures",
    "/api/monitoring/sustainability",
    "/api/reporting/report",
    "/api/reporting/settings",
];

/// Well-formed arguments for each function, so that what is tested is the access rule and not
/// the parsing of a missing field.
fn sample_args(path: &str) -> &'static [(&'static str, &'static str)] {
    match path {
        "/api/accounts/create_staff" => &[
            ("name", "Nouvelle Personne"),
            ("email", "new@example.org"),
            ("role", "mentor"),
            ("password", "a long enough passphrase"),
        ],
        "/api/accounts/rename_staff" => &[("user_id", "1"), ("name", "Nouveau Nom")],
        "/api/accounts/request_reset" => &[("email", "someone@example.org")],
        "/api/accounts/finish_sign_up" => {
            &[("token", "0"), ("password", "a long enough passphrase")]
        }
        "/api/accounts/reset_password" => {
            &[("token", "0"), ("password", "a long enough passphrase")]
        }
        "/api/notifications/mark_read" => &[("up_to", "1")],
        "/api/notifications/offer_alerts" => &[("on", "1")],
        "/api/notifications/retry" => &[("message", "1")],
        "/api/accounts/set_first_password" => {
            &[("user_id", "1"), ("password", "a long enough passphrase")]
        }
        "/api/accounts/change_role" => &[
            ("user_id", "1"),
            ("current_role", "applicant"),
            ("role", "applicant"),
        ],
        "/api/profile/load" => &[("lang", "fr")],
        "/api/privacy/held_data" => &[("lang", "fr"), ("applicant", "")],
        "/api/privacy/ask_erasure" => &[("person", "1"), ("reason", "person_asked"), ("note", "")],
        "/api/privacy/carry_out_erasure" => &[("request", "1"), ("confirmed", "yes")],
        "/api/privacy/cancel_erasure" => &[("request", "1")],
        "/api/profile/give_consent" => &[
            (
                "notice_version",
                app::domain::profile::consent::NOTICE_VERSION,
            ),
            ("lang", "fr"),
        ],
        "/api/profile/withdraw_consent" => &[("lang", "fr"), ("understood", "yes")],
        "/api/profile/save_identity" => &[
            ("full_name", "Awa Koné"),
            ("sex", "female"),
            ("birth_day", "14"),
            ("birth_month", "3"),
            ("birth_year", "1997"),
            ("nationality", "CI"),
            ("city", "tanger"),
            ("phone", ""),
            ("version", "0"),
        ],
        "/api/profile/save_situation" => &[
            ("education", "primary"),
            ("languages[]", "french"),
            ("availability", "now"),
            ("version", "1"),
        ],
        "/api/profile/add_document" => &[
            ("kind", "passport"),
            ("number", ""),
            ("expires_day", ""),
            ("expires_month", ""),
            ("expires_year", ""),
        ],
        "/api/profile/remove_document" | "/api/profile/remove_payee" => &[("id", "1")],
        "/api/profile/save_payee" => &[
            ("kind", "mobile_money"),
            ("detail", "0612345678"),
            ("holder", "Awa"),
        ],
        "/api/profile/add_skill" => &[
            ("skill", "wire.harness-assembly"),
            ("level", "expert"),
            ("years", "2"),
        ],
        "/api/profile/remove_skill" => &[("skill", "wire.harness-assembly")],
        "/api/matching/mine" => &[("lang", "fr")],
        "/api/accounts/change_password" => &[
            ("current", "un mot de passe vraiment long"),
            ("new", "une autre phrase assez longue"),
        ],
        "/api/enrolments/request" => &[("training", "1")],
        "/api/enrolments/withdraw" => &[("enrolment", "1")],
        "/api/enrolments/desk" => &[("status", "requested")],
        "/api/enrolments/decide" => &[("enrolment", "1"), ("action", "confirm")],
        "/api/plans/start" => &[("call", "1")],
        "/api/plans/transition" => &[("plan", "1"), ("action", "submit"), ("reason", "")],
        "/api/plans/comment" => &[("plan", "1"), ("part", "summary"), ("body", "Bonjour")],
        "/api/plans/activity" => &[("plan", "1")],
        "/api/mentoring/log_session" => &[
            ("plan", "1"),
            ("held_on", "2026-01-01"),
            ("minutes", "60"),
            ("topics", "Le marché"),
            ("next_steps", ""),
        ],
        "/api/monitoring/visit_form" | "/api/monitoring/visits" => &[("plan", "1")],
        "/api/mentoring/assign_mentor" => &[("plan", "1"), ("mentor", "1"), ("expected", "")],
        "/api/mentoring/mentor_profile" => &[("mentor", "1"), ("city", ""), ("capacity", "5")],
        "/api/plans/load" | "/api/plans/compare" => &[("id", "1")],
        "/api/plans/preview" => &[("plan", "1"), ("body", "x")],
        "/api/plans/save_section" => &[
            ("plan", "1"),
            ("section", "idea"),
            ("body", "x"),
            ("revision", "0"),
        ],
        "/api/plans/save_figures" => &[
            ("plan", "1"),
            ("version", "0"),
            ("own_contribution", ""),
            ("grant_requested", ""),
            ("loan", ""),
        ],
        "/api/plans/dismiss_conflict" => &[("plan", "1"), ("conflict", "1")],
        "/api/committee/desk" => &[("call", "1")],
        "/api/committee/add_member" => &[("call", "1"), ("email", "committee@example.org")],
        "/api/committee/remove_member" | "/api/committee/set_chair" => {
            &[("call", "1"), ("member", "1")]
        }
        "/api/committee/create_session" => &[
            ("call", "1"),
            ("held_on", "2027-03-15"),
            ("place", "Tanger"),
        ],
        "/api/committee/put_on_agenda" => &[("session", "1"), ("plan", "1")],
        "/api/committee/review" => &[("plan", "1")],
        "/api/committee/declare" => &[("plan", "1"), ("conflicted", "no"), ("note", "")],
        "/api/committee/score" => &[
            ("plan", "1"),
            ("viability", "3"),
            ("market", "3"),
            ("experience", "3"),
            ("budget_realism", "3"),
            ("social_impact", "3"),
            ("comment", ""),
        ],
        "/api/matching/shortlist" => &[
            ("kind", ""),
            ("id", ""),
            ("city", ""),
            ("sex", ""),
            ("min_score", ""),
            ("not_yet", ""),
            ("page", ""),
        ],
        "/api/profile/add_work" => &[
            ("title", "Couturière"),
            ("employer", ""),
            ("country", "MA"),
            ("town", ""),
            ("from_month", "3"),
            ("from_year", "2021"),
            ("to_month", ""),
            ("to_year", ""),
            ("ongoing", "yes"),
            ("description", ""),
        ],
        "/api/profile/remove_work" => &[("id", "1")],
        "/api/profile/applicants" => &[("q", "")],
        "/api/profile/register" => &[
            ("full_name", "Mariam Traoré"),
            ("phone", ""),
            (
                "notice_version",
                app::domain::profile::consent::NOTICE_VERSION,
            ),
            ("lang", "fr"),
            ("notice_read", "yes"),
            ("agreed", "yes"),
        ],
        "/api/accounts/hand_over" => &[
            ("applicant", "1"),
            ("email", "handed@example.org"),
            ("password", "a long enough passphrase"),
        ],
        "/api/catalogue/list_trainings" => {
            &[("city", ""), ("sector", ""), ("programme", ""), ("q", "")]
        }
        "/api/catalogue/load_training" => &[("id", "1")],
        "/api/catalogue/import_status" => &[("id", "1")],
        "/api/catalogue/load_call" => &[("id", "1")],
        "/api/catalogue/save_call" => &[
            ("id", "0"),
            ("version", "0"),
            ("reference", "ACC-CALL"),
            ("title", "Accès"),
            ("envelope", "1000"),
            ("max_grant", "100"),
            ("own_contribution", "10"),
            ("opens_on", "2030-01-01"),
            ("closes_on", "2030-02-01"),
            ("age_min", ""),
            ("age_max", ""),
            ("nationalities", ""),
            ("education_min", ""),
            ("completed_programme", ""),
            ("quorum", "3"),
        ],
        "/api/catalogue/save_training" => &[
            ("id", "0"),
            ("version", "0"),
            ("reference", "ACC-1"),
            ("title", "Accès"),
            ("programme", "idmaj"),
            ("sector", "crafts"),
            ("city", "rabat"),
            ("starts_on", "2030-01-01"),
            ("ends_on", "2030-02-01"),
            ("seats", "10"),
            ("min_education", ""),
            ("skills", ""),
        ],
        "/api/committee/decide" => &[
            ("plan", "1"),
            ("outcome", "rejected"),
            ("amount", ""),
            ("justification", "x"),
        ],
        "/api/money/release" => &[
            ("tranche", "1"),
            ("key", "access-test-key-0001"),
            ("method", "mobile_money"),
        ],
        "/api/money/settle" => &[
            ("tranche", "1"),
            ("key", "access-test-key-0002"),
            ("outcome", "paid"),
        ],
        "/api/money/cancel" => &[
            ("tranche", "1"),
            ("key", "access-test-key-0003"),
            ("reason", "x"),
        ],
        "/api/money/call" => &[("call", "1")],
        "/api/money/plan" => &[("plan", "1")],
        "/api/money/confirm_payee" => &[("payee", "1")],
        "/api/money/propose_supplier" => &[
            ("name", "Bricoma"),
            ("city", "Tanger"),
            ("rib", "011780000012345678901296"),
        ],
        "/api/money/approve_supplier" | "/api/money/retire_supplier" => &[("supplier", "1")],
        "/api/reporting/save_settings" => &[
            ("name", "Passerelle"),
            ("small_cell", "5"),
            ("version", "1"),
        ],
        _ => &[],
    }
}

both_backends! {
    async fn every_page_answers_each_role_as_the_access_table_says(app) {
        let mut clients = Vec::new();
        for role in Role::ALL {
            clients.push((Some(role), app.signed_in(role).await));
        }
        clients.push((None, app.client()));
        for (role, client) in clients.iter_mut() {
            for (path, access) in PAGES {
                let response = client.get(path).await;
                match decide(*access, *role) {
                    // A download without its parameters goes back to its page.
                    Decision::Allow if *path == "/staff/matches.csv" => {
                        assert_eq!(response.status, 303, "{role:?} on {path}");
                        let location = response.location().unwrap_or_default();
                        assert!(location.starts_with("/staff/matches?"), "{location}");
                    }
                    // A plan's page without a plan (`?id=`), or a committee or money page without
                    // its call or plan, has nothing to show.
                    Decision::Allow
                        if path.starts_with("/plans/")
                            || [
                                "/committee/review",
                                "/admin/committee",
                                "/admin/money/call",
                                "/caseworker/data",
                                "/caseworker/data.json",
                            ]
                                .contains(path) =>
                    {
                        assert_eq!(response.status, 404, "{role:?} on {path}");
                        assert!(response.body.contains("Page introuvable"), "{role:?} on {path}");
                    }
                    Decision::Allow => {
                        assert_eq!(response.status, 200, "{role:?} on {path}");
                        assert!(response.body.contains(heading_of(path)), "{role:?} sees {path}");
                    }
                    Decision::Forbidden => {
                        assert_eq!(response.status, 403, "{role:?} on {path}");
                        assert!(!response.body.contains(heading_of(path)), "{role:?} must not see {path}");
                        assert!(response.body.contains("Accès refusé"), "a readable refusal");
                    }
                    Decision::SignInFirst => {
                        assert_eq!(response.status, 303, "{role:?} on {path}");
                        let location = response.location().unwrap_or_default();
                        assert!(location.starts_with("/login?next="), "{location}");
                    }
                }
            }
        }
    }

    async fn every_server_function_is_in_the_access_table_and_enforces_it(app) {
        let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_owned())
            .collect();
        assert!(registered.len() >= app::server_fns::ACCESS.len());
        for path in &registered {
            assert!(
                app::server_fns::ACCESS.iter().any(|(p, _)| p == path),
                "{path} has no access rule in app::server_fns::ACCESS"
            );
        }
        let mut clients = Vec::new();
        for role in Role::ALL {
            clients.push((Some(role), app.signed_in(role).await));
        }
        clients.push((None, app.client()));
        for (path, access) in app::server_fns::ACCESS {
            assert!(registered.iter().any(|p| p == path), "{path} is not a registered function");
            let Access::Roles(_) = access else { continue };
            for (role, client) in clients.iter_mut() {
                let response = if GET_FUNCTIONS.contains(path) {
                    let query = passerelle_tests::client::encode(sample_args(path));
                    client.get_json(&format!("{path}?{query}")).await
                } else {
                    client.call(path, sample_args(path)).await
                };
                let expected = match decide(*access, *role) {
                    Decision::Allow => continue,
                    Decision::SignInFirst => 401,
                    Decision::Forbidden => 403,
                };
                assert_eq!(response.status, expected, "{role:?} calling {path}: {}", response.body);
            }
        }
    }

    async fn cross_site_posts_are_refused(app) {
        app.user("awa@example.org", Role::Applicant).await;
        let mut client = app.client();
        let body = passerelle_tests::client::encode(&[("email", "awa@example.org"), ("password", passerelle_tests::PASSWORD)]);
        for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site"), ("origin", "null")] {
            let request = http::Request::post("/api/login")
                .header("content-type", "application/x-www-form-urlencoded")
                .header(name, value)
                .body(axum::body::Body::from(body.clone()))
                .expect("request");
            let response = client.send(request).await;
            assert_eq!(response.status, 403, "{name}: {value}");
            assert!(client.session_id().is_none());
        }
        assert_eq!(app.count("select count(*) from audit_log").await, 1, "only the account creation");
    }

    async fn pages_carry_security_headers_and_a_nonce_policy(app) {
        let mut client = app.client();
        let page = client.get("/").await;
        assert_eq!(page.status, 200);
        let csp = page.header("content-security-policy").expect("CSP");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("'nonce-"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(page.header("referrer-policy"), Some("same-origin"));
        let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("nonce");
        assert!(page.body.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry the nonce");

        let other = client.get("/").await;
        assert_ne!(other.header("content-security-policy"), Some(csp), "a fresh nonce per page");

        let health = client.get("/healthz").await;
        assert_eq!(health.header("x-content-type-options"), Some("nosniff"));
        assert!(health.header("content-security-policy").unwrap_or_default().contains("frame-ancestors 'none'"));
    }

    async fn an_unknown_page_answers_404(app) {
        let mut client = app.client();
        let response = client.get("/no/such/page").await;
        assert_eq!(response.status, 404);
        assert!(response.body.contains("Page introuvable"));
    }

    // A page about one thing its address names answers 404 when that thing does not exist, not
    // a 200 saying "not found" (those pages render whole before answering).
    async fn a_page_about_something_that_does_not_exist_answers_404(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let mut member = app.signed_in(Role::Committee).await;
        for (committee, path) in [
            (false, "/plans/plan?id=987654"),
            (false, "/plans/activity?id=987654"),
            (false, "/plans/compare?id=987654"),
            (true, "/committee/review?plan=987654"),
            (false, "/admin/committee?call=987654"),
            (false, "/admin/money/call?id=987654"),
        ] {
            let client = if committee { &mut member } else { &mut admin };
            let response = client.get(path).await;
            assert_eq!(response.status, 404, "{path}");
            assert!(response.body.contains("Page introuvable"), "{path}: {}", response.body);
        }
    }

    async fn health_names_the_backend_and_reports_an_outage(app) {
        let mut client = app.client();
        let response = client.get("/healthz").await;
        assert_eq!(response.status, 200);
        let expected = app.db().backend().as_str();
        assert_eq!(response.json(), serde_json::json!({"status": "ok", "db": expected}));

        app.db().close().await;
        let response = client.get("/healthz").await;
        assert_eq!(response.status, 503);
        assert_eq!(response.json()["db"], expected);
    }
}

#[test]
fn every_route_of_the_app_has_an_access_rule() {
    passerelle_tests::block_on(async {
        assert_eq!(server::unguarded_routes(), Vec::<String>::new());
    })
}
