//! Text into tokens and sentences, with byte offsets into the original.
//!
//! Tokenisation follows the conventions of the CoNLL corpora newslens learns
//! from: hyphenated words stay whole (`Al-Qaïm`, `sud-est`), a French elided
//! article is a token of its own with its apostrophe (`l'` `EI`, `d'`
//! `Al-Qaïm`, either `'` or `’`), an English possessive is split off
//! (`Reuters` `'s`), and a number keeps its separators (`1.500`, `3,5`).

mod fold;
mod sentences;
mod tokenize;

pub use fold::{fold_into, fold_key, FoldedTokens};
pub use sentences::sentences;
pub use tokenize::{tokenize, Token, TokenKind};
