//! Lines of sports results and standings, as news wires print them: a
//! team's name and its figures ("Orrell 13 Bath 56", "Monaco 3 1 1 1 5 3
//! 4"). The names there are clubs, organisations, though most are towns'
//! names; national sides (a country's name) and players (a first name
//! opening the name, or a name the tagger read as a person) keep their
//! type.

use super::features::Context;
use super::one_type::Name;
use super::patterns::{org, overlapping, per, put};
use super::places::{is_country, is_first_name};
use crate::text::TokenKind;
use std::ops::Range;

/// Figures after a name that make a line of standings: played, won,
/// drawn, lost...
const STANDINGS_FIGURES: usize = 3;

/// Names the teams of results and standings lines as organisations.
pub(super) fn results_lines(ctx: &Context, names: &mut Vec<Name>) {
    let mut added: Vec<Name> = Vec::new();
    for line in lines(ctx) {
        let Some(first) = team_at(ctx, line.start, line.end) else {
            continue;
        };
        let figures = |at: usize| figures(ctx, at, line.end);
        let (numbers, run_end) = figures(first.end);
        let teams = if numbers >= STANDINGS_FIGURES && run_end == line.end {
            vec![first]
        } else if numbers == 1 && run_end == first.end + 1 {
            // "Orrell 13 Bath 56", maybe followed by the scorers in brackets.
            let second = team_at(ctx, run_end, line.end);
            match second {
                Some(second) if figures(second.end) == (1, second.end + 1) && ends_result(ctx, second.end + 1, line.end) => vec![first, second],
                _ => continue,
            }
        } else {
            continue;
        };
        for team in teams {
            let tagged = &names[overlapping(names, &team)];
            let player = tagged.iter().any(|(_, t)| *t == per()) || team.len() >= 2 && is_first_name(ctx, team.start);
            let national = team.clone().all(|i| is_country(ctx, i));
            if !player && !national {
                added.push((team, org()));
            }
        }
    }
    put(names, added);
}

/// The text's lines, as ranges of tokens: a table's row is a line, which
/// the sentence splitter may cut (at ".556").
fn lines(ctx: &Context) -> Vec<Range<usize>> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let mut start = 0;
    for j in 1..=ctx.len() {
        if j == ctx.len() || doc.text[doc.tokens[j - 1].end..doc.tokens[j].start].contains('\n') {
            out.push(start..j);
            start = j;
        }
    }
    out
}

/// The run of capitalised words opening at `start` (before `end`), if any.
fn team_at(ctx: &Context, start: usize, end: usize) -> Option<Range<usize>> {
    let doc = ctx.doc;
    let run = (start..end).take_while(|&j| doc.is_capitalised(j)).count();
    (run > 0).then(|| start..start + run)
}

/// The figures of a table of scores from `at`: how many numbers, and
/// where they stop. Scores, counts and percentages (".556"), with "-" for
/// none; not a date ("1996-08-31" in a dateline), whose pieces are glued
/// together, nor prices.
fn figures(ctx: &Context, at: usize, end: usize) -> (usize, usize) {
    let doc = ctx.doc;
    let glued = |j: usize| j > 0 && doc.tokens[j].start == doc.tokens[j - 1].end;
    let is_number = |j: usize| doc.tokens[j].kind == TokenKind::Number;
    let mut numbers = 0;
    let mut j = at;
    while j < end {
        let raw = doc.raw(j);
        if is_number(j) && raw.starts_with(|c: char| c.is_ascii_digit()) && raw.contains(['.', ',']) {
            // Prices and amounts ("380.50", "5,616"): a market's table, whose
            // names are goods and indices as often as firms.
            return (0, at);
        } else if is_number(j) {
            numbers += 1;
        } else if raw == "-" && glued(j) && j + 1 < end && glued(j + 1) {
            // A date or a range: no table of figures.
            return (0, at);
        } else if !matches!(raw, "-" | "." | "/") {
            break;
        }
        j += 1;
    }
    (numbers, j)
}

/// Whether a result line may end at `at`: at its end, or on the scorers in
/// brackets, or a full stop.
fn ends_result(ctx: &Context, at: usize, end: usize) -> bool {
    at >= end || matches!(ctx.doc.raw(at), "(" | "." | ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::WordIndex;
    use crate::model::patterns::tests::{names_after, owned};

    const LOC: usize = 1;

    #[test]
    fn teams_of_results_and_standings_are_clubs() {
        let (per, org) = (per(), org());
        type Names<'a> = &'a [(&'a str, usize)];
        let cases: &[(&str, &str, Names, Names)] = &[
            ("a result", "Orrell 13 Bath 56\n", &[("Bath", LOC)], &[("Orrell", org), ("Bath", org)]),
            ("with its scorers", "Lyon 2 ( Caveglia 23rd ) Nancy 0 .\n", &[("Lyon", LOC), ("Nancy", LOC)], &[("Lyon", LOC), ("Nancy", LOC)]),
            ("standings", "W L PCT GB\nNEW YORK 74 59 .556 -\n", &[("NEW YORK", LOC)], &[("NEW YORK", org)]),
            ("a dateline", "CHICAGO 1996-08-30\nThe Cubs won .", &[("CHICAGO", LOC)], &[("CHICAGO", LOC)]),
            ("prices", "Gold 380.50 381.00 379.25 380.10\n", &[], &[]),
            ("national sides", "France 2 Belgium 1\n", &[("France", LOC), ("Belgium", LOC)], &[("France", LOC), ("Belgium", LOC)]),
            ("players", "Tiger Woods 67 69 70 68\n", &[("Tiger Woods", per)], &[("Tiger Woods", per)]),
        ];
        for (name, text, tagged, want) in cases {
            assert_eq!(names_after(results_lines, text, tagged, &WordIndex::default()), owned(want), "{name}");
        }
    }
}
