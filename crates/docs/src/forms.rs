//! The application (App 1), the reasoned refusal (App 2 p.5, p.9) and the Commission's protocol
//! (Rules p.9).

use crate::certificate::{block, filled, unofficial_notes, CENTRE, LEFT, RIGHT, WIDTH};
use crate::layout::{self, Page, Weight};
use crate::text::{date_case, date_in, joined, DateCase, DocLang, Texts};
use anyqtama_rules::experience::{CountedPeriod, Length};
use anyqtama_rules::{Lang, Names, Service};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApplicationView {
    pub office: Names,
    pub kind: Service,
    pub applicant: String,
    pub passport: String,
    pub address: String,
    pub residence: String,
    pub profession: crate::ProfessionView,
    /// "name, BIN" when extending (or reissuing on a change of employer).
    pub employer: Option<String>,
    /// The names of the attached documents, per language.
    pub attachments: Vec<Names>,
    pub date: NaiveDate,
    pub unofficial_names: Vec<Lang>,
}

/// Right-hand header block of a form: value on a rule, hint below, in a column.
fn header_field(p: &mut Page, x: f32, y: f32, w: f32, value: &str, hints: &[String]) -> f32 {
    let mut y = y;
    for line in layout::wrap(value, 10.0, Weight::Bold, w) {
        p.text(x, y, 10.0, Weight::Bold, &line);
        y += 4.5;
    }
    p.line(x, y - 3.5, x + w, y - 3.5, 0.4);
    for h in hints {
        for line in layout::wrap(h, 7.0, Weight::Regular, w) {
            p.hint(x, y - 0.5, 7.0, &line);
            y += 3.0;
        }
    }
    y + 2.5
}

pub fn application(v: &ApplicationView, lang: DocLang, draft: bool) -> Vec<u8> {
    layout::render(
        &Texts::new(lang).one("form-title", &[]),
        vec![application_sheet(v, lang, draft)],
    )
}

/// The application's one page, for a document of many.
pub fn application_sheet(v: &ApplicationView, lang: DocLang, draft: bool) -> Page {
    crate::certificate::fit(|k| application_page(v, lang, draft, k))
}

