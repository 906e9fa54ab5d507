//! `passerelle seed scale` on a small scale: everything it writes is readable by the app, the
//! people it makes show up on staff shortlists, and a second run adds nothing. On the same data,
//! shortlists that read only the profiles the database narrowed to rank exactly as a reading of
//! every profile does.

use app::db::{catalogue, matching::people};
use app::domain::accounts::role::Role;
use app::domain::catalogue::OfferKind;
use app::domain::matching::eligibility::Eligibility;
use app::domain::matching::shortlist::{shortlist, Filter};
use app::domain::profile::Sex;
use app::domain::shared::reference::City;
use app::server_fns::matching::ranked;
use passerelle_tests::{both_backends, TestApp};
use server::seed_scale::{scale, Scale};

/// `(account, score, eligible)` for each line, in order.
type Ranking = Vec<(i64, u8, bool)>;

/// The list as it was ranked before narrowing: every consenting applicant read, then judged.
async fn ranked_from_everyone(app: &TestApp, kind: OfferKind, id: i64, filter: &Filter) -> Ranking {
    let today = app::db::now().date();
    let mut tx = app.db().read().await.expect("read");
    let everyone = people::candidates(&mut tx, &[]).await.expect("everyone");
    let facts = || everyone.iter().map(|(_, f)| f);
    let list = match kind {
        OfferKind::Training => {
            let t = catalogue::training(&mut tx, id)
                .await
                .expect("read")
                .expect("training");
            shortlist(
                &t.rules(),
                &t.traits(),
                t.assessed_on(today),
                facts(),
                filter,
            )
        }
        OfferKind::Call => {
            let c = catalogue::call(&mut tx, id)
                .await
                .expect("read")
                .expect("call");
            shortlist(&c.all_rules(), &c.traits(), today, facts(), filter)
        }
    };
    tx.commit().await.expect("commit");
    list.iter()
        .map(|c| {
            (
                everyone[c.index].0,
                c.score.total(),
                c.eligibility == Eligibility::Eligible,
            )
        })
        .collect()
}

async fn ranked_narrowed(app: &TestApp, kind: OfferKind, id: i64, filter: &Filter) -> Ranking {
    let today = app::db::now().date();
    let mut tx = app.db().read().await.expect("read");
    let (_, list) = ranked(&mut tx, kind, id, filter, today)
        .await
        .expect("ranked");
    tx.commit().await.expect("commit");
    list.iter()
        .map(|r| {
            (
                r.user_id,
                r.score.total(),
                r.eligibility == Eligibility::Eligible,
            )
        })
        .collect()
}

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
                .get_json(&format!("/api/matching/shortlist?search=&kind=call&id={id}&city=&sex=&min_score=&not_yet=1&page="))
                .await;
            assert_eq!(response.status, 200, "{}", response.body);
            listed += response.json()["total"].as_i64().unwrap_or(0);
        }
        assert!(listed > 0, "some scale applicants suit some scale calls");
        let offers = admin
            .get_json("/api/matching/shortlist?search=&kind=&id=&city=&sex=&min_score=&not_yet=&page=")
            .await
            .json();
        assert!(offers["offers"].as_array().is_some_and(|o| !o.is_empty()));
    }

    async fn narrowed_shortlists_rank_exactly_as_reading_everyone_does(app) {
        let today = time::OffsetDateTime::now_utc().date();
        scale(app.db(), Scale { applicants: 600, trainings: 10, calls: 6 }, today).await.expect("seed scale");
        let offers: Vec<(OfferKind, i64)> = (1..=10).map(|id| (OfferKind::Training, id))
            .chain((1..=6).map(|id| (OfferKind::Call, id)))
            .collect();
        let filters = [
            Filter::default(),
            Filter { include_not_yet: true, ..Filter::default() },
            Filter { city: City::parse("tanger"), ..Filter::default() },
            Filter { sex: Some(Sex::Female), include_not_yet: true, ..Filter::default() },
            Filter { min_score: 40, ..Filter::default() },
        ];
        let mut listed = 0;
        for (kind, id) in offers {
            for filter in &filters {
                let before = ranked_from_everyone(&app, kind, id, filter).await;
                let now = ranked_narrowed(&app, kind, id, filter).await;
                assert_eq!(now, before, "{kind:?} {id} with {filter:?}");
                listed += now.len();
            }
        }
        assert!(listed > 500, "the comparison covers real lists ({listed} lines)");

        // The export streams in batches of 500: a longer list comes whole, ranks in order.
        let mut admin = app.signed_in(Role::Admin).await;
        let (kind, id, total) = {
            let mut best = ("training", 0, 0);
            for (kind, id) in (1..=10).map(|id| ("training", id)).chain((1..=6).map(|id| ("call", id))) {
                let list = admin
                    .get_json(&format!("/api/matching/shortlist?kind={kind}&id={id}&city=&sex=&min_score=&not_yet=1&page="))
                    .await
                    .json();
                let total = list["total"].as_i64().unwrap_or(0);
                if total > best.2 {
                    best = (kind, id, total);
                }
            }
            best
        };
        assert!(total > 500, "a list longer than one batch ({total})");
        let csv = admin.get(&format!("/staff/matches.csv?offer={kind}:{id}&not_yet=1")).await;
        assert_eq!(csv.status, 200);
        let ranks: Vec<i64> = csv.body.lines().skip(1).filter_map(|l| l.split(',').next()?.parse().ok()).collect();
        assert_eq!(ranks, (1..=total).collect::<Vec<_>>());
    }
}
