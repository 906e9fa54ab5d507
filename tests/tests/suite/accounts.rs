//! Sign-up, sign-in, sign-out, throttling and sessions, on SQLite and PostgreSQL.

use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, PASSWORD};

both_backends! {
    async fn signing_up_mails_a_link_whose_button_creates_the_applicant_and_signs_them_in(app) {
        let mut client = app.client();
        let asked = client
            .call("/api/signup", &[("email", " Awa.Diallo@Example.org "), ("password", PASSWORD)])
            .await;
        assert_eq!(asked.status, 200, "{}", asked.body);
        // Nothing exists yet but the sign-up and its mail; only the link's hash is kept.
        assert!(client.session_id().is_none(), "not signed in before the link is followed");
        assert_eq!(app.count("select count(*) from users").await, 0);
        assert_eq!(app.count("select count(*) from sign_ups where email = 'awa.diallo@example.org' \
            and password_hash like '$argon2id$%'").await, 1);
        let token = app.sign_up_token("awa.diallo@example.org").await.expect("a link is queued");
        assert_eq!(app.count(&format!("select count(*) from sign_ups where token_hash = '{token}'")).await, 0);
        assert_eq!(client.login("awa.diallo@example.org", PASSWORD).await.status, 422,
            "no account until the link is followed");

        // Opening the link shows a button and changes nothing (mail scanners open links).
        let page = client.get(&format!("/signup/finish?token={token}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"signup-finish\""), "{}", page.body);
        assert_eq!(app.count("select count(*) from users").await, 0);

        // Someone else's sign-up with this address sent the link: without the password chosen
        // then, the link creates nothing (its reader cannot end up in an account a stranger
        // can open), and it still works for whoever knows it.
        let stranger = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", "not the one chosen at sign-up")]).await;
        assert_eq!(stranger.status, 422, "{}", stranger.body);
        assert!(stranger.body.contains("sign_up_password_wrong"), "{}", stranger.body);
        assert_eq!(app.count("select count(*) from users").await, 0);
        assert!(client.session_id().is_none());

        let finished = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(finished.status, 200, "{}", finished.body);
        assert!(client.session_id().is_some(), "a session cookie is set");
        let me = client.get("/me").await;
        assert_eq!(me.status, 200);
        assert!(me.body.contains("awa.diallo@example.org"), "the dashboard shows the account");
        assert_eq!(app.count("select count(*) from users where email = 'awa.diallo@example.org' and role = 'applicant'").await, 1);
        assert_eq!(app.count("select count(*) from users where password_hash like '$argon2id$%'").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'signed_up'").await, 1);
        assert_eq!(app.count("select count(*) from notifications").await, 0,
            "the link is never listed in the app");
    }

    async fn a_sign_up_link_works_once_in_time_and_spends_the_addresses_other_links(app) {
        let invalid = |body: &str| body.contains("sign_up_link_invalid");
        let mut first = app.client_from("192.0.2.1");
        assert_eq!(first.call("/api/signup", &[("email", "awa@example.org"), ("password", PASSWORD)]).await.status, 200);
        let older = app.sign_up_token("awa@example.org").await.expect("link");
        let mut second = app.client_from("192.0.2.2");
        assert_eq!(second.call("/api/signup", &[("email", "awa@example.org"), ("password", "une autre phrase de passe")]).await.status, 200);
        let newer = app.sign_up_token("awa@example.org").await.expect("link");
        assert_ne!(older, newer);

        let wrong = first.call("/api/accounts/finish_sign_up", &[("token", &"0".repeat(64)), ("password", PASSWORD)]).await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert!(invalid(&wrong.body), "{}", wrong.body);
        // The newer link creates the account with the newer password, and spends the older.
        assert_eq!(second.call("/api/accounts/finish_sign_up", &[("token", &newer), ("password", "une autre phrase de passe")]).await.status, 200);
        for token in [&older, &newer] {
            let mut client = app.client();
            let again = client.call("/api/accounts/finish_sign_up", &[("token", token), ("password", PASSWORD)]).await;
            assert_eq!(again.status, 422, "{}", again.body);
            assert!(invalid(&again.body), "{}", again.body);
            assert!(client.session_id().is_none());
        }
        assert_eq!(app.count("select count(*) from users").await, 1);
        assert_eq!(app.client().login("awa@example.org", "une autre phrase de passe").await.status, 200);

        // A link past its day creates nothing.
        let mut late = app.client_from("192.0.2.3");
        assert_eq!(late.call("/api/signup", &[("email", "late@example.org"), ("password", PASSWORD)]).await.status, 200);
        let token = app.sign_up_token("late@example.org").await.expect("link");
        let past = (app::db::now() - time::Duration::minutes(1)).format(&time::format_description::well_known::Rfc3339).expect("date");
        app.exec(&format!("update sign_ups set expires_at = '{past}' where email = 'late@example.org'")).await;
        let expired = late.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(expired.status, 422, "{}", expired.body);
        assert!(invalid(&expired.body), "{}", expired.body);
        assert_eq!(app.count("select count(*) from users where email = 'late@example.org'").await, 0);
    }

    async fn strangers_cannot_keep_someone_from_signing_up_with_their_address(app) {
        // Three strangers' sign-ups use up the address's mails for the day...
        for n in 0..3 {
            let mut stranger = app.client_from(&format!("203.0.113.{n}"));
            let password = format!("une phrase de passe étrangère {n}");
            assert_eq!(stranger.call("/api/signup", &[("email", "awa@example.org"), ("password", &password)]).await.status, 200);
        }
        let strangers_link = app.sign_up_token("awa@example.org").await.expect("link");
        // ...then Awa signs up: the same answer, and no more mail.
        let mut awa = app.client_from("192.0.2.50");
        assert_eq!(awa.call("/api/signup", &[("email", "awa@example.org"), ("password", PASSWORD)]).await.status, 200);
        assert_eq!(app.count("select count(*) from outbox where address = 'awa@example.org'").await, 3);
        // Any link her mailbox received finishes her own sign-up, with her own password.
        let done = awa.call("/api/accounts/finish_sign_up", &[("token", &strangers_link), ("password", PASSWORD)]).await;
        assert_eq!(done.status, 200, "{}", done.body);
        assert_eq!(app.client().login("awa@example.org", PASSWORD).await.status, 200);
        assert_eq!(app.client().login("awa@example.org", "une phrase de passe étrangère 2").await.status, 422);
    }

    async fn a_link_stops_working_after_five_wrong_passwords(app) {
        let mut client = app.client();
        assert_eq!(client.call("/api/signup", &[("email", "awa@example.org"), ("password", PASSWORD)]).await.status, 200);
        let token = app.sign_up_token("awa@example.org").await.expect("link");
        for n in 0..5 {
            let wrong = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", &format!("pas le bon mot de passe {n}"))]).await;
            assert_eq!(wrong.status, 422, "{}", wrong.body);
            assert!(wrong.body.contains("sign_up_password_wrong"), "{}", wrong.body);
        }
        let right = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(right.status, 422, "{}", right.body);
        assert!(right.body.contains("sign_up_link_invalid"), "{}", right.body);
        assert_eq!(app.count("select count(*) from users").await, 0);
    }

    async fn an_address_registered_before_the_link_is_followed_is_not_taken_twice(app) {
        let mut client = app.client();
        assert_eq!(client.call("/api/signup", &[("email", "awa@example.org"), ("password", PASSWORD)]).await.status, 200);
        let token = app.sign_up_token("awa@example.org").await.expect("link");
        // Meanwhile a caseworker's account hand-over (or an admin) registered the address.
        app.user("awa@example.org", Role::Applicant).await;
        let finished = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(finished.status, 422, "{}", finished.body);
        assert!(finished.body.contains("email_taken"), "{}", finished.body);
        assert!(client.session_id().is_none());
        assert_eq!(app.count("select count(*) from users").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'signed_up'").await, 0);
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

    async fn a_taken_address_answers_as_a_new_one_and_its_owner_is_told(app) {
        let owner = app.user("awa@example.org", Role::Applicant).await;
        let mut stranger = app.client_from("192.0.2.1");
        let taken = stranger
            .call("/api/signup", &[("email", "AWA@example.org"), ("password", "another long passphrase")])
            .await;
        let mut newcomer = app.client_from("192.0.2.2");
        let new = newcomer
            .call("/api/signup", &[("email", "fatou@example.org"), ("password", "another long passphrase")])
            .await;
        assert_eq!(taken.status, 200, "{}", taken.body);
        assert_eq!((taken.status, &taken.body), (new.status, &new.body), "the same answer");
        assert_eq!(taken.header("location"), new.header("location"));
        // Both chosen passwords were hashed (the same work either way); the taken address's
        // is not kept, and no link that could create an account went to it.
        assert_eq!(app.count("select count(*) from sign_ups").await, 2);
        assert_eq!(app.count("select count(*) from sign_ups where email = 'awa@example.org' \
            and password_hash is null and used_at is not null").await, 1);
        assert_eq!(app.sign_up_token("awa@example.org").await, None);
        assert_eq!(app.count("select count(*) from users").await, 1);
        // The owner is told, by mail and in the app; their password still works.
        assert_eq!(app.count("select count(*) from outbox where address = 'awa@example.org' \
            and event like '%sign_up_attempted%' and secret is null").await, 1);
        assert_eq!(app.count(&format!("select count(*) from notifications where user_id = {owner}")).await, 1);
        let mut own = app.login("awa@example.org").await;
        let list = own.get("/notifications").await;
        assert!(list.body.contains("Quelqu’un a voulu s’inscrire avec votre adresse"), "{}", list.body);
    }

    async fn a_taken_address_takes_as_long_to_answer_as_a_new_one(app) {
        app.user("owner@example.org", Role::Applicant).await;
        let mut taken = Vec::new();
        let mut new = Vec::new();
        for n in 0..3 {
            for (email, times) in [("owner@example.org".to_owned(), &mut taken), (format!("new{n}@example.org"), &mut new)] {
                let mut client = app.client_from(&format!("198.51.100.{}", times.len() * 10 + n));
                let started = std::time::Instant::now();
                assert_eq!(client.call("/api/signup", &[("email", &email), ("password", PASSWORD)]).await.status, 200);
                times.push(started.elapsed());
            }
        }
        taken.sort();
        new.sort();
        // Both hash the password (tens of milliseconds at least); a path that skipped it would
        // answer in a few. The same timing class: medians within a factor of five.
        let (taken, new) = (taken[1], new[1]);
        assert!(taken * 5 >= new && new * 5 >= taken, "taken {taken:?}, new {new:?}");
    }

    async fn one_address_gets_at_most_three_sign_up_mails_a_day(app) {
        app.user("owner@example.org", Role::Applicant).await;
        for n in 0..5 {
            for email in ["new@example.org", "owner@example.org"] {
                let mut client = app.client_from(&format!("198.51.100.{n}"));
                let answer = client.call("/api/signup", &[("email", email), ("password", PASSWORD)]).await;
                assert_eq!(answer.status, 200, "{}", answer.body);
            }
        }
        assert_eq!(app.count("select count(*) from outbox where address = 'new@example.org'").await, 3);
        assert_eq!(app.count("select count(*) from outbox where address = 'owner@example.org'").await, 3);
        // Every link sent still works (the fourth and fifth forms sent none).
        let token = app.sign_up_token("new@example.org").await.expect("link");
        let mut client = app.client();
        assert_eq!(client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await.status, 200);
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

    async fn without_javascript_sign_up_says_to_check_the_mail_then_the_link_lands_on_the_dashboard(app) {
        let mut client = app.client();
        let response = client
            .post_form("/api/signup", "/signup", &[("email", "fatou@example.org"), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(response.location(), Some("/signup?sent=1"));
        let sent = client.get("/signup?sent=1").await;
        assert!(sent.body.contains("data-test=\"signup-sent\""), "{}", sent.body);
        assert!(sent.body.replace("<!>", "").contains("dans les 24 heures"), "{}", sent.body);
        assert!(!sent.body.contains("signup-password"), "no stale form under the answer");

        let token = app.sign_up_token("fatou@example.org").await.expect("link");
        let path = format!("/signup/finish?token={token}");
        assert_eq!(client.get(&path).await.status, 200);
        let response = client.post_form("/api/accounts/finish_sign_up", &path, &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(response.location(), Some("/me"));
        // Used again: the page comes back with its message.
        let again = app.client().post_form("/api/accounts/finish_sign_up", &path, &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(again.status, 302);
        let back = again.location().expect("back to the page").trim_start_matches(passerelle_tests::client::ORIGIN).to_owned();
        let page = app.client().get(&back).await;
        assert!(page.body.contains("Ce lien ne fonctionne plus"), "{}", page.body);
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
                app::db::Db::Sqlite(pool, _) => sqlx::query(sql).bind(now).bind(&key).bind(address).bind(false).execute(pool).await.map(drop),
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
            app::db::Db::Sqlite(pool, _) => sqlx::query("update users set disabled_at = $1").bind(now).execute(pool).await.map(drop),
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
