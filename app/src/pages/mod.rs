//! One module per page (or family of pages). Later areas slot in as `pages/<area>/`.

pub mod admin;
pub mod dashboards;
pub mod home;
pub mod login;
pub mod not_found;
pub mod signup;
