//! "Tell me when a new training or call matches me" (issue 14): off until the applicant turns
//! it on from the matches page (a plain form); then each offer that appears afterwards and that
//! they are eligible for is announced once, in the app and by mail; offers already there, ones
//! they are not eligible for, and people who did not ask hear nothing.

use super::matches::{catalogue, person};
use passerelle_tests::{both_backends, TestApp};

/// One look for new offers, as each server makes every five minutes.
async fn look(app: &TestApp) -> usize {
    let catalogue = app::db::catalogue::kept::KeptCatalogue::default();
    let today = app::db::now().date();
    app::db::notifications::offer_alerts::announce(app.db(), &catalogue, today)
        .await
        .expect("announce")
}

/// `hours` ago, as both databases read a literal timestamp.
fn hours_ago(hours: i64) -> String {
    (app::db::now() - time::Duration::hours(hours))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("date")
}

/// The offers of the eligible group on a matches page, by reference.
fn eligible_references(page: &str) -> Vec<String> {
    let start = page.find("id=\"eligible\"").expect("an eligible group");
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |n| start + n);
    page[start..end]
        .split("data-reference=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

both_backends! {
    async fn new_offers_are_announced_once_to_those_who_asked_and_are_eligible(app) {
        catalogue(&app).await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        let _fatou = person(&app, "fatou@example.org", "Fatou Diallo", true).await;
        let page = awa.get("/matches").await;
        assert!(page.body.contains("data-test=\"offer-alerts\" data-on=\"false\""), "{}", page.body);
        assert_eq!(look(&app).await, 0, "nobody asked");

        // Turned on without JavaScript: the page says so and offers to stop.
        let turned = awa.post_form("/api/notifications/offer_alerts", "/matches", &[("on", "1")]).await;
        assert_eq!(turned.status, 302, "{}", turned.body);
        assert_eq!(turned.location(), Some("/matches?alerts=on"));
        let page = awa.get("/matches?alerts=on").await;
        assert!(page.body.contains("data-test=\"alerts-changed\""), "{}", page.body);
        assert!(page.body.contains("data-on=\"true\""), "{}", page.body);
        assert_eq!(look(&app).await, 0, "offers already there are not news");

        // Every training appears after she asked (calls long before): she hears of those she
        // is eligible for, as the matches page ranks them; Fatou, who did not ask, of none.
        let awa_id = app.user_id("awa@example.org").await;
        app.exec(&format!("update users set offer_alerts_since = '{}', offer_alerts_checked = '{}' where id = {awa_id}",
            hours_ago(2), hours_ago(2))).await;
        app.exec(&format!("update grant_calls set created_at = '{}'", hours_ago(3))).await;
        app.exec(&format!("update trainings set created_at = '{}'", hours_ago(1))).await;
        let eligible = eligible_references(&awa.get("/matches?kind=training").await.body);
        assert!(!eligible.is_empty());
        let trainings = app.count("select count(*) from trainings").await;
        assert!((eligible.len() as i64) < trainings, "some trainings are not for her");
        assert_eq!(look(&app).await, eligible.len());
        assert_eq!(look(&app).await, 0, "each offer is announced once");
        let told = format!("select count(*) from notifications where user_id = {awa_id} and event like '%new_training%'");
        assert_eq!(app.count(&told).await, eligible.len() as i64);
        assert_eq!(app.count("select count(*) from outbox where address = 'awa@example.org' and link = '/matches?kind=training'").await,
            eligible.len() as i64);
        assert_eq!(app.count("select count(*) from notifications n join users u on u.id = n.user_id \
            where u.email = 'fatou@example.org'").await, 0);
        let list = awa.get("/notifications").await;
        assert!(list.body.contains("Nouvelle formation pour vous"), "{}", list.body);

        // Turned off: a training that appears later is not announced.
        let off = awa.call("/api/notifications/offer_alerts", &[("on", "0")]).await;
        assert_eq!(off.status, 200, "{}", off.body);
        let page = awa.get("/matches?alerts=off").await;
        assert!(page.body.contains("data-on=\"false\""), "{}", page.body);
        app.exec(&format!("update trainings set created_at = '{}'", hours_ago(0))).await;
        app.exec("delete from offer_alerts").await;
        assert_eq!(look(&app).await, 0);
        assert_eq!(app.count(&told).await, eligible.len() as i64);
    }
}
