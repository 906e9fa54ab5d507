use super::*;

#[test]
fn every_reference_row_is_read_and_every_skill_has_an_occupation() {
    let r = reference();
    assert!(r.occupations.len() >= 40, "{}", r.occupations.len());
    assert!((260..=320).contains(&r.skills.len()), "{}", r.skills.len());
    assert!(r.countries.len() >= 50);
    assert!(r.cities.iter().any(|c| c.code == "tanger"));
    for sector in Sector::ALL {
        assert!(
            r.skills.iter().filter(|s| s.sector == sector).count() >= 4,
            "{sector:?} has too few skills"
        );
    }
}

#[test]
fn codes_round_trip_and_unknown_codes_are_refused() {
    let tanger = City::parse("tanger").expect("tanger");
    assert_eq!(tanger.code(), "tanger");
    assert_eq!(tanger.label(Lang::Ar), "طنجة");
    assert_eq!(City::parse("atlantis"), None);
    let json = serde_json_lite(&Country::parse("CI").expect("CI"));
    assert_eq!(json, "CI");
    assert!(SkillId::try_from("no.such-skill".to_owned()).is_err());
    for id in SkillId::all() {
        assert_eq!(SkillId::parse(id.code()), Some(id));
    }
}

fn serde_json_lite(country: &Country) -> String {
    String::from(*country)
}

#[test]
fn search_finds_a_skill_in_any_language_without_accents_or_case() {
    let r = reference();
    let first = &r.skills[0];
    for label in [first.labels.fr, first.labels.en, first.labels.ar] {
        let word = label
            .split_whitespace()
            .last()
            .expect("a word")
            .to_uppercase();
        assert!(
            r.search_skills(&word, 400).contains(&SkillId(0)),
            "{word} should find {}",
            first.code
        );
    }
    assert!(r.search_skills("   ", 10).is_empty());
    assert!(r.search_skills("zzqqxx", 10).is_empty());
}

#[test]
fn folding_ignores_accents_and_arabic_vowels() {
    assert_eq!(fold("Fès CÔTE"), "fes cote");
    assert_eq!(fold("خِيَاطَة"), fold("خياطه"));
    assert_eq!(fold("إعداد"), fold("اعداد"));
}
