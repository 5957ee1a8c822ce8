//! The one error of training and evaluation, opaque like the crate's
//! [`Error`](crate::Error): callers show its message, which names the file
//! (and line) at fault, and match on nothing else.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why training or evaluation refused to start or could not go on.
#[derive(Debug)]
pub struct TrainError {
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// A file that could not be read.
    Read { path: PathBuf, source: std::io::Error },
    /// Content that does not parse; `at` is `path` or `path:line`.
    Content { at: String, reason: String },
    /// A test file, refused: its scores are how the project is judged.
    TestFile { path: PathBuf, copy_of: Option<String> },
    /// Options that cannot give a model.
    Options(String),
    /// The core refused its gazetteers or the model just trained.
    Core(crate::Error),
}

impl TrainError {
    pub(crate) fn read(path: &Path, source: std::io::Error) -> TrainError {
        TrainError { kind: Kind::Read { path: path.to_path_buf(), source } }
    }

    pub(crate) fn content(at: impl Into<String>, reason: impl Into<String>) -> TrainError {
        TrainError { kind: Kind::Content { at: at.into(), reason: reason.into() } }
    }

    pub(crate) fn test_file(path: &Path, copy_of: Option<&str>) -> TrainError {
        TrainError { kind: Kind::TestFile { path: path.to_path_buf(), copy_of: copy_of.map(str::to_string) } }
    }

    pub(crate) fn options(reason: impl Into<String>) -> TrainError {
        TrainError { kind: Kind::Options(reason.into()) }
    }
}

impl From<crate::Error> for TrainError {
    fn from(e: crate::Error) -> TrainError {
        TrainError { kind: Kind::Core(e) }
    }
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Kind::Content { at, reason } => write!(f, "{at}: {reason}"),
            Kind::TestFile { path, copy_of } => {
                let what = copy_of.as_ref().map_or(String::new(), |n| format!(" (the content of {n})"));
                write!(f, "refusing to read {}{what}: test files are for reporting only, never for training or tuning", path.display())
            }
            Kind::Options(reason) => f.write_str(reason),
            Kind::Core(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TrainError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            Kind::Read { source, .. } => Some(source),
            Kind::Core(e) => Some(e),
            _ => None,
        }
    }
}
