//! IIN and BIN, the 12-digit individual and business identification numbers of Kazakhstan.
//!
//! Check digit: the sum of digit_i * i for i = 1..11, mod 11; if that is 10, the weights
//! 3,4,5,6,7,8,9,10,11,1,2 are used instead; if it is 10 again the number is invalid.

use crate::error::IinProblem;
use crate::RulesError;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A 12-digit IIN or BIN whose check digit is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IinBin([u8; 12]);

const WEIGHTS_1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

fn weighted(digits: &[u8; 12], weights: &[u32; 11]) -> u32 {
    digits[..11]
        .iter()
        .zip(weights)
        .map(|(d, w)| *d as u32 * w)
        .sum::<u32>()
        % 11
}

/// The check digit for the first 11 digits, or None when no digit can make the number valid.
pub fn check_digit(digits: &[u8; 12]) -> Option<u8> {
    match weighted(digits, &WEIGHTS_1) {
        10 => match weighted(digits, &WEIGHTS_2) {
            10 => None,
            c => Some(c as u8),
        },
        c => Some(c as u8),
    }
}

impl FromStr for IinBin {
    type Err = RulesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.len() != 12 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RulesError::InvalidIin(s.to_string(), IinProblem::Length));
        }
        let mut digits = [0u8; 12];
        for (d, b) in digits.iter_mut().zip(t.bytes()) {
            *d = b - b'0';
        }
        if check_digit(&digits) != Some(digits[11]) {
            return Err(RulesError::InvalidIin(
                s.to_string(),
                IinProblem::CheckDigit,
            ));
        }
        Ok(IinBin(digits))
    }
}

impl IinBin {
    /// A person's IIN, checked for its structure as well as its check digit: the first six digits
    /// are the birth date (YYMMDD) and the seventh gives the century and sex (1-2: 19th century,
    /// 3-4: 20th, 5-6: 21st). Returns the birth date it encodes. (A business's BIN has another
    /// structure: this is for individuals.)
    pub fn parse_iin(s: &str) -> Result<(IinBin, chrono::NaiveDate), RulesError> {
        let v: IinBin = s.parse()?;
        let d = v.0;
        let century = match d[6] {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            _ => return Err(RulesError::InvalidIin(s.to_string(), IinProblem::Structure)),
        };
        let n = |a: usize, b: usize| (d[a] * 10 + d[b]) as u32;
        chrono::NaiveDate::from_ymd_opt(century + n(0, 1) as i32, n(2, 3), n(4, 5))
            .map(|born| (v, born))
            .ok_or_else(|| RulesError::InvalidIin(s.to_string(), IinProblem::Structure))
    }
}

impl fmt::Display for IinBin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0 {
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Serialize for IinBin {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
