//! The working-day calendar of Kazakhstan (RULES.md §7) as data per year.
//!
//! Weekends are Saturday and Sunday. Each year's file in `assets/calendar/` lists the non-working
//! holidays, the days off carried over from holidays that fell on a weekend (Labour Code art. 85;
//! never for the religious holidays), the days off transferred by Government decree and the weekend
//! days those decrees made working. An administrator edits the data; [`Calendar::validate`] refuses
//! data that does not hang together. A date in a year without data is an error, never a guess.

use crate::{Lang, Names, RulesError};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The calendar's folder, embedded whole at build time: `holidays.toml` (the kinds of holiday) and
/// one `<year>.toml` per year. A new year is a new file; nothing here lists them.
static FOLDER: include_dir::Dir<'_> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/../../assets/calendar");

/// The year files found in the folder: (file name, content), in name order.
pub(crate) fn year_files() -> Vec<(String, String)> {
    crate::toml_files(&FOLDER, &["holidays.toml"])
}

/// The kinds of holiday, as shipped (`assets/calendar/holidays.toml`).
pub fn holiday_kinds() -> &'static str {
    holidays()
}

fn holidays() -> &'static str {
    FOLDER
        .get_file("holidays.toml")
        .and_then(|f| f.contents_utf8())
        .expect("assets/calendar/holidays.toml is shipped")
}

/// A kind of holiday: its names and whether a weekend occurrence is carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct HolidayKind {
    pub id: String,
    pub carried: bool,
    #[serde(flatten)]
    pub names: Names,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Holiday {
    pub date: NaiveDate,
    pub id: String,
    /// The date is an estimate (Kurban Ait before it is announced).
    #[serde(default)]
    pub estimated: bool,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DayOffKind {
    /// A holiday fell on a weekend; its day off moves to the next working day.
    Carried,
    /// A Government decree moved a day off here from a weekend day made working.
    Transferred,
}

/// A Monday-to-Friday day off that is not itself a holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DayOff {
    pub date: NaiveDate,
    pub kind: DayOffKind,
    /// For a carried day: the holiday and its date.
    pub holiday: Option<String>,
    pub holiday_date: Option<NaiveDate>,
    /// For a transferred day: the weekend day worked instead.
    pub working_day: Option<NaiveDate>,
    /// A decree that moved a carried day off elsewhere (2020: from Monday 11 May to Friday 8 May).
    #[serde(default)]
    pub moved_by: Option<String>,
    pub source: String,
}

/// A Saturday or Sunday made working by decree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct WorkingDay {
    pub date: NaiveDate,
    pub instead_of: NaiveDate,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum YearStatus {
    Confirmed,
    /// Not yet checked against the year's decree; shown to officials as such.
    Provisional,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Year {
    pub year: i32,
    pub status: YearStatus,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, rename = "holiday")]
    pub holidays: Vec<Holiday>,
    #[serde(default, rename = "day_off")]
    pub days_off: Vec<DayOff>,
    #[serde(default, rename = "working_day")]
    pub working_days: Vec<WorkingDay>,
}

#[derive(Deserialize)]
struct HolidayFile {
    holiday: Vec<HolidayKind>,
}

/// Why a date is an exception to the Monday-Friday week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Exception<'a> {
    /// A holiday on a weekday.
    Holiday {
        holiday: &'a HolidayKind,
        estimated: bool,
        source: &'a str,
    },
    /// A day off carried over from `holiday` on `from`.
    Carried {
        holiday: &'a HolidayKind,
        from: NaiveDate,
        source: &'a str,
    },
    /// A day off moved here by decree; `working_day` is worked instead.
    Transferred {
        working_day: NaiveDate,
        source: &'a str,
    },
    /// A weekend day made working, for the day off on `instead_of`.
    Working {
        instead_of: NaiveDate,
        source: &'a str,
    },
}

/// The calendar: holiday kinds and the years with data.
#[derive(Debug, Clone)]
pub struct Calendar {
    kinds: HashMap<String, HolidayKind>,
    years: BTreeMap<i32, Year>,
    /// Every weekday that is off, and every weekend day that is working, for quick look-up.
    off: BTreeSet<NaiveDate>,
    working_weekend: BTreeSet<NaiveDate>,
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// The calendar shipped with the program: every year file of `assets/calendar/`.
    pub fn embedded() -> Calendar {
        Calendar::from_toml(holidays(), year_files())
            .expect("embedded calendar is valid (checked by tests)")
    }

