//! The certificate (App 3 to the Rules, 2025 wording): office, number and date, holder, profession
//! and sector, grounds, validity, seal place, signatory, and the signed QR code.

use crate::layout::{self, Page, Weight};
use crate::text::{date_case, joined, DateCase, DocLang, Texts};
use crate::Grounds;
use anyqtama_rules::{Lang, Names};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything the certificate prints; the caller reads it from the store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CertificateView {
    pub office: Names,
    pub number: String,
    /// 0 for the original; a duplicate is marked as such.
    pub copy: u32,
    pub issued_on: NaiveDate,
    pub holder_latin: String,
    pub holder_cyrillic: String,
    pub profession: crate::ProfessionView,
    pub grounds: Grounds,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub signatory: String,
    /// A reissue: the number it replaces.
    pub replaces: Option<String>,
    /// A duplicate: the day the original became invalid.
    pub original_invalid_from: Option<NaiveDate>,
    pub qr_payload: String,
    /// Languages whose profession names are unofficial translations.
    pub unofficial_names: Vec<Lang>,
}

pub(crate) const LEFT: f32 = 30.0;
pub(crate) const RIGHT: f32 = 195.0;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
pub(crate) const CENTRE: f32 = (LEFT + RIGHT) / 2.0;
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// Prints each language version of a text block, the second (Russian in kk+ru) a size smaller.
pub(crate) fn block(
    p: &mut Page,
    y: f32,
    versions: &[String],
    size: f32,
    weight: Weight,
    centred: bool,
) -> f32 {
    let mut y = y;
    for (i, v) in versions.iter().enumerate() {
        let s = if i == 0 { size } else { size - 1.0 };
        y = if centred {
            p.para_centre(CENTRE, y, WIDTH, s, weight, v)
        } else {
            p.para(LEFT, y, WIDTH, s, weight, v)
        };
    }
    y
}

/// A filled-in blank: the value on a rule, the form's hint under it.
pub(crate) fn filled(p: &mut Page, y: f32, value: &[String], hint: &[String], size: f32) -> f32 {
    let mut y = y;
    for v in value {
        y = p.para_centre(CENTRE, y, WIDTH, size, Weight::Bold, v);
    }
    let rule = y - size * MM_PER_PT * 0.9;
    p.line(LEFT, rule, RIGHT, rule, 0.4);
    let mut y = rule + 3.2;
    for h in hint {
        for line in layout::wrap(h, 7.5, Weight::Regular, WIDTH) {
            p.hint(
                CENTRE - layout::width(&line, 7.5, Weight::Regular) / 2.0,
                y,
                7.5,
                &line,
            );
            y += 3.2;
        }
    }
    y + 3.0
}

/// The seal place, the signatory's name on a line, a line for the signature and the form's hint
/// under them, ending at `right`. Returns the baseline below the hints.
pub(crate) fn signature_block(p: &mut Page, t: &Texts, y: f32, signatory: &str, right: f32) -> f32 {
    let seal = joined(&t.get("cert-seal", &[]));
    p.text(LEFT, y, 11.0, Weight::Bold, &seal);
    let seal_w = layout::width(&seal, 11.0, Weight::Bold) + 3.0;
    p.line(LEFT + seal_w, y, right - 30.0, y, 0.4);
    p.text(
        LEFT + seal_w + 2.0,
        y - 1.5,
        11.0,
        Weight::Regular,
        signatory,
    );
    p.line(right - 26.0, y, right, y, 0.4);
    let mut hy = y + 3.2;
    for h in t.get("cert-signatory-hint", &[]) {
        p.hint(LEFT + seal_w, hy, 7.5, &h);
        hy += 3.2;
    }
    hy
}

/// The profession as the list words it, in each language of the document.
pub(crate) fn profession_lines(t: &Texts, profession: &crate::ProfessionView) -> Vec<String> {
    t.lang
        .langs()
        .into_iter()
        .map(|l| profession.text(l))
        .collect()
}

pub(crate) fn unofficial_notes(p: &mut Page, t: &Texts, unofficial_names: &[Lang], y: f32) {
    let mut notes = Vec::new();
    if t.lang == DocLang::En {
        notes.push(t.one("doc-unofficial-translation", &[]));
    }
    if let Some(m) = t.messages().find(|m| unofficial_names.contains(&m.lang())) {
        notes.push(m.get("doc-unofficial-names", &[]));
    }
    let mut y = y;
    for n in notes {
        for line in layout::wrap(&format!("* {n}"), 7.0, Weight::Regular, WIDTH) {
            p.hint(LEFT, y, 7.0, &line);
            y += 3.0;
        }
    }
}

/// Lays a one-page form out at full size, then a step smaller each time until its content ends above
/// the footer: long names and professions (and the bilingual layout) get smaller type rather than a
/// second page or text over the seal.
pub(crate) fn fit(mut lay_out: impl FnMut(f32) -> (Page, f32)) -> Page {
    let mut k = 1.0;
    loop {
        let (page, bottom) = lay_out(k);
        if bottom <= 283.0 || k < 0.7 {
            return page;
        }
        k -= 0.06;
    }
}

/// The certificate's one page, for a document of many (a day's certificates in one file).
pub fn sheet(v: &CertificateView, lang: DocLang, draft: bool) -> Page {
    fit(|k| lay_out(v, lang, draft, k))
}

