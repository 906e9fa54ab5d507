//! Endpoints renamed by the layout (one name per area) and where they live now.

/// Endpoints renamed when every area got one name in every layer: a page rendered before the
/// change (an open tab, a form without JavaScript) still posts to the old address, which
/// answers with a permanent redirect that keeps the method and the body.
pub const MOVED: &[(&str, &str)] = &[
    (
        "/api/account/change_password",
        "/api/accounts/change_password",
    ),
    ("/api/current_user", "/api/accounts/current_user"),
    ("/api/dashboard", "/api/accounts/dashboard"),
    ("/api/admin/users", "/api/accounts/list_users"),
    ("/api/admin/create_staff", "/api/accounts/create_staff"),
    ("/api/admin/change_role", "/api/accounts/change_role"),
    ("/api/skills/search", "/api/profile/search_skills"),
    ("/api/caseworker/applicants", "/api/profile/applicants"),
    ("/api/caseworker/register", "/api/profile/register"),
    ("/api/caseworker/hand_over", "/api/accounts/hand_over"),
    ("/api/matches/mine", "/api/matching/mine"),
    ("/api/admin/mentoring", "/api/mentoring/desk"),
    ("/api/admin/assign_mentor", "/api/mentoring/assign_mentor"),
    ("/api/admin/mentor_profile", "/api/mentoring/mentor_profile"),
    ("/api/staff/shortlist", "/api/matching/shortlist"),
    ("/api/admin/trainings/list", "/api/catalogue/list_trainings"),
    ("/api/admin/trainings/load", "/api/catalogue/load_training"),
    ("/api/admin/trainings/save", "/api/catalogue/save_training"),
    (
        "/api/admin/trainings/import_status",
        "/api/catalogue/import_status",
    ),
    ("/api/admin/calls/list", "/api/catalogue/list_calls"),
    ("/api/admin/calls/load", "/api/catalogue/load_call"),
    ("/api/admin/calls/save", "/api/catalogue/save_call"),
    ("/api/admin/committee", "/api/committee/desk"),
    (
        "/api/admin/committee/add_member",
        "/api/committee/add_member",
    ),
    (
        "/api/admin/committee/remove_member",
        "/api/committee/remove_member",
    ),
    ("/api/admin/committee/set_chair", "/api/committee/set_chair"),
    (
        "/api/admin/committee/create_session",
        "/api/committee/create_session",
    ),
    (
        "/api/admin/committee/put_on_agenda",
        "/api/committee/put_on_agenda",
    ),
];
