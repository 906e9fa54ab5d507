//! Error codes from the server, shown as sentences in the reader's language.

use crate::domain::shared::problem::{Field, Problem, Spot};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The sentence for one problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: Problem) -> String {
    match problem {
        Problem::EmailMissing => t_string!(i18n, problem.email_missing).to_string(),
        Problem::EmailTooLong { max } => t_string!(i18n, problem.email_too_long, max).to_string(),
        Problem::EmailInvalid => t_string!(i18n, problem.email_invalid).to_string(),
        Problem::EmailTaken => t_string!(i18n, problem.email_taken).to_string(),
        Problem::PasswordMissing => t_string!(i18n, problem.password_missing).to_string(),
        Problem::PasswordTooShort { min } => {
            t_string!(i18n, problem.password_too_short, min).to_string()
        }
        Problem::PasswordTooLong { max } => {
            t_string!(i18n, problem.password_too_long, max).to_string()
        }
        Problem::PasswordTooCommon => t_string!(i18n, problem.password_too_common).to_string(),
        Problem::PasswordContainsEmail => {
            t_string!(i18n, problem.password_contains_email).to_string()
        }
        Problem::RoleUnknown => t_string!(i18n, problem.role_unknown).to_string(),
        Problem::LastAdmin => t_string!(i18n, problem.last_admin).to_string(),
        Problem::LocaleUnknown => t_string!(i18n, problem.locale_unknown).to_string(),
        Problem::WrongCredentials => t_string!(i18n, problem.wrong_credentials).to_string(),
        Problem::TooManyAttempts {
            retry_after_minutes,
        } => t_string!(
            i18n,
            problem.too_many_attempts,
            minutes = retry_after_minutes
        )
        .to_string(),
        Problem::QueryTooLong { max } => t_string!(i18n, problem.query_too_long, max).to_string(),
        Problem::SectorUnknown => t_string!(i18n, problem.sector_unknown).to_string(),
        Problem::FullNameMissing => t_string!(i18n, problem.full_name_missing).to_string(),
        Problem::FullNameTooLong { max } => {
            t_string!(i18n, problem.full_name_too_long, max).to_string()
        }
        Problem::FullNameInvalid => t_string!(i18n, problem.full_name_invalid).to_string(),
        Problem::SexMissing => t_string!(i18n, problem.sex_missing).to_string(),
        Problem::SexUnknown => t_string!(i18n, problem.sex_unknown).to_string(),
        Problem::BirthDateMissing => t_string!(i18n, problem.birth_date_missing).to_string(),
        Problem::DateInvalid => t_string!(i18n, problem.date_invalid).to_string(),
        Problem::BirthDateInFuture => t_string!(i18n, problem.birth_date_in_future).to_string(),
        Problem::BirthDateImplausible => {
            t_string!(i18n, problem.birth_date_implausible).to_string()
        }
        Problem::TooYoung { min } => t_string!(i18n, problem.too_young, min).to_string(),
        Problem::NationalityUnknown => t_string!(i18n, problem.nationality_unknown).to_string(),
        Problem::CityUnknown => t_string!(i18n, problem.city_unknown).to_string(),
        Problem::PhoneInvalid => t_string!(i18n, problem.phone_invalid).to_string(),
        Problem::ConsentRequired => t_string!(i18n, problem.consent_required).to_string(),
        Problem::NoticeOutdated => t_string!(i18n, problem.notice_outdated).to_string(),
        Problem::IdentityFirst => t_string!(i18n, problem.identity_first).to_string(),
        Problem::EducationMissing => t_string!(i18n, problem.education_missing).to_string(),
        Problem::EducationUnknown => t_string!(i18n, problem.education_unknown).to_string(),
        Problem::LanguagesMissing => t_string!(i18n, problem.languages_missing).to_string(),
        Problem::LanguageUnknown => t_string!(i18n, problem.language_unknown).to_string(),
        Problem::TooManySectors { max } => {
            t_string!(i18n, problem.too_many_sectors, max).to_string()
        }
        Problem::AvailabilityMissing => t_string!(i18n, problem.availability_missing).to_string(),
        Problem::AvailabilityUnknown => t_string!(i18n, problem.availability_unknown).to_string(),
        Problem::GroupUnknown => t_string!(i18n, problem.group_unknown).to_string(),
        Problem::DocumentKindMissing => t_string!(i18n, problem.document_kind_missing).to_string(),
        Problem::DocumentKindUnknown => t_string!(i18n, problem.document_kind_unknown).to_string(),
        Problem::DocumentNumberInvalid { max } => {
            t_string!(i18n, problem.document_number_invalid, max).to_string()
        }
        Problem::DocumentExpired => t_string!(i18n, problem.document_expired).to_string(),
        Problem::ExpiryImplausible => t_string!(i18n, problem.expiry_implausible).to_string(),
        Problem::TooManyDocuments { max } => {
            t_string!(i18n, problem.too_many_documents, max).to_string()
        }
        Problem::SkillUnknown => t_string!(i18n, problem.skill_unknown).to_string(),
        Problem::LevelMissing => t_string!(i18n, problem.level_missing).to_string(),
        Problem::LevelUnknown => t_string!(i18n, problem.level_unknown).to_string(),
        Problem::YearsInvalid { max } => t_string!(i18n, problem.years_invalid, max).to_string(),
        Problem::TooManySkills { max } => t_string!(i18n, problem.too_many_skills, max).to_string(),
        Problem::NotEligible => t_string!(i18n, problem.not_eligible).to_string(),
        Problem::TrainingStarted => t_string!(i18n, problem.training_started).to_string(),
        Problem::TrainingFull => t_string!(i18n, problem.training_full).to_string(),
        Problem::TrainingNotOver => t_string!(i18n, problem.training_not_over).to_string(),
        Problem::AlreadyRequested => t_string!(i18n, problem.already_requested).to_string(),
        Problem::EnrolmentIs { status } => t_string!(
            i18n,
            problem.enrolment_is,
            status = crate::pages::enrolments::mine::status_name(i18n, status)
        )
        .to_string(),
        Problem::CallClosed => t_string!(i18n, problem.call_closed).to_string(),
        Problem::PlanExists => t_string!(i18n, problem.plan_exists).to_string(),
        Problem::OfferUnknown => t_string!(i18n, problem.offer_unknown).to_string(),
        Problem::ScoreInvalid => t_string!(i18n, problem.score_invalid).to_string(),
        Problem::WrongPassword => t_string!(i18n, problem.wrong_password).to_string(),
        Problem::PasswordUnchanged => t_string!(i18n, problem.password_unchanged).to_string(),
        Problem::JobTitleMissing => t_string!(i18n, problem.job_title_missing).to_string(),
        Problem::JobTitleTooLong { max } => {
            t_string!(i18n, problem.job_title_too_long, max).to_string()
        }
        Problem::EmployerTooLong { max } => {
            t_string!(i18n, problem.employer_too_long, max).to_string()
        }
        Problem::TownTooLong { max } => t_string!(i18n, problem.town_too_long, max).to_string(),
        Problem::WorkDescriptionTooLong { max } => {
            t_string!(i18n, problem.work_description_too_long, max).to_string()
        }
        Problem::TextInvalid => t_string!(i18n, problem.text_invalid).to_string(),
        Problem::SectionTooLong { max } => {
            t_string!(i18n, problem.section_too_long, max).to_string()
        }
        Problem::CountryMissing => t_string!(i18n, problem.country_missing).to_string(),
        Problem::CountryUnknown => t_string!(i18n, problem.country_unknown).to_string(),
        Problem::MonthMissing => t_string!(i18n, problem.month_missing).to_string(),
        Problem::MonthInvalid => t_string!(i18n, problem.month_invalid).to_string(),
        Problem::MonthInFuture => t_string!(i18n, problem.month_in_future).to_string(),
        Problem::WorkEndBeforeStart => t_string!(i18n, problem.work_end_before_start).to_string(),
        Problem::TooManyJobs { max } => t_string!(i18n, problem.too_many_jobs, max).to_string(),
        Problem::ConsentNotConfirmed => t_string!(i18n, problem.consent_not_confirmed).to_string(),
        Problem::AlreadyHandedOver => t_string!(i18n, problem.already_handed_over).to_string(),
        Problem::ReferenceMissing => t_string!(i18n, problem.reference_missing).to_string(),
        Problem::ReferenceInvalid { max } => {
            t_string!(i18n, problem.reference_invalid, max).to_string()
        }
        Problem::ReferenceTaken => t_string!(i18n, problem.reference_taken).to_string(),
        Problem::SeatsBelowEnrolled => t_string!(i18n, problem.seats_below_enrolled).to_string(),
        Problem::TitleMissing => t_string!(i18n, problem.title_missing).to_string(),
        Problem::TitleTooLong { max } => t_string!(i18n, problem.title_too_long, max).to_string(),
        Problem::FormulaRefused => t_string!(i18n, problem.formula_refused).to_string(),
        Problem::ProgrammeUnknown => t_string!(i18n, problem.programme_unknown).to_string(),
        Problem::DateMissing => t_string!(i18n, problem.date_missing).to_string(),
        Problem::EndsBeforeStart => t_string!(i18n, problem.ends_before_start).to_string(),
        Problem::SeatsInvalid { min, max } => {
            t_string!(i18n, problem.seats_invalid, min, max).to_string()
        }
        Problem::SkillCodeUnknown { skill } => {
            t_string!(i18n, problem.skill_code_unknown, skill = skill.to_string()).to_string()
        }
        Problem::WeightsSum { sum } => t_string!(i18n, problem.weights_sum, sum).to_string(),
        Problem::WeightInvalid => t_string!(i18n, problem.weight_invalid).to_string(),
        Problem::TranchesSum { sum } => t_string!(i18n, problem.tranches_sum, sum).to_string(),
        Problem::TrancheInvalid { max } => {
            t_string!(i18n, problem.tranche_invalid, max).to_string()
        }
        Problem::QuorumInvalid { max } => t_string!(i18n, problem.quorum_invalid, max).to_string(),
        Problem::FileMissing => t_string!(i18n, problem.file_missing).to_string(),
        Problem::CsvNotUtf8 => t_string!(i18n, problem.csv_not_utf8).to_string(),
        Problem::CsvTooLarge { max_mb } => {
            t_string!(i18n, problem.csv_too_large, max_mb).to_string()
        }
        Problem::CsvMoreProblems { more } => {
            t_string!(i18n, problem.csv_more_problems, more).to_string()
        }
        Problem::CsvTooManyRows { max } => {
            t_string!(i18n, problem.csv_too_many_rows, max).to_string()
        }
        Problem::CsvEmpty => t_string!(i18n, problem.csv_empty).to_string(),
        Problem::CsvUnreadable => t_string!(i18n, problem.csv_unreadable).to_string(),
        Problem::CsvColumnsMissing { columns } => t_string!(
            i18n,
            problem.csv_columns_missing,
            columns = columns.to_string()
        )
        .to_string(),
        Problem::CsvColumnsUnknown { columns } => t_string!(
            i18n,
            problem.csv_columns_unknown,
            columns = columns.to_string()
        )
        .to_string(),
        Problem::CsvColumnsDuplicated { columns } => t_string!(
            i18n,
            problem.csv_columns_duplicated,
            columns = columns.to_string()
        )
        .to_string(),
        Problem::CsvRowLength { expected, found } => {
            t_string!(i18n, problem.csv_row_length, expected, found).to_string()
        }
        Problem::ReferenceTwiceInFile { first_row } => {
            t_string!(i18n, problem.reference_twice_in_file, first_row).to_string()
        }
        Problem::AmountInvalid => t_string!(i18n, problem.amount_invalid).to_string(),
        Problem::MaxGrantAboveEnvelope => {
            t_string!(i18n, problem.max_grant_above_envelope).to_string()
        }
        Problem::PercentInvalid => t_string!(i18n, problem.percent_invalid).to_string(),
        Problem::AgeInvalid => t_string!(i18n, problem.age_invalid).to_string(),
        Problem::TextMissing => t_string!(i18n, problem.text_missing).to_string(),
        Problem::TextTooLong { max } => t_string!(i18n, problem.text_too_long, max).to_string(),
        Problem::DateInFuture => t_string!(i18n, problem.date_in_future).to_string(),
        Problem::BeforePlanStarted => t_string!(i18n, problem.before_plan_started).to_string(),
        Problem::MinutesInvalid { min, max } => {
            t_string!(i18n, problem.minutes_invalid, min, max).to_string()
        }
        Problem::CapacityInvalid { min, max } => {
            t_string!(i18n, problem.capacity_invalid, min, max).to_string()
        }
        Problem::PlanIncomplete { item } => {
            crate::pages::mentoring::labels::checklist_text(i18n, item)
        }
        Problem::PlanIs { status, action } => t_string!(
            i18n,
            problem.plan_is,
            action = crate::pages::mentoring::labels::action_name(i18n, action),
            status = crate::pages::plans::mine::plan_status_name(i18n, status)
        )
        .to_string(),
        Problem::TrancheIs { status } => t_string!(
            i18n,
            problem.tranche_is,
            status = crate::pages::money::labels::tranche_status_name(i18n, status)
        )
        .to_string(),
        Problem::SameMakerAndChecker => t_string!(i18n, problem.same_maker_and_checker).to_string(),
        Problem::GrantTooSmall { min_dirhams } => {
            t_string!(i18n, problem.grant_too_small, min_dirhams).to_string()
        }
        Problem::AmountAboveRequested { requested_centimes } => t_string!(
            i18n,
            problem.amount_above_requested,
            requested =
                crate::domain::shared::money::Money::from_centimes(requested_centimes).to_string()
        )
        .to_string(),
        Problem::AmountAboveMaximum { max_centimes } => t_string!(
            i18n,
            problem.amount_above_maximum,
            max = crate::domain::shared::money::Money::from_centimes(max_centimes).to_string()
        )
        .to_string(),
        Problem::EnvelopeExceeded { available_centimes } => t_string!(
            i18n,
            problem.envelope_exceeded,
            available =
                crate::domain::shared::money::Money::from_centimes(available_centimes).to_string()
        )
        .to_string(),
        Problem::QuorumNotReached { have, need } => {
            t_string!(i18n, problem.quorum_not_reached, have, need).to_string()
        }
        Problem::NotChair => t_string!(i18n, problem.not_chair).to_string(),
        Problem::OutcomeUnknown => t_string!(i18n, problem.outcome_unknown).to_string(),
        Problem::VisitRequired => t_string!(i18n, problem.visit_required).to_string(),
        Problem::EarlierTrancheOpen => t_string!(i18n, problem.earlier_tranche_open).to_string(),
        Problem::PaymentMethodUnknown => {
            t_string!(i18n, problem.payment_method_unknown).to_string()
        }
        Problem::SupplierMissing => t_string!(i18n, problem.supplier_missing).to_string(),
        Problem::InvoiceMissing => t_string!(i18n, problem.invoice_missing).to_string(),
        Problem::PayeePhoneMissing => t_string!(i18n, problem.payee_phone_missing).to_string(),
        Problem::AccountMissing => t_string!(i18n, problem.account_missing).to_string(),
        Problem::AccountInvalid => t_string!(i18n, problem.account_invalid).to_string(),
        Problem::PaymentDetailInvalid { max } => {
            t_string!(i18n, problem.payment_detail_invalid, max).to_string()
        }
        Problem::IdempotencyKeyReused => {
            t_string!(i18n, problem.idempotency_key_reused).to_string()
        }
        Problem::IdempotencyKeyInvalid => {
            t_string!(i18n, problem.idempotency_key_invalid).to_string()
        }
        Problem::NotAMentor => t_string!(i18n, problem.not_a_mentor).to_string(),
        Problem::ScoreMissing { criterion } => t_string!(
            i18n,
            problem.score_missing,
            criterion = crate::pages::catalogue::labels::criterion_label(i18n, criterion)
        )
        .to_string(),
        Problem::ScoreOutOfRange { criterion } => t_string!(
            i18n,
            problem.score_out_of_range,
            criterion = crate::pages::catalogue::labels::criterion_label(i18n, criterion)
        )
        .to_string(),
        Problem::NotUnderReview => t_string!(i18n, problem.not_under_review).to_string(),
        Problem::CoachedPlan => t_string!(i18n, problem.coached_plan).to_string(),
        Problem::DeclarationRequired => t_string!(i18n, problem.declaration_required).to_string(),
        Problem::Recused => t_string!(i18n, problem.recused).to_string(),
        Problem::AlreadyScored => t_string!(i18n, problem.already_scored).to_string(),
        Problem::ConflictAnswerMissing => {
            t_string!(i18n, problem.conflict_answer_missing).to_string()
        }
        Problem::NotACommitteeAccount => {
            t_string!(i18n, problem.not_a_committee_account).to_string()
        }
        Problem::AlreadyMember => t_string!(i18n, problem.already_member).to_string(),
        Problem::PartUnknown => t_string!(i18n, problem.part_unknown).to_string(),
        Problem::ItemMissing { row } => t_string!(i18n, problem.item_missing, row).to_string(),
        Problem::ItemTooLong { row, max } => {
            t_string!(i18n, problem.item_too_long, row, max).to_string()
        }
        Problem::ItemInvalid { row } => t_string!(i18n, problem.item_invalid, row).to_string(),
        Problem::CapitalKindUnknown { row } => {
            t_string!(i18n, problem.capital_kind_unknown, row).to_string()
        }
        Problem::QuantityInvalid { row, max } => {
            t_string!(i18n, problem.quantity_invalid, row, max).to_string()
        }
        Problem::AmountNotANumber { at } => {
            t_string!(i18n, problem.amount_not_a_number, at = spot_text(i18n, at)).to_string()
        }
        Problem::AmountNegative { at } => {
            t_string!(i18n, problem.amount_negative, at = spot_text(i18n, at)).to_string()
        }
        Problem::AmountTooHigh { at, max } => t_string!(
            i18n,
            problem.amount_too_high,
            at = spot_text(i18n, at),
            max = max.to_string()
        )
        .to_string(),
        Problem::TooManyRows { max } => t_string!(i18n, problem.too_many_rows, max).to_string(),
        Problem::FiguresTooLarge => t_string!(i18n, problem.figures_too_large).to_string(),
        Problem::PlanNotEditable => t_string!(i18n, problem.plan_not_editable).to_string(),
        Problem::AnswerMissing => t_string!(i18n, problem.answer_missing).to_string(),
        Problem::BeforeApproval => t_string!(i18n, problem.before_approval).to_string(),
        Problem::AmountMissing => t_string!(i18n, problem.amount_missing).to_string(),
        Problem::AmountBelowZero => t_string!(i18n, problem.amount_below_zero).to_string(),
        Problem::AmountAboveLimit { max } => {
            t_string!(i18n, problem.amount_above_limit, max = max.to_string()).to_string()
        }
        Problem::JobsInvalid { max } => t_string!(i18n, problem.jobs_invalid, max).to_string(),
        Problem::SatisfactoryNeedsOperating => {
            t_string!(i18n, problem.satisfactory_needs_operating).to_string()
        }
        Problem::FileEmpty { name } => {
            t_string!(i18n, problem.file_empty, name = name.to_string()).to_string()
        }
        Problem::FileTooLarge { name, max_mb } => t_string!(
            i18n,
            problem.file_too_large,
            name = name.to_string(),
            max_mb
        )
        .to_string(),
        Problem::FileTypeRefused { name } => {
            t_string!(i18n, problem.file_type_refused, name = name.to_string()).to_string()
        }
        Problem::TooManyFiles { max } => t_string!(i18n, problem.too_many_files, max).to_string(),
        Problem::UploadTooLarge { max_mb } => {
            t_string!(i18n, problem.upload_too_large, max_mb).to_string()
        }
        Problem::PlanNotApproved => t_string!(i18n, problem.plan_not_approved).to_string(),
    }
}

