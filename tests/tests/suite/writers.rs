//! SQLite writers of one server take the write lock in the order they asked for it, handed on
//! from one to the next, instead of sleeping in SQLite's busy handler and retrying in whatever
//! order they wake (`app::db::Writers`).

use passerelle_tests::{block_on, Backend, TestApp};
use std::future::Future;
use std::task::Poll;

#[test]
fn sqlite_writers_take_the_write_lock_in_the_order_they_asked_for_it() {
    block_on(async {
        let app = TestApp::new(Backend::Sqlite).await;
        app.exec("create table turns (n integer not null)").await;
        let first = app.db().begin().await.expect("the write lock");
        let mut writers = Vec::new();
        for n in 0..8_i64 {
            let db = app.db().clone();
            let mut writer = Box::pin(async move {
                let mut tx = db.begin().await.expect("a turn");
                app::on_conn!(&mut tx, |conn| {
                    sqlx::query("insert into turns (n) values ($1)")
                        .bind(n)
                        .execute(conn)
                        .await
                        .map(drop)
                })
                .expect("insert");
                tx.commit().await.expect("commit");
            });
            // Polled once, it is queued behind the first writer and those before it.
            std::future::poll_fn(|cx| {
                assert!(
                    writer.as_mut().poll(cx).is_pending(),
                    "writer {n} waits its turn"
                );
                Poll::Ready(())
            })
            .await;
            writers.push(tokio::spawn(writer));
        }
        first.commit().await.expect("commit");
        for writer in writers {
            writer.await.expect("the writer ends");
        }
        let order = app
            .text("select group_concat(n) from (select n from turns order by rowid)")
            .await;
        assert_eq!(order.as_deref(), Some("0,1,2,3,4,5,6,7"));
    })
}
