//! Money that can never be paid twice: the chair's decision committing a grant against the
//! call's envelope, tranches released by an admin and confirmed by another person in finance,
//! idempotency keys, the append-only ledger and its invariants — also when requests race.
//!
//! Every plan here reaches the committee and the money through the app's own functions
//! (`committee_support`): submitted, signed off, put on an agenda, declared and scored.

use super::committee_support::{
    approved_plan, declare, plans_on_the_agenda, score, score_all, CALL, MEMBERS,
};
use super::monitoring::{good_visit, pairs, post_visit, PDF};
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

/// The chair of the women's call's committee, signed in.
async fn chair(app: &TestApp) -> Client {
    app.login(MEMBERS[0]).await
}

pub(crate) async fn decide(
    client: &mut Client,
    plan: i64,
    outcome: &str,
    amount: &str,
) -> (u16, String) {
    let plan = plan.to_string();
    let response = client
        .call(
            "/api/committee/decide",
            &[
                ("plan", &plan),
                ("outcome", outcome),
                ("amount", amount),
                ("justification", "Marché solide, budget réaliste."),
            ],
        )
        .await;
    (response.status.as_u16(), response.body)
}

async fn broken_invariants(app: &TestApp) -> Vec<(&'static str, Vec<i64>)> {
    let mut tx = app.db().read().await.expect("read");
    app::db::money::money_check::broken(&mut tx)
        .await
        .expect("invariants")
}

pub(crate) async fn tranche_id(app: &TestApp, plan: i64, number: i32) -> String {
    app.count(&format!(
        "select id from tranches where plan_id = {plan} and number = {number}"
    ))
    .await
    .to_string()
}

pub(crate) async fn release(
    admin: &mut Client,
    tranche: &str,
    key: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let mut all = vec![("tranche", tranche), ("key", key)];
    all.extend_from_slice(fields);
    let response = admin.call("/api/money/release", &all).await;
    (response.status.as_u16(), response.body)
}

/// In kind to the first supplier on the list ([`list_supplier`] puts it there).
pub(crate) const IN_KIND: [(&str, &str); 3] = [
    ("method", "in_kind"),
    ("supplier", "1"),
    ("invoice", "F-2026-118"),
];
/// To the beneficiary's registered wallet ([`registered_payees`]).
pub(crate) const WALLET: [(&str, &str); 1] = [("method", "mobile_money")];
/// To the beneficiary's registered bank account.
pub(crate) const BANK: [(&str, &str); 1] = [("method", "bank_transfer")];
/// A valid RIB (24 digits, its key matching).
pub(crate) const RIB: &str = "011780000012345678901296";

/// Puts "Bricoma Tanger" on the supplier list: proposed by `admin`, approved by a second admin.
pub(crate) async fn list_supplier(app: &TestApp, admin: &mut Client) {
    let proposed = admin
        .call(
            "/api/money/propose_supplier",
            &[("name", "Bricoma Tanger"), ("city", "Tanger"), ("rib", RIB)],
        )
        .await;
    assert_eq!(proposed.status, 200, "{}", proposed.body);
    let id = app.count("select max(id) from suppliers").await.to_string();
    app.user("second.admin@example.org", Role::Admin).await;
    let mut second = app.login("second.admin@example.org").await;
    let approved = second
        .call("/api/money/approve_supplier", &[("supplier", id.as_str())])
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
}