/// Many one-page documents in one PDF, the fonts embedded once.
pub fn render_sheets(title: &str, pages: Vec<Page>) -> Vec<u8> {
    layout::render(title, pages)
}

pub fn render(v: &CertificateView, lang: DocLang, draft: bool) -> Vec<u8> {
    let page = fit(|k| lay_out(v, lang, draft, k));
    let t = Texts::new(lang);
    layout::render(
        &format!("{} {}", t.one("cert-title", &[]), v.number),
        vec![page],
    )
}

fn lay_out(v: &CertificateView, lang: DocLang, draft: bool, k: f32) -> (Page, f32) {
    let t = Texts::new(lang);
    let mut p = Page::a4();
    let form = joined(&t.get("cert-form", &[]));
    p.right(RIGHT, 14.0, 7.5, Weight::Regular, &form);

    if v.copy > 0 {
        let mark = joined(&t.get("cert-duplicate", &[]));
        p.text(LEFT, 14.0, 12.0, Weight::Bold, &mark);
    }
    // The office, as the form's first blank.
    let mut y = 28.0;
    y = filled(
        &mut p,
        y,
        &t.names(&v.office),
        &t.get("cert-leb-hint", &[]),
        12.0 * k,
    );
    y += 3.0 * k;
    y = block(
        &mut p,
        y,
        &t.get("cert-title", &[]),
        14.0 * k,
        Weight::Bold,
        true,
    );
    y += 1.0;
    let numbered = t.get_with("cert-number-date", |m| {
        vec![
            ("number", v.number.clone()),
            ("date", date_case(m, v.issued_on, DateCase::Nominative)),
        ]
    });
    y = block(&mut p, y, &numbered, 12.0 * k, Weight::Regular, true);
    if let Some(old) = &v.replaces {
        y = block(
            &mut p,
            y,
            &t.get("cert-replaces", &[("number", old.clone())]),
            9.0,
            Weight::Regular,
            true,
        );
    }
    if let (true, Some(from)) = (v.copy > 0, v.original_invalid_from) {
        let notes = t.get_with("cert-duplicate-note", |m| {
            vec![
                ("number", v.number.clone()),
                ("date", date_case(m, from, DateCase::Ablative)),
            ]
        });
        y = block(&mut p, y, &notes, 9.0, Weight::Regular, true);
    }
    y += 5.0 * k;

    // Issued to: the name as in the passport, and in Cyrillic for the Kazakh and Russian forms.
    // The Russian form says "Выдана" before the name; the Kazakh one has no word there, its
    // sentence after the name ends "…берілді:" (cert-issued-to is empty in Kazakh).
    let label = joined(&t.get("cert-issued-to", &[]));
    if !label.is_empty() {
        p.text(LEFT, y, 11.0 * k, Weight::Regular, &label);
        y += 6.0 * k;
    }
    let holder = if lang == DocLang::En || v.holder_cyrillic.is_empty() {
        v.holder_latin.clone()
    } else {
        format!("{} ({})", v.holder_cyrillic, v.holder_latin)
    };
    y = filled(
        &mut p,
        y,
        &[holder],
        &t.get("cert-name-hint", &[]),
        12.0 * k,
    );
    y = block(
        &mut p,
        y,
        &t.get("cert-body", &[]),
        11.0 * k,
        Weight::Regular,
        false,
    );
    y += 5.0 * k;
    let profession = profession_lines(&t, &v.profession);
    y = filled(
        &mut p,
        y,
        &profession,
        &t.get("cert-profession-hint", &[]),
        11.5 * k,
    );

    // Grounds and validity.
    let grounds = crate::grounds_text(&t, &v.grounds);
    let grounds_label = t.get("cert-grounds", &[]);
    for (label, g) in grounds_label.iter().zip(&grounds) {
        y = p.para(
            LEFT,
            y,
            WIDTH,
            11.0 * k,
            Weight::Regular,
            &format!("{label}: {g}"),
        );
    }
    y += 3.0 * k;
    let validity = t.get_with("cert-validity", |m| {
        vec![
            ("from", date_case(m, v.valid_from, DateCase::Ablative)),
            ("to", date_case(m, v.valid_to, DateCase::Dative)),
        ]
    });
    for (i, line) in validity.iter().enumerate() {
        y = p.para(
            LEFT,
            y,
            WIDTH,
            if i == 0 { 12.0 * k } else { 11.0 * k },
            Weight::Bold,
            line,
        );
    }

    // The seal place and the signature, with the signed QR code to their right.
    let qr_size = 30.0;
    let text_right = RIGHT - qr_size - 6.0;
    let sign_y = (y + 16.0).max(215.0);
    let hy = signature_block(&mut p, &t, sign_y, &v.signatory, text_right);
    let (n, dark) = crate::qr::modules(&v.qr_payload);
    let (qx, qy) = (RIGHT - qr_size, sign_y - 12.0);
    p.cells(qx, qy, qr_size, n, &dark);
    let mut ty = hy + 4.0;
    for line in layout::wrap(
        &joined(&t.get("cert-qr-hint", &[])),
        7.5,
        Weight::Regular,
        text_right - LEFT,
    ) {
        p.hint(LEFT, ty, 7.5, &line);
        ty += 3.2;
    }
    let notes_y = ty.max(qy + qr_size + 4.0);
    unofficial_notes(&mut p, &t, &v.unofficial_names, notes_y);
    if draft {
        p.watermark(&joined(&t.get("doc-draft", &[])));
    }
    (p, notes_y + 6.0)
}
