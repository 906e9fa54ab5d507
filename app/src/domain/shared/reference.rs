//! Reference data shipped with the app: sectors, occupations and their skills (ISCO-08 unit
//! groups), countries and Moroccan cities, each labelled in French, English and Arabic.
//!
//! The lists live as tab-separated files in `domain/data/` so that programme staff can review
//! and extend them without reading Rust; `scripts/check-taxonomy.py` checks their shape and the
//! tests below check that the app reads every row. Rows are stored once per process; values
//! refer to them by small indices (`SkillId`, `City`) so matching compares integers, while on the
//! wire and in the database they travel as their stable codes (`hair.african-braiding`, `tanger`).

use crate::domain::shared::locale::Lang;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

const OCCUPATIONS: &str = include_str!("data/occupations.tsv");
const SKILLS: &str = include_str!("data/skills.tsv");
const COUNTRIES: &str = include_str!("data/countries.tsv");
const CITIES: &str = include_str!("data/cities.tsv");

/// A label in the three languages of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub fr: &'static str,
    pub en: &'static str,
    pub ar: &'static str,
}

impl Labels {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
            Lang::Ar => self.ar,
        }
    }
}

/// The trades the programme works in (domain.md, "Sectors seen in placements and migrant
/// businesses"). Labels come from the locale files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    AutomotiveWiring,
    CallCentreIct,
    HairdressingBeauty,
    SewingFashion,
    CateringFood,
    Crafts,
    Cleaning,
    Construction,
    Painting,
    Audiovisual,
    Agriculture,
    Commerce,
    RepairMaintenance,
    TransportLogistics,
    CareServices,
}

impl Sector {
    pub const ALL: [Sector; 15] = [
        Sector::AutomotiveWiring,
        Sector::CallCentreIct,
        Sector::HairdressingBeauty,
        Sector::SewingFashion,
        Sector::CateringFood,
        Sector::Crafts,
        Sector::Cleaning,
        Sector::Construction,
        Sector::Painting,
        Sector::Audiovisual,
        Sector::Agriculture,
        Sector::Commerce,
        Sector::RepairMaintenance,
        Sector::TransportLogistics,
        Sector::CareServices,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sector::AutomotiveWiring => "automotive_wiring",
            Sector::CallCentreIct => "call_centre_ict",
            Sector::HairdressingBeauty => "hairdressing_beauty",
            Sector::SewingFashion => "sewing_fashion",
            Sector::CateringFood => "catering_food",
            Sector::Crafts => "crafts",
            Sector::Cleaning => "cleaning",
            Sector::Construction => "construction",
            Sector::Painting => "painting",
            Sector::Audiovisual => "audiovisual",
            Sector::Agriculture => "agriculture",
            Sector::Commerce => "commerce",
            Sector::RepairMaintenance => "repair_maintenance",
            Sector::TransportLogistics => "transport_logistics",
            Sector::CareServices => "care_services",
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// ISCO-08 unit group (four digits).
    pub isco: u16,
    pub sector: Sector,
    pub labels: Labels,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub code: &'static str,
    pub isco: u16,
    pub sector: Sector,
    pub labels: Labels,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: &'static str,
    pub labels: Labels,
}

/// Every list, read once.
pub struct Reference {
    pub occupations: Vec<Occupation>,
    pub skills: Vec<Skill>,
    pub countries: Vec<Place>,
    pub cities: Vec<Place>,
    /// Each skill's labels folded for search (`fold`), in skill order.
    folded: Vec<[String; 3]>,
}

/// The reference lists. The files are part of the build and checked by tests, so a malformed
/// row is a programming error caught before release, never a request-time failure.
pub fn reference() -> &'static Reference {
    static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::load);
    &REFERENCE
}

fn rows(text: &'static str, columns: usize) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(move |line| {
            let fields: Vec<&'static str> = line.split('\t').collect();
            assert_eq!(
                fields.len(),
                columns,
                "reference row with a wrong column count: {line}"
            );
            fields
        })
}

