//! Errors of the rules core. Each variant is one thing a person can correct; the message in their
//! language is made in one place (`anyqtama-i18n`), from [`RulesError::code`] and the variant's fields.

use chrono::NaiveDate;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RulesError {
    #[error("unknown rule set `{0}`")]
    UnknownRuleSet(String),
    #[error("no rule set is in force on {0}")]
    NoRuleSetInForce(NaiveDate),
    #[error("unknown service `{0}`")]
    UnknownService(String),
    #[error("the working-day calendar has no data for {0}")]
    CalendarYearMissing(i32),
    #[error("period ends {to} before it starts {from}")]
    PeriodReversed { from: NaiveDate, to: NaiveDate },
    #[error("period starting {from} begins after the registration date {registered_on}")]
    PeriodAfterRegistration {
        from: NaiveDate,
        registered_on: NaiveDate,
    },
    #[error("date {0} is before {1}")]
    DateTooEarly(NaiveDate, NaiveDate),
    #[error("office hours: opening {open} is not before closing {close}")]
    OfficeHoursReversed { open: String, close: String },
    #[error("invalid date `{0}`")]
    InvalidDate(String),
    #[error("invalid date and time `{0}`")]
    InvalidDateTime(String),
    #[error("invalid time `{0}`")]
    InvalidTime(String),
    #[error("field `{0}` is required for this service")]
    MissingField(&'static str),
    #[error("end date {end} is after the latest allowed {latest}")]
    EndAfterLatest { end: NaiveDate, latest: NaiveDate },
    #[error("end date {end} is before the start {start}")]
    EndBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("invalid IIN/BIN `{0}`: {1}")]
    InvalidIin(String, IinProblem),
    #[error("invalid data in {file}: {detail}")]
    Data { file: String, detail: String },
}

/// Why an IIN/BIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum IinProblem {
    #[error("it must be 12 digits")]
    Length,
    #[error("the check digit does not match")]
    CheckDigit,
    #[error("its first six digits are not a birth date, or its seventh is not 1-6")]
    Structure,
}

impl RulesError {
    /// A stable code: the fluent message id is `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            RulesError::UnknownRuleSet(_) => "unknown-rule-set",
            RulesError::NoRuleSetInForce(_) => "no-rule-set-in-force",
            RulesError::UnknownService(_) => "unknown-service",
            RulesError::CalendarYearMissing(_) => "calendar-year-missing",
            RulesError::PeriodReversed { .. } => "period-reversed",
            RulesError::PeriodAfterRegistration { .. } => "period-after-registration",
            RulesError::DateTooEarly(..) => "date-too-early",
            RulesError::OfficeHoursReversed { .. } => "office-hours-reversed",
            RulesError::InvalidDate(_) => "invalid-date",
            RulesError::InvalidDateTime(_) => "invalid-datetime",
            RulesError::InvalidTime(_) => "invalid-time",
            RulesError::MissingField(_) => "missing-field",
            RulesError::EndAfterLatest { .. } => "end-after-latest",
            RulesError::EndBeforeStart { .. } => "end-before-start",
            RulesError::InvalidIin(_, IinProblem::Length) => "iin-length",
            RulesError::InvalidIin(_, IinProblem::CheckDigit) => "iin-check-digit",
            RulesError::InvalidIin(_, IinProblem::Structure) => "iin-structure",
            RulesError::Data { .. } => "data",
        }
    }

    /// The named values a message may use, as text (`$value`, `$from`, `$to`, ...).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            RulesError::UnknownRuleSet(v) | RulesError::UnknownService(v) => {
                vec![("value", v.clone())]
            }
            RulesError::InvalidDate(v)
            | RulesError::InvalidDateTime(v)
            | RulesError::InvalidTime(v) => {
                vec![("value", v.clone())]
            }
            RulesError::NoRuleSetInForce(d) => vec![("date", d.to_string())],
            RulesError::CalendarYearMissing(y) => vec![("year", y.to_string())],
            RulesError::PeriodReversed { from, to } => {
                vec![("from", from.to_string()), ("to", to.to_string())]
            }
            RulesError::PeriodAfterRegistration {
                from,
                registered_on,
            } => vec![
                ("from", from.to_string()),
                ("registered_on", registered_on.to_string()),
            ],
            RulesError::DateTooEarly(date, earliest) => vec![
                ("date", date.to_string()),
                ("earliest", earliest.to_string()),
            ],
            RulesError::OfficeHoursReversed { open, close } => {
                vec![("open", open.clone()), ("close", close.clone())]
            }
            RulesError::MissingField(f) => vec![("field", f.to_string())],
            RulesError::EndAfterLatest { end, latest } => {
                vec![("end", end.to_string()), ("latest", latest.to_string())]
            }
            RulesError::EndBeforeStart { start, end } => {
                vec![("start", start.to_string()), ("end", end.to_string())]
            }
            RulesError::InvalidIin(v, _) => vec![("value", v.clone())],
            RulesError::Data { file, detail } => {
                vec![("file", file.clone()), ("detail", detail.clone())]
            }
        }
    }
}

/// One error of every kind, for tests that check each has a message in every language. The match
/// has no wildcard, so a new variant does not compile until it is added here.
#[doc(hidden)]
pub fn examples() -> Vec<RulesError> {
    let d = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    let all = vec![
        RulesError::UnknownRuleSet("x".into()),
        RulesError::NoRuleSetInForce(d),
        RulesError::UnknownService("x".into()),
        RulesError::CalendarYearMissing(2030),
        RulesError::PeriodReversed { from: d, to: d },
        RulesError::PeriodAfterRegistration {
            from: d,
            registered_on: d,
        },
        RulesError::DateTooEarly(d, d),
        RulesError::OfficeHoursReversed {
            open: "18:00".into(),
            close: "09:00".into(),
        },
        RulesError::InvalidDate("x".into()),
        RulesError::InvalidDateTime("x".into()),
        RulesError::InvalidTime("x".into()),
        RulesError::MissingField("education"),
        RulesError::EndAfterLatest { end: d, latest: d },
        RulesError::EndBeforeStart { start: d, end: d },
        RulesError::InvalidIin("x".into(), IinProblem::Length),
        RulesError::InvalidIin("x".into(), IinProblem::CheckDigit),
        RulesError::InvalidIin("x".into(), IinProblem::Structure),
        RulesError::Data {
            file: "f".into(),
            detail: "d".into(),
        },
    ];
    for e in &all {
        match e {
            RulesError::UnknownRuleSet(_)
            | RulesError::NoRuleSetInForce(_)
            | RulesError::UnknownService(_)
            | RulesError::CalendarYearMissing(_)
            | RulesError::PeriodReversed { .. }
            | RulesError::PeriodAfterRegistration { .. }
            | RulesError::DateTooEarly(..)
            | RulesError::OfficeHoursReversed { .. }
            | RulesError::InvalidDate(_)
            | RulesError::InvalidDateTime(_)
            | RulesError::InvalidTime(_)
            | RulesError::MissingField(_)
            | RulesError::EndAfterLatest { .. }
            | RulesError::EndBeforeStart { .. }
            | RulesError::InvalidIin(..)
            | RulesError::Data { .. } => {}
        }
    }
    all
}
