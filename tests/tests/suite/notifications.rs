//! Telling people what happened (issue 14): messages go through the outbox to a real SMTP
//! server in the recipient's language; failures are retried, then shown to admins; two servers
//! on one database send each message once; a message taken by a server that died is sent by
//! another once its lease runs out; password-reset links are single-use, expiring, for their
//! own account, and asking for one says nothing about whether an address is registered.

use super::matches::{catalogue, person};
use app::domain::accounts::role::Role;
use passerelle_tests::smtp::{Received, SmtpServer};
use passerelle_tests::{both_backends, Client, TestApp, PASSWORD};
use server::outbox::Worker;

const SITE: &str = "http://passerelle.test";

fn worker(app: &TestApp, smtp: &SmtpServer) -> Worker {
    Worker::new(app.db().clone(), &smtp.settings(), SITE).expect("worker")
}

/// Runs the worker until it finds nothing more to send.
async fn drain(worker: &Worker) {
    while worker.run_once().await.expect("outbox") > 0 {}
}

/// The one-time link in a message (reset, sign-up), and its token.
fn reset_link(mail: &Received) -> (String, String) {
    let text = mail
        .parsed()
        .body_text(0)
        .expect("a text part")
        .into_owned();
    let start = text.find(SITE).expect("a link to the site");
    let link: String = text[start..]
        .split_whitespace()
        .next()
        .expect("link")
        .to_owned();
    let token = link.split("token=").nth(1).expect("a token").to_owned();
    assert_eq!(token.len(), 64, "{link}");
    (link, token)
}

async fn ask_reset(client: &mut Client, email: &str) -> passerelle_tests::TestResponse {
    client
        .call("/api/accounts/request_reset", &[("email", email)])
        .await
}

async fn reset(client: &mut Client, token: &str, password: &str) -> passerelle_tests::TestResponse {
    client
        .call(
            "/api/accounts/reset_password",
            &[("token", token), ("password", password)],
        )
        .await
}

