//! The one error type of the crate, opaque on purpose: callers match on
//! nothing but its message, so its inner kinds can grow freely.

use std::fmt;

/// Why an [`Extractor`](crate::Extractor) could not be built, or why a
/// request to it was refused before any work began.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
pub(crate) enum ErrorKind {
    /// A language code that is neither ISO 639-1 nor ISO 639-3.
    UnknownLanguage(String),
    /// A model file that does not parse, or does not fit this build.
    Model(String),
    /// A reader's correction that is malformed.
    Lexicon(String),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Model(reason) => write!(f, "bad model: {reason}"),
            ErrorKind::Lexicon(reason) => write!(f, "bad lexicon: {reason}"),
            ErrorKind::UnknownLanguage(code) => write!(f, "unknown language code {code:?} (expected an ISO 639-1 code such as \"fr\" or \"en\")"),
        }
    }
}

impl std::error::Error for Error {}
