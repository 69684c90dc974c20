//! The four kinds of the public service (App 2, header; RULES.md §1).

use crate::RulesError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// First certificate, up to three months (Rules p.15).
    Issue,
    /// For the term of a new employment contract, at most three years (Rules p.16-17).
    Extend,
    /// Change of name, identity document or (from order 426) employer; a new number (Rules p.22).
    Reissue,
    /// Loss or damage of the certificate (Rules p.22-1, added by order 426).
    Duplicate,
}

impl Service {
    pub const ALL: [Service; 4] = [
        Service::Issue,
        Service::Extend,
        Service::Reissue,
        Service::Duplicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Service::Issue => "issue",
            Service::Extend => "extend",
            Service::Reissue => "reissue",
            Service::Duplicate => "duplicate",
        }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Service {
    type Err = RulesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Service::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| RulesError::UnknownService(s.to_string()))
    }
}