fn application_page(v: &ApplicationView, lang: DocLang, draft: bool, k: f32) -> (Page, f32) {
    let t = Texts::new(lang);
    let mut p = Page::a4();
    p.right(
        RIGHT,
        14.0,
        7.5,
        Weight::Regular,
        &joined(&t.get("form-form", &[])),
    );
    // The addressee and the applicant in the upper right, as App 1 sets them.
    let (x, w) = (112.0, RIGHT - 112.0);
    let mut y = 24.0;
    y = header_field(
        &mut p,
        x,
        y,
        w,
        &joined(&t.names(&v.office)),
        &t.get("form-leb-hint", &[]),
    );
    p.text(
        x,
        y,
        9.0,
        Weight::Regular,
        &joined(&t.get("form-from", &[])),
    );
    y += 4.5;
    y = header_field(&mut p, x, y, w, &v.applicant, &t.get("form-name-hint", &[]));
    y = header_field(
        &mut p,
        x,
        y,
        w,
        &v.passport,
        &t.get("form-passport-hint", &[]),
    );
    y = header_field(&mut p, x, y, w, &v.address, &t.get("form-address", &[]));
    y = header_field(&mut p, x, y, w, &v.residence, &t.get("form-residence", &[]));
    y += 6.0;
    y = block(
        &mut p,
        y,
        &t.get("form-title", &[]),
        14.0 * k,
        Weight::Bold,
        true,
    );
    y += 3.0;
    // "I ask to issue / extend / reissue / issue a duplicate of ...": the applicant's choice is
    // underlined and the others are struck through, as on a paper form.
    for (n, m) in t.messages().enumerate() {
        let kinds = [
            Service::Issue,
            Service::Extend,
            Service::Reissue,
            Service::Duplicate,
        ];
        let ask = m.get("form-ask", &[]);
        let rest = m.get("form-ask-rest", &[]);
        let size = if n == 0 { 11.0 } else { 10.0 };
        let mut words: Vec<(String, Option<bool>)> = vec![(ask, None)];
        for (i, k) in kinds.iter().enumerate() {
            let word = m.get(&format!("form-kind-{}", k.as_str()), &[]);
            words.push((
                if i < 3 { format!("{word} /") } else { word },
                Some(*k == v.kind),
            ));
        }
        words.push((rest, None));
        let mut cx = LEFT;
        for (text, chosen) in words {
            for (j, part) in text.split(' ').enumerate() {
                let pw = layout::width(part, size, Weight::Regular);
                if cx + pw > RIGHT {
                    cx = LEFT;
                    y += size * 0.46;
                }
                p.text(cx, y, size, Weight::Regular, part);
                match chosen {
                    Some(true) if !part.ends_with('/') || j == 0 => {
                        p.line(cx, y + 1.0, cx + pw, y + 1.0, 0.6)
                    }
                    Some(false) => p.line(cx, y - 1.3, cx + pw, y - 1.3, 0.5),
                    _ => {}
                }
                cx += pw + layout::width(" ", size, Weight::Regular);
            }
        }
        y += size * 0.46;
    }
    y += 3.0;
    let profession = crate::certificate::profession_lines(&t, &v.profession);
    y = filled(
        &mut p,
        y,
        &profession,
        &t.get("form-profession-hint", &[]),
        11.0 * k,
    );
    y = block(
        &mut p,
        y,
        &t.get("form-employer", &[]),
        10.5 * k,
        Weight::Regular,
        false,
    );
    y += 5.0;
    y = filled(
        &mut p,
        y,
        &[v.employer.clone().unwrap_or_default()],
        &t.get("form-employer-hint", &[]),
        11.0 * k,
    );
    y = block(
        &mut p,
        y,
        &t.get("form-consent", &[]),
        10.5 * k,
        Weight::Regular,
        false,
    );
    y += 3.0;
    y = block(
        &mut p,
        y,
        &t.get("form-attached", &[]),
        10.5 * k,
        Weight::Regular,
        false,
    );
    for (i, a) in v.attachments.iter().enumerate() {
        y = p.para(
            LEFT + 5.0,
            y,
            WIDTH - 5.0,
            10.5 * k,
            Weight::Regular,
            &format!("{}) {}", i + 1, joined(&t.names(a))),
        );
    }
    y += 6.0;
    let dated = t.get_with("form-date", |m| vec![("date", date_in(m, v.date))]);
    y = block(&mut p, y, &dated, 10.5 * k, Weight::Regular, false);
    y += 8.0;
    let sig = joined(&t.get("form-signature", &[]));
    p.text(LEFT, y, 10.5, Weight::Regular, &sig);
    let sw = layout::width(&sig, 10.5, Weight::Regular);
    p.line(LEFT + sw + 3.0, y, LEFT + sw + 60.0, y, 0.4);
    let bottom = y + 2.0;
    unofficial_notes(&mut p, &t, &v.unofficial_names, 287.0);
    if draft {
        p.watermark(&joined(&t.get("doc-draft", &[])));
    }
    (p, bottom)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RefusalView {
    pub office: Names,
    pub case: i64,
    pub kind: Service,
    pub applicant: String,
    pub passport: String,
    pub registered_on: NaiveDate,
    pub decided_on: NaiveDate,
    pub profession: crate::ProfessionView,
    /// Each ground of App 2 p.9 (at least one: App 2 p.5) with its written justification.
    pub grounds: Vec<GroundLine>,
    pub total: Option<u32>,
    pub threshold: u32,
    pub appeal: Appeal,
    pub rule_set: String,
    pub signatory: String,
    pub unofficial_names: Vec<Lang>,
}

/// One ground of a refusal: `qualification_mismatch`, `below_threshold` or `unreliable_documents`
/// (App 2 p.9 subp.1-3), and the written justification printed under it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroundLine {
    pub ground: String,
    pub justification: Option<String>,
}

/// How the refusal can be appealed under the rule set that applies (order 503: Rules p.23; orders
/// 236 and 426: Rules p.24-28).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Appeal {
    pub rule_set: String,
    /// Rules p.24 (as amended by order 426): forwarded within N working days unless satisfied.
    pub forward_days: Option<u32>,
    pub review_days_leb: u32,
    pub review_days_quality: u32,
}

/// The refusal to accept an application whose documents are incomplete or expired (App 2 p.9, last
/// part, as amended by order 426; Rules p.7 of order 503).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcceptanceRefusalView {
    pub office: Names,
    pub case: i64,
    pub kind: Service,
    pub applicant: String,
    pub passport: String,
    pub received_on: NaiveDate,
    pub profession: crate::ProfessionView,
    /// Documents of the checklist not submitted, by name in each language.
    pub missing: Vec<Names>,
    /// Documents whose validity had expired, with their last day.
    pub expired: Vec<(Names, Option<NaiveDate>)>,
    pub note: String,
    pub appeal: Appeal,
    pub rule_set: String,
    pub signatory: String,
    pub unofficial_names: Vec<Lang>,
}

