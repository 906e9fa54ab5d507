//! Withdrawing consent (issue 16, point 1): the person leaves every staff list and export at
//! once, their open requests and plans are withdrawn through their usual steps, a decided
//! grant goes on, and consent given again brings them back; a caseworker can record it for
//! someone in person; every step is in the consent history and on the audit trail.

use super::matches::{catalogue, person};
use super::shortlist::names;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client};

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

/// The names the staff shortlist of the sewing training shows.
async fn shortlisted(staff: &mut Client, training: &str) -> Vec<String> {
    let list = staff
        .get_json(&format!(
            "/api/matching/shortlist?search=&kind=training&id={training}&city=&sex=&min_score=&not_yet=1&page="
        ))
        .await
        .json();
    names(&list)
}

async fn withdraw(client: &mut Client, extra: &[(&str, &str)]) -> passerelle_tests::TestResponse {
    let mut fields = vec![("lang", "fr"), ("understood", "yes")];
    fields.extend_from_slice(extra);
    client
        .post_form("/api/profile/withdraw_consent", "/profile", &fields)
        .await
}

both_backends! {
    async fn withdrawing_consent_leaves_every_list_withdraws_open_work_and_consent_brings_them_back(app) {
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let women = app.id_of("grant_calls", "AGR-TNG-FEMMES-2027").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        person(&app, "fatou@example.org", "Fatou Diallo", true).await;
        assert_eq!(awa.call("/api/enrolments/request", &[("training", &sewing)]).await.status, 200);
        assert_eq!(awa.call("/api/plans/start", &[("call", &women)]).await.status, 200);
        let mut admin = app.signed_in(Role::Admin).await;
        assert_eq!(shortlisted(&mut admin, &sewing).await, vec!["Awa Koné", "Fatou Diallo"]);

        // Not confirmed: named, and nothing changes; without JavaScript the page comes back
        // with the folded card open on the problem.
        let unconfirmed = awa.call("/api/profile/withdraw_consent", &[("lang", "fr")]).await;
        assert_eq!(unconfirmed.status, 422);
        assert!(unconfirmed.body.contains("withdrawal_not_confirmed"), "{}", unconfirmed.body);
        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let plain = awa.post_form("/api/profile/withdraw_consent", "/profile", &[("lang", "fr")]).await;
        let back = awa.get(plain.location().expect("back to the profile")).await;
        assert!(back.body.contains("data-test=\"withdraw\" open"), "{}", back.body);
        assert!(back.body.contains("Cochez la case pour confirmer"), "{}", back.body);
        assert_eq!(app.count("select count(*) from consents where given = false").await, 0);

        let done = withdraw(&mut awa, &[]).await;
        assert_eq!(done.status, 302, "{}", done.body);
        assert_eq!(done.location(), Some("/profile?saved=consent_withdrawn#consent"));
        assert_eq!(shortlisted(&mut admin, &sewing).await, vec!["Fatou Diallo"], "gone at once");
        let csv = admin.get(&format!("/staff/matches.csv?offer=training:{sewing}&not_yet=1")).await;
        assert_eq!(csv.status, 200);
        assert!(!csv.body.contains("Awa") && csv.body.contains("Fatou"), "{}", csv.body);
        let awa_id = app.user_id("awa@example.org").await;
        assert_eq!(app.text(&format!("select status from enrolments where user_id = {awa_id}")).await.as_deref(), Some("withdrawn"));
        assert_eq!(app.text(&format!("select status from plans where user_id = {awa_id}")).await.as_deref(), Some("withdrawn"));
        let details = app
            .text(&format!("select details from audit_log where action = 'consent_withdrawn' and subject_id = {awa_id} and actor_id = {awa_id}"))
            .await
            .expect("on the audit trail");
        let details: serde_json::Value = serde_json::from_str(&details).expect("json");
        assert_eq!(details["enrolments_withdrawn"], 1);
        assert_eq!(details["plans_withdrawn"], 1);
        assert_eq!(details["in_person"], false);

        // Awa's page says so, keeps the history, and offers the notice again.
        let page = awa.get("/profile?saved=consent_withdrawn").await;
        assert!(page.body.contains("data-test=\"consent-withdrawn\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"agree\""));
        assert_eq!(page.body.matches("data-test=\"consent-line\"").count(), 2, "given, then withdrawn");
        assert!(!page.body.contains("data-test=\"identity\""), "no profile form without consent");
        let again = awa.call("/api/profile/withdraw_consent", &[("lang", "fr"), ("understood", "yes")]).await;
        assert_eq!(again.status, 422, "nothing more to withdraw: {}", again.body);
        assert!(again.body.contains("consent_required"), "{}", again.body);

        let given = awa.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        assert_eq!(given.status, 200, "{}", given.body);
        assert_eq!(shortlisted(&mut admin, &sewing).await, vec!["Awa Koné", "Fatou Diallo"], "back at once");
        let page = awa.get("/profile").await;
        assert!(page.body.contains("data-test=\"identity\""), "the profile is as it was");
        assert_eq!(page.body.matches("data-test=\"consent-line\"").count(), 3);
    }

    async fn a_decided_grant_goes_on_and_a_started_training_is_kept(app) {
        catalogue(&app).await;
        let women = app.id_of("grant_calls", "AGR-TNG-FEMMES-2027").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        assert_eq!(awa.call("/api/plans/start", &[("call", &women)]).await.status, 200);
        app.exec("update plans set status = 'approved'").await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        assert_eq!(awa.call("/api/enrolments/request", &[("training", &sewing)]).await.status, 200);
        app.exec("update enrolments set status = 'enrolled'").await;
        app.exec(&format!("update trainings set enrolled = 1, starts_on = '2020-01-06' where id = {sewing}")).await;

        assert_eq!(withdraw(&mut awa, &[]).await.status, 302);
        assert_eq!(app.text("select status from plans").await.as_deref(), Some("approved"));
        assert_eq!(app.text("select status from enrolments").await.as_deref(), Some("enrolled"));
        let details = app.text("select details from audit_log where action = 'consent_withdrawn'").await.expect("recorded");
        assert!(details.contains("\"plans_withdrawn\":0") && details.contains("\"enrolments_withdrawn\":0"), "{details}");
    }

    async fn a_caseworker_records_a_withdrawal_made_in_person(app) {
        let mut cw = app.signed_in(Role::Caseworker).await;
        let registration = [
            ("full_name", "Mariam Traoré"),
            ("phone", ""),
            ("notice_version", NOTICE),
            ("lang", "ar"),
            ("notice_read", "yes"),
            ("agreed", "yes"),
        ];
        assert_eq!(cw.post_form("/api/profile/register", "/caseworker/applicants", &registration).await.status, 302);
        let id = app.count("select max(id) from users where role = 'applicant'").await.to_string();
        let editor = cw.get(&format!("/caseworker/profile?applicant={id}")).await;
        assert!(editor.body.contains("data-test=\"withdraw\""), "{}", editor.body);

        let done = withdraw(&mut cw, &[("applicant", &id)]).await;
        assert_eq!(done.status, 302, "{}", done.body);
        assert_eq!(done.location(), Some("/caseworker/applicants?saved=consent_withdrawn"));
        let cw_id = app.user_id("caseworker@example.org").await;
        assert_eq!(
            app.count(&format!("select count(*) from consents where user_id = {id} and given = false and in_person = true and recorded_by = {cw_id}")).await,
            1
        );
        let list = cw.get("/caseworker/applicants?q=Mariam&saved=consent_withdrawn").await;
        assert!(list.body.contains("data-test=\"saved\""));
        assert!(!list.body.contains("data-test=\"applicant\""), "no longer listed: {}", list.body);
        assert!(!cw.get(&format!("/caseworker/profile?applicant={id}")).await.body.contains("Mariam"));
        let again = cw.call("/api/profile/withdraw_consent", &[("lang", "fr"), ("understood", "yes"), ("applicant", &id)]).await;
        assert_eq!(again.status, 422, "{}", again.body);
    }
}