fn labels(fields: &[&'static str]) -> Labels {
    Labels {
        fr: fields[0],
        en: fields[1],
        ar: fields[2],
    }
}

impl Reference {
    fn load() -> Reference {
        let occupations: Vec<Occupation> = rows(OCCUPATIONS, 5)
            .map(|f| Occupation {
                isco: f[0].parse().expect("ISCO code"),
                sector: Sector::from_code(f[1]).expect("known sector"),
                labels: labels(&f[2..5]),
            })
            .collect();
        let skills: Vec<Skill> = rows(SKILLS, 5)
            .map(|f| {
                let isco: u16 = f[1].parse().expect("ISCO code");
                let sector = occupations
                    .iter()
                    .find(|o| o.isco == isco)
                    .expect("a skill's occupation is listed")
                    .sector;
                Skill {
                    code: f[0],
                    isco,
                    sector,
                    labels: labels(&f[2..5]),
                }
            })
            .collect();
        let place = |f: Vec<&'static str>| Place {
            code: f[0],
            labels: labels(&f[1..4]),
        };
        let folded = skills
            .iter()
            .map(|s| [fold(s.labels.fr), fold(s.labels.en), fold(s.labels.ar)])
            .collect();
        Reference {
            occupations,
            skills,
            countries: rows(COUNTRIES, 4).map(place).collect(),
            cities: rows(CITIES, 4).map(place).collect(),
            folded,
        }
    }

    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.skills[id.0 as usize]
    }

    pub fn occupation(&self, isco: u16) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.isco == isco)
    }

    /// Skills whose label in any language contains every word of `query`, ignoring case,
    /// accents and Arabic short vowels, in taxonomy order (grouped by occupation).
    pub fn search_skills(&self, query: &str, limit: usize) -> Vec<SkillId> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.folded
            .iter()
            .enumerate()
            .filter(|(_, labels)| {
                words
                    .iter()
                    .all(|w| labels.iter().any(|label| label.contains(w.as_str())))
            })
            .take(limit)
            .map(|(i, _)| SkillId(i as u16))
            .collect()
    }
}

/// Lower-cases, removes Latin accents and Arabic diacritics (harakat, tatweel) and unifies
/// alef forms, so "fes", "Fès" and "FÈS" — or "خياطة" with or without vowels — meet.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' => 'y',
            'œ' => {
                out.push('o');
                'e'
            }
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{064B}'..='\u{065F}' | '\u{0670}' | 'ـ' => continue,
            '\'' | '’' | '-' | '/' | ',' | '(' | ')' => ' ',
            c => c,
        };
        out.push(c);
    }
    out
}

macro_rules! coded_index {
    ($(#[$meta:meta])* $name:ident, $list:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(u16);

        impl $name {
            /// The row with this code, if the reference lists it.
            pub fn parse(code: &str) -> Option<$name> {
                reference()
                    .$list
                    .iter()
                    .position(|row| row.code == code)
                    .map(|i| $name(i as u16))
            }

            pub fn code(self) -> &'static str {
                reference().$list[self.0 as usize].code
            }

            pub fn label(self, lang: Lang) -> &'static str {
                reference().$list[self.0 as usize].labels.get(lang)
            }

            pub fn all() -> impl Iterator<Item = $name> {
                (0..reference().$list.len()).map(|i| $name(i as u16))
            }

            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(code: String) -> Result<Self, Self::Error> {
                $name::parse(&code).ok_or_else(|| format!(concat!("unknown ", $what, " {}"), code))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.code().to_owned()
            }
        }
    };
}

coded_index!(
    /// A skill of the taxonomy, by its place in `skills.tsv`.
    SkillId,
    skills,
    "skill"
);
coded_index!(
    /// A Moroccan city where offers take place and applicants live.
    City,
    cities,
    "city"
);
coded_index!(
    /// A nationality (ISO 3166-1 alpha-2; `XX` for stateless persons).
    Country,
    countries,
    "country"
);

impl SkillId {
    pub fn skill(self) -> &'static Skill {
        reference().skill(self)
    }
}

#[cfg(test)]
#[path = "reference_tests.rs"]
mod tests;
