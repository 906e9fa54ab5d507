//! `passerelle seed scale` on a small scale: everything it writes is readable by the app, the
//! people it makes show up on staff shortlists, and a second run adds nothing.

use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;
use server::seed_scale::{scale, Scale};

both_backends! {
    async fn the_scale_data_set_is_complete_readable_and_added_once(app) {
        let today = time::OffsetDateTime::now_utc().date();
        let size = Scale { applicants: 450, trainings: 12, calls: 4 };
        let added = scale(app.db(), size, today).await.expect("seed scale");
        assert_eq!((added.applicants, added.trainings, added.calls), (450, 12, 4));
        assert_eq!(app.count("select count(*) from profiles").await, 450);
        assert_eq!(app.count("select count(*) from consents").await, 450);
        assert!(app.count("select count(*) from profile_skills").await >= 450);
        assert_eq!(app.count("select count(*) from users where password_hash is not null").await, 0,
            "nobody can sign in as a scale account");

        let again = scale(app.db(), size, today).await.expect("seed scale again");
        assert_eq!((again.applicants, again.trainings, again.calls), (0, 0, 0));
        assert_eq!(app.count("select count(*) from profiles").await, 450);

        // Every generated row is one the app can read, and staff see people on the lists.
        let mut admin = app.signed_in(Role::Admin).await;
        let mut listed = 0;
        for id in 1..=4 {
            let response = admin
                .get_json(&format!("/api/matching/shortlist?kind=call&id={id}&city=&sex=&min_score=&not_yet=1&page="))
                .await;
            assert_eq!(response.status, 200, "{}", response.body);
            listed += response.json()["total"].as_i64().unwrap_or(0);
        }
        assert!(listed > 0, "some scale applicants suit some scale calls");
        let offers = admin
            .get_json("/api/matching/shortlist?kind=&id=&city=&sex=&min_score=&not_yet=&page=")
            .await
            .json();
        assert!(offers["offers"].as_array().is_some_and(|o| !o.is_empty()));
    }
}
