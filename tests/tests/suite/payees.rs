//! Where a grant's money may go (issue 17): only to payment details the beneficiary (or a
//! caseworker with them) registered on the profile, or in kind to a supplier a second admin
//! approved; details registered or changed in the last 14 days are paid to only once a second
//! staff member confirmed them, and the finance desk lists them.

use super::committee_support::approved_plan;
use super::money::{release, settle, tranche_id, RIB, WALLET};
use super::plan_support::applicant_with_a_plan;
use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;
use passerelle_tests::client::Client;

async fn save_payee(client: &mut Client, fields: &[(&str, &str)]) -> (u16, String) {
    let response = client.call("/api/profile/save_payee", fields).await;
    (response.status.as_u16(), response.body)
}

async fn confirm(client: &mut Client, payee: i64) -> (u16, String) {
    let payee = payee.to_string();
    let response = client
        .call("/api/money/confirm_payee", &[("payee", payee.as_str())])
        .await;
    (response.status.as_u16(), response.body)
}

both_backends! {
    async fn a_release_pays_only_registered_details_and_recent_ones_once_confirmed(app) {
        let (mut awa, _coach, mut admin, plan) = approved_plan(&app).await;
        app.user("finance@example.org", Role::Finance).await;
        let mut finance = app.login("finance@example.org").await;
        let plan: i64 = plan.parse().expect("plan id");
        let first = tranche_id(&app, plan, 1).await;

        // Nothing registered: a release has nowhere to pay, and says so.
        let (code, body) = release(&mut admin, &first, "k-payee-none-00001", &WALLET).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("payee_not_registered"), "{body}");
        // The old free-text payee is gone: a typed phone is not a way to pay.
        let typed = [("method", "mobile_money"), ("phone", "+212 6 98 76 54 32")];
        let (code, body) = release(&mut admin, &first, "k-payee-typed-0001", &typed).await;
        assert_eq!(code, 422, "{body}");
        assert_eq!(app.count("select count(*) from payments").await, 0);

        // Bad details are named on their fields and nothing is saved; admins cannot register.
        let (code, body) = save_payee(&mut awa, &[("kind", "mobile_money"), ("detail", "0512"), ("holder", "")]).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("wallet_invalid") && body.contains("text_missing"), "{body}");
        let (code, body) = save_payee(&mut awa, &[("kind", "bank_transfer"), ("detail", "011780000012345678901297"), ("holder", "Awa")]).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("account_key_wrong"), "{body}");
        let (code, _) = save_payee(&mut admin, &[("kind", "mobile_money"), ("detail", "0612345678"), ("holder", "Moi")]).await;
        assert_eq!(code, 403);
        assert_eq!(app.count("select count(*) from payees").await, 0);

        // Awa registers her wallet: new, so a release waits for a second person.
        let (code, body) = save_payee(&mut awa, &[("kind", "mobile_money"), ("detail", "06 12 34 56 78"), ("holder", "Awa Diallo")]).await;
        assert_eq!(code, 200, "{body}");
        let wallet = app.count("select id from payees").await;
        assert_eq!(app.text("select detail from payees").await.as_deref(), Some("+212612345678"));
        let profile = awa.get("/profile").await;
        assert!(profile.body.contains("data-test=\"payee\""), "{}", profile.body);
        assert!(profile.body.contains("à confirmer par le personnel"), "{}", profile.body);
        let (code, body) = release(&mut admin, &first, "k-payee-fresh-0001", &WALLET).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("payee_unconfirmed"), "{body}");
        // The admin's release form shows it, not as a choice.
        let call = app.count(&format!("select call_id from plans where id = {plan}")).await;
        let page = admin.get(&format!("/admin/money/call?id={call}")).await;
        assert!(page.body.contains("data-test=\"payee-unconfirmed\""), "{}", page.body);
        assert!(!page.body.contains("data-test=\"payee-choice\""), "{}", page.body);
        // Nowhere to pay yet: no button to press.
        assert!(!page.body.contains("data-test=\"release-submit\""), "{}", page.body);

        // The finance desk lists it. Neither its owner nor a caseworker may confirm it.
        let desk = finance.get("/finance").await;
        assert!(desk.body.contains(&format!("data-payee=\"{wallet}\"")), "{}", desk.body);
        assert!(desk.body.contains("+212612345678"), "{}", desk.body);
        assert_eq!(confirm(&mut awa, wallet).await.0, 403);
        app.user("case@example.org", Role::Caseworker).await;
        let mut caseworker = app.login("case@example.org").await;
        assert_eq!(confirm(&mut caseworker, wallet).await.0, 403);
        let (code, body) = confirm(&mut finance, wallet).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = confirm(&mut finance, wallet).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("payee_already_confirmed"), "{body}");
        assert_eq!(app.count("select count(*) from audit_log where action = 'payee_confirmed'").await, 1);
        let desk = finance.get("/finance").await;
        assert!(!desk.body.contains(&format!("data-payee=\"{wallet}\"")), "{}", desk.body);

        // Confirmed: the release pays it, and keeps which registered details it paid.
        let page = admin.get(&format!("/admin/money/call?id={call}")).await;
        assert!(page.body.contains("data-test=\"payee-choice\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"release-submit\""), "{}", page.body);
        let (code, body) = release(&mut admin, &first, "k-payee-paid-00001", &WALLET).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.count("select payee_id from payments").await, wallet);
        assert_eq!(app.text("select payee_ref from payments").await.as_deref(), Some("+212612345678"));
        let desk = finance.get("/finance").await;
        assert!(desk.body.contains("data-test=\"payee-registered\""), "{}", desk.body);
        let (code, body) = settle(&mut finance, &first, "k-payee-settle-001", "paid").await;
        assert_eq!(code, 200, "{body}");
    }

    async fn a_change_restarts_the_wait_an_old_registration_needs_no_confirmation(app) {
        let (mut awa, _coach, mut admin, plan) = approved_plan(&app).await;
        let plan: i64 = plan.parse().expect("plan id");
        let first = tranche_id(&app, plan, 1).await;
        let (code, body) = save_payee(&mut awa, &[("kind", "bank_transfer"), ("detail", RIB), ("holder", "Awa Diallo")]).await;
        assert_eq!(code, 200, "{body}");
        // Registered three weeks ago (as if): payable without anyone confirming it.
        app.exec("update payees set registered_at = '2026-01-05T09:00:00Z'").await;
        let bank = [("method", "bank_transfer")];

        // A caseworker changes it for her today (a change of details): the new account waits.
        let awa_id = app.user_id("awa@example.org").await;
        app.user("case@example.org", Role::Caseworker).await;
        let mut caseworker = app.login("case@example.org").await;
        let other_rib = "007780000012345678901209";
        let applicant = awa_id.to_string();
        let (code, body) = save_payee(&mut caseworker, &[("kind", "bank_transfer"), ("detail", other_rib), ("holder", "Awa Diallo"), ("applicant", &applicant)]).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.count("select count(*) from payees").await, 2);
        assert_eq!(app.count("select count(*) from payees where retired_at is null").await, 1);
        let (code, body) = release(&mut admin, &first, "k-change-bank-0001", &bank).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("payee_unconfirmed"), "{body}");
        // Saving the same details again is no change: it does not restart anything either.
        let (code, _) = save_payee(&mut caseworker, &[("kind", "bank_transfer"), ("detail", other_rib), ("holder", "Awa Diallo"), ("applicant", &applicant)]).await;
        assert_eq!(code, 200);
        assert_eq!(app.count("select count(*) from payees").await, 2);
        assert_eq!(app.count("select count(*) from audit_log where action = 'payee_registered'").await, 2);

        // Another applicant's id is not hers to change.
        let (mut bintou, _) = applicant_with_a_plan(&app, "bintou@example.org", "Bintou Diallo").await;
        let (code, _) = save_payee(&mut bintou, &[("kind", "mobile_money"), ("detail", "0612345678"), ("holder", "Bintou"), ("applicant", &applicant)]).await;
        assert_eq!(code, 404);

        // The admin who releases may not confirm it (the checker does); a finance officer does,
        // and the release goes to the new account.
        let new_account = app.count("select id from payees where retired_at is null").await;
        assert_eq!(confirm(&mut admin, new_account).await.0, 403);
        app.user("finance@example.org", Role::Finance).await;
        let mut finance = app.login("finance@example.org").await;
        let (code, body) = confirm(&mut finance, new_account).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = release(&mut admin, &first, "k-change-bank-0002", &bank).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.text("select payee_ref from payments").await.as_deref(), Some(other_rib));
    }

    async fn in_kind_goes_only_to_a_supplier_a_second_admin_approved(app) {
        let (_awa, _coach, mut admin, plan) = approved_plan(&app).await;
        let plan: i64 = plan.parse().expect("plan id");
        let first = tranche_id(&app, plan, 1).await;

        // Proposed by this admin, approved by nobody yet: not payable; they cannot approve it.
        let proposed = admin.call("/api/money/propose_supplier", &[("name", "Quincaillerie du Port"), ("city", "Tanger"), ("rib", RIB)]).await;
        assert_eq!(proposed.status, 200, "{}", proposed.body);
        let port = app.count("select id from suppliers").await.to_string();
        let in_kind = [("method", "in_kind"), ("supplier", port.as_str()), ("invoice", "F-88")];
        let (code, body) = release(&mut admin, &first, "k-supplier-new-001", &in_kind).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("supplier_not_approved"), "{body}");
        let own = admin.call("/api/money/approve_supplier", &[("supplier", port.as_str())]).await;
        assert_eq!(own.status, 422, "{}", own.body);
        assert!(own.body.contains("supplier_same_admin"), "{}", own.body);
        // The same name twice, a bad RIB: named, nothing added.
        let twice = admin.call("/api/money/propose_supplier", &[("name", "quincaillerie du port"), ("city", "Tanger"), ("rib", RIB)]).await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("supplier_listed"), "{}", twice.body);
        let bad = admin.call("/api/money/propose_supplier", &[("name", "Autre"), ("city", ""), ("rib", "123")]).await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("account_invalid") && bad.body.contains("text_missing"), "{}", bad.body);
        assert_eq!(app.count("select count(*) from suppliers").await, 1);

        // A second admin approves it: the release pays it; the page says who did what.
        app.user("second.admin@example.org", Role::Admin).await;
        let mut second = app.login("second.admin@example.org").await;
        let list = second.get("/admin/suppliers").await;
        assert!(list.body.contains("data-test=\"approve-supplier\""), "{}", list.body);
        let approved = second.call("/api/money/approve_supplier", &[("supplier", port.as_str())]).await;
        assert_eq!(approved.status, 200, "{}", approved.body);
        let list = admin.get("/admin/suppliers").await;
        assert!(list.body.contains("data-approved=\"true\""), "{}", list.body);
        let (code, body) = release(&mut admin, &first, "k-supplier-ok-0001", &in_kind).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.text("select supplier from payments").await.as_deref(), Some("Quincaillerie du Port"));
        assert_eq!(app.count("select supplier_id from payments").await.to_string(), port);

        // Off the list: no new payment goes to it (the failed payment is released again).
        let retired = second.call("/api/money/retire_supplier", &[("supplier", port.as_str())]).await;
        assert_eq!(retired.status, 200, "{}", retired.body);
        app.user("finance@example.org", Role::Finance).await;
        let mut finance = app.login("finance@example.org").await;
        let (code, body) = settle(&mut finance, &first, "k-supplier-fail-01", "failed").await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = release(&mut admin, &first, "k-supplier-off-001", &in_kind).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("supplier_not_approved"), "{body}");
    }
}
