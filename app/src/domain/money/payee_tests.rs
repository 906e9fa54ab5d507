use super::*;
use time::macros::datetime;

/// A valid RIB: 22 digits and the key that makes it divisible by 97.
fn valid_rib() -> String {
    let first = "0117800000123456789012";
    format!("{first}{:02}", rib_key(first))
}

#[test]
fn a_wallet_is_a_moroccan_mobile_number_in_one_form() {
    for typed in [
        "0612345678",
        "06 12 34 56 78",
        "+212 6 12 34 56 78",
        "00212612345678",
        "06.12.34.56.78",
    ] {
        assert_eq!(wallet(typed), Ok("+212612345678".to_owned()), "{typed}");
    }
    assert_eq!(wallet("0712345678"), Ok("+212712345678".to_owned()));
    for wrong in [
        "0512345678",
        "061234567",
        "+33612345678",
        "appelle-moi",
        "06123456789",
    ] {
        assert_eq!(
            wallet(wrong),
            Err(MoneyProblem::WalletInvalid.into()),
            "{wrong}"
        );
    }
    assert_eq!(wallet("  "), Err(MoneyProblem::PayeePhoneMissing.into()));
}

#[test]
fn a_rib_has_24_digits_and_its_key_checks_them() {
    let rib_text = valid_rib();
    assert_eq!(rib(&rib_text), Ok(rib_text.clone()));
    let spaced = format!("{} {} {}", &rib_text[..3], &rib_text[3..6], &rib_text[6..]);
    assert_eq!(rib(&spaced), Ok(rib_text.clone()));
    // One digit typed wrong: the key no longer matches.
    let mut typo = rib_text.clone().into_bytes();
    typo[10] = if typo[10] == b'9' { b'8' } else { typo[10] + 1 };
    let typo = String::from_utf8(typo).expect("digits");
    assert_eq!(rib(&typo), Err(MoneyProblem::AccountKeyWrong.into()));
    assert_eq!(rib("12-34"), Err(MoneyProblem::AccountInvalid.into()));
    assert_eq!(
        rib(&rib_text[..23]),
        Err(MoneyProblem::AccountInvalid.into())
    );
    assert_eq!(rib(""), Err(MoneyProblem::AccountMissing.into()));
}

#[test]
fn details_name_every_problem_on_its_field() {
    let problems = PayeeDetails::parse("mobile_money", "appelle-moi", "").expect_err("refused");
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, vec![Field::Phone, Field::Holder]);
    let problems = PayeeDetails::parse("cash", "0612345678", "Awa").expect_err("refused");
    assert_eq!(problems[0].field, Field::Method);
    let ok = PayeeDetails::parse("bank_transfer", &valid_rib(), " Awa  Diallo ").expect("valid");
    assert_eq!(ok.kind, PayeeKind::BankTransfer);
    assert_eq!(ok.holder, "Awa Diallo");
}

const NOW: OffsetDateTime = datetime!(2027-05-20 10:00 UTC);

fn registered(days_ago: i64, confirmed: bool) -> Registration {
    Registration {
        registered_at: NOW - Duration::days(days_ago),
        registered_by: 7,
        confirmed,
    }
}

#[test]
fn recent_details_wait_for_a_second_person_older_ones_do_not() {
    assert!(!registered(0, false).payable(NOW));
    assert!(!registered(13, false).payable(NOW));
    assert_eq!(
        registered(13, false).check_payable(NOW),
        Err(MoneyProblem::PayeeUnconfirmed { days: 14 })
    );
    assert!(registered(14, false).payable(NOW));
    assert!(registered(0, true).payable(NOW));
}

#[test]
fn only_a_finance_officer_who_did_not_register_them_confirms() {
    let fresh = registered(1, false);
    assert_eq!(fresh.may_confirm(8, Role::Finance, 3), Ok(()));
    for role in [Role::Admin, Role::Caseworker, Role::Applicant] {
        assert_eq!(
            fresh.may_confirm(8, role, 3),
            Err(MoneyProblem::ConfirmerRole),
            "{role:?}"
        );
    }
    assert_eq!(
        fresh.may_confirm(7, Role::Finance, 3),
        Err(MoneyProblem::ConfirmerRegistered)
    );
    assert_eq!(
        fresh.may_confirm(3, Role::Finance, 3),
        Err(MoneyProblem::ConfirmerRegistered)
    );
    assert_eq!(
        registered(1, true).may_confirm(8, Role::Finance, 3),
        Err(MoneyProblem::PayeeAlreadyConfirmed)
    );
}

#[test]
fn a_release_chooses_registered_details_or_a_listed_supplier() {
    assert_eq!(
        Payout::parse("mobile_money", "", ""),
        Ok(Payout::Registered(PayeeKind::MobileMoney))
    );
    assert_eq!(
        Payout::parse("in_kind", "4", " F-2026-118 "),
        Ok(Payout::InKind {
            supplier: 4,
            invoice: "F-2026-118".into()
        })
    );
    assert_eq!(
        Payout::parse("in_kind", "", "F-1").map_err(|p| p[0].field),
        Err(Field::Supplier)
    );
    assert_eq!(
        Payout::parse("in_kind", "4", "").map_err(|p| p[0].field),
        Err(Field::Invoice)
    );
    assert_eq!(
        Payout::parse("cash", "", "").map_err(|p| p[0].field),
        Err(Field::Method)
    );
}

#[test]
fn a_supplier_needs_a_name_a_city_a_valid_rib_and_another_approver() {
    let ok = NewSupplier::parse("Bricoma Tanger", "Tanger", &valid_rib()).expect("valid");
    assert_eq!(ok.name, "Bricoma Tanger");
    let problems = NewSupplier::parse("", "", "123").expect_err("refused");
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![Field::SupplierName, Field::City, Field::Account]
    );
    assert_eq!(
        may_approve_supplier(2, 2),
        Err(MoneyProblem::SupplierSameAdmin)
    );
    assert_eq!(may_approve_supplier(3, 2), Ok(()));
}