/// Where in a plan's figures an amount was typed ("line 3, unit cost", "month 4, sales").
fn spot_text(i18n: I18nContext<Locale>, spot: Spot) -> String {
    match spot {
        Spot::UnitCost { row } => t_string!(i18n, problem.spot_unit_cost, row).to_string(),
        Spot::Sales { month } => t_string!(i18n, problem.spot_sales, month).to_string(),
        Spot::Costs { month } => t_string!(i18n, problem.spot_costs, month).to_string(),
        Spot::OwnContribution => t_string!(i18n, plan_editor.own_contribution).to_string(),
        Spot::GrantRequested => t_string!(i18n, plan_editor.grant_requested).to_string(),
        Spot::Loan => t_string!(i18n, plan_editor.loan).to_string(),
    }
}

/// The sentences to show above a form: its form-level problems, or the general message for
/// an error that is not about one field.
pub fn form_messages(i18n: I18nContext<Locale>, error: &AppError) -> Vec<String> {
    match error {
        AppError::Validation(problems) => {
            let form: Vec<String> = problems
                .iter()
                .filter(|p| p.field == Field::Form)
                .map(|p| problem_text(i18n, p.problem))
                .collect();
            if form.is_empty() {
                vec![t_string!(i18n, error.form_has_problems).to_string()]
            } else {
                form
            }
        }
        AppError::Unauthenticated => vec![t_string!(i18n, error.unauthenticated).to_string()],
        AppError::Forbidden => vec![t_string!(i18n, error.forbidden).to_string()],
        AppError::NotFound => vec![t_string!(i18n, error.not_found).to_string()],
        AppError::Conflict => vec![t_string!(i18n, error.conflict).to_string()],
        AppError::Unavailable | AppError::Internal | AppError::Request(_) => {
            vec![t_string!(i18n, error.internal).to_string()]
        }
    }
}

/// The error of the last submission of a form, if it failed.
pub type LastError = Signal<Option<AppError>>;

/// Messages above a form (live region, so screen readers announce them).
#[component]
pub fn FormProblems(error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            view! {
                <div class="form-problems" role="alert" data-test="form-problems">
                    {form_messages(i18n, &error)
                        .into_iter()
                        .map(|message| view! { <p>{message}</p> })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// Messages under one field; `id` is what the input's `aria-describedby` names.
#[component]
pub fn FieldProblems(error: LastError, field: Field, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let problems = error
            .get()
            .map(|e| e.problems_for(field))
            .unwrap_or_default();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="field-problems" id=id data-test=id>
                    {problems
                        .into_iter()
                        .map(|p| view! { <p>{problem_text(i18n, p)}</p> })
                        .collect_view()}
                </div>
            }
        })
    }
}
