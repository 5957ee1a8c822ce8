//! Dates and quantities (DATE, NUM) by precise hand-written recognisers,
//! one table of words per language over a shared set of patterns.

use crate::entity::{Entity, Label};
use crate::lang::Lang;
use crate::text::{FoldedTokens, Token, TokenKind};
use words::{words_for, Words};

mod words;

/// Whether newslens recognises dates and numbers in `lang`.
pub(crate) fn supports(lang: Lang) -> bool {
    words_for(lang).is_some()
}

/// Whether `lang` writes ordinals as a number and a full stop ("am 3.
/// Oktober"), which then ends no sentence.
pub(crate) fn writes_ordinal_dots(lang: Lang) -> bool {
    words_for(lang).is_some_and(|w| w.day_dot)
}

/// The languages whose dates and numbers newslens recognises: those it
/// reads (a model may be loaded later, in the browser).
pub(crate) fn languages() -> Vec<Lang> {
    words::languages().filter_map(|code| Lang::from_code(code).ok()).collect()
}

/// Appends the dates and quantities of `tokens` to `out`, in text order,
/// never overlapping one another.
pub(crate) fn find(text: &str, tokens: &[Token], folded: &FoldedTokens, lang: Lang, out: &mut Vec<Entity>) {
    let Some(words) = words_for(lang) else { return };
    let m = Matcher { text, tokens, folded, w: words };
    let mut i = 0;
    while i < tokens.len() {
        // Most tokens are plain words: no pattern starts with one.
        if !m.may_start(i) {
            i += 1;
            continue;
        }
        let date = m.date(i);
        // A phone number, a score, a rating or a handle's digits count
        // nothing: their digits are skipped whole.
        if let (None, Some(end)) = (date, m.not_a_count(i)) {
            i = end;
            continue;
        }
        let found = date.map(|end| (end, Label::Date)).or_else(|| m.quantity(i).map(|end| (end, Label::Num)));
        match found {
            Some((end, label)) => {
                out.push(Entity { start: tokens[i].start, end: tokens[end - 1].end, label });
                i = end;
            }
            None => i += 1,
        }
    }
}

struct Matcher<'a> {
    text: &'a str,
    tokens: &'a [Token],
    folded: &'a FoldedTokens,
    w: &'static Words,
}