pub fn acceptance_refusal(v: &AcceptanceRefusalView, lang: DocLang, draft: bool) -> Vec<u8> {
    layout::render(
        &Texts::new(lang).one("acceptance-title", &[]),
        vec![acceptance_sheet(v, lang, draft)],
    )
}

pub fn acceptance_sheet(v: &AcceptanceRefusalView, lang: DocLang, draft: bool) -> Page {
    crate::certificate::fit(|k| acceptance_page(v, lang, draft, k))
}

fn acceptance_page(v: &AcceptanceRefusalView, lang: DocLang, draft: bool, k: f32) -> (Page, f32) {
    let t = Texts::new(lang);
    let mut p = Page::a4();
    let mut y = letter_head(&mut p, &t, &v.office, "acceptance-title", k);
    y = addressee(&mut p, &t, &v.applicant, &v.passport, y, k);
    let body = t.get_with("acceptance-body", |m| {
        vec![
            ("date", date_case(m, v.received_on, DateCase::Attributive)),
            ("kind", v.kind.as_str().to_string()),
            ("profession", v.profession.text(m.lang())),
            ("rules", v.rule_set.clone()),
        ]
    });
    y = block(&mut p, y, &body, 11.0 * k, Weight::Regular, false);
    y += 2.0;
    if !v.missing.is_empty() {
        y = block(
            &mut p,
            y,
            &t.get("acceptance-missing", &[]),
            11.0 * k,
            Weight::Bold,
            false,
        );
        for n in &v.missing {
            y = bullet(&mut p, &t.names(n), y, k);
        }
    }
    if !v.expired.is_empty() {
        y += 1.0;
        y = block(
            &mut p,
            y,
            &t.get("acceptance-expired", &[]),
            11.0 * k,
            Weight::Bold,
            false,
        );
        for (n, until) in &v.expired {
            let lines = t.get_with("acceptance-expired-item", |m| {
                vec![
                    ("name", n.get(m.lang()).to_string()),
                    (
                        "date",
                        until
                            .map(|d| date_case(m, d, DateCase::Dative))
                            .unwrap_or_else(|| "—".into()),
                    ),
                ]
            });
            y = bullet(&mut p, &lines, y, k);
        }
    }
    if !v.note.trim().is_empty() {
        y += 2.0;
        y = block(
            &mut p,
            y,
            &t.get("refusal-justification", &[("reason", v.note.clone())]),
            10.5 * k,
            Weight::Regular,
            false,
        );
    }
    y += 2.0;
    y = block(
        &mut p,
        y,
        &t.get("acceptance-again", &[]),
        10.5 * k,
        Weight::Regular,
        false,
    );
    y += 5.0;
    y = appeal_block(&mut p, &t, &v.appeal, y, k);
    y = rule_set_line(&mut p, &t, &v.rule_set, y, k);
    let sign_y = (y + 16.0).max(230.0);
    let bottom = crate::certificate::signature_block(&mut p, &t, sign_y, &v.signatory, RIGHT);
    unofficial_notes(&mut p, &t, &v.unofficial_names, 287.0);
    if draft {
        p.watermark(&joined(&t.get("doc-draft", &[])));
    }
    (p, bottom)
}

/// "To: name, passport …" in each language of the letter, and a little space after it.
fn addressee(p: &mut Page, t: &Texts, name: &str, passport: &str, y: f32, k: f32) -> f32 {
    let to = t.get(
        "refusal-to",
        &[
            ("name", name.to_string()),
            ("passport", passport.to_string()),
        ],
    );
    block(p, y, &to, 11.0 * k, Weight::Bold, false) + 2.0
}

/// One item of a list in each language (the second a size smaller), indented under a dash.
fn bullet(p: &mut Page, versions: &[String], y: f32, k: f32) -> f32 {
    let mut y = y;
    for (i, line) in versions.iter().enumerate() {
        y = p.para(
            LEFT + 6.0,
            y,
            WIDTH - 6.0,
            if i == 0 { 11.0 * k } else { 10.0 * k },
            Weight::Regular,
            &format!("– {line}"),
        );
    }
    y
}

