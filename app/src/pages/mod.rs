//! One module per page (or family of pages). Later areas slot in as `pages/<area>/`.

pub mod accounts;
pub mod catalogue;
pub mod committee;
pub mod enrolments;
pub mod matching;
pub mod mentoring;
pub mod money;
pub mod monitoring;
pub mod notifications;
pub mod plans;
pub mod privacy;
pub mod problem;
pub mod profile;
pub mod reporting;
pub mod shared;

use crate::domain::shared::reference::Sector;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// A sector's name in the reader's language.
pub fn sector_name(i18n: I18nContext<Locale>, sector: Sector) -> String {
    match sector {
        Sector::AutomotiveWiring => t_string!(i18n, sector.automotive_wiring),
        Sector::CallCentreIct => t_string!(i18n, sector.call_centre_ict),
        Sector::HairdressingBeauty => t_string!(i18n, sector.hairdressing_beauty),
        Sector::SewingFashion => t_string!(i18n, sector.sewing_fashion),
        Sector::CateringFood => t_string!(i18n, sector.catering_food),
        Sector::Crafts => t_string!(i18n, sector.crafts),
        Sector::Cleaning => t_string!(i18n, sector.cleaning),
        Sector::Construction => t_string!(i18n, sector.construction),
        Sector::Painting => t_string!(i18n, sector.painting),
        Sector::Audiovisual => t_string!(i18n, sector.audiovisual),
        Sector::Agriculture => t_string!(i18n, sector.agriculture),
        Sector::Commerce => t_string!(i18n, sector.commerce),
        Sector::RepairMaintenance => t_string!(i18n, sector.repair_maintenance),
        Sector::TransportLogistics => t_string!(i18n, sector.transport_logistics),
        Sector::CareServices => t_string!(i18n, sector.care_services),
    }
    .to_string()
}