impl Matcher<'_> {
    fn word(&self, i: usize) -> &str {
        if i < self.tokens.len() {
            self.folded.get(i)
        } else {
            ""
        }
    }

    fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        i < self.tokens.len() && list.contains(&self.word(i))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Tokens `a` and `b` touch, with no space between them.
    fn glued(&self, a: usize, b: usize) -> bool {
        b < self.tokens.len() && self.tokens[a].end == self.tokens[b].start
    }

    /// Whether a date or quantity may start at token `i`: a digit, a
    /// symbol, or one of the language's date and quantity words.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word || self.raw(i).starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let w = self.w;
        [w.weekdays, w.months, w.relative_days, w.decade_words, w.currencies].iter().any(|list| list.contains(&self.word(i)))
            || w.percent_words.iter().any(|p| p[0] == self.word(i))
    }

    fn number_value(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        self.raw(i).parse().ok()
    }

    fn is_day(&self, i: usize) -> bool {
        if let Some(n) = self.number_value(i) {
            return (1..=31).contains(&n) && self.raw(i).len() <= 2;
        }
        let w = self.word(i);
        if self.w.day_suffixes.contains(&w) {
            return true;
        }
        // "5th", "21st": digits then an English ordinal suffix.
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits) && self.w.day_suffixes.contains(&&w[digits..]) && w[digits..].len() == 2
    }

    fn is_year(&self, i: usize) -> bool {
        self.raw(i).len() == 4 && self.number_value(i).is_some_and(|n| (1000..=2100).contains(&n))
    }

    fn is_month(&self, i: usize) -> bool {
        self.is(i, self.w.months)
    }

    /// The end of a date starting at token `i`, if one starts there.
    fn date(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let weekday = self.is(j, self.w.weekdays);
        if weekday {
            j += 1;
            if self.word(j) == "," && (self.is_day(j + 1) || self.is_month(j + 1)) {
                j += 1;
            }
        }
        // "5 décembre 2019", "18 December", "3. Oktober", "3 de octubre de 2019".
        if let Some(month) = self.month_after_day(j) {
            return Some(self.year_after(month + 1).unwrap_or(month + 1));
        }
        if self.is_month(j) {
            if let Some(end) = self.after_month(j) {
                return Some(end);
            }
        }
        if weekday {
            return Some(i + 1);
        }
        if self.is(i, self.w.relative_days) {
            return Some(i + 1);
        }
        self.decade(i).or_else(|| self.time(i)).or_else(|| self.numeric_date(i)).or_else(|| self.year(i))
    }

    /// The month of a day at `j`, if one follows it: after the day's full
    /// stop where the language writes one ("3. Oktober"), and a linking
    /// word ("3 de octubre").
    fn month_after_day(&self, j: usize) -> Option<usize> {
        if !self.is_day(j) {
            return None;
        }
        let mut k = j + 1;
        if self.w.day_dot && self.raw(k) == "." && self.glued(j, k) {
            k += 1;
        }
        if self.is(k, self.w.date_links) {
            k += 1;
        }
        self.is_month(k).then_some(k)
    }

    /// The end of a year at `k`, or after a linking word there ("octubre
    /// de 2019").
    fn year_after(&self, k: usize) -> Option<usize> {
        if self.is_year(k) {
            return Some(k + 1);
        }
        (self.is(k, self.w.date_links) && self.is_year(k + 1)).then_some(k + 2)
    }

    /// After a month at `j`: "Feb. 9", "December 5, 2019", "mars 2020",
    /// or the month alone unless it is an ambiguous word.
    fn after_month(&self, j: usize) -> Option<usize> {
        let end = j + 1;
        if self.is_day(end) && !self.is_month(end + 1) && !self.is_year(end) {
            let day_end = end + 1;
            if self.word(day_end) == "," && self.is_year(day_end + 1) {
                return Some(day_end + 2);
            }
            return Some(if self.is_year(day_end) { day_end + 1 } else { day_end });
        }
        if let Some(year_end) = self.year_after(end) {
            return Some(year_end);
        }
        if self.is(j, self.w.ambiguous_months) {
            let lower = self.raw(j).starts_with(char::is_lowercase);
            return (lower && self.w.lone_ambiguous_month_in_lower_case).then_some(end);
        }
        Some(end)
    }

    /// "the 1880s", "1990s", "1980er", "années 1980", "années 80".
    fn decade(&self, i: usize) -> Option<usize> {
        let w = self.word(i);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if (digits == 4 || digits == 2) && self.w.decade_suffixes.contains(&&w[digits..]) && w.as_bytes()[digits - 1] == b'0' {
            return Some(i + 1);
        }
        if self.is(i, self.w.decade_words) && self.kind(i + 1) == Some(TokenKind::Number) {
            let n = self.raw(i + 1);
            if (n.len() == 4 || n.len() == 2) && n.ends_with('0') {
                return Some(i + 2);
            }
        }
        None
    }

    /// Hours (at most 24) at `i`, with their minutes where written
    /// ("14:30"; "15.30", one token): the end, and whether minutes were.
    fn clock(&self, i: usize) -> Option<(usize, bool)> {
        let raw = self.raw(i);
        let digits = |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if let Some((h, m)) = raw.split_once('.') {
            let clock = digits(h, 1..=2) && digits(m, 2..=2) && h.parse::<u8>().is_ok_and(|h| h <= 24) && m.parse::<u8>().is_ok_and(|m| m < 60);
            return clock.then_some((i + 1, true));
        }
        self.number_value(i).filter(|&n| n <= 24 && raw.len() <= 2)?;
        if self.word(i + 1) == ":" && self.glued(i, i + 1) && self.raw(i + 2).len() == 2 && self.number_value(i + 2).is_some_and(|m| m < 60) {
            return Some((i + 3, true));
        }
        Some((i + 1, false))
    }

    /// "14h30", "14 h 30", "10:30", "10 a.m.", "3pm"; a clock before one of
    /// the language's `time_words` ("14 Uhr"), or before one of its
    /// `hour_words` with minutes or a cue ("15.30 uur", "à 14 heures");
    /// hours and minutes after one of its `time_cues` ("um 15.30", "a las
    /// 14.30"): times of day, never quantities.
    fn time(&self, i: usize) -> Option<usize> {
        let w = self.word(i);
        let h = w.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&h) {
            let rest = &w[h..];
            let french = rest.strip_prefix('h').is_some_and(|m| m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())));
            if (french && self.kind(i) == Some(TokenKind::Word)) || matches!(rest, "am" | "pm") {
                return Some(i + 1);
            }
        }
        let (end, minutes) = self.clock(i)?;
        let cued = i > 0 && self.is(i - 1, self.w.time_cues);
        // "24 heures", "24 uur", "24 horas" are durations as often as times.
        if self.is(end, self.w.time_words) || (self.is(end, self.w.hour_words) && (minutes || cued)) {
            return Some(end + 1);
        }
        // A colon says "time" by itself; a full stop only after a cue (in
        // English, "15.30" is a decimal).
        if minutes {
            return (end == i + 3 || cued).then_some(end);
        }
        if matches!(self.word(i + 1), "am" | "pm") {
            return Some(i + 2);
        }
        if self.word(i + 1) == "h" && self.raw(i + 2).len() == 2 && self.number_value(i + 2).is_some_and(|m| m < 60) {
            return Some(i + 3);
        }
        None
    }

    /// "18/12/2019", "2019-12-18", "04.05.2015" (one token: dots join digits).
    fn numeric_date(&self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        if self.kind(i) == Some(TokenKind::Number) && raw.len() == 10 && raw.as_bytes()[2] == b'.' && raw.as_bytes()[5] == b'.' {
            return Some(i + 1);
        }
        let sep = self.word(i + 1);
        if !matches!(sep, "/" | "-" | ".") || self.word(i + 3) != sep {
            return None;
        }
        let parts = [i, i + 2, i + 4];
        if !parts.iter().all(|&p| self.number_value(p).is_some()) || !(i + 1..i + 5).all(|p| self.glued(p - 1, p)) {
            return None;
        }
        let ymd = self.is_year(i) && self.raw(i + 2).len() <= 2 && self.raw(i + 4).len() <= 2;
        let dmy = self.raw(i).len() <= 2 && self.raw(i + 2).len() <= 2 && (self.is_year(i + 4) || self.raw(i + 4).len() == 2);
        (ymd || dmy).then_some(i + 5)
    }

    /// A bare year, or a range of years ("1914-1918"), where the context
    /// says it is a year and not a count ("2000 manifestants").
    fn year(&self, i: usize) -> Option<usize> {
        if !self.is_year(i) {
            return None;
        }
        if matches!(self.word(i + 1), "-" | "–") && self.is_year(i + 2) {
            return Some(i + 3);
        }
        let cued = i > 0 && (self.is(i - 1, self.w.year_cues) || self.is_month(i - 1));
        let next = self.raw(i + 1);
        let counts_something = next.starts_with(char::is_lowercase) && !self.is(i + 1, self.w.year_cues);
        (cued || !counts_something).then_some(i + 1)
    }

    /// The end of a quantity starting at token `i`: "$170 million",
    /// "3,5 millions d'euros", "95%", "95 pour cent", "1 500", "51".
    fn quantity(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let symbol_first = self.is(j, self.w.currencies) && self.kind(j) == Some(TokenKind::Punct);
        if symbol_first {
            j += 1;
        }
        if self.kind(j) != Some(TokenKind::Number) {
            return (symbol_first && self.is_suffixed_amount(j)).then_some(j + 1);
        }
        let mut end = j + 1;
        // "1 500": a thousands group after a plain space.
        while self.kind(end) == Some(TokenKind::Number)
            && self.raw(end).len() == 3
            && self.text[self.tokens[end - 1].end..self.tokens[end].start] == *" "
            && self.raw(end - 1).len() <= 3
        {
            end += 1;
        }
        if self.is(end, self.w.multipliers) && (self.word(end).len() > 1 || symbol_first || self.glued(end - 1, end)) {
            end += 1;
        }
        if let Some(pct) = self.percent(end) {
            return Some(pct);
        }
        if self.is(end, self.w.currencies) {
            end += 1;
        } else if self.is(end, self.w.currency_links) && self.is(end + 1, self.w.currencies) && self.word(end + 1).len() > 1 {
            end += 2;
        }
        Some(end)
    }

    /// The end of the digits starting at token `i` that count nothing:
    /// a match's minute ("78’", "45+2"), a phone number ("06 12 34 56 78",
    /// "0470 00 12 34 56", "418 555-0142", "06.12.34.56.78"), a score
    /// ("2-1"), a rating ("4/5", "8/10"), the digits of a handle ("@Club_62").
    fn not_a_count(&self, i: usize) -> Option<usize> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let raw = self.raw(i);
        if self.is_minute_mark(i) || (i > 0 && self.glued(i - 1, i) && matches!(self.raw(i - 1), "_" | "@" | "#")) {
            return Some(i + 1);
        }
        // "Nr. 0378", "Artikel 115", "Linie 6", "Platz 17": a number's label,
        // a code, a rank.
        if i > 0 && self.is(i - 1, self.w.label_words) {
            return Some(i + 1);
        }
        // "in der 25. Minute", "(60.)": an ordinal where the language writes
        // one with a full stop.
        if self.w.day_dot && raw.len() <= 3 && self.raw(i + 1) == "." && self.glued(i, i + 1) && self.is_ordinal_end(i + 1) {
            return Some(i + 2);
        }
        let dotted: Vec<&str> = raw.split('.').collect();
        if dotted.len() >= 4 && dotted.iter().all(|g| g.len() == 2) {
            return Some(i + 1);
        }
        // The digits joined by one space, dot or hyphen each.
        let mut lengths = vec![raw.len()];
        let mut end = i + 1;
        loop {
            let gap = &self.text[self.tokens[end - 1].end..self.tokens.get(end).map_or(self.tokens[end - 1].end, |t| t.start)];
            if gap == " " && self.kind(end) == Some(TokenKind::Number) {
                lengths.push(self.raw(end).len());
                end += 1;
            } else if gap.is_empty() && matches!(self.raw(end), "-" | ".") && self.glued(end, end + 1) && self.kind(end + 1) == Some(TokenKind::Number) {
                lengths.push(self.raw(end + 1).len());
                end += 2;
            } else {
                break;
            }
        }
        let pairs = lengths.iter().filter(|&&n| n == 2).count();
        let phone = (lengths.len() >= 3 && raw.starts_with('0') && raw.len() <= 5) || (lengths.len() >= 4 && pairs >= 3) || lengths == [3, 3, 4];
        if phone {
            return Some(end);
        }
        // "0378": a code.
        if raw.len() >= 3 && raw.starts_with('0') && raw.bytes().all(|b| b.is_ascii_digit()) {
            return Some(i + 1);
        }
        let next = i + 2;
        let small = |k: usize| self.kind(k) == Some(TokenKind::Number) && self.raw(k).len() <= 2;
        let joined = |sign: &[&str]| self.glued(i, i + 1) && sign.contains(&self.raw(i + 1)) && self.glued(i + 1, next);
        let counted_after = self.percent(next + 1).is_some() || self.is(next + 1, self.w.currencies) || self.is(next + 1, self.w.multipliers);
        if small(i) && small(next) && joined(&["-", "–", ":"]) && !counted_after {
            return Some(next + 1);
        }
        let out_of = self.number_value(next).filter(|n| matches!(n, 5 | 10 | 20 | 100));
        if joined(&["/"]) && out_of.is_some_and(|n| self.number_value(i).is_some_and(|k| k <= n)) {
            return Some(next + 1);
        }
        None
    }

    /// Whether the full stop at `k`, after a number, ends an ordinal: a
    /// word, a comma or a bracket follows it on the same line ("25.
    /// Minute", "(25.,"), not the end of the text.
    fn is_ordinal_end(&self, k: usize) -> bool {
        let Some(next) = self.tokens.get(k + 1) else {
            return false;
        };
        let gap = &self.text[self.tokens[k].end..next.start];
        (gap.is_empty() || gap == " ") && (matches!(self.raw(k + 1), "," | ")") || self.kind(k + 1) == Some(TokenKind::Word))
    }

    /// A match report's minute, not a count: "78’", "45+2", "45e+2", "90’+3".
    /// A number glued to a prime (that no digit follows: "1’000" is a Swiss
    /// thousand), or glued to a "+" that joins it to another minute.
    fn is_minute_mark(&self, i: usize) -> bool {
        let is_plus = |k: usize| self.raw(k) == "+";
        let is_prime = |k: usize| matches!(self.raw(k), "'" | "’" | "′");
        let minute_before = |k: usize| is_prime(k) || self.raw(k).starts_with(|c: char| c.is_ascii_digit());
        let prime_after = self.glued(i, i + 1) && is_prime(i + 1) && !(self.glued(i + 1, i + 2) && self.kind(i + 2) == Some(TokenKind::Number));
        let plus_after = self.glued(i, i + 1) && is_plus(i + 1) && self.glued(i + 1, i + 2) && self.kind(i + 2) == Some(TokenKind::Number);
        let plus_before = i >= 2 && self.glued(i - 1, i) && is_plus(i - 1) && self.glued(i - 2, i - 1) && minute_before(i - 2);
        prime_after || plus_after || plus_before
    }

    /// "5bn" in "$5bn": a number glued to its multiplier is one word token.
    fn is_suffixed_amount(&self, i: usize) -> bool {
        let w = self.word(i);
        let digits = w.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',').count();
        let starts_with_digit = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
        starts_with_digit && self.glued(i - 1, i) && self.w.multipliers.contains(&&w[digits..])
    }

    fn percent(&self, end: usize) -> Option<usize> {
        if self.word(end) == "%" {
            return Some(end + 1);
        }
        self.w.percent_words.iter().find_map(|phrase| phrase.iter().enumerate().all(|(k, p)| self.word(end + k) == *p).then_some(end + phrase.len()))
    }
}

#[cfg(test)]
mod tests;
