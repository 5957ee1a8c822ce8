//! A text prepared for tagging: its tokens, their fold keys and its
//! sentences, computed once and shared by every recogniser.

use crate::text::{sentences, tokenize, FoldedTokens, Token, TokenKind};
use std::ops::Range;

pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub folded: FoldedTokens,
    /// Sentences as ranges of token indices.
    pub sentences: Vec<Range<usize>>,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(text: &'t str) -> Doc<'t> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut folded = FoldedTokens::default();
        folded.fill(text, &tokens);
        let sentences = sentences(text, &tokens);
        Doc { text, tokens, folded, sentences }
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

    /// A word that starts with a capital letter.
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).starts_with(char::is_uppercase)
    }

    /// A word in lower case throughout.
    pub(crate) fn is_lower(&self, i: usize) -> bool {
        self.is_word(i) && !self.raw(i).chars().any(char::is_uppercase)
    }
}
