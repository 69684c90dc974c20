//! Sample documents for looking at and for the reference-image tests (tests/test_documents.py
//! prints through the CLI instead; these render without a store).

use anyqtama_docs::certificate::{self, CertificateView};
use anyqtama_docs::text::DocLang;
use anyqtama_docs::Grounds;
use anyqtama_rules::lists::Lists;
use anyqtama_rules::{Lang, Names};
use anyqtama_store::seal::{self as qr, QrData};
use ed25519_dalek::SigningKey;

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

pub fn sample() -> (CertificateView, SigningKey) {
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let lists = Lists::embedded();
    let (_, _, p, _) = lists
        .priority_entries()
        .find(|(_, _, p, _)| p.id == "o236.5.2.8")
        .unwrap();
    let data = QrData {
        office: String::new(),
        number: "ALA-2026-00042".into(),
        copy: 0,
        issued_on: d("2026-03-27"),
        valid_from: d("2026-03-27"),
        valid_to: d("2026-06-27"),
        holder: "ABDULLAEVA-KHODZHAEVA MAKHLIYO RUSTAMOVNA".into(),
        profession_id: p.id.clone(),
    };
    let view = CertificateView {
        office: Names {
            kk: "Алматы қаласының жұмыспен қамту және әлеуметтік бағдарламалар басқармасы".into(),
            ru: "Управление занятости и социальных программ города Алматы".into(),
            en: "Department of Employment and Social Programmes of Almaty".into(),
        },
        number: data.number.clone(),
        copy: 0,
        issued_on: data.issued_on,
        holder_latin: data.holder.clone(),
        holder_cyrillic: "Абдуллаева-Ходжаева Махлиё Рустамовна".into(),
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
    };
    (view, key)
}

#[test]
fn certificates_render_in_every_language() {
    let (view, key) = sample();
    assert!(qr::verify(&view.qr_payload, &[key.verifying_key()]).is_ok());
    for lang in [DocLang::Kk, DocLang::Ru, DocLang::En, DocLang::KkRu] {
        let pdf = certificate::render(&view, lang, false);
        assert!(pdf.starts_with(b"%PDF"));
        if let Ok(dir) = std::env::var("ANYQTAMA_SAMPLES") {
            std::fs::write(format!("{dir}/certificate-{}.pdf", lang.code()), &pdf).unwrap();
        }
    }
}