/// The office and the title of a letter, centred; returns where the text goes on.
fn letter_head(p: &mut Page, t: &Texts, office: &Names, title: &str, k: f32) -> f32 {
    let mut y = filled(
        p,
        24.0,
        &t.names(office),
        &t.get("cert-leb-hint", &[]),
        12.0 * k,
    );
    y += 4.0;
    y = block(p, y, &t.get(title, &[]), 13.5 * k, Weight::Bold, true);
    y = block(
        p,
        y,
        &t.get("refusal-service", &[]),
        10.5 * k,
        Weight::Regular,
        true,
    );
    y + 4.0
}

/// Chapter 3 of the Rules as the rule set words it: forwarding (p.24 of order 426), the LEB and the
/// quality body's terms, the court.
fn appeal_block(p: &mut Page, t: &Texts, a: &Appeal, y: f32, k: f32) -> f32 {
    let mut y = block(
        p,
        y,
        &t.get("refusal-appeal-title", &[]),
        11.5 * k,
        Weight::Bold,
        false,
    );
    let rules = ("rules", a.rule_set.clone());
    if let Some(days) = a.forward_days {
        y = block(
            p,
            y,
            &t.get(
                "refusal-appeal-forward",
                &[("days", days.to_string()), rules.clone()],
            ),
            10.5 * k,
            Weight::Regular,
            false,
        );
    }
    for (id, days) in [
        ("refusal-appeal-leb", a.review_days_leb),
        ("refusal-appeal-quality", a.review_days_quality),
    ] {
        y = block(
            p,
            y,
            &t.get(id, &[("days", days.to_string()), rules.clone()]),
            10.5 * k,
            Weight::Regular,
            false,
        );
    }
    block(
        p,
        y,
        &t.get("refusal-appeal-court", &[rules]),
        10.5 * k,
        Weight::Regular,
        false,
    )
}

fn rule_set_line(p: &mut Page, t: &Texts, rule_set: &str, y: f32, k: f32) -> f32 {
    let line = t.get_with("refusal-rule-set", |m| {
        vec![("rule_set", m.get(&format!("ruleset-{rule_set}"), &[]))]
    });
    block(p, y, &line, 8.5 * k, Weight::Regular, false)
}

pub fn refusal(v: &RefusalView, lang: DocLang, draft: bool) -> Vec<u8> {
    layout::render(
        &Texts::new(lang).one("refusal-title", &[]),
        vec![refusal_sheet(v, lang, draft)],
    )
}

pub fn refusal_sheet(v: &RefusalView, lang: DocLang, draft: bool) -> Page {
    crate::certificate::fit(|k| refusal_page(v, lang, draft, k))
}