both_backends! {
    async fn a_reset_link_arrives_by_smtp_works_once_and_ends_every_session(app) {
        let smtp = SmtpServer::start();
        let worker = worker(&app, &smtp);
        app.user("amina@example.org", Role::Applicant).await;
        app.user("bob@example.org", Role::Applicant).await;
        let mut signed_in = app.login("amina@example.org").await;
        let mut stranger = app.client_from("198.51.100.7");

        let response = ask_reset(&mut stranger, "amina@example.org").await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(app.count("select count(*) from outbox").await, 1);
        assert_eq!(app.count("select count(*) from notifications").await, 0,
            "a reset link is never listed in the app");
        drain(&worker).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, ["amina@example.org"]);
        let parsed = mails[0].parsed();
        assert_eq!(parsed.subject(), Some("Choisir un nouveau mot de passe"));
        assert!(parsed.message_id().is_some_and(|id| id.ends_with("@passerelle.localhost")));
        assert!(parsed.body_html(0).expect("an HTML part").contains("dir=\"ltr\""));
        let (link, token) = reset_link(&mails[0]);
        assert!(link.starts_with("http://passerelle.test/password/reset?token="), "{link}");
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("sent"));
        assert_eq!(app.count("select count(*) from outbox where secret is not null").await, 0,
            "the token is forgotten once the message is gone");
        let stored = format!("select count(*) from account_tokens where token_hash = '{token}'");
        assert_eq!(app.count(&stored).await, 0, "only a hash of the token is kept");

        let page = stranger.get(&format!("/password/reset?token={token}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"reset-save\""), "{}", page.body);

        let wrong = reset(&mut stranger, &"0".repeat(64), "un tout nouveau mot de passe").await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert!(wrong.body.contains("reset_link_invalid"), "{}", wrong.body);
        let weak = reset(&mut stranger, &token, "court").await;
        assert_eq!(weak.status, 422, "{}", weak.body);
        assert!(weak.body.contains("password_too_short"), "{}", weak.body);

        let done = reset(&mut stranger, &token, "un tout nouveau mot de passe").await;
        assert_eq!(done.status, 200, "{}", done.body);
        let me = signed_in.call("/api/accounts/current_user", &[]).await;
        assert_eq!(me.body.trim(), "null", "the other session ended: {}", me.body);
        let mut old = app.client();
        let refused = old.login("amina@example.org", PASSWORD).await;
        assert!(refused.body.contains("wrong_credentials"), "the old password is gone: {}", refused.body);
        app.login_with("amina@example.org", "un tout nouveau mot de passe").await;
        app.login("bob@example.org").await;

        let again = reset(&mut stranger, &token, "encore un autre mot de passe").await;
        assert_eq!(again.status, 422, "a link works once: {}", again.body);
        assert!(again.body.contains("reset_link_invalid"));

        drain(&worker).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 2, "the owner is told the password changed");
        assert_eq!(mails[1].parsed().subject(), Some("Votre mot de passe a été changé"));
        let trail = app.count(
            "select count(*) from audit_log where action = 'password_changed'").await;
        assert_eq!(trail, 1);
    }

    async fn a_sign_up_link_arrives_in_the_forms_language_and_an_owner_hears_of_a_second_sign_up(app) {
        let smtp = SmtpServer::start();
        let worker = worker(&app, &smtp);
        let mut client = app.client_from("198.51.100.20");
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let asked = client.call("/api/signup", &[("email", "mariam@example.org"), ("password", PASSWORD)]).await;
        assert_eq!(asked.status, 200, "{}", asked.body);
        drain(&worker).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, ["mariam@example.org"]);
        let parsed = mails[0].parsed();
        assert_eq!(parsed.subject(), Some("أتمم إنشاء حسابك على باسرال"));
        let html = parsed.body_html(0).expect("an HTML part").into_owned();
        assert!(html.contains("dir=\"rtl\""), "{html}");
        assert!(html.contains("استمارة التسجيل"), "the footer says why this address gets mail: {html}");
        let (link, token) = reset_link(&mails[0]);
        assert!(link.starts_with("http://passerelle.test/signup/finish?token="), "{link}");
        assert_eq!(app.count("select count(*) from outbox where secret is not null").await, 0,
            "the token is forgotten once the message is gone");
        let done = client.call("/api/accounts/finish_sign_up", &[("token", &token), ("password", PASSWORD)]).await;
        assert_eq!(done.status, 200, "{}", done.body);
        let language = app.text("select language from users where email = 'mariam@example.org'").await;
        assert_eq!(language.as_deref(), Some("ar"));

        // Signing up again with that address: its owner (now reading English) is told; no link.
        app.exec("update users set language = 'en'").await;
        let mut stranger = app.client_from("198.51.100.21");
        let again = stranger.call("/api/signup", &[("email", "mariam@example.org"), ("password", "une phrase de passe différente")]).await;
        assert_eq!((again.status, &again.body), (asked.status, &asked.body), "the same answer");
        drain(&worker).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 2);
        let parsed = mails[1].parsed();
        assert_eq!(parsed.subject(), Some("Someone tried to sign up with your address"));
        assert!(!parsed.body_text(0).expect("text").contains("token="));
        assert_eq!(app.count("select count(*) from users").await, 1);
        app.login("mariam@example.org").await;
    }

    async fn a_link_expires_and_asking_again_spends_the_old_ones_once_one_is_used(app) {
        let smtp = SmtpServer::start();
        let worker = worker(&app, &smtp);
        app.user("amina@example.org", Role::Applicant).await;
        let mut client = app.client();
        ask_reset(&mut client, "amina@example.org").await;
        ask_reset(&mut client, "amina@example.org").await;
        drain(&worker).await;
        let mails = smtp.received();
        let (_, first) = reset_link(&mails[0]);
        let (_, second) = reset_link(&mails[1]);
        assert_ne!(first, second);
        let done = reset(&mut client, &second, "un tout nouveau mot de passe").await;
        assert_eq!(done.status, 200, "{}", done.body);
        let spent = reset(&mut client, &first, "encore un autre mot de passe").await;
        assert_eq!(spent.status, 422, "the older link was spent with the used one");

        // Asked from a page in Arabic: written in Arabic.
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        ask_reset(&mut client, "amina@example.org").await;
        drain(&worker).await;
        assert_eq!(smtp.received()[3].parsed().subject(), Some("اختر كلمة مرور جديدة"));
        let (_, third) = reset_link(&smtp.received()[3]);
        app.exec("update account_tokens set expires_at = created_at").await;
        let expired = reset(&mut client, &third, "encore un autre mot de passe").await;
        assert_eq!(expired.status, 422, "{}", expired.body);
        assert!(expired.body.contains("reset_link_invalid"));
    }

    async fn asking_for_a_link_says_nothing_about_the_address(app) {
        app.user("amina@example.org", Role::Applicant).await;
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for n in 0..3 {
            let mut client = app.client_from(&format!("198.51.100.{n}"));
            let started = std::time::Instant::now();
            let answer = ask_reset(&mut client, "amina@example.org").await;
            known.push((answer.status, answer.body, started.elapsed()));
            let mut client = app.client_from(&format!("198.51.100.{}", n + 10));
            let started = std::time::Instant::now();
            let answer = ask_reset(&mut client, "nobody@example.org").await;
            unknown.push((answer.status, answer.body, started.elapsed()));
        }
        for ((status, body, _), (other_status, other_body, _)) in known.iter().zip(&unknown) {
            assert_eq!(status, other_status);
            assert_eq!(body, other_body);
        }
        // Neither answer hashes a password or waits: both are database writes (milliseconds).
        // The bound only tells "no argon2" (about 0.1 s per hash here) from "a few writes".
        let slowest = known.iter().chain(&unknown).map(|(_, _, t)| *t).max().expect("answers");
        let fastest = known.iter().chain(&unknown).map(|(_, _, t)| *t).min().expect("answers");
        assert!(slowest < fastest * 20 + std::time::Duration::from_millis(250),
            "{fastest:?} .. {slowest:?}");

        let page = app.client().get("/password/forgot?sent=1").await;
        assert!(page.body.contains("data-test=\"reset-sent\""), "{}", page.body);
        let mut bad = app.client();
        let invalid = ask_reset(&mut bad, "not an address").await;
        assert_eq!(invalid.status, 422);
        assert!(invalid.body.contains("email_invalid"), "{}", invalid.body);
    }

    async fn asking_for_links_is_throttled_like_signing_in(app) {
        app.user("amina@example.org", Role::Applicant).await;
        let mut client = app.client();
        let mut statuses = Vec::new();
        for _ in 0..7 {
            statuses.push(ask_reset(&mut client, "amina@example.org").await.status);
        }
        assert_eq!(&statuses[..5], [200; 5]);
        assert_eq!(statuses[6], 429, "{statuses:?}");
        assert_eq!(app.count("select count(*) from account_tokens").await, 3,
            "at most three working links at once, whatever is asked");
    }

    async fn an_enrolment_decision_is_emailed_in_arabic_and_listed_in_the_app(app) {
        let smtp = SmtpServer::start();
        let worker = worker(&app, &smtp);
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        awa.cookies.insert("i18n_pref_locale".into(), "ar".into());
        assert_eq!(awa.login("awa@example.org", PASSWORD).await.status, 200);
        assert_eq!(app.text("select language from users where email = 'awa@example.org'").await.as_deref(), Some("ar"));
        let asked = awa.call("/api/enrolments/request", &[("training", &sewing)]).await;
        assert_eq!(asked.status, 200, "{}", asked.body);
        let id = app.count("select id from enrolments").await.to_string();
        let mut admin = app.signed_in(Role::Admin).await;
        let decided = admin.call("/api/enrolments/decide", &[("enrolment", &id), ("action", "confirm")]).await;
        assert_eq!(decided.status, 200, "{}", decided.body);

        drain(&worker).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        let parsed = mails[0].parsed();
        assert_eq!(parsed.subject(), Some("تم تأكيد مقعدك في «Couture industrielle»"));
        let html = parsed.body_html(0).expect("html").into_owned();
        assert!(html.contains("lang=\"ar\" dir=\"rtl\""), "{html}");
        assert!(parsed.body_text(0).expect("text").contains("http://passerelle.test/enrolments"));

        let header = awa.get("/enrolments").await;
        assert!(header.body.contains("data-test=\"nav-notifications\""), "{}", header.body);
        assert!(header.body.contains("(1 جديدة)"), "the header counts it");
        awa.cookies.insert("i18n_pref_locale".into(), "en".into());
        let list = awa.get("/notifications").await;
        assert!(list.body.contains("Your place in “Couture industrielle” is confirmed"), "{}", list.body);
        assert!(list.body.contains("data-test=\"mark-read\""));
        let newest = app.count("select max(id) from notifications").await.to_string();
        let read = awa.call("/api/notifications/mark_read", &[("up_to", &newest)]).await;
        assert_eq!(read.status, 200, "{}", read.body);
        let list = awa.get("/notifications").await;
        assert!(list.body.contains("data-test=\"unread-count\">0<"), "{}", list.body);
        assert!(!list.body.contains("data-test=\"mark-read\""), "{}", list.body);
        let me = awa.call("/api/accounts/current_user", &[]).await.json();
        assert_eq!(me["unread"], 0);
        let switched = awa.call("/api/set_locale", &[("locale", "en")]).await;
        assert_eq!(switched.status, 200, "{}", switched.body);
        let language = app.text("select language from users where email = 'awa@example.org'").await;
        assert_eq!(language.as_deref(), Some("en"), "later messages follow the switch");
    }

    async fn someone_without_an_address_is_told_in_the_app_only(app) {
        catalogue(&app).await;
        let training = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        let asked = awa.call("/api/enrolments/request", &[("training", &training)]).await;
        assert_eq!(asked.status, 200, "{}", asked.body);
        let id = app.user_id("awa@example.org").await;
        // As for someone a caseworker registered without an address.
        app.exec(&format!("update users set email = null, password_hash = null where id = {id}")).await;
        let enrolment = app.count("select id from enrolments").await.to_string();
        let mut admin = app.signed_in(Role::Admin).await;
        let decided = admin.call("/api/enrolments/decide", &[("enrolment", &enrolment), ("action", "decline")]).await;
        assert_eq!(decided.status, 200, "{}", decided.body);
        assert_eq!(app.count("select count(*) from outbox").await, 0);
        assert_eq!(app.count(&format!("select count(*) from notifications where user_id = {id}")).await, 1);

        // A caseworker helping her sees what waits for her, in words, to tell her in person.
        let mut caseworker = app.signed_in(Role::Caseworker).await;
        let page = caseworker.get(&format!("/caseworker/profile?applicant={id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"waiting-for\""), "{}", page.body);
        assert!(page.body.replace("<!>", "").contains("1 notification(s) non lue(s)"), "{}", page.body);
        assert!(page.body.contains("data-test=\"waiting-line\""), "{}", page.body);
        assert!(page.body.contains("Couture"), "the training is named: {}", page.body);
        // Once she has read them, nothing waits.
        app.exec(&format!("update notifications set read_at = created_at where user_id = {id}")).await;
        let page = caseworker.get(&format!("/caseworker/profile?applicant={id}")).await;
        assert!(!page.body.contains("data-test=\"waiting-for\""), "{}", page.body);
    }

    async fn failures_are_retried_then_given_up_and_shown_to_admins(app) {
        let smtp = SmtpServer::start();
        let mut settings = smtp.settings();
        settings.mail_max_attempts = 2;
        let worker = Worker::new(app.db().clone(), &settings, SITE).expect("worker");
        app.user("amina@example.org", Role::Applicant).await;
        smtp.refuse(true);
        ask_reset(&mut app.client(), "amina@example.org").await;
        assert_eq!(worker.run_once().await.expect("run"), 1);
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("pending"));
        assert_eq!(worker.run_once().await.expect("run"), 0, "not due before its back-off");
        app.exec("update outbox set next_attempt_at = created_at").await;
        assert_eq!(worker.run_once().await.expect("run"), 1);
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("failed"));
        assert_eq!(app.count("select count(*) from outbox_attempts where error is not null").await, 2);
        assert_eq!(app.count("select count(*) from outbox where secret is not null").await, 0);

        let mut admin = app.signed_in(Role::Admin).await;
        let page = admin.get("/admin/outbox?state=failed").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("amina@example.org") && page.body.contains("451"), "{}", page.body);
        let id = app.count("select id from outbox").await.to_string();
        let retry = admin.call("/api/notifications/retry", &[("message", &id)]).await;
        assert_eq!(retry.status, 409, "a reset link is not resent: its token is gone");

        // Any other message given up on can be put back once the mail server works again.
        let row = app.user_id("amina@example.org").await;
        app.exec(&format!(
            "insert into outbox (user_id, channel, address, language, event, link, message_id, \
             created_at, state, attempts, next_attempt_at) \
             select {row}, 'email', 'amina@example.org', 'en', '{{\"event\":\"password_changed\"}}', \
             '/login', 'm1', created_at, 'failed', 2, created_at from users where id = {row}"
        )).await;
        let other = app.count("select id from outbox where message_id = 'm1'").await.to_string();
        smtp.refuse(false);
        let retry = admin.call("/api/notifications/retry", &[("message", &other)]).await;
        assert_eq!(retry.status, 200, "{}", retry.body);
        drain(&worker).await;
        assert_eq!(smtp.received().len(), 1);
        assert_eq!(smtp.received()[0].parsed().subject(), Some("Your password was changed"));
    }

    async fn a_message_held_by_a_dead_server_is_sent_by_another_once(app) {
        let smtp = SmtpServer::start();
        app.user("amina@example.org", Role::Applicant).await;
        ask_reset(&mut app.client(), "amina@example.org").await;
        // A server took the message and died before sending it.
        let mut tx = app.db().begin().await.expect("tx");
        let taken = app::db::notifications::outbox::claim(
            &mut tx, "dead-server", std::time::Duration::from_secs(120), 5).await.expect("claim");
        tx.commit().await.expect("commit");
        assert_eq!(taken.len(), 1);
        let survivor = worker(&app, &smtp);
        assert_eq!(survivor.run_once().await.expect("run"), 0, "held until the lease runs out");
        app.exec("update outbox set leased_until = created_at").await;
        drain(&survivor).await;
        assert_eq!(smtp.received().len(), 1);
        // The dead server's late answer changes nothing.
        let mut tx = app.db().begin().await.expect("tx");
        let late = app::db::notifications::outbox::sent(&mut tx, taken[0].id, "dead-server").await.expect("sent");
        tx.commit().await.expect("commit");
        assert!(!late);
        assert_eq!(app.count("select count(*) from outbox_attempts").await, 1);
    }

    async fn the_committee_and_the_money_tell_whom_they_concern(app) {
        let (plan, mut admin, mut finance) = crate::money::approved(&app).await;
        let told = |email: &'static str, event: &'static str| {
            let app = &app;
            async move {
                app.count(&format!(
                    "select count(*) from notifications n join users u on u.id = n.user_id \
                     where u.email = '{email}' and n.event like '%\"{event}\"%'"
                ))
                .await
            }
        };
        assert_eq!(told("alice@example.org", "plan_on_agenda").await, 1, "members hear of the agenda");
        assert_eq!(told("awa@example.org", "plan_approved").await, 1);
        assert_eq!(told("coach@example.org", "plan_approved").await, 1, "and the mentor");
        assert_eq!(told("finance@example.org", "tranche_released").await, 0);

        let first = crate::money::tranche_id(&app, plan, 1).await;
        let wallet = crate::money::WALLET;
        let (code, body) = crate::money::release(&mut admin, &first, "k-note-release-0001", &wallet).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(told("finance@example.org", "tranche_released").await, 1);
        let (code, body) = crate::money::settle(&mut finance, &first, "k-note-settle-00001", "failed").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(told("awa@example.org", "tranche_failed").await, 1);
        let (code, body) = crate::money::release(&mut admin, &first, "k-note-release-0002", &wallet).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = crate::money::settle(&mut finance, &first, "k-note-settle-00002", "paid").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(told("awa@example.org", "tranche_paid").await, 1);
        let mut awa = app.login("awa@example.org").await;
        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let list = awa.get("/notifications").await;
        assert!(list.body.contains("La tranche 1 de votre subvention a été payée"), "{}", list.body);
    }

    async fn a_server_killed_while_sending_is_relieved_and_the_resend_keeps_its_message_id(app) {
        let smtp = SmtpServer::start();
        app.user("amina@example.org", Role::Applicant).await;
        ask_reset(&mut app.client(), "amina@example.org").await;
        // The SMTP server has the whole message but has not answered when the sender dies.
        smtp.delay_answers(std::time::Duration::from_secs(2));
        let dying = worker(&app, &smtp);
        let task = tokio::spawn(async move { dying.run_once().await });
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while smtp.started() == 0 {
            assert!(std::time::Instant::now() < deadline, "the message never left");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        task.abort();
        assert!(task.await.is_err(), "the sender died mid-send");
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("pending"));
        smtp.delay_answers(std::time::Duration::ZERO);
        let survivor = worker(&app, &smtp);
        assert_eq!(survivor.run_once().await.expect("run"), 0, "held until the lease runs out");
        app.exec("update outbox set leased_until = created_at").await;
        drain(&survivor).await;
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        let mails = smtp.received();
        assert_eq!(mails.len(), 2, "the first delivery was not known to have gone: sent again");
        let ids: Vec<String> = mails.iter().map(|m| m.parsed().message_id().expect("id").to_owned()).collect();
        assert_eq!(ids[0], ids[1], "a resend is recognisably the same message");
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("sent"));
        assert_eq!(app.count("select count(*) from outbox_attempts").await, 1);
    }

    async fn a_server_without_tls_is_an_error_to_retry_not_a_crash(app) {
        use server::config::SmtpSecurity;
        let smtp = SmtpServer::start();
        app.user("amina@example.org", Role::Applicant).await;
        ask_reset(&mut app.client(), "amina@example.org").await;
        for security in [SmtpSecurity::Starttls, SmtpSecurity::Tls] {
            let mut settings = smtp.settings();
            settings.smtp_security = security;
            let worker = Worker::new(app.db().clone(), &settings, SITE).expect("worker");
            app.exec("update outbox set next_attempt_at = created_at").await;
            assert_eq!(worker.run_once().await.expect("run"), 1, "{security:?}");
            let error = app.text("select last_error from outbox").await.unwrap_or_default();
            assert!(!error.is_empty(), "{security:?}");
        }
        assert_eq!(smtp.received().len(), 0, "nothing goes out in the clear when TLS is asked");
        assert_eq!(app.count("select attempts from outbox").await, 2);
    }

    async fn a_reset_clears_the_failures_that_would_refuse_the_new_password(app) {
        let smtp = SmtpServer::start();
        let worker = worker(&app, &smtp);
        app.user("amina@example.org", Role::Applicant).await;
        let mut client = app.client();
        for _ in 0..3 {
            client.login("amina@example.org", "not the password at all").await;
        }
        ask_reset(&mut client, "amina@example.org").await;
        ask_reset(&mut client, "amina@example.org").await;
        drain(&worker).await;
        let (_, token) = reset_link(&smtp.received()[1]);
        let done = reset(&mut client, &token, "un tout nouveau mot de passe").await;
        assert_eq!(done.status, 200, "{}", done.body);
        let signed_in = client.login("amina@example.org", "un tout nouveau mot de passe").await;
        assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    }

    async fn a_reset_link_that_could_not_leave_in_time_is_given_up(app) {
        use time::format_description::well_known::Rfc3339;
        let smtp = SmtpServer::start();
        app.user("amina@example.org", Role::Applicant).await;
        ask_reset(&mut app.client(), "amina@example.org").await;
        let hour_ago = (time::OffsetDateTime::now_utc() - time::Duration::hours(1))
            .replace_nanosecond(0)
            .expect("whole seconds")
            .format(&Rfc3339)
            .expect("format");
        app.exec(&format!("update outbox set created_at = '{hour_ago}'")).await;
        drain(&worker(&app, &smtp)).await;
        assert_eq!(smtp.received().len(), 0, "a dead link is not sent");
        assert_eq!(app.text("select state from outbox").await.as_deref(), Some("failed"));
        assert_eq!(app.count("select count(*) from outbox where secret is not null").await, 0);
        let error = app.text("select last_error from outbox").await.unwrap_or_default();
        assert!(error.contains("expired"), "{error}");
    }

    async fn a_long_list_is_paged_by_plain_links(app) {
        let id = app.user("amina@example.org", Role::Applicant).await;
        let mut tx = app.db().begin().await.expect("tx");
        let event = app::domain::notifications::event::Event::PasswordChanged;
        for _ in 0..31 {
            app::db::notifications::notify(&mut tx, id, &event).await.expect("notify");
        }
        tx.commit().await.expect("commit");
        let mut amina = app.login("amina@example.org").await;
        let first = amina.get("/notifications").await;
        assert_eq!(first.body.matches("data-test=\"notification\"").count(), 30);
        let oldest_shown = app.count("select min(id) + 1 from notifications").await;
        let older = format!("/notifications?before={oldest_shown}");
        assert!(first.body.contains(&older), "{}", first.body);
        let second = amina.get(&older).await;
        assert_eq!(second.body.matches("data-test=\"notification\"").count(), 1);
        assert!(!second.body.contains("data-test=\"older\""), "no page after the last");
    }

    async fn two_servers_send_each_of_500_messages_exactly_once(app) {
        let smtp = SmtpServer::start();
        let id = app.user("amina@example.org", Role::Applicant).await;
        let mut tx = app.db().begin().await.expect("tx");
        let event = app::domain::notifications::event::Event::PasswordChanged;
        for _ in 0..500 {
            app::db::notifications::notify(&mut tx, id, &event).await.expect("notify");
        }
        tx.commit().await.expect("commit");
        // Two servers: each its own connections to the one database.
        let other = app::db::Db::connect(&app.test_db.url).await.expect("a second pool");
        let one = worker(&app, &smtp);
        let two = Worker::new(other, &smtp.settings(), SITE).expect("worker");
        tokio::join!(drain(&one), drain(&two));
        drain(&one).await;
        let mails = smtp.received();
        let ids: std::collections::BTreeSet<String> = mails
            .iter()
            .map(|m| m.parsed().message_id().expect("id").to_owned())
            .collect();
        assert_eq!(mails.len(), 500);
        assert_eq!(ids.len(), 500, "no message twice");
        assert_eq!(app.count("select count(*) from outbox where state = 'sent'").await, 500);
        assert_eq!(app.count("select count(*) from outbox_attempts").await, 500);
        let workers = app.count("select count(distinct worker) from outbox_attempts").await;
        assert!(workers >= 1, "{workers}");
    }
}