    /// A calendar from the holiday kinds and year files (name, content); validated.
    pub fn from_toml(
        holidays: &str,
        years: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Calendar, RulesError> {
        let kinds: HolidayFile = toml::from_str(holidays).map_err(|e| RulesError::Data {
            file: "holidays.toml".into(),
            detail: e.to_string(),
        })?;
        let mut parsed = Vec::new();
        for (name, text) in years {
            let year: Year = toml::from_str(&text).map_err(|e| RulesError::Data {
                file: name.clone(),
                detail: e.to_string(),
            })?;
            parsed.push(year);
        }
        Calendar::new(kinds.holiday, parsed)
    }

    /// A calendar from parsed data; refuses data that does not hang together.
    pub fn new(kinds: Vec<HolidayKind>, years: Vec<Year>) -> Result<Calendar, RulesError> {
        let kinds: HashMap<String, HolidayKind> =
            kinds.into_iter().map(|k| (k.id.clone(), k)).collect();
        let mut map = BTreeMap::new();
        for y in years {
            let file = format!("{}.toml", y.year);
            if map.insert(y.year, y).is_some() {
                return Err(RulesError::Data {
                    file,
                    detail: "year_twice".into(),
                });
            }
        }
        let mut cal = Calendar {
            kinds,
            years: map,
            off: BTreeSet::new(),
            working_weekend: BTreeSet::new(),
        };
        cal.validate()?;
        for y in cal.years.values() {
            cal.off.extend(
                y.holidays
                    .iter()
                    .map(|h| h.date)
                    .filter(|d| !is_weekend(*d)),
            );
            cal.off.extend(y.days_off.iter().map(|d| d.date));
            cal.working_weekend
                .extend(y.working_days.iter().map(|w| w.date));
        }
        Ok(cal)
    }

    /// This calendar with one more transfer by Government decree: `day_off` (a weekday) becomes a
    /// day off and `working_day` (a weekend day) is worked instead. Refused, naming the year, when
    /// the result does not hang together (the same checks as the shipped data).
    pub fn with_transfer(
        &self,
        day_off: NaiveDate,
        working_day: NaiveDate,
        source: &str,
    ) -> Result<Calendar, RulesError> {
        let mut years: Vec<Year> = self.years.values().cloned().collect();
        let year = years
            .iter_mut()
            .find(|y| y.year == day_off.year())
            .ok_or(RulesError::CalendarYearMissing(day_off.year()))?;
        year.days_off.push(DayOff {
            date: day_off,
            kind: DayOffKind::Transferred,
            holiday: None,
            holiday_date: None,
            working_day: Some(working_day),
            moved_by: None,
            source: source.to_string(),
        });
        let year = years
            .iter_mut()
            .find(|y| y.year == working_day.year())
            .ok_or(RulesError::CalendarYearMissing(working_day.year()))?;
        year.working_days.push(WorkingDay {
            date: working_day,
            instead_of: day_off,
            source: source.to_string(),
        });
        Calendar::new(self.kinds.values().cloned().collect(), years)
    }

    /// Checks that each year's data is consistent:
    /// holidays are of known kinds and in their year; days off fall on weekdays that are not
    /// holidays; every weekend holiday that is carried over has exactly one carried day off;
    /// every transfer pairs a day off with a weekend day made working.
    pub fn validate(&self) -> Result<(), RulesError> {
        for (year, y) in &self.years {
            let err = |detail: String| RulesError::Data {
                file: format!("{year}.toml"),
                detail,
            };
            let holiday_dates: BTreeSet<NaiveDate> = y.holidays.iter().map(|h| h.date).collect();
            for h in &y.holidays {
                if h.date.year() != *year {
                    return Err(err(format!("holiday {} is not in {year}", h.date)));
                }
                if !self.kinds.contains_key(&h.id) {
                    return Err(err(format!("unknown holiday `{}` on {}", h.id, h.date)));
                }
            }
            let mut seen = BTreeSet::new();
            for d in &y.days_off {
                if is_weekend(d.date) || holiday_dates.contains(&d.date) || !seen.insert(d.date) {
                    return Err(err(format!(
                        "day off {} falls on a weekend, a holiday or twice",
                        d.date
                    )));
                }
                match d.kind {
                    DayOffKind::Carried => {
                        let ok = match (&d.holiday, d.holiday_date) {
                            (Some(id), Some(hd)) => {
                                y.holidays.iter().any(|h| &h.id == id && h.date == hd)
                                    && is_weekend(hd)
                                    && self.kinds[id].carried
                                    && (d.date > hd || d.moved_by.is_some())
                            }
                            _ => false,
                        };
                        if !ok {
                            return Err(err(format!("carried day off {} does not name a carried weekend holiday before it", d.date)));
                        }
                    }
                    DayOffKind::Transferred => {
                        let paired = d.working_day.is_some_and(|w| {
                            y.working_days
                                .iter()
                                .any(|x| x.date == w && x.instead_of == d.date)
                        });
                        if !paired {
                            return Err(err(format!(
                                "transferred day off {} has no matching working day",
                                d.date
                            )));
                        }
                    }
                }
            }
            for h in &y.holidays {
                if is_weekend(h.date) && self.kinds[&h.id].carried {
                    let n = y
                        .days_off
                        .iter()
                        .filter(|d| d.kind == DayOffKind::Carried && d.holiday_date == Some(h.date))
                        .count();
                    if n != 1 {
                        return Err(err(format!(
                            "holiday {} on a weekend needs exactly one carried day off, has {n}",
                            h.date
                        )));
                    }
                }
            }
            for w in &y.working_days {
                if !is_weekend(w.date) {
                    return Err(err(format!(
                        "working day {} is not a Saturday or Sunday",
                        w.date
                    )));
                }
                if !y
                    .days_off
                    .iter()
                    .any(|d| d.date == w.instead_of && d.working_day == Some(w.date))
                {
                    return Err(err(format!(
                        "working day {} does not pay for a transferred day off",
                        w.date
                    )));
                }
            }
        }
        Ok(())
    }

    pub fn years(&self) -> impl Iterator<Item = &Year> {
        self.years.values()
    }

    pub fn year(&self, year: i32) -> Result<&Year, RulesError> {
        self.years
            .get(&year)
            .ok_or(RulesError::CalendarYearMissing(year))
    }

    pub fn holiday_kind(&self, id: &str) -> Option<&HolidayKind> {
        self.kinds.get(id)
    }

    pub fn holiday_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.kinds.get(id).map(|k| k.names.get(lang)).unwrap_or(id)
    }

