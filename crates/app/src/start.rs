//! Opening the store: first-run setup, the demo office, signing in, the user's language, and the
//! pages every user starts from (the dashboard, search, the agenda of cases waiting for a step).

use crate::Result;
use anyqtama_demo as demo;
pub use anyqtama_demo::{DemoOptions, DemoSummary};
use anyqtama_rules::{Lang, Service};
use anyqtama_store::{queries, views, CaseStatus, Law, Office, Session, Store};
use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

/// What the first screen shows before anyone signs in.
#[derive(Debug, Serialize, TS)]
pub struct AppInfo {
    pub rules_in_force: String,
    pub calendar_first: i32,
    pub calendar_last: i32,
    pub version: String,
    /// Set only when a test pins the clock: the window's date fields then start from it.
    pub pinned_now: Option<NaiveDateTime>,
}

/// Where the desktop window cannot open for want of a display (a server, a terminal over SSH),
/// the sentence that says so, in the user's language (ANYQTAMA_LANG or LANG; Kazakh, the state
/// language, otherwise); none where it can. `env` reads an environment variable.
pub fn no_display(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let set = |v: &str| env(v).is_some_and(|x| !x.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        return None;
    }
    let lang = ["ANYQTAMA_LANG", "LANG"]
        .iter()
        .filter_map(|v| env(v))
        .find_map(|v| Lang::parse(v.get(..2).unwrap_or("")))
        .unwrap_or(Lang::Kk);
    Some(anyqtama_i18n::Messages::new(lang).get("error-no-display", &[]))
}

pub fn app_info(law: &Law, now: NaiveDateTime) -> AppInfo {
    let years: Vec<i32> = law.calendar.years().map(|y| y.year).collect();
    AppInfo {
        rules_in_force: law
            .rule_sets
            .in_force_on(now.date())
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
        calendar_first: years.first().copied().unwrap_or_default(),
        calendar_last: years.last().copied().unwrap_or_default(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        pinned_now: crate::clock::pinned(),
    }
}

/// What a store is, for the first screen: set up or not, an office's or a higher office's.
#[derive(Debug, Serialize, TS)]
pub struct StoreStatus {
    pub path: String,
    /// An office is set up: sign in.
    pub ready: bool,
    /// Another window holds this store.
    pub in_use: bool,
    /// A higher office's store: bundles imported, no office of its own.
    pub higher_office: bool,
    /// Users exist: sign in (else the first administrator is to be made).
    pub has_users: bool,
}

impl StoreStatus {
    /// A store another window holds: nothing more is known.
    pub fn in_use(path: String) -> StoreStatus {
        StoreStatus {
            path,
            ready: false,
            in_use: true,
            higher_office: false,
            has_users: false,
        }
    }

    /// No store file yet: the first run.
    pub fn new_store(path: String) -> StoreStatus {
        StoreStatus {
            in_use: false,
            ..StoreStatus::in_use(path)
        }
    }
}

pub fn store_status(store: &Store, path: String) -> Result<StoreStatus> {
    Ok(StoreStatus {
        path,
        ready: store.has_office()?,
        in_use: false,
        higher_office: store.is_higher_office()?,
        has_users: store.has_users()?,
    })
}

/// The first administrator of a new store.
pub struct FirstAdmin<'a> {
    pub login: &'a str,
    pub full_name: &'a str,
    pub password: &'a str,
}

/// First-run setup of an office: the office in three languages, its first administrator (signed
/// in, working in `lang`) and its signing key.
pub fn setup(
    store: &mut Store,
    now: NaiveDateTime,
    office: &Office,
    admin: &FirstAdmin<'_>,
    lang: Lang,
) -> Result<Session> {
    let session = store.setup(
        office,
        admin.login.trim(),
        admin.full_name.trim(),
        admin.password,
        now,
    )?;
    in_lang(store, session, lang)
}

/// First-run setup of a higher office's store: its first administrator.
pub fn setup_higher_office(
    store: &mut Store,
    now: NaiveDateTime,
    admin: &FirstAdmin<'_>,
    lang: Lang,
) -> Result<Session> {
    let session = store.setup_higher_office(
        admin.login.trim(),
        admin.full_name.trim(),
        admin.password,
        now,
    )?;
    in_lang(store, session, lang)
}

fn in_lang(store: &Store, mut session: Session, lang: Lang) -> Result<Session> {
    session.lang = lang.code().to_string();
    store.set_lang(&session, &session.lang)?;
    Ok(session)
}

/// Fills an empty store with a demo office so a newcomer sees realistic cases at once; its users
/// start in the language the newcomer chose.
pub fn open_demo(
    store: &mut Store,
    now: NaiveDateTime,
    lang: Lang,
    progress: &crate::progress::Reporter,
) -> Result<DemoSummary> {
    let opts = DemoOptions {
        cases: 1500,
        seed: 1,
        now,
        years: 3,
        batch: 250,
    };
    use crate::progress::{Meter, Task, Unit};
    let mut meter = Meter::new(
        Task::Demo,
        Unit::Cases,
        Some(opts.cases as u64),
        progress.clone(),
    );
    let summary = demo::fill(store, &opts, |n| meter.at(n.max(0) as u64))?;
    for login in &summary.users {
        let s = store.session_for(login)?;
        store.set_lang(&s, lang.code())?;
    }
    Ok(summary)
}

