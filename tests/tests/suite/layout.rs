//! The layout is part of the contract (README, "Where things are"): every server function lives
//! in `app/src/server_fns/<area>/<action>.rs` and answers at `/api/<area>/<action>`, one per
//! file, in one of the areas every layer names alike. These tests read the source tree and the
//! server's registry of functions, so a function in the wrong file, or an endpoint named
//! differently from its file, fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The areas, the same word in `domain/`, `db/`, `server_fns/`, `pages/` and `wire/`.
const AREAS: [&str; 14] = [
    "accounts",
    "catalogue",
    "committee",
    "enrolments",
    "matching",
    "mentoring",
    "money",
    "monitoring",
    "notifications",
    "plans",
    "privacy",
    "profile",
    "reporting",
    "shared",
];

/// Endpoints older than the layout that other sites, bookmarks and scripts rely on: they keep
/// their short names.
const PUBLIC_CONTRACT: [(&str, &str); 4] = [
    ("accounts/login", "/api/login"),
    ("accounts/logout", "/api/logout"),
    ("accounts/signup", "/api/signup"),
    ("shared/set_locale", "/api/set_locale"),
];

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")
}

/// `(area/action, endpoint)` for every `#[server]` in `server_fns/<area>/<action>.rs`.
fn declared_endpoints() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for area in AREAS {
        let dir = app_src().join("server_fns").join(area);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            let Some(action) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).expect("a source file");
            // Item attributes only (at the start of a line): `#[server(default)]` on an
            // argument is not a server function.
            let endpoints: Vec<String> = text
                .match_indices("\n#[server(")
                .map(|(at, _)| {
                    let attr = &text[at..at + text[at..].find(")]").expect("attribute end")];
                    let start = attr.find("endpoint = \"").unwrap_or_else(|| {
                        panic!("{path:?}: a server function without an explicit endpoint")
                    }) + "endpoint = \"".len();
                    let len = attr[start..].find('"').expect("endpoint end");
                    format!("/api/{}", &attr[start..start + len])
                })
                .collect();
            match endpoints.as_slice() {
                [] => {}
                [endpoint] => found.push((format!("{area}/{action}"), endpoint.clone())),
                many => panic!(
                    "{path:?} holds {} server functions: one per file",
                    many.len()
                ),
            }
        }
    }
    found
}

#[test]
fn every_server_function_answers_at_its_area_and_file_name() {
    let declared = declared_endpoints();
    assert!(
        declared.len() > 60,
        "only {} server functions found",
        declared.len()
    );
    for (file, endpoint) in &declared {
        let expected = PUBLIC_CONTRACT
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, e)| (*e).to_owned())
            .unwrap_or_else(|| format!("/api/{file}"));
        assert_eq!(
            endpoint, &expected,
            "server_fns/{file}.rs must answer at {expected}"
        );
    }
}

#[test]
fn every_registered_server_function_lives_in_an_area_folder() {
    let declared: BTreeSet<String> = declared_endpoints().into_iter().map(|(_, e)| e).collect();
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let outside: Vec<_> = registered.difference(&declared).collect();
    assert!(
        outside.is_empty(),
        "server functions outside app/src/server_fns/<area>/: {outside:?}"
    );
    let unregistered: Vec<_> = declared.difference(&registered).collect();
    assert!(unregistered.is_empty(), "not registered: {unregistered:?}");
}

#[test]
fn every_layer_has_the_same_areas() {
    for layer in ["domain", "db", "server_fns", "pages"] {
        let dirs: BTreeSet<String> = std::fs::read_dir(app_src().join(layer))
            .expect("a layer folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .collect();
        let unknown: Vec<_> = dirs
            .iter()
            .filter(|d| !AREAS.contains(&d.as_str()))
            .collect();
        assert!(
            unknown.is_empty(),
            "{layer}/ has folders that are not areas: {unknown:?}"
        );
        let loose: Vec<_> = std::fs::read_dir(app_src().join(layer))
            .expect("a layer folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            // `problem.rs` in domain/ and pages/ is the one place that joins every area's
            // problems (the wrapper `Problem` and the sentence for each); no area is in it.
            .filter(|name| name != "mod.rs" && name != "problem.rs")
            .collect();
        assert!(
            loose.is_empty(),
            "{layer}/ has files outside any area: {loose:?}"
        );
    }
    let wire: BTreeSet<String> = std::fs::read_dir(app_src().join("wire"))
        .expect("the wire folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .map(|n| n.trim_end_matches(".rs").to_owned())
        })
        .filter(|n| n != "mod")
        .collect();
    let unknown: Vec<_> = wire
        .iter()
        .filter(|d| !AREAS.contains(&d.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "wire/ has files that are not areas: {unknown:?}"
    );
}

passerelle_tests::both_backends! {
    async fn a_renamed_endpoint_sends_an_old_form_on_to_its_new_address(app) {
        let mut admin = app.signed_in(app::domain::accounts::role::Role::Admin).await;
        for (old, new) in app::server_fns::MOVED {
            let response = admin.call(old, &[]).await;
            assert_eq!(response.status, 308, "{old}");
            assert_eq!(response.location(), Some(*new), "{old}");
        }
        // A browser follows a 308 with the same method and body: the new address answers it.
        let (old, new) = ("/api/admin/users", "/api/accounts/list_users");
        assert!(app::server_fns::MOVED.contains(&(old, new)));
        let listed = admin.call(new, &[]).await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        assert!(listed.body.contains("admin@example.org"), "{}", listed.body);
    }
}
