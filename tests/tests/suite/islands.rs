//! Which pages ship code to the browser: exactly those listed in `app::app::ISLAND_PAGES`, and
//! each of those holds an island. A page that gained an island without the list would never
//! hydrate it; one listed without an island would make phones download the bundle for nothing.

use super::plan_support::awa_with_a_plan;
use app::app::page_has_islands;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, client::Client};

async fn check(client: &mut Client, path: &str) {
    let page = client.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    let route = path.split('?').next().unwrap_or(path);
    let has_island = page.body.contains("<leptos-island");
    let loads_bundle = page.body.contains(".wasm");
    assert_eq!(
        has_island,
        page_has_islands(route),
        "{path} and its islands"
    );
    assert_eq!(
        loads_bundle,
        page_has_islands(route),
        "{path} and the bundle"
    );
}

both_backends! {
    async fn only_pages_with_islands_load_the_browser_bundle(app) {
        let (mut applicant, plan) = awa_with_a_plan(&app).await;
        for path in ["/", "/me", "/profile", "/matches", "/enrolments", "/plans", "/skills"] {
            check(&mut applicant, path).await;
        }
        check(&mut applicant, &format!("/plans/plan?id={plan}")).await;
        check(&mut applicant, &format!("/plans/activity?id={plan}")).await;
        let mut visitor = app.client();
        for path in ["/login", "/signup", "/skills?q=tresses"] {
            check(&mut visitor, path).await;
        }
        let mut admin = app.signed_in(Role::Admin).await;
        for path in ["/admin", "/admin/users", "/admin/trainings", "/staff/matches"] {
            check(&mut admin, path).await;
        }
    }
}
