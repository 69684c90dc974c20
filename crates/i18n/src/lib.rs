//! Messages in Kazakh, Russian and English from the one set of fluent files in `locales/`, which the
//! UI reads too. Every user-visible string of the program is a message id here.
//!
//! The files are embedded at build time, so the program needs nothing beside its binary.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::collections::BTreeSet;

pub use anyqtama_rules::Lang;

/// The fluent sources, per language: (file name, text).
pub const SOURCES: &[(Lang, &str, &str)] = &[
    (
        Lang::Kk,
        "main.ftl",
        include_str!("../../../locales/kk/main.ftl"),
    ),
    (
        Lang::Ru,
        "main.ftl",
        include_str!("../../../locales/ru/main.ftl"),
    ),
    (
        Lang::En,
        "main.ftl",
        include_str!("../../../locales/en/main.ftl"),
    ),
    (
        Lang::Kk,
        "documents.ftl",
        include_str!("../../../locales/kk/documents.ftl"),
    ),
    (
        Lang::Ru,
        "documents.ftl",
        include_str!("../../../locales/ru/documents.ftl"),
    ),
    (
        Lang::En,
        "documents.ftl",
        include_str!("../../../locales/en/documents.ftl"),
    ),
    (
        Lang::Kk,
        "ui.ftl",
        include_str!("../../../locales/kk/ui.ftl"),
    ),
    (
        Lang::Ru,
        "ui.ftl",
        include_str!("../../../locales/ru/ui.ftl"),
    ),
    (
        Lang::En,
        "ui.ftl",
        include_str!("../../../locales/en/ui.ftl"),
    ),
    (
        Lang::Kk,
        "help.ftl",
        include_str!("../../../locales/kk/help.ftl"),
    ),
    (
        Lang::Ru,
        "help.ftl",
        include_str!("../../../locales/ru/help.ftl"),
    ),
    (
        Lang::En,
        "help.ftl",
        include_str!("../../../locales/en/help.ftl"),
    ),
];

/// The sources parsed once per process: documents ask for messages thousands of times.
fn parsed() -> &'static [(Lang, FluentResource)] {
    static PARSED: std::sync::OnceLock<Vec<(Lang, FluentResource)>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, name, text)| {
                let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errs)| {
                    panic!("{}/{name} does not parse: {errs:?}", lang.code())
                });
                (*lang, res)
            })
            .collect()
    })
}

/// The messages of one language.
pub struct Messages {
    lang: Lang,
    bundle: std::rc::Rc<FluentBundle<&'static FluentResource>>,
}

/// The bundles a thread has built, by language.
type Built = Vec<(Lang, std::rc::Rc<FluentBundle<&'static FluentResource>>)>;

thread_local! {
    /// Each language's bundle, built once a thread: building one adds every message of the
    /// language, and a day's certificates asked for it once a page (issue 14: 9% of 100 pages).
    static BUNDLES: std::cell::RefCell<Built> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let bundle = BUNDLES.with(|b| {
            if let Some((_, bundle)) = b.borrow().iter().find(|(l, _)| *l == lang) {
                return bundle.clone();
            }
            let bundle = std::rc::Rc::new(Self::bundle(lang));
            b.borrow_mut().push((lang, bundle.clone()));
            bundle
        });
        Messages { lang, bundle }
    }

    fn bundle(lang: Lang) -> FluentBundle<&'static FluentResource> {
        let locale: unic_langid::LanguageIdentifier = lang
            .code()
            .parse()
            .expect("kk, ru and en are valid language ids");
        let mut bundle = FluentBundle::new(vec![locale]);
        // Direction marks around arguments would print as boxes in PDFs and terminals.
        bundle.set_use_isolating(false);
        for (l, res) in parsed() {
            if *l == lang {
                bundle
                    .add_resource(res)
                    .expect("message ids are unique within a language");
            }
        }
        bundle
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message with its arguments; a missing id gives the id itself (tests make sure none is missing).
    pub fn get(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(msg) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let Some(pattern) = msg.value() else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(v.as_str()));
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// The sentence for a field the store refused: `error-field-<field>` says what that field needs
    /// in words of its own; a field without one gets the general message with the store's detail.
    pub fn invalid_field(&self, field: &str, detail: &str) -> String {
        let id = format!("error-field-{field}");
        if self.bundle.has_message(&id) {
            self.get(&id, &[("detail", detail.to_string())])
        } else {
            self.get(
                "error-invalid-input",
                &[("field", field.to_string()), ("detail", detail.to_string())],
            )
        }
    }

    /// The message for an error of the rules core (`error-<code>`).
    pub fn rules_error(&self, err: &anyqtama_rules::RulesError) -> String {
        self.get(&format!("error-{}", err.code()), &err.args())
    }
}

/// Message ids defined in a fluent text (messages and terms).
pub fn message_ids(text: &str) -> BTreeSet<String> {
    let res = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect()
}
