//! Figures in prose: percentages, ratios (HR, OR, RR and their intervals), counts of
//! participants and doses, with their values, for `number-mismatch`. Years, section and
//! reference numbers and other bare numbers are never figures: a number is one only with a
//! percent sign, a ratio's name, a participant noun or a dose unit.

use crate::document::patterns;
use crate::lexicon_regex::DocRegex;
use std::ops::Range;
use std::sync::OnceLock;

/// The kind of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Percent,
    Ratio,
    Count,
    /// A dose, its value in the unit group's base unit (mg, mL, IU).
    Dose(Unit),
}

/// Dose units that compare with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Mass,
    MassPerKg,
    MassPerArea,
    Volume,
    Iu,
}

impl Kind {
    /// The kind named in a message, plural.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Percent => "percentages",
            Kind::Ratio => "ratios",
            Kind::Count => "counts of participants",
            Kind::Dose(_) => "doses",
        }
    }
}

/// One figure: its kind, value (in the base unit for doses), decimals written, and where.
#[derive(Clone, Debug)]
pub struct Figure {
    pub kind: Kind,
    pub value: f64,
    /// The number as written, before any change of unit.
    pub written: f64,
    pub decimals: usize,
    /// The figure as shown: the number with its sign, unit or noun (`12%`, `60 mg`,
    /// `1,240 women`; a ratio's value alone).
    pub range: Range<usize>,
}

fn patterns() -> &'static [DocRegex; 5] {
    static P: OnceLock<[DocRegex; 5]> = OnceLock::new();
    P.get_or_init(|| patterns::figures().map(|p| DocRegex::new(&p)))
}

fn value(s: &str) -> Option<(f64, usize)> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    let decimals = clean.split_once('.').map_or(0, |(_, d)| d.len());
    clean.parse::<f64>().ok().map(|v| (v, decimals))
}