/// Signs a user in; a signatory's password also unlocks the office key for their session.
pub fn sign_in(store: &Store, login: &str, password: &str, now: NaiveDateTime) -> Result<Session> {
    Ok(store.sign_in(login.trim(), password, now)?)
}

/// Remembers the user's language for their next sign-in.
pub fn set_lang(store: &Store, session: &Session, lang: Lang) -> Result<()> {
    Ok(store.set_lang(session, lang.code())?)
}

/// Due today, late, due soon and certificates ending within two weeks, as of `now`.
pub fn dashboard(store: &Store, now: NaiveDateTime) -> Result<queries::Dashboard> {
    Ok(queries::dashboard(store, store.law(), now.date(), 14)?)
}

#[derive(Debug, Serialize, TS)]
pub struct Found {
    pub cases: Vec<queries::CaseSummary>,
    /// More matched than are shown.
    pub more: bool,
}

/// Cases whose applicant, passport, number or certificate match `text`: the first hundred.
pub fn search(store: &Store, text: &str) -> Result<Found> {
    let mut cases = queries::cases(store, Some(text), Some(101))?;
    let more = cases.len() > 100;
    cases.truncate(100);
    Ok(Found { cases, more })
}

/// A page of search results and how many there are in all.
#[derive(Debug, Serialize, TS)]
pub struct SearchPage {
    pub total: usize,
    pub offset: usize,
    pub cases: Vec<queries::CaseSummary>,
}

/// Results come a page at a time (50 unless asked), with the total count.
pub fn search_page(
    store: &Store,
    text: &str,
    limit: Option<usize>,
    offset: usize,
) -> Result<SearchPage> {
    let limit = limit.unwrap_or(50).clamp(1, 1000);
    let (total, cases) = queries::search_page(store, text, limit, offset)?;
    Ok(SearchPage {
        total,
        offset,
        cases,
    })
}

/// Cases waiting for a step: to be sent to the Commission, at the Commission, for the head.
#[derive(Debug, Serialize, TS)]
pub struct Agenda {
    pub registered: Vec<queries::CaseSummary>,
    pub commission: Vec<queries::CaseSummary>,
    pub decision: Vec<queries::CaseSummary>,
}

pub fn agenda(store: &Store) -> Result<Agenda> {
    let c = store;
    let registered = views::cases_in(c, &[CaseStatus::Registered], 200)?;
    // Rules p.7: only a first issue goes to the Commission; the other services go to the head.
    let (issue, others): (Vec<_>, Vec<_>) = registered
        .into_iter()
        .partition(|x| x.kind == Service::Issue);
    let mut decision = views::cases_in(c, &[CaseStatus::Assessed], 200)?;
    decision.extend(others);
    decision.sort_by_key(|x| x.id);
    Ok(Agenda {
        registered: issue,
        commission: views::cases_in(c, &[CaseStatus::SentToCommission], 200)?,
        decision,
    })
}

/// Cases, newest first, matching `text` when given.
pub fn cases(
    store: &Store,
    text: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<queries::CaseSummary>> {
    Ok(queries::cases(store, text, limit)?)
}

/// Certificates issued in a month (or all), with their status on `today`.
pub fn certificates(
    store: &Store,
    month: Option<crate::input::Month>,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<Vec<queries::CertificateSummary>> {
    Ok(queries::certificates(
        store,
        store.law(),
        month.map(|m| (m.year, m.month)),
        today,
        lang,
    )?)
}

/// What is due as of `today`, looking `within` days ahead.
pub fn due(store: &Store, today: chrono::NaiveDate, within: u64) -> Result<queries::Dashboard> {
    Ok(queries::dashboard(store, store.law(), today, within)?)
}

/// A demo office's simulated history in an empty store; `progress` hears each committed count.
pub fn demo(
    store: &mut Store,
    opts: &DemoOptions,
    progress: impl FnMut(i64),
) -> Result<DemoSummary> {
    Ok(demo::fill(store, opts, progress)?)
}

#[cfg(test)]
mod tests {
    use super::no_display;

    #[test]
    fn without_a_display_the_sentence_is_in_the_users_language() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(no_display(env(&[("DISPLAY", ":0")])), None);
        assert_eq!(no_display(env(&[("WAYLAND_DISPLAY", "wayland-0")])), None);
        let ru = no_display(env(&[("LANG", "ru_RU.UTF-8")])).unwrap();
        assert!(ru.contains("DISPLAY") && ru.contains("экран"), "{ru}");
        let kk = no_display(env(&[("LANG", "C"), ("DISPLAY", "")])).unwrap();
        assert!(kk.contains("экран керек"), "{kk}");
        let en = no_display(env(&[("ANYQTAMA_LANG", "en"), ("LANG", "ru_RU.UTF-8")])).unwrap();
        assert!(en.contains("graphical display"), "{en}");
    }
}
