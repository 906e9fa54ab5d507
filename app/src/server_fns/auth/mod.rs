//! Signing up, in and out.

pub mod change_password;
pub mod current_user;
pub mod login;
pub mod logout;
pub mod signup;

pub use change_password::{change_password, ChangePassword};
pub use current_user::{current_user, CurrentUserFn};
pub use login::{login, Login};
pub use logout::{logout, Logout};
pub use signup::{signup, Signup};
