//! Sign-up, sign-in, sign-out, throttling and sessions, on SQLite and PostgreSQL.

use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, PASSWORD};

both_backends! {
    async fn signing_up_creates_an_applicant_and_signs_them_in(app) {
        let mut client = app.client();
        let response = client
            .call("/api/signup", &[("email", " Awa.Diallo@Example.org "), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert!(client.session_id().is_some(), "a session cookie is set");

        let me = client.get("/me").await;
        assert_eq!(me.status, 200);
        assert!(me.body.contains("awa.diallo@example.org"), "the dashboard shows the account");

        assert_eq!(app.count("select count(*) from users where email = 'awa.diallo@example.org' and role = 'applicant'").await, 1);
        assert_eq!(app.count("select count(*) from users where password_hash like '$argon2id$%'").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'signed_up'").await, 1);
    }

    async fn bad_sign_up_input_names_every_problem_and_saves_nothing(app) {
        let mut client = app.client();
        let response = client
            .call("/api/signup", &[("email", "awa@"), ("password", "short")])
            .await;
        assert_eq!(response.status, 422);
        let error = response.json();
        let problems = error["Validation"].as_array().expect("validation problems");
        let by_field: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p["field"].as_str().unwrap_or(""), p["problem"]["code"].as_str().unwrap_or("")))
            .collect();
        assert!(by_field.contains(&("email", "email_invalid")), "{by_field:?}");
        assert!(by_field.contains(&("password", "password_too_short")), "{by_field:?}");
        assert_eq!(app.count("select count(*) from users").await, 0);
        assert_eq!(app.count("select count(*) from audit_log").await, 0);
        assert!(client.session_id().is_none());
    }

    async fn common_passwords_are_refused_at_sign_up(app) {
        let mut client = app.client();
        let response = client
            .call("/api/signup", &[("email", "awa@example.org"), ("password", "Password2024!")])
            .await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("password_too_common"), "{}", response.body);
        assert_eq!(app.count("select count(*) from users").await, 0);
    }

    async fn a_taken_address_is_refused_without_a_second_account(app) {
        app.user("awa@example.org", Role::Applicant).await;
        let mut client = app.client();
        let response = client
            .call("/api/signup", &[("email", "AWA@example.org"), ("password", "another long passphrase")])
            .await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("email_taken"), "{}", response.body);
        assert_eq!(app.count("select count(*) from users").await, 1);
    }

    async fn without_javascript_errors_come_back_on_the_page_in_the_readers_language(app) {
        let mut client = app.client();
        let response = client
            .post_form("/api/signup", "/signup", &[("email", "not-an-address"), ("password", "short")])
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        let location = response.location().expect("redirect back").to_owned();
        assert!(location.contains("/signup"), "{location}");
        assert!(location.contains("__err="), "{location}");

        let path = location.trim_start_matches(passerelle_tests::client::ORIGIN);
        let page = client.get(path).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Cette adresse e-mail n&#x27;est pas valide") || page.body.contains("Cette adresse e-mail n'est pas valide"),
            "French message next to the field: {}", page.body);
        assert!(page.body.contains("au moins 12 caractères"), "password message");

        client.headers.push(("accept-language", "en-GB,en;q=0.9".into()));
        client.cookies.clear();
        let page = client.get(path).await;
        assert!(page.body.contains("This email address is not valid"), "English message");
        assert_eq!(app.count("select count(*) from users").await, 0);
    }

    async fn without_javascript_sign_up_then_lands_on_the_dashboard(app) {
        let mut client = app.client();
        let response = client
            .post_form("/api/signup", "/signup", &[("email", "fatou@example.org"), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(response.location(), Some("/me"));
        let me = client.get("/me").await;
        assert_eq!(me.status, 200);
        assert!(me.body.contains("fatou@example.org"));
    }

    async fn login_answers_the_same_for_unknown_accounts_and_wrong_passwords(app) {
        app.user("known@example.org", Role::Applicant).await;
        let mut client = app.client();
        let wrong = client.login("known@example.org", "not the right password").await;
        let unknown = client.login("nobody@example.org", "not the right password").await;
        assert_eq!(wrong.status, 422);
        assert_eq!(wrong.status, unknown.status);
        assert_eq!(wrong.body, unknown.body);
        assert!(wrong.body.contains("wrong_credentials"), "{}", wrong.body);
        assert!(client.session_id().is_none());
        assert_eq!(app.count("select count(*) from audit_log where action = 'login_failed'").await, 2);
        assert_eq!(app.count("select count(*) from audit_log where action = 'login_failed' and actor_id is not null").await, 1);
    }

    async fn login_lands_each_role_on_its_own_dashboard_and_rotates_the_session(app) {
        app.user("mentor@example.org", Role::Mentor).await;
        app.user("admin@example.org", Role::Admin).await;
        let mut client = app.client();
        let response = client.login("mentor@example.org", PASSWORD).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(response.location(), Some("/mentor"));
        let first = client.session_id().expect("session");
        assert_eq!(app.count("select count(*) from audit_log where action = 'login_succeeded'").await, 1);

        let response = client.login("admin@example.org", PASSWORD).await;
        assert_eq!(response.location(), Some("/admin"));
        let second = client.session_id().expect("session");
        assert_ne!(first, second, "a new session id at every sign-in");

        // The old id no longer signs anyone in.
        let mut replay = app.client();
        replay.cookies.insert(server::SESSION_COOKIE.into(), first);
        let page = replay.get("/mentor").await;
        assert_eq!(page.status, 303);
    }

    async fn login_follows_a_safe_next_and_ignores_an_unsafe_one(app) {
        app.user("admin@example.org", Role::Admin).await;
        let mut client = app.client();
        let response = client
            .call("/api/login", &[("email", "admin@example.org"), ("password", PASSWORD), ("next", "/admin/users")])
            .await;
        assert_eq!(response.location(), Some("/admin/users"));
        let mut client = app.client();
        let response = client
            .call("/api/login", &[("email", "admin@example.org"), ("password", PASSWORD), ("next", "//evil.example/")])
            .await;
        assert_eq!(response.location(), Some("/admin"));
    }

    async fn logout_destroys_the_session(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        let id = client.session_id().expect("session");
        let sessions_before = app.session_count().await;
        assert!(sessions_before >= 1);
        let response = client.logout().await;
        assert_eq!(response.status, 200);
        assert!(client.session_id().is_none(), "cookie cleared");
        assert_eq!(app.session_count().await, sessions_before - 1);

        let mut replay = app.client();
        replay.cookies.insert(server::SESSION_COOKIE.into(), id);
        assert_eq!(replay.get("/me").await.status, 303);
        assert_eq!(app.count("select count(*) from audit_log where action = 'logged_out'").await, 1);
    }

    async fn session_cookies_are_http_only_and_same_site(app) {
        app.user("awa@example.org", Role::Applicant).await;
        let mut client = app.client();
        let response = client.login("awa@example.org", PASSWORD).await;
        let cookie = session_cookie(&response);
        assert!(cookie.contains("httponly"), "{cookie}");
        assert!(cookie.contains("samesite=lax"), "{cookie}");
    }

    async fn behind_a_proxy_on_loopback_cookies_are_secure_and_https_is_required(app) {
        app.user("awa@example.org", Role::Applicant).await;
        // As deployed: listening on 127.0.0.1 behind a TLS-terminating proxy, nothing set.
        let mut client = app.client_of(|settings| {
            settings.secure_cookies = None;
            settings.trust_proxy = true;
        });
        let response = client.login("awa@example.org", PASSWORD).await;
        let cookie = session_cookie(&response);
        assert!(cookie.contains("; secure"), "{cookie}");
        assert_eq!(response.header("strict-transport-security"), Some("max-age=31536000"));
        let page = client.get("/login").await;
        assert_eq!(page.header("strict-transport-security"), Some("max-age=31536000"));

        // Development over plain HTTP (`make run`) says so: no `Secure`, no HSTS.
        let mut plain = app.client_of(|settings| settings.secure_cookies = Some(false));
        let response = plain.login("awa@example.org", PASSWORD).await;
        assert!(!session_cookie(&response).contains("secure"), "{}", session_cookie(&response));
        assert_eq!(response.header("strict-transport-security"), None);
    }

    async fn repeated_failures_are_throttled_without_locking_out_the_owner(app) {
        app.user("target@example.org", Role::Applicant).await;
        let mut attacker = app.client_from("198.51.100.7");
        for _ in 0..5 {
            let response = attacker.login("target@example.org", "guess guess guess").await;
            assert!(response.body.contains("wrong_credentials"), "{}", response.body);
        }
        // Now even the right password is not checked from that address.
        let response = attacker.login("target@example.org", PASSWORD).await;
        assert_eq!(response.status, 429);
        assert_eq!(response.header("retry-after"), Some("900"));
        assert!(response.body.contains("too_many_attempts"), "{}", response.body);
        assert!(attacker.session_id().is_none());
        // The same answer for an address with no account: throttling reveals nothing.
        for _ in 0..5 {
            attacker.login("ghost@example.org", "guess guess guess").await;
        }
        let ghost = attacker.login("ghost@example.org", "guess guess guess").await;
        assert!(ghost.body.contains("too_many_attempts"), "{}", ghost.body);

        let mut owner = app.client_from("192.0.2.44");
        let response = owner.login("target@example.org", PASSWORD).await;
        assert_eq!(response.status, 200, "the owner elsewhere still signs in: {}", response.body);
    }

    async fn guesses_sent_at_once_are_counted_before_any_is_checked(app) {
        app.user("target@example.org", Role::Applicant).await;
        let mut guesses = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let mut attacker = app.client_from("198.51.100.9");
            guesses.spawn(async move { attacker.login("target@example.org", "guess guess guess").await });
        }
        let answers = guesses.join_all().await;
        let checked = answers.iter().filter(|a| a.body.contains("wrong_credentials")).count();
        let refused = answers.iter().filter(|a| a.status == 429).count();
        assert!(checked <= 5, "{checked} of 20 guesses were checked");
        assert_eq!(checked + refused, 20);
        // Refused guesses are not kept: they do not stretch the wait.
        assert_eq!(app.count("select count(*) from login_attempts").await, checked as i64);
    }

    async fn an_ipv6_subscriber_cannot_rotate_past_the_limit(app) {
        app.user("target@example.org", Role::Applicant).await;
        for host in 1..=5 {
            let mut attacker = app.client_from(&format!("2001:db8:7:7::{host:x}"));
            let response = attacker.login("target@example.org", "guess guess guess").await;
            assert!(response.body.contains("wrong_credentials"), "{}", response.body);
        }
        let mut next = app.client_from("2001:db8:7:7:ffff::1");
        assert_eq!(next.login("target@example.org", PASSWORD).await.status, 429);
        // The neighbouring /64 is someone else.
        let mut neighbour = app.client_from("2001:db8:7:8::1");
        assert_eq!(neighbour.login("target@example.org", PASSWORD).await.status, 200);
        assert_eq!(app.count("select count(*) from login_attempts where address = '2001:db8:7:7::/64'").await, 5);
    }

    async fn many_networks_failing_on_one_account_slow_it_without_locking_it(app) {
        app.user("admin@example.org", Role::Admin).await;
        // The admin signs in from the office once.
        assert_eq!(app.client_from("192.0.2.10").login("admin@example.org", PASSWORD).await.status, 200);
        // A botnet fails on the account from 150 networks.
        let key = app::db::accounts::login_attempts::account_key("admin@example.org");
        let now = app::db::now();
        for n in 0..150 {
            let sql = "insert into login_attempts (at, account_key, address, succeeded) values ($1, $2, $3, $4)";
            let address = format!("10.9.{}.{}", n / 200, n % 200);
            match app.db() {
                app::db::Db::Sqlite(pool) => sqlx::query(sql).bind(now).bind(&key).bind(address).bind(false).execute(pool).await.map(drop),
                app::db::Db::Postgres(pool) => sqlx::query(sql).bind(now).bind(&key).bind(address).bind(false).execute(pool).await.map(drop),
            }
            .expect("attempt");
        }
        // The office is a network the account knows; a new place is not.
        let mut tx = app.db().read().await.expect("read");
        let office = app::db::accounts::login_attempts::recent_failures(&mut tx, &key, "192.0.2.10", 0).await.expect("count");
        let elsewhere = app::db::accounts::login_attempts::recent_failures(&mut tx, &key, "203.0.113.99", 0).await.expect("count");
        tx.commit().await.expect("commit");
        assert!(office.known_address && !elsewhere.known_address);
        assert_eq!(elsewhere.account, 150);
        // From the office: signed in. From a new place: slowed, never refused.
        assert_eq!(app.client_from("192.0.2.10").login("admin@example.org", PASSWORD).await.status, 200);
        let travelling = std::time::Instant::now();
        assert_eq!(app.client_from("203.0.113.99").login("admin@example.org", PASSWORD).await.status, 200);
        let slowed = std::time::Duration::from_secs(app::domain::accounts::throttle::SLOWED_SECONDS);
        assert!(travelling.elapsed() >= slowed, "{:?}", travelling.elapsed());
    }

    async fn one_network_signs_up_a_workshop_not_a_flood(app) {
        use app::domain::accounts::throttle::SIGN_UPS_PER_HOUR;
        for n in 0..SIGN_UPS_PER_HOUR {
            let mut person = app.client_from(&format!("2001:db8:5:5::{:x}", n + 1));
            let response = person.call("/api/signup", &[("email", &format!("person{n}@example.org")), ("password", PASSWORD)]).await;
            assert_eq!(response.status, 200, "{}", response.body);
        }
        // The next one from that /64 waits an hour, and is told so; nothing was created.
        let mut flood = app.client_from("2001:db8:5:5::ffff");
        let response = flood.call("/api/signup", &[("email", "one.more@example.org"), ("password", PASSWORD)]).await;
        assert_eq!(response.status, 429, "{}", response.body);
        assert_eq!(response.header("retry-after"), Some("3600"));
        assert!(response.body.contains("too_many_attempts"), "{}", response.body);
        assert_eq!(app.count("select count(*) from users where email = 'one.more@example.org'").await, 0);
        assert_eq!(app.count("select count(*) from sign_up_attempts").await, SIGN_UPS_PER_HOUR);
        // Another place is not held back.
        let mut elsewhere = app.client_from("192.0.2.33");
        let response = elsewhere.call("/api/signup", &[("email", "elsewhere@example.org"), ("password", PASSWORD)]).await;
        assert_eq!(response.status, 200, "{}", response.body);
    }

    async fn a_disabled_account_loses_its_sessions(app) {
        let mut client = app.signed_in(Role::Mentor).await;
        assert_eq!(client.get("/mentor").await.status, 200);
        let now = app::db::now();
        match app.db() {
            app::db::Db::Sqlite(pool) => sqlx::query("update users set disabled_at = $1").bind(now).execute(pool).await.map(drop),
            app::db::Db::Postgres(pool) => sqlx::query("update users set disabled_at = $1").bind(now).execute(pool).await.map(drop),
        }
        .expect("disable");
        assert_eq!(client.get("/mentor").await.status, 303);
    }
}

/// The session cookie a response sets, lower-cased.
fn session_cookie(response: &passerelle_tests::TestResponse) -> String {
    response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(server::SESSION_COOKIE))
        .expect("session cookie")
        .to_ascii_lowercase()
}
