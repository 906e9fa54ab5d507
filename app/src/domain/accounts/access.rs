//! Deny by default: every page names who may open it. The server checks this table before
//! rendering anything, so a page a role may not see never sends its content.

use crate::domain::accounts::role::Role;

/// Who may open a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Only these roles.
    Roles(&'static [Role]),
}

/// What the server does with a page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Not signed in: send them to the sign-in page, then back.
    SignInFirst,
    /// Signed in with a role that may not see the page.
    Forbidden,
}

/// Every page of the site. A path missing from here is not a page (the router answers 404).
pub const PAGES: &[(&str, Access)] = &[
    ("/", Access::Public),
    ("/login", Access::Public),
    ("/signup", Access::Public),
    ("/signup/finish", Access::Public),
    ("/skills", Access::Public),
    ("/password/forgot", Access::Public),
    ("/password/reset", Access::Public),
    ("/notifications", Access::Roles(&Role::ALL)),
    ("/admin/outbox", Access::Roles(&[Role::Admin])),
    ("/account/password", Access::Roles(&Role::ALL)),
    ("/me", Access::Roles(&[Role::Applicant])),
    ("/me/data", Access::Roles(&[Role::Applicant])),
    // A download, not a page: everything held about the applicant, as JSON.
    ("/me/data.json", Access::Roles(&[Role::Applicant])),
    // The same with the evidence files of the applicant's visits, as a ZIP archive.
    ("/me/data.zip", Access::Roles(&[Role::Applicant])),
    ("/profile", Access::Roles(&[Role::Applicant])),
    ("/matches", Access::Roles(&[Role::Applicant])),
    ("/enrolments", Access::Roles(&[Role::Applicant])),
    ("/plans", Access::Roles(&[Role::Applicant])),
    ("/plans/plan", PLAN_READERS),
    ("/plans/compare", PLAN_READERS),
    ("/admin/enrolments", Access::Roles(&[Role::Admin])),
    (
        "/staff/matches",
        Access::Roles(&[Role::Admin, Role::Caseworker]),
    ),
    // A download, not a page: the same rule guards it before its handler runs.
    (
        "/staff/matches.csv",
        Access::Roles(&[Role::Admin, Role::Caseworker]),
    ),
    ("/caseworker", Access::Roles(&[Role::Caseworker])),
    ("/caseworker/applicants", Access::Roles(&[Role::Caseworker])),
    ("/caseworker/profile", Access::Roles(&[Role::Caseworker])),
    ("/caseworker/data", Access::Roles(&[Role::Caseworker])),
    ("/caseworker/data.json", Access::Roles(&[Role::Caseworker])),
    ("/mentor", Access::Roles(&[Role::Mentor])),
    ("/mentor/caseload", Access::Roles(&[Role::Mentor])),
    // The visit form (GET) and its multipart post (`files::monitoring`): the plan's mentor.
    ("/mentor/visit", Access::Roles(&[Role::Mentor])),
    // A download, not a page: an evidence file, checked per plan by its handler.
    ("/plans/evidence", PLAN_READERS),
    (
        "/plans/activity",
        Access::Roles(&[Role::Applicant, Role::Mentor, Role::Admin]),
    ),
    ("/admin/mentoring", Access::Roles(&[Role::Admin])),
    ("/committee", Access::Roles(&[Role::Committee])),
    ("/committee/review", Access::Roles(&[Role::Committee])),
    ("/admin/committee", Access::Roles(&[Role::Admin])),
    ("/finance", Access::Roles(&[Role::Finance])),
    ("/admin", Access::Roles(&[Role::Admin])),
    ("/admin/users", Access::Roles(&[Role::Admin])),
    ("/admin/trainings", Access::Roles(&[Role::Admin])),
    ("/admin/trainings/edit", Access::Roles(&[Role::Admin])),
    ("/admin/trainings/import", Access::Roles(&[Role::Admin])),
    ("/admin/trainings/export.csv", Access::Roles(&[Role::Admin])),
    ("/admin/calls", Access::Roles(&[Role::Admin])),
    ("/admin/calls/edit", Access::Roles(&[Role::Admin])),
    ("/admin/calls/export.csv", Access::Roles(&[Role::Admin])),
    ("/admin/money", MONEY_STAFF),
    ("/admin/money/call", MONEY_STAFF),
    ("/admin/money/ledger.csv", MONEY_STAFF),
    ("/admin/monitoring", Access::Roles(&[Role::Admin])),
    ("/admin/suppliers", Access::Roles(&[Role::Admin])),
    // Donor reporting: aggregates only, for admins and donor / M&E viewers.
    ("/reporting", REPORT_READERS),
    ("/reporting/print", REPORT_READERS),
    // A download, not a page: the report's tables as CSV.
    ("/reporting/export.csv", REPORT_READERS),
    ("/reporting/settings", Access::Roles(&[Role::Admin])),
    ("/admin/erasures", Access::Roles(&[Role::Admin])),
    ("/admin/audit", Access::Roles(&[Role::Admin])),
    ("/admin/audit.csv", Access::Roles(&[Role::Admin])),
];

