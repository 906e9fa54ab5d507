//! Staff accounts, managed by admins.

pub mod change_role;
pub mod create_staff;
pub mod list_users;

pub use change_role::{change_role, ChangeRole};
pub use create_staff::{create_staff, CreateStaff};
pub use list_users::{list_users, ListUsers};
