//! Documents (PRODUCT.md: "a certificate PDF in a few milliseconds; a month's register of 10,000
//! rows in under a second"). A benchmark, never a timed test.
//!
//!     cargo bench -p anyqtama-docs --bench documents

use anyqtama_docs::certificate::{self, CertificateView};
use anyqtama_docs::register::{self, RegisterRow, RegisterView};
use anyqtama_docs::text::DocLang;
use anyqtama_docs::Grounds;
use anyqtama_rules::lists::Lists;
use anyqtama_rules::{Lang, Names};
use anyqtama_store::seal::{self as qr, QrData};
use criterion::{criterion_group, criterion_main, Criterion};
use ed25519_dalek::SigningKey;

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn office() -> Names {
    Names {
        kk: "Алматы қаласының жұмыспен қамту және әлеуметтік бағдарламалар басқармасы".into(),
        ru: "Управление занятости и социальных программ города Алматы".into(),
        en: "Department of Employment and Social Programmes of Almaty".into(),
    }
}

fn certificate_view() -> CertificateView {
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let lists = Lists::embedded();
    let (_, _, p, _) = lists
        .priority_entries()
        .find(|(_, _, p, _)| p.id == "o236.3.1.2")
        .unwrap();
    let data = QrData {
        office: String::new(),
        number: "ALA-2026-00042".into(),
        copy: 0,
        issued_on: d("2026-03-27"),
        valid_from: d("2026-03-27"),
        valid_to: d("2026-06-27"),
        holder: "KARIMOV AZIZ".into(),
        profession_id: p.id.clone(),
    };
    CertificateView {
        office: office(),
        number: data.number.clone(),
        copy: 0,
        issued_on: data.issued_on,
        holder_latin: data.holder.clone(),
        holder_cyrillic: "Каримов Азиз Рустамович".into(),
        profession: anyqtama_docs::ProfessionView::from_list(&lists, &p.id).unwrap(),
        grounds: Grounds::Issue {
            decided_on: d("2026-03-27"),
            sitting_on: Some(d("2026-03-26")),
        },
        valid_from: data.valid_from,
        valid_to: data.valid_to,
        signatory: "Жумабаева Г. Е.".into(),
        replaces: None,
        original_invalid_from: None,
        qr_payload: qr::sign(&key, &data),
        unofficial_names: vec![Lang::Kk, Lang::En],
    }
}

fn register_view(rows: usize) -> RegisterView {
    let lists = Lists::embedded();
    let professions: Vec<anyqtama_docs::ProfessionView> = lists
        .professions()
        .filter_map(|e| anyqtama_docs::ProfessionView::from_list(&lists, e.id))
        .collect();
    let events = [
        "issued",
        "extended",
        "reissued",
        "duplicate",
        "refused",
        "revoked",
    ];
    let rows = (0..rows)
        .map(|i| RegisterRow {
            number: format!("ALA-2026-{:05}", i + 1),
            date: d("2026-03-01") + chrono::Days::new((i % 28) as u64),
            holder: format!("HOLDER{i} GIVEN NAMES"),
            citizenship: ["UZB", "CHN", "RUS", "TUR"][i % 4].into(),
            profession: std::sync::Arc::new(professions[i % professions.len()].clone()),
            event: events[i % events.len()].into(),
            valid_from: Some(d("2026-03-01")),
            valid_to: Some(d("2026-06-01")),
            status: "valid".into(),
        })
        .collect();
    RegisterView {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        trail: (1234, "09fd1b524afc437f".into()),
        office: office(),
        month: "2026-03".into(),
        rows,
    }
}

fn documents(c: &mut Criterion) {
    let view = certificate_view();
    let mut g = c.benchmark_group("certificate");
    for lang in [DocLang::Ru, DocLang::KkRu] {
        g.bench_function(format!("pdf {}", lang.code()), |b| {
            b.iter(|| certificate::render(&view, lang, false))
        });
    }
    g.finish();
    let reg = register_view(10_000);
    let mut g = c.benchmark_group("register 10000 rows");
    g.sample_size(10);
    g.bench_function("pdf ru", |b| b.iter(|| register::pdf(&reg, DocLang::Ru)));
    g.bench_function("xlsx ru", |b| {
        b.iter(|| register::xlsx(&reg, DocLang::Ru).unwrap())
    });
    g.bench_function("csv ru", |b| b.iter(|| register::csv(&reg, DocLang::Ru)));
    g.finish();
}

criterion_group!(benches, documents);
criterion_main!(benches);
