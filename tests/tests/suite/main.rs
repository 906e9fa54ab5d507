//! All HTTP and browser tests in one binary (one link instead of five: Leptos test binaries
//! are large).

#![recursion_limit = "256"]

mod access;
mod accounts;
mod acting;
mod admin;
mod assisted;
mod audit_trail;
mod browser;
mod browser_axe;
mod browser_islands;
mod browser_plans;
mod browser_reporting;
mod browser_reset;
mod browser_walk;
mod catalogue;
mod committee;
mod committee_support;
mod compression;
mod deciding;
mod erasure;
mod held_data;
mod idle_sessions;
mod islands;
mod language;
mod layout;
mod matches;
mod mentoring;
mod money;
mod monitoring;
mod notifications;
mod offer_alerts;
mod payees;
mod plan_editor;
mod plan_support;
mod profile;
mod reporting;
mod retention;
mod scale;
mod serving;
mod shortlist;
mod skills;
mod staff_accounts;
mod sustainability;
mod walkthrough;
mod withdrawal;
mod writers;
