//! French by default, the browser's language on a first visit, the reader's choice after.

use passerelle_tests::both_backends;

fn html_tag(body: &str) -> &str {
    let start = body.find("<html").expect("an html element");
    let end = body[start..].find('>').expect("end of tag") + start;
    &body[start..=end]
}

both_backends! {
    async fn french_is_the_default(app) {
        let mut client = app.client();
        let page = client.get("/login").await;
        let tag = html_tag(&page.body);
        assert!(tag.contains("lang=\"fr\""), "{tag}");
        assert!(tag.contains("dir=\"ltr\""), "{tag}");
        assert!(page.body.contains("Se connecter"));
    }

    async fn a_first_visit_follows_accept_language(app) {
        let mut client = app.client();
        client.headers.push(("accept-language", "ar-MA,ar;q=0.9,fr;q=0.8".into()));
        let page = client.get("/login").await;
        let tag = html_tag(&page.body);
        assert!(tag.contains("lang=\"ar\""), "{tag}");
        assert!(tag.contains("dir=\"rtl\""), "{tag}");
        assert!(page.body.contains("تسجيل الدخول"));
    }

    async fn the_switch_works_as_a_plain_form_and_is_remembered(app) {
        let mut client = app.client();
        client.headers.push(("accept-language", "en".into()));
        let response = client.post_form("/api/set_locale", "/signup", &[("locale", "ar")]).await;
        assert_eq!(response.status, 302);
        let back = response.location().unwrap_or_default();
        assert!(back.starts_with("http://localhost:3000/signup"), "back to the page: {back}");
        let cookie = response.header("set-cookie").expect("cookie");
        assert!(cookie.starts_with("i18n_pref_locale=ar"), "{cookie}");
        assert!(cookie.contains("Max-Age=31536000"), "{cookie}");

        let page = client.get("/signup").await;
        let tag = html_tag(&page.body);
        assert!(tag.contains("dir=\"rtl\""), "the cookie wins over Accept-Language: {tag}");
        assert!(page.body.contains("إنشاء حساب"));
    }

    async fn an_unknown_language_is_refused(app) {
        let mut client = app.client();
        let response = client.call("/api/set_locale", &[("locale", "xx")]).await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("locale_unknown"));
    }

    async fn the_refusal_page_speaks_the_readers_language(app) {
        let mut client = app.signed_in(app::domain::accounts::role::Role::Applicant).await;
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let page = client.get("/admin").await;
        assert_eq!(page.status, 403);
        assert!(page.body.contains("dir=\"rtl\""));
        assert!(page.body.contains("الوصول مرفوض"));
    }
}
