//! Staff accounts and mentor assignment, managed by admins.

pub mod assign_mentor;
pub mod change_role;
pub mod create_staff;
pub mod list_users;
pub mod mentor_profile;
pub mod mentoring_desk;

pub use assign_mentor::{assign_mentor, AssignMentor};
pub use change_role::{change_role, ChangeRole};
pub use create_staff::{create_staff, CreateStaff};
pub use list_users::{list_users, ListUsers};
pub use mentor_profile::{save_mentor_profile, SaveMentorProfile};
pub use mentoring_desk::{mentoring_desk, MentoringDeskFn};

// The committee of a call: members, chair, review sessions and their agenda.
pub mod committee_desk;
pub mod committee_members;
pub mod review_sessions;

pub use committee_desk::{committee_desk, CommitteeDeskFn};
pub use committee_members::{
    add_committee_member, remove_committee_member, set_committee_chair, AddCommitteeMember,
    RemoveCommitteeMember, SetCommitteeChair,
};
pub use review_sessions::{create_review_session, put_on_agenda, CreateReviewSession, PutOnAgenda};
