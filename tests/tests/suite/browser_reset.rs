//! A forgotten password, in Chromium, with JavaScript on and off: ask for a link, read it from
//! the mail a real SMTP server received, choose a new password (a weak one first), sign in.

use super::browser::{browser, chromedriver, click, fill, serve, wait_for_path, wait_for_text};
use app::domain::accounts::role::Role;
use passerelle_tests::smtp::SmtpServer;
use passerelle_tests::{Backend, TestApp};
use server::outbox::Worker;

const NEW_PASSWORD: &str = "une phrase de passe toute neuve";

async fn reset_through_the_mail(backend: Backend, javascript: bool) {
    let app = TestApp::new(backend).await;
    app.user("amina@example.org", Role::Applicant).await;
    let base = serve(&app).await;
    let smtp = SmtpServer::start();
    let worker = Worker::new(app.db().clone(), &smtp.settings(), &base).expect("worker");
    let driver = chromedriver().await;
    let b = browser(&driver, javascript).await;

    b.goto(&format!("{base}/login")).await.expect("open");
    click(&b, "[data-test='forgot']").await;
    wait_for_path(&b, &base, "/password/forgot").await;
    fill(&b, "#forgot-email", "amina@example.org").await;
    click(&b, "[data-test='reset-ask']").await;
    wait_for_text(
        &b,
        "[data-test='reset-sent']",
        "Si un compte utilise cette adresse",
    )
    .await;

    while worker.run_once().await.expect("outbox") > 0 {}
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    let text = mails[0].parsed().body_text(0).expect("text").into_owned();
    let link = text
        .split_whitespace()
        .find(|word| word.starts_with(&base))
        .expect("the link")
        .to_owned();
    assert!(link.contains("/password/reset?token="), "{link}");

    b.goto(&link).await.expect("open the link");
    fill(&b, "#reset-password", "court").await;
    click(&b, "[data-test='reset-save']").await;
    wait_for_text(&b, "#reset-password-problems", "trop court").await;
    fill(&b, "#reset-password", NEW_PASSWORD).await;
    click(&b, "[data-test='reset-save']").await;
    wait_for_path(&b, &base, "/login?reset=1").await;
    wait_for_text(
        &b,
        "[data-test='password-reset']",
        "mot de passe a été changé",
    )
    .await;

    fill(&b, "#login-email", "amina@example.org").await;
    fill(&b, "#login-password", NEW_PASSWORD).await;
    click(&b, "[data-test='login-submit']").await;
    wait_for_path(&b, &base, "/me").await;
    b.close().await.expect("close");
}

#[test]
fn browser_reset_without_javascript_on_sqlite() {
    passerelle_tests::block_on(reset_through_the_mail(Backend::Sqlite, false));
}

#[test]
fn browser_reset_with_javascript_on_postgres() {
    passerelle_tests::block_on(reset_through_the_mail(Backend::Postgres, true));
}
