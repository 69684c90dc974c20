//! `anyqtama calendar ...`.

use crate::error::CliError;
use crate::to_json;
use anyqtama_i18n::{Lang, Messages};
use anyqtama_rules::calendar::Exception;
use anyqtama_rules::registration::parse_date;
use anyqtama_rules::Calendar;
use serde::Serialize;

pub fn add_working_days(date: &str, n: &str) -> Result<String, CliError> {
    let date = parse_date(date)?;
    let n: u32 = n.parse().map_err(|_| CliError::NotANumber(n.to_string()))?;
    Ok(Calendar::embedded().add_working_days(date, n)?.to_string())
}

#[derive(Serialize)]
struct Entry {
    date: chrono::NaiveDate,
    reason: String,
    kind: &'static str,
    source: String,
}

#[derive(Serialize)]
struct NonWorking {
    year: i32,
    status: anyqtama_rules::calendar::YearStatus,
    non_working: Vec<Entry>,
    working_weekend_days: Vec<Entry>,
}

pub fn non_working(year: &str, lang: Lang) -> Result<String, CliError> {
    let y: i32 = match year.parse() {
        Ok(y) if year.len() == 4 => y,
        _ => return Err(CliError::NotAYear(year.to_string())),
    };
    let cal = Calendar::embedded();
    let m = Messages::new(lang);
    let mut out = NonWorking {
        year: y,
        status: cal.year(y)?.status,
        non_working: Vec::new(),
        working_weekend_days: Vec::new(),
    };
    for (date, e) in cal.exceptions(y)? {
        let (kind, reason, source, working) = match e {
            Exception::Holiday {
                holiday,
                estimated,
                source,
            } => {
                let name = holiday.names.get(lang).to_string();
                let reason = if estimated {
                    m.get("calendar-estimated", &[("holiday", name)])
                } else {
                    name
                };
                ("holiday", reason, source, false)
            }
            Exception::Carried {
                holiday,
                from,
                source,
            } => (
                "carried",
                m.get(
                    "calendar-carried",
                    &[
                        ("holiday", holiday.names.get(lang).to_string()),
                        ("date", from.to_string()),
                    ],
                ),
                source,
                false,
            ),
            Exception::Transferred {
                working_day,
                source,
            } => (
                "transferred",
                m.get("calendar-transferred", &[("date", working_day.to_string())]),
                source,
                false,
            ),
            Exception::Working { instead_of, source } => (
                "working",
                m.get("calendar-working", &[("date", instead_of.to_string())]),
                source,
                true,
            ),
        };
        let entry = Entry {
            date,
            reason,
            kind,
            source: source.to_string(),
        };
        if working {
            out.working_weekend_days.push(entry);
        } else {
            out.non_working.push(entry);
        }
    }
    Ok(to_json(&out))
}