    /// Is this date a working day? Errors for a year without data.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, RulesError> {
        self.year(date.year())?;
        Ok(if is_weekend(date) {
            self.working_weekend.contains(&date)
        } else {
            !self.off.contains(&date)
        })
    }

    /// The working day on or after `date`.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, RulesError> {
        let mut d = date;
        while !self.is_working_day(d)? {
            d = next_day(d)?;
        }
        Ok(d)
    }

    /// The `n`-th working day after `date` (RULES.md §6.4: a term starts on the day after; the
    /// deadline is the N-th working day after the starting date). `n = 0` gives `date` itself.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, RulesError> {
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d = next_day(d)?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to <= from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, RulesError> {
        let mut n = 0;
        let mut d = from;
        while d < to {
            d = next_day(d)?;
            if self.is_working_day(d)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// The exceptions to the Monday-Friday week in a year, in date order: weekday holidays and days
    /// off, and weekend days made working.
    pub fn exceptions(&self, year: i32) -> Result<Vec<(NaiveDate, Exception<'_>)>, RulesError> {
        let y = self.year(year)?;
        let mut out: Vec<(NaiveDate, Exception<'_>)> = Vec::new();
        for h in y.holidays.iter().filter(|h| !is_weekend(h.date)) {
            out.push((
                h.date,
                Exception::Holiday {
                    holiday: &self.kinds[&h.id],
                    estimated: h.estimated,
                    source: &h.source,
                },
            ));
        }
        for d in &y.days_off {
            let e = match d.kind {
                DayOffKind::Carried => Exception::Carried {
                    holiday: &self.kinds[d.holiday.as_deref().unwrap_or_default()],
                    from: d.holiday_date.expect("validated"),
                    source: &d.source,
                },
                DayOffKind::Transferred => Exception::Transferred {
                    working_day: d.working_day.expect("validated"),
                    source: &d.source,
                },
            };
            out.push((d.date, e));
        }
        for w in &y.working_days {
            out.push((
                w.date,
                Exception::Working {
                    instead_of: w.instead_of,
                    source: &w.source,
                },
            ));
        }
        out.sort_by_key(|(d, _)| *d);
        Ok(out)
    }
}

fn next_day(d: NaiveDate) -> Result<NaiveDate, RulesError> {
    d.checked_add_days(Days::new(1))
        .ok_or_else(|| RulesError::InvalidDate(d.to_string()))
}