/// Is the match at `start` glued to a number before it (`1.5` read from `21.5`)?
fn glued(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Is the number before a participant noun at `start` no count: a year ("in 2019 patients
/// were …") or the second term of a rate ("1 in 5 people", "two out of 3 women")?
fn not_a_count(text: &str, start: usize, v: f64) -> bool {
    let before = text[..start].trim_end().to_ascii_lowercase();
    let ends_with_word = |w: &str| before.ends_with(&format!(" {w}")) || before == w;
    if (1900.0..2100.0).contains(&v)
        && ["in", "since", "during", "until", "by", "from", "of"]
            .iter()
            .any(|w| ends_with_word(w))
    {
        return true;
    }
    let rest = ["in", "out of", "of every"].iter().find_map(|w| {
        before
            .strip_suffix(w)
            .filter(|r| r.is_empty() || r.ends_with(' '))
    });
    let Some(rest) = rest else {
        return false;
    };
    let term = rest.trim_end().rsplit(' ').next().unwrap_or("");
    term.chars().all(|c| c.is_ascii_digit() || c == ',') && !term.is_empty()
        || [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ]
        .contains(&term)
}

/// Every figure in `text`.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let [percent, ratio, count, n_equals, dose] = patterns();
    let mut push =
        |kind: Kind, m: Option<crate::lexicon_regex::Match>, end: Option<usize>, factor: f64| {
            if let Some(m) = m
                && !glued(text, m.start())
                && let Some((v, d)) = value(m.as_str())
            {
                out.push(Figure {
                    kind,
                    value: v * factor,
                    written: v,
                    decimals: d,
                    range: m.start()..end.unwrap_or(m.end()).max(m.end()),
                });
            }
        };
    for c in percent.captures_iter(text) {
        let all = c.get(0).expect("match");
        // "95% CI" is a confidence level, not a finding
        let after = text[all.end()..].trim_start();
        if after.starts_with("CI") || after.to_ascii_lowercase().starts_with("confidence") {
            continue;
        }
        push(Kind::Percent, c.name("a"), Some(all.end()), 1.0);
        push(Kind::Percent, c.name("b"), Some(all.end()), 1.0);
    }
    for c in ratio.captures_iter(text) {
        for g in ["v", "lo", "hi"] {
            push(Kind::Ratio, c.name(g), None, 1.0);
        }
    }
    for c in count
        .captures_iter(text)
        .chain(n_equals.captures_iter(text))
    {
        if let Some(n) = c.name("n")
            && let Some((v, _)) = value(n.as_str())
            && not_a_count(text, n.start(), v)
        {
            continue;
        }
        let end = c.get(0).map(|m| m.end());
        push(Kind::Count, c.name("n"), end, 1.0);
    }
    for c in dose.captures_iter(text) {
        let unit = c.name("u").map_or("", |u| u.as_str());
        let end = c.name("u").map(|u| u.end());
        let (u, factor) = match unit {
            "g" => (Unit::Mass, 1000.0),
            "mg" => (Unit::Mass, 1.0),
            "mcg" | "µg" | "μg" => (Unit::Mass, 0.001),
            "mg/kg" => (Unit::MassPerKg, 1.0),
            "mg/m2" | "mg/m²" => (Unit::MassPerArea, 1.0),
            "mL" | "ml" => (Unit::Volume, 1.0),
            "L" => (Unit::Volume, 1000.0),
            _ => (Unit::Iu, 1.0),
        };
        push(Kind::Dose(u), c.name("a"), end, factor);
        push(Kind::Dose(u), c.name("b"), end, factor);
    }
    out.sort_by_key(|f| f.range.start);
    out.dedup_by(|a, b| a.range == b.range && a.kind == b.kind);
    out
}

/// Every number written in `text` (for the loosest comparison: a figure whose value the
/// source writes in any form is not reported).
pub fn numbers(text: &str) -> Vec<f64> {
    static N: OnceLock<DocRegex> = OnceLock::new();
    let re = N.get_or_init(|| DocRegex::new(patterns::NUMBER));
    re.find_iter(text)
        .filter(|m| !glued(text, m.start()) || m.as_str().starts_with('.'))
        .filter_map(|m| {
            let s = m.as_str();
            let s = if s.starts_with('.') {
                format!("0{s}")
            } else {
                s.to_string()
            };
            value(&s).map(|v| v.0)
        })
        .collect()
}

/// Does `written` (with `decimals` decimals) stand for `exact`: equal, or `exact` rounded?
/// A whole number's trailing zeros are read as its precision when the rounding moves it by
/// at most 2.5 %: "40 percent" stands for 40.7% and "3,300 people" for 3,330, as writers
/// round; "100 mg" does not stand for 60 mg.
pub fn same(written: f64, decimals: usize, exact: f64) -> bool {
    let scale = 10f64.powi(decimals.min(6) as i32);
    if (written - exact).abs() < 1e-9 || ((exact * scale).round() / scale - written).abs() < 1e-9 {
        return true;
    }
    if decimals > 0 || written < 10.0 || written.fract() != 0.0 {
        return false;
    }
    let mut place = 1.0;
    while written % (place * 10.0) == 0.0 && place < 1e12 {
        place *= 10.0;
    }
    place > 1.0
        && ((exact / place).round() * place - written).abs() < 1e-9
        && (exact - written).abs() <= 0.025 * written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(Kind, f64)> {
        figures(t).into_iter().map(|f| (f.kind, f.value)).collect()
    }

    #[test]
    fn each_kind() {
        assert_eq!(
            kinds("Anaemia fell to 12% (from 21 percent) in 1,240 pregnant women given 60 mg."),
            vec![
                (Kind::Percent, 12.0),
                (Kind::Percent, 21.0),
                (Kind::Count, 1240.0),
                (Kind::Dose(Unit::Mass), 60.0)
            ]
        );
        assert_eq!(
            kinds("The HR was 0.72 (95% CI 0.61–0.90); n = 310; 0.5 g daily."),
            vec![
                (Kind::Ratio, 0.72),
                (Kind::Ratio, 0.61),
                (Kind::Ratio, 0.9),
                (Kind::Count, 310.0),
                (Kind::Dose(Unit::Mass), 500.0)
            ]
        );
        assert_eq!(
            kinds("Rates of 20–30% were seen."),
            vec![(Kind::Percent, 20.0), (Kind::Percent, 30.0)]
        );
    }

    #[test]
    fn years_sections_and_references_are_not_figures() {
        assert!(
            kinds("In 2019 patients were enrolled (section 4.2; see [3] and 12 or 14).").is_empty()
        );
        assert!(kinds("Concentrations above 5 mg/dL or 2 g/L are high.").is_empty());
        assert!(kinds("In 2019, participants were few; or 1.5 of them.").is_empty());
        assert!(kinds("About 1 in 5 people and two out of 3 women.").is_empty());
        assert_eq!(
            kinds("A trial in 300 patients."),
            vec![(Kind::Count, 300.0)]
        );
    }

    #[test]
    fn rounding() {
        assert!(same(35.0, 0, 34.8));
        assert!(same(0.82, 2, 0.82));
        assert!(!same(35.0, 0, 36.0));
        assert!(!same(34.8, 1, 35.0));
        // a whole number's trailing zeros are its precision
        assert!(same(40.0, 0, 40.7));
        assert!(same(3300.0, 0, 3330.0));
        assert!(!same(40.0, 0, 46.0));
        assert!(!same(1400.0, 0, 150.0));
        assert!(!same(100.0, 0, 60.0));
        assert!(!same(40.0, 0, 36.0));
        assert!(!same(41.0, 0, 40.4));
    }
}