fn refusal_page(v: &RefusalView, lang: DocLang, draft: bool, k: f32) -> (Page, f32) {
    let t = Texts::new(lang);
    let mut p = Page::a4();
    let mut y = letter_head(&mut p, &t, &v.office, "refusal-title", k);
    y = addressee(&mut p, &t, &v.applicant, &v.passport, y, k);
    let case = t.get_with("refusal-case", |m| {
        vec![
            ("case", v.case.to_string()),
            ("date", date_case(m, v.registered_on, DateCase::Locative)),
            ("kind", v.kind.as_str().to_string()),
            ("profession", v.profession.text(m.lang())),
        ]
    });
    y = block(&mut p, y, &case, 11.0 * k, Weight::Regular, false);
    y += 3.0;
    let decided = t.get_with("refusal-decided", |m| {
        vec![("date", date_case(m, v.decided_on, DateCase::Attributive))]
    });
    y = block(&mut p, y, &decided, 11.0 * k, Weight::Regular, false);
    y += 2.0;
    // App 2 p.5: a reasoned refusal; each ground of p.9 with its subparagraph, and its justification.
    for g in &v.grounds {
        let args = [
            ("total", v.total.unwrap_or(0).to_string()),
            ("threshold", v.threshold.to_string()),
        ];
        y = bullet(&mut p, &t.get(&format!("ground-{}", g.ground), &args), y, k);
        if let Some(r) = &g.justification {
            for (i, line) in t
                .get("refusal-justification", &[("reason", r.clone())])
                .iter()
                .enumerate()
            {
                y = p.para(
                    LEFT + 10.0,
                    y,
                    WIDTH - 10.0,
                    if i == 0 { 10.5 * k } else { 9.5 * k },
                    Weight::Regular,
                    line,
                );
            }
        }
        y += 1.0;
    }
    y += 5.0;
    y = appeal_block(&mut p, &t, &v.appeal, y, k);
    y = rule_set_line(&mut p, &t, &v.rule_set, y, k);
    let sign_y = (y + 16.0).max(230.0);
    let bottom = crate::certificate::signature_block(&mut p, &t, sign_y, &v.signatory, RIGHT);
    unofficial_notes(&mut p, &t, &v.unofficial_names, 287.0);
    if draft {
        p.watermark(&joined(&t.get("doc-draft", &[])));
    }
    (p, bottom)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProtocolEntry {
    pub case: i64,
    pub applicant: String,
    pub passport: String,
    pub profession: crate::ProfessionView,
    pub higher: bool,
    pub degree: bool,
    pub english: bool,
    /// Each accepted period as counted: from, to as presented, last day counted, its length.
    pub periods: Vec<CountedPeriod>,
    /// The customary total (30 days = 1 month) the points rest on (RULES.md §6.1) ...
    pub total_customary: Length,
    /// ... and the same days in calendar years, months and days.
    pub total_calendar: Length,
    pub total_days: u32,
    /// higher, degree, english, experience
    pub points: [u32; 4],
    pub total: u32,
    pub threshold: u32,
    pub rule_set: String,
    pub recommendation: String,
    pub decision: String,
    /// The Commission's written justification of its findings (a period not accepted, a document
    /// found unreliable, the qualification): RULES.md §6.2.
    pub findings_note: Option<String>,
    pub grounds: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProtocolView {
    pub office: Names,
    pub held_on: NaiveDate,
    pub place: String,
    /// (name, position and organisation, present)
    pub members: Vec<(String, String, bool)>,
    pub entries: Vec<ProtocolEntry>,
    pub unofficial_names: Vec<Lang>,
}

pub fn protocol(v: &ProtocolView, lang: DocLang, draft: bool) -> Vec<u8> {
    let t = Texts::new(lang);
    let mut pages = Vec::new();
    let mut p = Page::a4();
    let mut y = 24.0;
    y = filled(
        &mut p,
        y,
        &t.names(&v.office),
        &t.get("cert-leb-hint", &[]),
        12.0,
    );
    y = block(
        &mut p,
        y,
        &t.get("protocol-title", &[]),
        12.5,
        Weight::Bold,
        true,
    );
    let when = t.get_with("protocol-date-place", |m| {
        vec![("date", date_in(m, v.held_on)), ("place", v.place.clone())]
    });
    y = block(&mut p, y, &when, 10.5, Weight::Regular, true);
    y += 4.0;
    y = block(
        &mut p,
        y,
        &t.get("protocol-present", &[]),
        10.5,
        Weight::Bold,
        false,
    );
    for (name, role, _) in v.members.iter().filter(|m| m.2) {
        y = p.para(
            LEFT + 5.0,
            y,
            WIDTH - 5.0,
            10.0,
            Weight::Regular,
            &format!("{name} — {role}"),
        );
    }
    let absent: Vec<_> = v.members.iter().filter(|m| !m.2).collect();
    if !absent.is_empty() {
        y = block(
            &mut p,
            y,
            &t.get("protocol-absent", &[]),
            10.5,
            Weight::Bold,
            false,
        );
        for (name, role, _) in absent {
            y = p.para(
                LEFT + 5.0,
                y,
                WIDTH - 5.0,
                10.0,
                Weight::Regular,
                &format!("{name} — {role}"),
            );
        }
    }
    y += 4.0;
    // Each language's line says yes or no in its own language.
    let yes_no = |m: &anyqtama_i18n::Messages, b: bool| m.get(if b { "yes" } else { "no" }, &[]);
    for (i, e) in v.entries.iter().enumerate() {
        if y > 240.0 {
            pages.push(std::mem::replace(&mut p, Page::a4()));
            y = 20.0;
        }
        let head = t.get_with("protocol-applicant", |m| {
            vec![
                ("n", (i + 1).to_string()),
                ("name", e.applicant.clone()),
                ("passport", e.passport.clone()),
                ("case", e.case.to_string()),
                ("profession", e.profession.text(m.lang())),
            ]
        });
        y = block(&mut p, y, &head, 10.5, Weight::Bold, false);
        let edu = t.get_with("protocol-education", |m| {
            vec![
                ("higher", yes_no(m, e.higher)),
                ("degree", yes_no(m, e.degree)),
                ("english", yes_no(m, e.english)),
            ]
        });
        y = block(&mut p, y, &edu, 10.0, Weight::Regular, false);
        // RULES.md §6.1: every accepted period as counted (up to the registration date), then the
        // total as scored and in calendar terms, so a member sees where the two differ.
        for (n, c) in e.periods.iter().enumerate() {
            let line = t.get_with("protocol-period", |m| {
                vec![
                    ("n", (n + 1).to_string()),
                    ("from", date_in(m, c.from)),
                    ("to", date_in(m, c.to)),
                    ("counted_to", date_case(m, c.counted_to, DateCase::Dative)),
                    ("clipped", (c.counted_to != c.to).to_string()),
                    ("years", c.length.years.to_string()),
                    ("months", c.length.months.to_string()),
                    ("days", c.length.days.to_string()),
                ]
            });
            y = block(&mut p, y, &line, 9.5, Weight::Regular, false);
        }
        let total = t.get(
            "protocol-experience-total",
            &[
                ("years", e.total_customary.years.to_string()),
                ("months", e.total_customary.months.to_string()),
                ("days", e.total_customary.days.to_string()),
                ("cyears", e.total_calendar.years.to_string()),
                ("cmonths", e.total_calendar.months.to_string()),
                ("cdays", e.total_calendar.days.to_string()),
                ("all_days", e.total_days.to_string()),
            ],
        );
        y = block(&mut p, y, &total, 10.0, Weight::Regular, false);
        let pts = t.get_with("protocol-points", |m| {
            vec![
                ("higher", e.points[0].to_string()),
                ("degree", e.points[1].to_string()),
                ("english", e.points[2].to_string()),
                ("experience", e.points[3].to_string()),
                ("total", e.total.to_string()),
                ("threshold", e.threshold.to_string()),
                ("rule_set", m.get(&format!("ruleset-{}", e.rule_set), &[])),
            ]
        });
        y = block(&mut p, y, &pts, 10.0, Weight::Regular, false);
        let rec = t.get(
            "protocol-recommendation",
            &[
                ("recommendation", e.recommendation.clone()),
                ("decision", e.decision.clone()),
            ],
        );
        y = block(&mut p, y, &rec, 10.0, Weight::Bold, false);
        if !e.grounds.is_empty() {
            let lines = t.get_with("protocol-grounds", |m| {
                let args = [
                    ("total", e.total.to_string()),
                    ("threshold", e.threshold.to_string()),
                ];
                let grounds: Vec<String> = e
                    .grounds
                    .iter()
                    .map(|g| m.get(&format!("ground-{g}"), &args))
                    .collect();
                vec![("grounds", grounds.join(" "))]
            });
            y = block(&mut p, y, &lines, 9.5, Weight::Regular, false);
        }
        if let Some(r) = &e.findings_note {
            y = block(
                &mut p,
                y,
                &t.get("protocol-findings-note", &[("reason", r.clone())]),
                10.0,
                Weight::Regular,
                false,
            );
        }
        y += 4.0;
    }
    if y > 230.0 {
        pages.push(std::mem::replace(&mut p, Page::a4()));
        y = 20.0;
    }
    y += 4.0;
    y = block(
        &mut p,
        y,
        &t.get("protocol-signatures", &[]),
        10.5,
        Weight::Bold,
        false,
    );
    y += 4.0;
    for (name, _, _) in v.members.iter().filter(|m| m.2) {
        if y > 280.0 {
            pages.push(std::mem::replace(&mut p, Page::a4()));
            y = 20.0;
        }
        p.text(LEFT, y, 10.5, Weight::Regular, name);
        p.line(CENTRE + 10.0, y, RIGHT, y, 0.4);
        y += 9.0;
    }
    unofficial_notes(&mut p, &t, &v.unofficial_names, 287.0);
    pages.push(p);
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.right(
            RIGHT,
            292.0,
            8.0,
            Weight::Regular,
            &joined(&t.get(
                "doc-page",
                &[("page", (i + 1).to_string()), ("pages", n.to_string())],
            )),
        );
        if draft {
            page.watermark(&joined(&t.get("doc-draft", &[])));
        }
    }
    layout::render(&t.one("protocol-title", &[]), pages)
}
