//! Accounts: signing up (finished through a mailed link), in and out, passwords, staff accounts and roles, and handing an
//! assisted account over to its owner.

pub mod change_password;
pub mod change_role;
pub mod create_staff;
pub mod current_user;
pub mod dashboard;
pub mod finish_sign_up;
pub mod hand_over;
pub mod list_users;
pub mod login;
pub mod logout;
pub mod rename_staff;
pub mod request_reset;
pub mod reset_password;
pub mod set_first_password;
pub mod signup;

pub use change_password::{change_password, ChangePassword};
pub use change_role::{change_role, ChangeRole};
pub use create_staff::{create_staff, CreateStaff};
pub use current_user::{current_user, CurrentUserFn};
pub use dashboard::{dashboard, LoadDashboard};
pub use finish_sign_up::{finish_sign_up, FinishSignUp};
pub use hand_over::{hand_over, HandOver};
pub use list_users::{list_users, ListUsers};
pub use login::{login, Login};
pub use logout::{logout, Logout};
pub use rename_staff::{rename_staff, RenameStaff};
pub use request_reset::{request_reset, RequestReset};
pub use reset_password::{reset_password, ResetPassword};
pub use set_first_password::{set_first_password, SetFirstPassword};
pub use signup::{signup, Signup};
