//! Wording in the document's language(s): the fluent messages of `locales/*/documents.ftl`, dates
//! with month names, and the bilingual Kazakh+Russian layout (Kazakh first, as state bodies print).

use anyqtama_i18n::Messages;
use anyqtama_rules::{Lang, Names};
use chrono::{Datelike, NaiveDate};

/// The language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocLang {
    Kk,
    Ru,
    En,
    /// Kazakh and Russian, each text in both.
    KkRu,
}

impl DocLang {
    pub fn parse(s: &str) -> Option<DocLang> {
        match s {
            "kk" => Some(DocLang::Kk),
            "ru" => Some(DocLang::Ru),
            "en" => Some(DocLang::En),
            "kk+ru" => Some(DocLang::KkRu),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DocLang::Kk => "kk",
            DocLang::Ru => "ru",
            DocLang::En => "en",
            DocLang::KkRu => "kk+ru",
        }
    }

    pub fn langs(self) -> Vec<Lang> {
        match self {
            DocLang::Kk => vec![Lang::Kk],
            DocLang::Ru => vec![Lang::Ru],
            DocLang::En => vec![Lang::En],
            DocLang::KkRu => vec![Lang::Kk, Lang::Ru],
        }
    }
}

/// Messages for each language of a document.
pub struct Texts {
    pub lang: DocLang,
    msgs: Vec<Messages>,
}

impl Texts {
    pub fn new(lang: DocLang) -> Texts {
        Texts {
            lang,
            msgs: lang.langs().into_iter().map(Messages::new).collect(),
        }
    }

    /// The message in each language of the document.
    pub fn get(&self, id: &str, args: &[(&str, String)]) -> Vec<String> {
        self.msgs.iter().map(|m| m.get(id, args)).collect()
    }

    /// A message whose arguments differ per language (names, dates).
    /// A message whose arguments differ per language (names, dates): `args` gets that language's
    /// messages, so nothing is built again per call.
    pub fn get_with(
        &self,
        id: &str,
        args: impl Fn(&Messages) -> Vec<(&'static str, String)>,
    ) -> Vec<String> {
        self.msgs.iter().map(|m| m.get(id, &args(m))).collect()
    }

    /// The messages of each language of the document, Kazakh first in kk+ru.
    pub fn messages(&self) -> impl Iterator<Item = &Messages> {
        self.msgs.iter()
    }

    /// The first (main) language's message.
    pub fn one(&self, id: &str, args: &[(&str, String)]) -> String {
        self.msgs[0].get(id, args)
    }

    pub fn names(&self, n: &Names) -> Vec<String> {
        self.lang
            .langs()
            .into_iter()
            .map(|l| n.get(l).to_string())
            .collect()
    }

    pub fn date(&self, d: NaiveDate) -> Vec<String> {
        self.msgs.iter().map(|m| date_in(m, d)).collect()
    }
}

/// The grammatical case a date stands in. Kazakh puts the case ending on the month name, the
/// date's last word ("2026 жылғы 19 қазаннан бастап"); Russian and English say it with a preposition
/// in the message ("с … по …", "from … to …"), so their dates are the same in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCase {
    /// "2026 жылғы 19 қазан": a date on its own (a form's date line).
    Nominative,
    /// "2026 жылғы 19 қазаннан" (шығыс септік), before "бастап": "from".
    Ablative,
    /// "2027 жылғы 19 қаңтарға" (барыс септік), before "дейін": "until".
    Dative,
    /// "2026 жылғы 19 қазанда" (жатыс септік): "on" the day something happened.
    Locative,
    /// "2026 жылғы 19 қазандағы" (жатыс септік + -ғы): "of" that date, before a noun ("шешімі").
    Attributive,
}

/// A date in words: "2026 жылғы 20 наурыз", "20 марта 2026 г.", "20 March 2026".
pub fn date_in(m: &Messages, d: NaiveDate) -> String {
    date_case(m, d, DateCase::Nominative)
}

/// A date in words in the case the sentence needs: in Kazakh the month name takes the ending
/// ("2026 жылғы 20 наурыздан", "…наурызға", "…наурызда", "…наурыздағы"); in Russian and English
/// the date is as [`date_in`] prints it whatever the case.
pub fn date_case(m: &Messages, d: NaiveDate, case: DateCase) -> String {
    let month = m.get(&format!("month-{}", d.month()), &[]);
    let month = match m.lang() {
        Lang::Kk => kazakh_case(&month, case),
        Lang::Ru | Lang::En => month,
    };
    m.get(
        "doc-date",
        &[
            ("day", d.day().to_string()),
            ("month", month),
            ("year", d.year().to_string()),
        ],
    )
}

/// A Kazakh word with the case ending: the ending's first consonant follows the word's last sound
/// (after м н ң the ablative takes н-, after a voiceless consonant т-/қ-/к-, otherwise д-/ғ-/г-) and
/// its vowel the word's last vowel (back а о ұ ы: а-forms; front ә е ө ү і э: е-forms).
fn kazakh_case(word: &str, case: DateCase) -> String {
    #[derive(PartialEq)]
    enum Last {
        Nasal,
        Voiceless,
        Other,
    }
    let last = match word.chars().last() {
        Some('м' | 'н' | 'ң') => Last::Nasal,
        Some('п' | 'ф' | 'к' | 'қ' | 'т' | 'с' | 'ш' | 'щ' | 'ч' | 'ц' | 'х' | 'һ') => {
            Last::Voiceless
        }
        _ => Last::Other,
    };
    // у and и can be semivowels in Kazakh ("сәуір", "маусым"); the harmony goes by the others.
    let front = word
        .chars()
        .rev()
        .find(|c| "аоұыяёәеөүіэ".contains(*c))
        .is_some_and(|c| "әеөүіэ".contains(c));
    let pick = |back: &'static str, front_form: &'static str| if front { front_form } else { back };
    let ending = match case {
        DateCase::Nominative => "",
        DateCase::Ablative => match last {
            Last::Nasal => pick("нан", "нен"),
            Last::Voiceless => pick("тан", "тен"),
            Last::Other => pick("дан", "ден"),
        },
        DateCase::Dative => match last {
            Last::Voiceless => pick("қа", "ке"),
            _ => pick("ға", "ге"),
        },
        DateCase::Locative => match last {
            Last::Voiceless => pick("та", "те"),
            _ => pick("да", "де"),
        },
        DateCase::Attributive => match last {
            Last::Voiceless => pick("тағы", "тегі"),
            _ => pick("дағы", "дегі"),
        },
    };
    format!("{word}{ending}")
}

/// Joins the language versions of a short value on one line ("берілді / выдана"). A version that
/// is empty (a word one language's form does not have, as the Kazakh application has no "от") is
/// left out rather than printed as a lone " / ".
pub fn joined(v: &[String]) -> String {
    v.iter()
        .filter(|s| !s.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" / ")
}
