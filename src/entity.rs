//! What an extraction returns: labelled spans of the input text.

use std::fmt;
use std::str::FromStr;

/// The kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person, real or fictional.
    Per,
    /// An organisation: a company, party, armed group, agency, team...
    Org,
    /// A place: a country, city, region, river, building...
    Loc,
    /// Another named thing: an event, a work, a nationality, a product...
    Misc,
    /// A date or time expression: `jeudi`, `5 décembre 2019`, `the 1880s`.
    Date,
    /// A quantity: `1.500`, `95%`, `$170 million`.
    Num,
}

impl Label {
    /// Every label, in the order summaries present them.
    pub const ALL: [Label; 6] = [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Date, Label::Num];

    /// The label's name as the outputs spell it: `PER`, `ORG`, `LOC`,
    /// `MISC`, `DATE`, `NUM`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Num => "NUM",
        }
    }

    /// Whether this is a named type (PER, ORG, LOC, MISC) rather than a
    /// date or a number.
    pub fn is_name(self) -> bool {
        matches!(self, Label::Per | Label::Org | Label::Loc | Label::Misc)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = String;

    fn from_str(s: &str) -> Result<Label, String> {
        Label::ALL.into_iter().find(|l| l.as_str() == s).ok_or_else(|| format!("unknown label {s:?}"))
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One mention of an entity: a half-open byte range `start..end` of the
/// text it was found in, and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset one past the last byte of the mention.
    pub end: usize,
    /// What the mention is.
    pub label: Label,
}

impl Entity {
    /// The mention's text, sliced from the text it was found in.
    ///
    /// # Panics
    ///
    /// When `text` is not the text the entity was extracted from and the
    /// span does not fall on its character boundaries.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}