/// The ledger's CSV download (a file, guarded like a page).
pub const LEDGER_CSV: &str = "/admin/money/ledger.csv";

/// Everything held about the signed-in applicant, as a JSON file.
pub const HELD_JSON: &str = "/me/data.json";

/// The same with the evidence files of the applicant's visits, as a ZIP archive.
pub const HELD_ZIP: &str = "/me/data.zip";

/// The same for a person a caseworker helps (`?applicant=ID`).
pub const HELD_JSON_ASSISTED: &str = "/caseworker/data.json";

/// The audit trail's CSV download.
pub const TRAIL_CSV: &str = "/admin/audit.csv";

/// Who reads the programme's money: admins (makers) and finance officers (checkers).
const MONEY_STAFF: Access = Access::Roles(&[Role::Admin, Role::Finance]);

/// A plan's pages: each reader sees only the plans they stand in (checked per plan).
/// Donor reporting's readers: admins and donor / M&E viewers (aggregates only).
const REPORT_READERS: Access = Access::Roles(&[Role::Admin, Role::Viewer]);
const PLAN_READERS: Access = Access::Roles(&[Role::Applicant, Role::Mentor, Role::Admin]);

/// The access rule of the page at `path` (trailing slash ignored), if it is a page.
pub fn page_access(path: &str) -> Option<Access> {
    let path = match path.strip_suffix('/') {
        Some("") | None => path,
        Some(trimmed) => trimmed,
    };
    PAGES
        .iter()
        .find(|(page, _)| *page == path)
        .map(|(_, access)| *access)
}

/// Whether someone with `role` (or nobody signed in) may open a page with `access`.
pub fn decide(access: Access, role: Option<Role>) -> Decision {
    match (access, role) {
        (Access::Public, _) => Decision::Allow,
        (Access::Roles(_), None) => Decision::SignInFirst,
        (Access::Roles(allowed), Some(role)) if allowed.contains(&role) => Decision::Allow,
        (Access::Roles(_), Some(_)) => Decision::Forbidden,
    }
}

/// A safe place to return to after signing in: a known page on this site, nothing else, so
/// `?next=` can never send someone to another site.
pub fn safe_next(next: Option<&str>) -> Option<&str> {
    let next = next?;
    let path = next.split(['?', '#']).next()?;
    (next.starts_with('/') && !next.starts_with("//") && !next.contains('\\'))
        .then_some(())
        .and_then(|_| page_access(path))
        .map(|_| next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_may_open_its_own_home_and_no_other_role_home() {
        for role in Role::ALL {
            for other in Role::ALL {
                let access = page_access(other.home_path()).expect("home is a page");
                // The donor viewer's home is the donor report, which admins read too.
                let shared = role == Role::Admin && other == Role::Viewer;
                let expected = if role == other || shared {
                    Decision::Allow
                } else {
                    Decision::Forbidden
                };
                assert_eq!(
                    decide(access, Some(role)),
                    expected,
                    "{role} on {other} home"
                );
            }
        }
    }

    #[test]
    fn nobody_signed_in_is_sent_to_sign_in_for_private_pages() {
        for (path, access) in PAGES {
            let expected = match access {
                Access::Public => Decision::Allow,
                Access::Roles(_) => Decision::SignInFirst,
            };
            assert_eq!(decide(*access, None), expected, "{path}");
        }
    }

    #[test]
    fn only_admins_manage_accounts() {
        let access = page_access("/admin/users").expect("a page");
        for role in Role::ALL {
            assert_eq!(
                decide(access, Some(role)) == Decision::Allow,
                role == Role::Admin
            );
        }
    }

    #[test]
    fn a_trailing_slash_is_the_same_page_and_unknown_paths_are_not_pages() {
        assert_eq!(page_access("/admin/"), page_access("/admin"));
        assert_eq!(page_access("/"), Some(Access::Public));
        assert_eq!(page_access("/nowhere"), None);
        assert_eq!(page_access("/admin/users/extra"), None);
    }

    #[test]
    fn next_must_be_a_page_of_this_site() {
        assert_eq!(safe_next(Some("/admin/users")), Some("/admin/users"));
        assert_eq!(safe_next(Some("/me?tab=1")), Some("/me?tab=1"));
        assert_eq!(safe_next(Some("//evil.example/me")), None);
        assert_eq!(safe_next(Some("https://evil.example/")), None);
        assert_eq!(safe_next(Some("/\\evil.example")), None);
        assert_eq!(safe_next(Some("/not-a-page")), None);
        assert_eq!(safe_next(None), None);
    }
}
