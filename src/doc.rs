//! A text prepared for tagging: its tokens, their fold keys and its
//! sentences, computed once and shared by every recogniser.

use crate::dates_quantities::writes_ordinal_dots;
use crate::lang::Lang;
use crate::text::{sentences, tokenize, FoldedTokens, Token, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// A text's tokens, fold keys and sentences, computed by `Doc::new` or
/// borrowed from a `Prepared` kept from an earlier reading of the same text.
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Cow<'t, [Token]>,
    pub folded: Cow<'t, FoldedTokens>,
    /// Sentences as ranges of token indices.
    pub sentences: Cow<'t, [Range<usize>]>,
}

/// What `Doc::new` computes of a text, owned without the text: kept by an
/// extraction so that its summary reads the same text without tokenising it
/// again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prepared {
    /// The length of the text it was prepared from.
    len: usize,
    tokens: Vec<Token>,
    folded: FoldedTokens,
    sentences: Vec<Range<usize>>,
}

impl Prepared {
    /// The document of `text`, whose first `len` bytes this was prepared
    /// from, borrowing its parts.
    pub(crate) fn doc<'t>(&'t self, text: &'t str) -> Doc<'t> {
        Doc { text: &text[..self.len], tokens: Cow::Borrowed(&self.tokens), folded: Cow::Borrowed(&self.folded), sentences: Cow::Borrowed(&self.sentences) }
    }
}

impl<'t> Doc<'t> {
    /// The document of `text`, its sentences split as most languages
    /// write them.
    pub(crate) fn new(text: &'t str) -> Doc<'t> {
        Doc::split(text, false)
    }

    /// The document of `text` in `lang`, whose ordinals may end with a full
    /// stop that ends no sentence (German's "3. Oktober").
    pub(crate) fn in_language(text: &'t str, lang: Lang) -> Doc<'t> {
        Doc::split(text, writes_ordinal_dots(lang))
    }

    fn split(text: &'t str, ordinal_dots: bool) -> Doc<'t> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut folded = FoldedTokens::default();
        folded.fill(text, &tokens);
        let sentences = sentences(text, &tokens, ordinal_dots);
        Doc { text, tokens: Cow::Owned(tokens), folded: Cow::Owned(folded), sentences: Cow::Owned(sentences) }
    }

    /// Its parts, owned, to read the same text again later.
    pub(crate) fn into_prepared(self) -> Prepared {
        Prepared { len: self.text.len(), tokens: self.tokens.into_owned(), folded: self.folded.into_owned(), sentences: self.sentences.into_owned() }
    }

    pub(crate) fn raw(&self, i: usize) -> &'t str {
        self.tokens[i].text(self.text)
    }

    pub(crate) fn word(&self, i: usize) -> &str {
        self.folded.get(i)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    /// A French elided word with its apostrophe: `l’`, `d'`, `qu’`.
    pub(crate) fn is_elision(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Elision
    }

    /// A word that starts with a capital letter.
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).starts_with(char::is_uppercase)
    }

    /// A word in lower case throughout.
    pub(crate) fn is_lower(&self, i: usize) -> bool {
        self.is_word(i) && !self.raw(i).chars().any(char::is_uppercase)
    }
}
