//! The two lists of professions (RULES.md §9), as data with stable ids and names in kk, ru and en.
//!
//! * Annex 2 to order 236: priority sector -> type of economic activity -> numbered profession, some
//!   with a sub-list of recommended positions. The legal numbering is kept as printed, including the
//!   source's quirks (a missing "1." before the first profession of a group, gaps such as 6 -> 8).
//!   The stable id uses the number the profession would have (`o236.5.3.1` for the unnumbered first
//!   profession of maritime transport), never a renumbering.
//! * Annex 2 to order 49: field -> occupation with its NK RK 01-2017 code (permanent residence;
//!   shown to officials as a reference). Id: `o49.<code>`.
//!
//! Names that are not in the legal texts are the project's unofficial working translations, and the
//! data says which (`unofficial`).

use crate::{Lang, Names, RulesError};
use serde::{Deserialize, Serialize};

const ORDER_236: &str = include_str!("../../../assets/lists/order-236-annex-2.toml");
const ORDER_49: &str = include_str!("../../../assets/lists/order-49-annex-2.toml");

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ListMeta {
    pub id: String,
    pub source: String,
    /// Languages whose names are the project's unofficial working translation.
    pub unofficial: Vec<Lang>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Position {
    pub no: String,
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Profession {
    /// The number as printed ("1.", "1" or "" where the source has none).
    pub no: String,
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
    /// The heading of the recommended positions ("рекомендуемые должности к занятию в организации").
    #[serde(default)]
    pub positions_heading: Option<Names>,
    #[serde(default, rename = "position")]
    pub positions: Vec<Position>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Activity {
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
    #[serde(rename = "profession")]
    pub professions: Vec<Profession>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Sector {
    pub no: String,
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
    /// The name is not printed in the source's table and was inferred from its activities.
    #[serde(default)]
    pub name_inferred: bool,
    #[serde(rename = "activity")]
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct PriorityList {
    #[serde(flatten)]
    pub meta: ListMeta,
    #[serde(rename = "sector")]
    pub sectors: Vec<Sector>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Occupation {
    /// NK RK 01-2017 code, e.g. `2512-1-007`.
    pub code: String,
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Field {
    pub id: String,
    #[serde(flatten)]
    pub names: Names,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, rename = "occupation")]
    pub occupations: Vec<Occupation>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ResidenceList {
    #[serde(flatten)]
    pub meta: ListMeta,
    #[serde(rename = "field")]
    pub fields: Vec<Field>,
}

/// One search result.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Hit {
    /// `order-236-annex-2` or `order-49-annex-2`.
    pub list: String,
    pub id: String,
    /// The legal number (order 236) or the NK RK 01-2017 code (order 49).
    pub number: String,
    pub name: String,
    /// The groups above it in the chosen language: sector and activity, profession for a position;
    /// the field for order 49.
    pub path: Vec<String>,
    /// The chosen language's name is an unofficial translation.
    pub unofficial: bool,
    pub names: Names,
}

/// A profession or a recommended position of order 236's list.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub names: &'a Names,
    pub sector: &'a Sector,
    /// A profession that heads a sub-list of recommended positions ("Lawyer, economist, engineer
    /// ... recommended positions:"); a certificate names one of its positions.
    pub heading: bool,
}

/// An entry of order 236's list with the groups above it.
#[derive(Debug, Clone, Copy)]
pub struct ListPath<'a> {
    pub sector: &'a Sector,
    pub activity: &'a Activity,
    pub profession: &'a Profession,
    pub position: Option<&'a Position>,
}

impl ListPath<'_> {
    /// The sector's name where the list prints one (sector 1's is not printed in the source).
    pub fn sector_name(&self) -> Option<&Names> {
        (!self.sector.name_inferred).then_some(&self.sector.names)
    }
}

#[derive(Debug, Clone)]
pub struct Lists {
    pub priority: PriorityList,
    pub residence: ResidenceList,
}

impl Lists {
    pub fn embedded() -> Lists {
        Lists::from_toml(ORDER_236, ORDER_49).expect("embedded lists are valid (checked by tests)")
    }

    pub fn from_toml(priority: &str, residence: &str) -> Result<Lists, RulesError> {
        let priority: PriorityList = toml::from_str(priority).map_err(|e| RulesError::Data {
            file: "order-236-annex-2.toml".into(),
            detail: e.to_string(),
        })?;
        let residence: ResidenceList = toml::from_str(residence).map_err(|e| RulesError::Data {
            file: "order-49-annex-2.toml".into(),
            detail: e.to_string(),
        })?;
        let lists = Lists {
            priority,
            residence,
        };
        lists.check_ids()?;
        Ok(lists)
    }

    /// Ids are unique across both lists and follow their scheme (they are stored in cases).
    fn check_ids(&self) -> Result<(), RulesError> {
        let mut seen = std::collections::HashSet::new();
        let mut ids: Vec<&str> = Vec::new();
        for s in &self.priority.sectors {
            ids.push(&s.id);
            for a in &s.activities {
                ids.push(&a.id);
                for p in &a.professions {
                    ids.push(&p.id);
                    ids.extend(p.positions.iter().map(|x| x.id.as_str()));
                }
            }
        }
        for f in &self.residence.fields {
            ids.push(&f.id);
            for o in &f.occupations {
                if o.id != format!("o49.{}", o.code) {
                    return Err(RulesError::Data {
                        file: "order-49-annex-2.toml".into(),
                        detail: format!("id {} does not match code {}", o.id, o.code),
                    });
                }
                ids.push(&o.id);
            }
        }
        for id in ids {
            if !seen.insert(id) {
                return Err(RulesError::Data {
                    file: "lists".into(),
                    detail: format!("duplicate id {id}"),
                });
            }
        }
        Ok(())
    }

    /// Every profession and recommended position of order 236 with its path.
    pub fn priority_entries(
        &self,
    ) -> impl Iterator<Item = (&Sector, &Activity, &Profession, Option<&Position>)> {
        self.priority.sectors.iter().flat_map(|s| {
            s.activities.iter().flat_map(move |a| {
                a.professions.iter().flat_map(move |p| {
                    std::iter::once((s, a, p, None))
                        .chain(p.positions.iter().map(move |x| (s, a, p, Some(x))))
                })
            })
        })
    }

    /// Every profession and recommended position of order 236 as one entry each: the id stored in
    /// cases, its names and its sector.
    pub fn professions(&self) -> impl Iterator<Item = Entry<'_>> {
        self.priority_entries()
            .map(|(sector, _, p, pos)| match pos {
                Some(x) => Entry {
                    id: &x.id,
                    names: &x.names,
                    sector,
                    heading: false,
                },
                None => Entry {
                    id: &p.id,
                    names: &p.names,
                    sector,
                    heading: !p.positions.is_empty(),
                },
            })
    }

    /// The profession or recommended position with this id.
    pub fn profession(&self, id: &str) -> Option<Entry<'_>> {
        self.professions().find(|e| e.id == id)
    }

    /// Where a profession or recommended position stands in order 236's list: sector, type of
    /// economic activity, profession and (for a recommended position) the position under it. App 1
    /// asks for "profession, sector of the economy (type of economic activity)", App 3 for the
    /// profession and sector "according to the list": one name alone can mean several entries.
    pub fn path(&self, id: &str) -> Option<ListPath<'_>> {
        self.priority_entries()
            .find(|(_, _, p, pos)| pos.map_or(p.id == id, |x| x.id == id))
            .map(|(sector, activity, profession, position)| ListPath {
                sector,
                activity,
                profession,
                position,
            })
    }

    /// The professions a certificate may name (the list of order 236: Rules p.5 and App 3) whose
    /// name has every word of `text`; order 49's list is for residence permits, not for this.
    pub fn search_for_certificate(&self, text: &str, lang: Lang) -> Vec<Hit> {
        let mut hits = self.search(text, lang);
        hits.retain(|h| h.list == self.priority.meta.id);
        hits
    }

    /// Finds professions in both lists whose name in any language contains every word of `text`
    /// (case and ё/е folded). Names and paths are given in `lang`.
    pub fn search(&self, text: &str, lang: Lang) -> Vec<Hit> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let matches = |names: &Names| {
            let all = fold(&format!("{} {} {}", names.kk, names.ru, names.en));
            words.iter().all(|w| all.contains(w.as_str()))
        };
        let unofficial_236 = self.priority.meta.unofficial.contains(&lang);
        let mut hits = Vec::new();
        for (s, a, p, pos) in self.priority_entries() {
            let names = pos.map(|x| &x.names).unwrap_or(&p.names);
            if !matches(names) {
                continue;
            }
            let mut path = vec![s.names.get(lang).to_string(), a.names.get(lang).to_string()];
            if pos.is_some() {
                path.push(p.names.get(lang).to_string());
            }
            hits.push(Hit {
                list: self.priority.meta.id.clone(),
                id: pos.map(|x| &x.id).unwrap_or(&p.id).clone(),
                number: pos.map(|x| &x.no).unwrap_or(&p.no).clone(),
                name: names.get(lang).to_string(),
                path,
                unofficial: unofficial_236,
                names: names.clone(),
            });
        }
        let unofficial_49 = self.residence.meta.unofficial.contains(&lang);
        for f in &self.residence.fields {
            for o in f.occupations.iter().filter(|o| matches(&o.names)) {
                hits.push(Hit {
                    list: self.residence.meta.id.clone(),
                    id: o.id.clone(),
                    number: o.code.clone(),
                    name: o.names.get(lang).to_string(),
                    path: vec![f.names.get(lang).to_string()],
                    unofficial: unofficial_49,
                    names: o.names.clone(),
                });
            }
        }
        hits
    }
}

/// Lower case in every script, with ё -> е and the typographic dashes and quotes made plain, so that
/// "врач-онколог", "Врач – онколог" and "ВРАЧ ОНКОЛОГ" meet.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '–' | '—' | '-' | '‐' => ' ',
            '«' | '»' | '"' | '(' | ')' | ',' => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
