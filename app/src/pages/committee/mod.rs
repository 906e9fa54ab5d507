//! The committee member's pages: their calls and agendas (on the committee home) and one
//! plan's review with the declaration, the score sheet and, for the chair, the scores and the
//! decision form.

pub mod desk;
pub mod home;
pub mod labels;
pub mod review;
pub mod scoring;
