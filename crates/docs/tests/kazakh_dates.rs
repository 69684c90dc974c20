//! Dates in the case the sentence needs: in Kazakh the month name takes the case ending
//! ("2026 жылғы 19 қазаннан бастап … 2027 жылғы 19 қаңтарға дейін", "… 19 қазандағы шешімі");
//! in Russian and English the date stays as it is and the message's preposition does the work.

use anyqtama_docs::text::{date_case, date_in, DateCase};
use anyqtama_i18n::{Lang, Messages};
use chrono::NaiveDate;

const CASES: [DateCase; 5] = [
    DateCase::Nominative,
    DateCase::Ablative,
    DateCase::Dative,
    DateCase::Locative,
    DateCase::Attributive,
];

/// Each month: nominative, ablative (-нан/-дан/-тан), dative (-ға/-қа), locative (-да/-та),
/// attributive (-дағы/-тағы), with the vowel harmony of the month's last vowel.
const KAZAKH: [[&str; 5]; 12] = [
    ["қаңтар", "қаңтардан", "қаңтарға", "қаңтарда", "қаңтардағы"],
    ["ақпан", "ақпаннан", "ақпанға", "ақпанда", "ақпандағы"],
    ["наурыз", "наурыздан", "наурызға", "наурызда", "наурыздағы"],
    ["сәуір", "сәуірден", "сәуірге", "сәуірде", "сәуірдегі"],
    ["мамыр", "мамырдан", "мамырға", "мамырда", "мамырдағы"],
    ["маусым", "маусымнан", "маусымға", "маусымда", "маусымдағы"],
    ["шілде", "шілдеден", "шілдеге", "шілдеде", "шілдедегі"],
    ["тамыз", "тамыздан", "тамызға", "тамызда", "тамыздағы"],
    [
        "қыркүйек",
        "қыркүйектен",
        "қыркүйекке",
        "қыркүйекте",
        "қыркүйектегі",
    ],
    ["қазан", "қазаннан", "қазанға", "қазанда", "қазандағы"],
    ["қараша", "қарашадан", "қарашаға", "қарашада", "қарашадағы"],
    [
        "желтоқсан",
        "желтоқсаннан",
        "желтоқсанға",
        "желтоқсанда",
        "желтоқсандағы",
    ],
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn every_kazakh_month_in_every_case() {
    let kk = Messages::new(Lang::Kk);
    for (i, forms) in KAZAKH.iter().enumerate() {
        let month = i as u32 + 1;
        for (case, form) in CASES.iter().zip(forms) {
            assert_eq!(
                date_case(&kk, d(2026, month, 19), *case),
                format!("2026 жылғы 19 {form}"),
                "month {month}, {case:?}"
            );
        }
    }
}

#[test]
fn the_kazakh_nominative_is_the_plain_date() {
    let kk = Messages::new(Lang::Kk);
    for month in 1..=12 {
        let day = d(2026, month, 1);
        assert_eq!(date_in(&kk, day), date_case(&kk, day, DateCase::Nominative));
    }
}

#[test]
fn russian_and_english_dates_are_the_same_in_every_case() {
    let ru = Messages::new(Lang::Ru);
    let en = Messages::new(Lang::En);
    for case in CASES {
        assert_eq!(date_case(&ru, d(2026, 10, 19), case), "19 октября 2026 г.");
        assert_eq!(date_case(&ru, d(2027, 1, 19), case), "19 января 2027 г.");
        assert_eq!(date_case(&en, d(2026, 10, 19), case), "19 October 2026");
        for month in 1..=12 {
            let day = d(2026, month, 5);
            assert_eq!(date_case(&ru, day, case), date_in(&ru, day));
            assert_eq!(date_case(&en, day, case), date_in(&en, day));
        }
    }
}

/// The sentences of the certificate as the certificate fills them in.
#[test]
fn certificate_sentences_read_as_kazakh() {
    let kk = Messages::new(Lang::Kk);
    let ru = Messages::new(Lang::Ru);
    let (from, to) = (d(2026, 10, 19), d(2027, 1, 19));
    let validity = |m: &Messages| {
        m.get(
            "cert-validity",
            &[
                ("from", date_case(m, from, DateCase::Ablative)),
                ("to", date_case(m, to, DateCase::Dative)),
            ],
        )
    };
    assert_eq!(
        validity(&kk),
        "Анықтаманың қолданылу мерзімі: 2026 жылғы 19 қазаннан бастап 2027 жылғы 19 қаңтарға дейін"
    );
    assert_eq!(
        validity(&ru),
        "Срок действия справки: с 19 октября 2026 г. по 19 января 2027 г."
    );

    let note = |m: &Messages| {
        m.get(
            "cert-duplicate-note",
            &[
                ("number", "ALA-2026-00042".into()),
                ("date", date_case(m, d(2026, 11, 1), DateCase::Ablative)),
            ],
        )
    };
    assert!(
        note(&kk).ends_with("түпнұсқа 2026 жылғы 1 қарашадан бастап жарамсыз."),
        "{}",
        note(&kk)
    );
    // The date ends in "г.", which ends the sentence too: no "г..".
    assert!(
        note(&ru).ends_with("оригинал недействителен с 1 ноября 2026 г."),
        "{}",
        note(&ru)
    );

    let issue = kk.get(
        "grounds-issue",
        &[
            ("date", date_case(&kk, from, DateCase::Attributive)),
            (
                "sitting",
                date_case(&kk, d(2026, 10, 16), DateCase::Attributive),
            ),
        ],
    );
    assert!(
        issue.contains("2026 жылғы 19 қазандағы шешімі (2026 жылғы 16 қазандағы хаттама)"),
        "{issue}"
    );
    let extend = kk.get(
        "grounds-extend",
        &[
            ("employer", "«Альфа» ЖШС".into()),
            ("bin", "123456789012".into()),
            (
                "contract",
                date_case(&kk, d(2026, 11, 1), DateCase::Attributive),
            ),
        ],
    );
    assert!(
        extend.contains("2026 жылғы 1 қарашадағы еңбек шартының"),
        "{extend}"
    );
}

/// The Kazakh forms have no "Берілді" before the name (App 3) and no "кімнен" (App 1): the messages
/// are empty in Kazakh, and a bilingual line keeps only the Russian word.
#[test]
fn words_the_kazakh_forms_do_not_have() {
    use anyqtama_docs::text::{joined, DocLang, Texts};
    let kk = Texts::new(DocLang::Kk);
    let kkru = Texts::new(DocLang::KkRu);
    assert_eq!(joined(&kk.get("cert-issued-to", &[])), "");
    assert_eq!(joined(&kkru.get("cert-issued-to", &[])), "Выдана");
    assert_eq!(joined(&kk.get("form-from", &[])), "");
    assert_eq!(joined(&kkru.get("form-from", &[])), "от");
    assert_eq!(
        joined(&kkru.get("cert-seal", &[])),
        "М.О. / М.П.",
        "two words still joined"
    );
    // The Kazakh sentence of App 3 says "берілді" once.
    let body = kk.one("cert-body", &[]).to_lowercase();
    assert_eq!(body.matches("берілді").count(), 1);
    assert_eq!(
        kk.one("form-leb-hint", &[]),
        "(облыстардың, республикалық қалалары және астананың әкімдіктері жергілікті атқарушы органының атауы)"
    );
}
