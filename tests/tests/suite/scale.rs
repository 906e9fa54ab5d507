//! `passerelle seed scale` on a small scale: everything it writes is readable by the app, the
//! people it makes show up on staff shortlists, and a second run adds nothing. On the same data,
//! the index each server keeps ranks exactly as a reading of every profile does, whatever was
//! written since and by whichever server.

use app::db::matching::index::{self, PeopleIndex};
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

/// The list read the plain way: every consenting applicant read, then judged.
async fn ranked_from_everyone(app: &TestApp, kind: OfferKind, id: i64, filter: &Filter) -> Ranking {
    let today = app::db::now().date();
    let mut tx = app.db().read().await.expect("read");
    let everyone = people::candidates(&mut tx).await.expect("everyone");
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

/// The list as a server that has just started ranks it: a fresh index.
async fn ranked_by_index(app: &TestApp, kind: OfferKind, id: i64, filter: &Filter) -> Ranking {
    ranked_with(app, &PeopleIndex::default(), kind, id, filter).await
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

    async fn the_kept_index_ranks_exactly_as_reading_everyone_does(app) {
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
                let now = ranked_by_index(&app, kind, id, filter).await;
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

both_backends! {
    async fn many_people_at_once_have_the_facts_each_one_has_alone(app) {
        let today = time::OffsetDateTime::now_utc().date();
        scale(app.db(), Scale { applicants: 300, trainings: 4, calls: 2 }, today).await.expect("seed scale");
        // Completed trainings (the scale data has none): three for every seventh person.
        app.exec(
            "insert into enrolments (training_id, user_id, status, requested_at, completed_at, \
             updated_at) select t.id, p.user_id, 'completed', t.created_at, t.created_at, \
             t.created_at from profiles p, trainings t where t.id <= 3 and p.user_id % 7 = 0",
        )
        .await;

        let mut tx = app.db().read().await.expect("read");
        let everyone = people::candidates(&mut tx).await.expect("everyone");
        assert!(everyone.len() > 200, "most seeded applicants consent ({})", everyone.len());
        for (user_id, facts) in &everyone {
            let alone = app::db::profile::profiles::facts(&mut tx, *user_id).await.expect("facts");
            assert_eq!(facts, &alone, "account {user_id}");
        }
        let with = |has: fn(&app::domain::profile::Facts) -> bool| everyone.iter().filter(|(_, f)| has(f)).count();
        assert!(with(|f| f.documents.iter().any(|d| d.expires_on.is_some())) > 10, "papers that expire");
        assert!(with(|f| f.skills.len() > 1) > 10, "several skills");
        assert!(with(|f| !f.completed.is_empty()) > 10, "completed trainings");
        tx.commit().await.expect("commit");
    }
}

both_backends! {
    async fn the_kept_index_follows_every_change_whichever_server_made_it(app) {
        let today = time::OffsetDateTime::now_utc().date();
        scale(app.db(), Scale { applicants: 300, trainings: 4, calls: 3 }, today).await.expect("seed scale");
        // Two servers on one database, each with its own index.
        let (first, second) = (PeopleIndex::default(), PeopleIndex::default());
        let offers = [(OfferKind::Training, 1), (OfferKind::Training, 2), (OfferKind::Call, 1), (OfferKind::Call, 3)];
        let filter = Filter { include_not_yet: true, ..Filter::default() };
        let agree = |step: &'static str| {
            let (app, first, second, filter) = (&app, &first, &second, &filter);
            async move {
                let mut listed = 0;
                for (kind, id) in offers {
                    let truth = ranked_from_everyone(app, kind, id, filter).await;
                    listed += truth.len();
                    for index in [first, second] {
                        assert_eq!(ranked_with(app, index, kind, id, filter).await, truth, "{step}: {kind:?} {id}");
                    }
                }
                assert!(listed > 50, "{step}: the lists compared hold people ({listed})");
            }
        };
        agree("first read").await;

        // Changes of every kind, written as any code path would write them.
        let people: Vec<i64> = {
            let mut tx = app.db().read().await.expect("read");
            let everyone = people::candidates(&mut tx).await.expect("everyone");
            tx.commit().await.expect("commit");
            everyone.iter().map(|(id, _)| *id).step_by(10).take(8).collect()
        };
        let [a, b, c, d, e, f, g, h] = people[..] else { panic!("eight people: {people:?}") };
        app.exec(&format!("update users set disabled_at = created_at where id = {a}")).await;
        app.exec(&format!("update users set role = 'mentor' where id = {b}")).await;
        app.exec(&format!("update profiles set city = 'tanger', sex = 'female' where user_id = {c}")).await;
        app.exec(&format!("delete from profile_documents where user_id = {d}")).await;
        app.exec(&format!("delete from profile_skills where user_id = {e}")).await;
        app.exec(&format!("update profiles set birth_date = null, education = null where user_id = {f}")).await;
        app.exec(&format!(
            "insert into consents (user_id, notice_version, language, given, in_person, recorded_by, at) \
             select user_id, notice_version, language, {no}, in_person, recorded_by, at \
             from consents where user_id = {g}",
            no = if matches!(app.db(), app::db::Db::Postgres(_)) { "false" } else { "0" }
        )).await;
        app.exec(&format!(
            "insert into enrolments (training_id, user_id, status, requested_at, completed_at, updated_at) \
             select id, {h}, 'completed', created_at, created_at, created_at from trainings where id = 3"
        )).await;
        assert!(app.count("select count(*) from facts_changes").await > 0, "the changes are recorded");
        agree("after single changes").await;
        app.exec("update trainings set programme = case when programme = 'tahfiz' then 'idmaj' else 'tahfiz' end where id = 3").await;
        agree("after a training's programme changed").await;

        // More changes than are worth rereading one by one: the index reads everyone again.
        for _ in 0..8 {
            app.exec("update profiles set city = 'rabat'").await;
        }
        agree("after many changes").await;

        // Every change so far pruned: the servers that kept up go on from there, and a server
        // started now reads everyone.
        let mut tx = app.db().begin().await.expect("write");
        let pruned = index::prune(&mut tx, 0).await.expect("prune");
        tx.commit().await.expect("commit");
        assert!(pruned > 2_000, "the changes so far are gone ({pruned})");
        assert_eq!(app.count("select count(*) from facts_changes").await, 0);
        app.exec(&format!("delete from profile_skills where user_id = {c}")).await;
        app.exec(&format!("update users set disabled_at = null where id = {a}")).await;
        agree("after pruning").await;
        let late = PeopleIndex::default();
        for (kind, id) in offers {
            let truth = ranked_from_everyone(&app, kind, id, &filter).await;
            assert_eq!(ranked_with(&app, &late, kind, id, &filter).await, truth, "a late server: {kind:?} {id}");
        }
    }
}

both_backends! {
    async fn a_kept_ranking_serves_until_anything_it_was_ranked_from_changes(app) {
        let today = time::OffsetDateTime::now_utc().date();
        scale(app.db(), Scale { applicants: 200, trainings: 2, calls: 1 }, today).await.expect("seed scale");
        let index = PeopleIndex::default();
        let everyone = Filter { include_not_yet: true, ..Filter::default() };
        let rank = |filter: Filter| {
            let (app, index) = (&app, &index);
            async move {
                let mut tx = app.db().read().await.expect("read");
                let (_, list) = ranked(index, &mut tx, OfferKind::Training, 1, &filter, today).await.expect("ranked");
                tx.commit().await.expect("commit");
                list
            }
        };
        let first = rank(everyone).await;
        assert!(first.len() > 10, "a real list ({})", first.len());
        assert!(std::sync::Arc::ptr_eq(&first, &rank(everyone).await), "nothing changed: the kept list");
        let women = rank(Filter { sex: Some(Sex::Female), ..everyone }).await;
        assert!(!std::sync::Arc::ptr_eq(&first, &women), "another filter, another ranking");
        assert!(std::sync::Arc::ptr_eq(&first, &rank(everyone).await), "both lists are kept");

        // The training's rules change: ranked again (here to the same list).
        app.exec("update trainings set seats = seats + 1 where id = 1").await;
        let after_offer = rank(everyone).await;
        assert!(!std::sync::Arc::ptr_eq(&first, &after_offer), "ranked again after the offer changed");
        assert_eq!(after_offer, first);

        // Someone's facts change: ranked again, as a fresh reading of everyone ranks.
        let who = first[0].user_id;
        app.exec(&format!("delete from profile_documents where user_id = {who}")).await;
        app.exec(&format!("delete from profile_skills where user_id = {who}")).await;
        let after_person = rank(everyone).await;
        assert!(!std::sync::Arc::ptr_eq(&after_offer, &after_person), "ranked again after a profile changed");
        assert_eq!(lines(&after_person), ranked_from_everyone(&app, OfferKind::Training, 1, &everyone).await);
    }
}

async fn ranked_with(
    app: &TestApp,
    index: &PeopleIndex,
    kind: OfferKind,
    id: i64,
    filter: &Filter,
) -> Ranking {
    let today = app::db::now().date();
    let mut tx = app.db().read().await.expect("read");
    let (_, list) = ranked(index, &mut tx, kind, id, filter, today)
        .await
        .expect("ranked");
    tx.commit().await.expect("commit");
    lines(&list)
}

/// A ranked list as `(account, score, eligible)` lines.
fn lines(list: &[app::domain::matching::shortlist::Ranked]) -> Ranking {
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