/// The beneficiary registers a wallet and a bank account on their profile; `checker` (a
/// finance officer) confirms both, as the finance desk asks for recent details.
pub(crate) async fn registered_payees(app: &TestApp, owner: &mut Client, checker: &mut Client) {
    for (kind, detail) in [("mobile_money", "06 12 34 56 78"), ("bank_transfer", RIB)] {
        let saved = owner
            .call(
                "/api/profile/save_payee",
                &[("kind", kind), ("detail", detail), ("holder", "Awa Diallo")],
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let id = app.count("select max(id) from payees").await.to_string();
        let confirmed = checker
            .call("/api/money/confirm_payee", &[("payee", id.as_str())])
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    }
}

pub(crate) async fn settle(
    finance: &mut Client,
    tranche: &str,
    key: &str,
    outcome: &str,
) -> (u16, String) {
    let response = finance
        .call(
            "/api/money/settle",
            &[
                ("tranche", tranche),
                ("key", key),
                ("outcome", outcome),
                ("note", "Virement 4471"),
            ],
        )
        .await;
    (response.status.as_u16(), response.body)
}

/// Awa's plan approved for 8,000 MAD (70% at approval, 30% after a visit), an admin and a
/// finance officer: the plan and both clients.
pub(crate) async fn approved(app: &TestApp) -> (i64, Client, Client) {
    let (mut awa, _coach, mut admin, plan) = approved_plan(app).await;
    app.user("finance@example.org", Role::Finance).await;
    let mut finance = app.login("finance@example.org").await;
    list_supplier(app, &mut admin).await;
    registered_payees(app, &mut awa, &mut finance).await;
    (plan.parse().expect("plan id"), admin, finance)
}

both_backends! {
    async fn an_approval_commits_the_grant_and_schedules_its_tranches(app) {
        let (_admin, plans) = plans_on_the_agenda(&app, 1).await;
        let plan: i64 = plans[0].parse().expect("id");
        let call = app.id_of("grant_calls", CALL).await;
        let mut chair = chair(&app).await;

        // The chair declares no conflict first (a decider must); before the quorum: refused,
        // nothing recorded.
        let (code, body) = decide(&mut chair, plan, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("declaration_required"), "{body}");
        assert_eq!(declare(&mut chair, &plans[0], "no").await.0, 200);
        let (code, body) = decide(&mut chair, plan, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("quorum_not_reached"), "{body}");
        assert_eq!(score(&mut chair, &plans[0], "4").await.0, 200);
        for email in &MEMBERS[1..] {
            let mut member = app.login(email).await;
            assert_eq!(declare(&mut member, &plans[0], "no").await.0, 200);
            assert_eq!(score(&mut member, &plans[0], "4").await.0, 200);
        }

        // More than requested (8,000 MAD): refused on the amount.
        let (code, body) = decide(&mut chair, plan, "approved", "8000,01").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("amount_above_requested"), "{body}");

        // A member who is not the chair, and a member of no committee of this call.
        let (code, body) = decide(&mut app.login(MEMBERS[1]).await, plan, "rejected", "").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("not_chair"), "{body}");
        app.user("outsider@example.org", Role::Committee).await;
        let (code, _) = decide(&mut app.login("outsider@example.org").await, plan, "rejected", "").await;
        assert_eq!(code, 404);
        assert_eq!(app.count("select count(*) from decisions").await, 0);

        let (code, body) = decide(&mut chair, plan, "approved", "7 999,99").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.text(&format!("select status from plans where id = {plan}")).await.as_deref(), Some("approved"));
        // 70% rounded down, the last tranche takes the rest: exactly the approved amount.
        assert_eq!(
            app.count(&format!("select amount_centimes from tranches where plan_id = {plan} and number = 1")).await,
            559_999
        );
        assert_eq!(
            app.count(&format!("select amount_centimes from tranches where plan_id = {plan} and number = 2")).await,
            240_000
        );
        assert_eq!(app.count(&format!("select committed_centimes from grant_calls where id = {call}")).await, 799_999);
        assert_eq!(app.count("select count(*) from ledger_entries where kind = 'committed' and amount_centimes = 799999").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'plan_decided'").await, 1);
        assert_eq!(app.count("select count(*) from plan_events where action = 'approve'").await, 1);

        // Decided once: a second decision finds the plan approved.
        let (code, body) = decide(&mut chair, plan, "rejected", "").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("plan_is"), "{body}");

        // The applicant reads the outcome, the amount, the reason and the schedule.
        let mut applicant = app.login("applicant0@example.org").await;
        let page = applicant.get(&format!("/plans/plan?id={plan}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-outcome=\"approved\""), "{}", page.body);
        assert!(page.body.contains("Marché solide, budget réaliste."));
        let amount = app::domain::shared::money::Money::from_centimes(799_999).to_string();
        assert!(page.body.contains(&amount), "the approved amount is shown");
        assert_eq!(page.body.matches("data-test=\"tranche\"").count(), 2);
        assert!(broken_invariants(&app).await.is_empty());
    }

    async fn a_returned_plan_comes_back_in_the_next_round(app) {
        let (_admin, plans) = plans_on_the_agenda(&app, 1).await;
        score_all(&app, &plans).await;
        let plan: i64 = plans[0].parse().expect("id");
        let call = app.id_of("grant_calls", CALL).await;
        let (code, body) = decide(&mut chair(&app).await, plan, "returned", "").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.text(&format!("select status from plans where id = {plan}")).await.as_deref(), Some("returned"));
        assert_eq!(app.count(&format!("select cast(review_round as bigint) from plans where id = {plan}")).await, 2);
        assert_eq!(app.count("select count(*) from tranches").await, 0);
        assert_eq!(app.count(&format!("select committed_centimes from grant_calls where id = {call}")).await, 0);
    }

    async fn approvals_at_the_same_instant_never_pass_the_envelope(app) {
        // 30,000 MAD covers three grants of 8,000; eight chairs' sessions approve at once.
        let (_admin, plans) = plans_on_the_agenda(&app, 8).await;
        score_all(&app, &plans).await;
        let call = app.id_of("grant_calls", CALL).await;
        // The call's terms as an admin could set them: an envelope of 30,000 MAD.
        app.exec(&format!(
            "update grant_calls set max_grant_centimes = 1000000, envelope_centimes = 3000000 \
             where id = {call}"
        ))
        .await;
        let mut tasks = Vec::new();
        for plan in plans {
            let plan: i64 = plan.parse().expect("id");
            let mut client = chair(&app).await;
            tasks.push(tokio::spawn(async move { decide(&mut client, plan, "approved", "8000").await }));
        }
        let mut approved = 0;
        for task in tasks {
            let (code, body) = task.await.expect("task");
            match code {
                200 => approved += 1,
                422 => assert!(body.contains("envelope_exceeded"), "{body}"),
                other => panic!("unexpected {other}: {body}"),
            }
        }
        assert_eq!(approved, 3);
        assert_eq!(app.count(&format!("select committed_centimes from grant_calls where id = {call}")).await, 2_400_000);
        assert_eq!(app.count("select count(*) from decisions where outcome = 'approved'").await, 3);
        assert_eq!(app.count("select count(*) from plans where status = 'approved'").await, 3);
        assert_eq!(app.count("select count(*) from plans where status = 'under_review'").await, 5);
        assert!(broken_invariants(&app).await.is_empty());
    }

    async fn a_tranche_is_released_by_an_admin_and_confirmed_by_someone_else(app) {
        let (plan, mut admin, mut finance) = approved(&app).await;
        let first = tranche_id(&app, plan, 1).await;
        let second = tranche_id(&app, plan, 2).await;

        // Bad details: refused on the field, nothing moves.
        let (code, body) = release(&mut admin, &first, "k-release-bad-0001", &[("method", "in_kind"), ("supplier", "1")]).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("invoice_missing"), "{body}");
        // The second tranche waits for the first and for a monitoring visit.
        let (code, body) = release(&mut admin, &second, "k-release-2nd-0001", &IN_KIND).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("earlier_tranche_open"), "{body}");
        // Finance cannot release; an admin cannot confirm.
        let (code, _) = release(&mut finance, &first, "k-release-fin-0001", &IN_KIND).await;
        assert_eq!(code, 403);

        let (code, body) = release(&mut admin, &first, "k-release-1st-0001", &IN_KIND).await;
        assert_eq!(code, 200, "{body}");
        assert!(body.contains("\"status\":\"released\""), "{body}");
        let (code, _) = settle(&mut admin, &first, "k-settle-adm-00001", "paid").await;
        assert_eq!(code, 403);

        // The admin who released it, moved to finance, still cannot confirm it.
        app.exec("update users set role = 'finance' where email = 'admin@example.org'").await;
        let mut maker = app.login("admin@example.org").await;
        let (code, body) = settle(&mut maker, &first, "k-settle-maker-001", "paid").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("same_maker_and_checker"), "{body}");

        // A failure is recorded and the tranche released again, then paid.
        let (code, body) = settle(&mut finance, &first, "k-settle-fail-0001", "failed").await;
        assert_eq!(code, 200, "{body}");
        app.exec("update users set role = 'admin' where email = 'admin@example.org'").await;
        let mut admin = app.login("admin@example.org").await;
        let (code, body) = release(&mut admin, &first, "k-release-1st-0002", &WALLET).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = settle(&mut finance, &first, "k-settle-paid-0001", "paid").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(app.count(&format!("select count(*) from payments where tranche_id = {first}")).await, 2);
        assert_eq!(app.text(&format!("select status from tranches where id = {first}")).await.as_deref(), Some("paid"));

        // Now only the visit is missing; a satisfactory one opens the second tranche.
        let (code, body) = release(&mut admin, &second, "k-release-2nd-0002", &IN_KIND).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("visit_required"), "{body}");
        let mut coach = app.login("coach@example.org").await;
        let plan_id = plan.to_string();
        let visit = good_visit(&plan_id);
        // Satisfactory but with nothing to show: not enough.
        let recorded = post_visit(&mut coach, &pairs(&visit), &[]).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        assert_eq!(app.count("select count(*) from monitoring_visits where satisfactory").await, 1);
        let (code, body) = release(&mut admin, &second, "k-release-2nd-0004", &IN_KIND).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("visit_required"), "{body}");
        let recorded = post_visit(&mut coach, &pairs(&visit), &[("reçu.pdf", "application/pdf", PDF)]).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        let (code, body) = release(&mut admin, &second, "k-release-2nd-0003", &BANK).await;
        assert_eq!(code, 200, "{body}");

        for action in ["tranche_released", "payment_confirmed", "payment_failed"] {
            assert!(app.count(&format!("select count(*) from audit_log where action = '{action}'")).await >= 1, "{action}");
        }
        assert_eq!(app.count("select count(*) from ledger_entries where kind = 'paid'").await, 1);
        assert!(broken_invariants(&app).await.is_empty());

        // The finance desk lists the tranche awaiting confirmation; the call page the balances.
        let desk = finance.get("/finance").await;
        assert!(desk.body.contains(&format!("data-tranche=\"{second}\"")), "{}", desk.body);
        let call = app.count(&format!("select call_id from plans where id = {plan}")).await;
        let page = admin.get(&format!("/admin/money/call?id={call}")).await;
        assert_eq!(page.status, 200);
        let shown = |dirhams| app::domain::shared::money::Money::from_dirhams(dirhams).to_string();
        assert!(page.body.contains(&format!("data-test=\"committed\">{}", shown(8_000))), "{}", page.body);
        assert!(page.body.contains(&format!("data-test=\"paid\">{}", shown(5_600))), "{}", page.body);
    }

    async fn a_gated_tranche_needs_a_visit_with_evidence_after_the_money_before_it(app) {
        let (plan, mut admin, mut finance) = approved(&app).await;
        let first = tranche_id(&app, plan, 1).await;
        let second = tranche_id(&app, plan, 2).await;
        let plan_id = plan.to_string();
        let mut coach = app.login("coach@example.org").await;
        let visit = good_visit(&plan_id);
        let receipt = [("reçu.pdf", "application/pdf", PDF)];
        // A visit with evidence, made before the first tranche was paid…
        assert_eq!(post_visit(&mut coach, &pairs(&visit), &receipt).await.status, 303);
        let early = app.count("select max(id) from monitoring_visits").await;
        // Times are kept to the second: the payment below lands in a later one.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let (code, body) = release(&mut admin, &first, "k-gate-release-001", &IN_KIND).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = settle(&mut finance, &first, "k-gate-settle-0001", "paid").await;
        assert_eq!(code, 200, "{body}");
        // …does not open the second: the page says why and offers no release.
        let (code, body) = release(&mut admin, &second, "k-gate-release-002", &IN_KIND).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("visit_required"), "{body}");
        let call = app.count(&format!("select call_id from plans where id = {plan}")).await;
        let page = admin.get(&format!("/admin/money/call?id={call}")).await;
        assert!(page.body.contains("data-test=\"blocked\""), "{}", page.body);
        assert!(!page.body.contains("data-test=\"opening-visit\""));

        // A new visit with evidence after the payment opens it, and the release form names it.
        assert_eq!(post_visit(&mut coach, &pairs(&visit), &receipt).await.status, 303);
        let fresh = app.count("select max(id) from monitoring_visits").await;
        assert_ne!(early, fresh);
        let page = admin.get(&format!("/admin/money/call?id={call}")).await;
        let named = &page.body[page.body.find("data-test=\"opening-visit\"").expect("the visit is named")..];
        let named: String = named.chars().take(300).collect();
        assert!(named.contains(&format!("n° {fresh},")), "{named}");
        let (code, body) = release(&mut admin, &second, "k-gate-release-003", &IN_KIND).await;
        assert_eq!(code, 200, "{body}");
    }

    async fn replays_and_races_pay_a_tranche_exactly_once(app) {
        let (plan, mut admin, _finance) = approved(&app).await;
        let first = tranche_id(&app, plan, 1).await;

        // Ten releases with the same key at once: one release, ten identical receipts.
        let mut tasks = Vec::new();
        for _ in 0..10 {
            let mut client = app.login("admin@example.org").await;
            let tranche = first.clone();
            tasks.push(tokio::spawn(async move {
                release(&mut client, &tranche, "k-same-release-key-01", &IN_KIND).await
            }));
        }
        let mut bodies = Vec::new();
        for task in tasks {
            let (code, body) = task.await.expect("task");
            assert_eq!(code, 200, "{body}");
            bodies.push(body);
        }
        assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{bodies:?}");
        assert_eq!(app.count(&format!("select count(*) from payments where tranche_id = {first}")).await, 1);

        // The same key with another body is refused.
        let (code, body) = release(&mut admin, &first, "k-same-release-key-01", &WALLET).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("idempotency_key_reused"), "{body}");

        // Eight confirmations by one officer with one key (eight sessions: a double click, a
        // retry after a timeout…) and eight by other officers with their own keys, all at once.
        app.user("finance-a@example.org", Role::Finance).await;
        let mut tasks = Vec::new();
        for n in 0..16 {
            let (email, key) = if n < 8 {
                ("finance-a@example.org".to_owned(), "k-shared-confirm-key".to_owned())
            } else {
                let email = format!("finance{n}@example.org");
                app.user(&email, Role::Finance).await;
                (email, format!("k-own-confirm-key-{n:02}"))
            };
            let mut client = app.login(&email).await;
            let tranche = first.clone();
            tasks.push(tokio::spawn(async move { (n, settle(&mut client, &tranche, &key, "paid").await) }));
        }
        let mut shared = Vec::new();
        let mut own_paid = 0;
        for task in tasks {
            let (n, (code, body)) = task.await.expect("task");
            match (n < 8, code) {
                (true, 200) => shared.push(body),
                (false, 200) => own_paid += 1,
                (_, 409 | 422) => {}
                (_, other) => panic!("confirmation {n}: unexpected {other}: {body}"),
            }
        }
        // Either the shared key won (all eight get its one receipt) or one other officer did.
        match (shared.len(), own_paid) {
            (8, 0) => assert!(shared.windows(2).all(|w| w[0] == w[1]), "{shared:?}"),
            (0, 1) => {}
            other => panic!("paid by {other:?}"),
        }
        assert_eq!(app.count("select count(*) from ledger_entries where kind = 'paid'").await, 1);
        assert_eq!(app.count(&format!("select count(*) from payments where tranche_id = {first} and status = 'paid'")).await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'payment_confirmed'").await, 1);
        assert!(broken_invariants(&app).await.is_empty());
    }

    async fn a_cancelled_tranche_gives_its_amount_back_to_the_envelope(app) {
        let (plan, mut admin, _finance) = approved(&app).await;
        let first = tranche_id(&app, plan, 1).await;
        let (code, body) = release(&mut admin, &first, "k-release-cancel-01", &IN_KIND).await;
        assert_eq!(code, 200, "{body}");
        let response = admin.call("/api/money/cancel", &[("tranche", &first), ("key", "k-cancel-key-00001"), ("reason", "")]).await;
        assert_eq!(response.status, 422, "{}", response.body);
        let response = admin.call("/api/money/cancel", &[("tranche", &first), ("key", "k-cancel-key-00001"), ("reason", "Activité abandonnée")]).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(app.text(&format!("select status from payments where tranche_id = {first}")).await.as_deref(), Some("cancelled"));
        assert_eq!(app.count("select committed_centimes from grant_calls where reference = 'AGR-TNG-FEMMES-2027'").await, 240_000);
        let response = admin.call("/api/money/cancel", &[("tranche", &first), ("key", "k-cancel-key-00002"), ("reason", "Encore")]).await;
        assert_eq!(response.status, 422, "{}", response.body);
        assert!(response.body.contains("tranche_is"), "{}", response.body);
        assert!(broken_invariants(&app).await.is_empty());
    }

    async fn the_ledger_is_append_only_and_exports_safely(app) {
        let (plan, mut admin, mut finance) = approved(&app).await;
        let first = tranche_id(&app, plan, 1).await;
        let (code, body) = release(&mut admin, &first, "k-release-export-1", &IN_KIND).await;
        assert_eq!(code, 200, "{body}");
        for sql in ["update ledger_entries set amount_centimes = 1", "delete from ledger_entries", "update decisions set amount_centimes = 1", "delete from score_sheets"] {
            let refused = match app.db() {
                app::db::Db::Sqlite(pool, _) => sqlx::query(sql).execute(pool).await.is_err(),
                app::db::Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.is_err(),
            };
            assert!(refused, "{sql} must be refused");
        }
        let (code, body) = settle(&mut finance, &first, "k-settle-export-1", "paid").await;
        assert_eq!(code, 200, "{body}");
        // In the reader's language: the columns, the movements, the methods; and the reference
        // the finance officer gave the payment.
        let csv = finance.get("/admin/money/ledger.csv").await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-disposition").unwrap_or_default().contains("attachment"));
        assert!(csv.body.starts_with("\u{feff}N° d'écriture,Date et heure (UTC),Appel à projets,Plan,Tranche,Paiement,Mouvement,Montant (MAD),Mode de paiement,Référence du paiement,Fait par\n"), "{}", csv.body);
        assert!(csv.body.contains(",Engagement,8000.00,"), "{}", csv.body);
        // Every movement of a payment carries its reference, once the finance officer gave it.
        assert!(csv.body.contains(",Versement ordonné,5600.00,\"En nature, payé au fournisseur\",Virement 4471,admin@example.org"), "{}", csv.body);
        assert!(csv.body.contains(",Payé,5600.00,\"En nature, payé au fournisseur\",Virement 4471,finance@example.org"), "{}", csv.body);
        // Another finance officer whose browser asks for English.
        let mut english = app.login("finance@example.org").await;
        english.headers.push(("accept-language", "en".into()));
        let english = english.get("/admin/money/ledger.csv").await;
        assert!(english.body.contains("Entry no.,Date and time (UTC)"), "{}", english.body);
        assert!(english.body.contains(",Paid,5600.00,"), "{}", english.body);
        assert_eq!(app.count("select count(*) from audit_log where action = 'ledger_exported'").await, 2);
        let mut applicant = app.login("awa@example.org").await;
        assert_eq!(applicant.get("/admin/money/ledger.csv").await.status, 403);
    }

    async fn only_the_plans_readers_see_its_money(app) {
        let (plan, _admin, mut finance) = approved(&app).await;
        let plan = plan.to_string();
        let mut owner = app.login("awa@example.org").await;
        let response = owner.call("/api/money/plan", &[("plan", &plan)]).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert!(!response.body.contains("@example.org"), "no staff names for the applicant");
        app.user("other@example.org", Role::Applicant).await;
        let mut other = app.login("other@example.org").await;
        assert_eq!(other.call("/api/money/plan", &[("plan", &plan)]).await.status, 404);
        assert_eq!(finance.call("/api/money/plan", &[("plan", &plan)]).await.status, 200);
        let mut committee = chair(&app).await;
        assert_eq!(committee.call("/api/money/plan", &[("plan", &plan)]).await.status, 403);
    }
}
