//! Progress on stderr for long work, shown only when stderr is a terminal
//! so that logs and pipes stay clean.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Redraws one status line at most a few times a second.
pub struct Progress {
    enabled: bool,
    last: Instant,
    drawn: bool,
}

const EVERY: Duration = Duration::from_millis(250);

impl Progress {
    /// A progress line, drawn only if stderr is a terminal.
    pub fn new() -> Progress {
        Progress { enabled: std::io::stderr().is_terminal(), last: Instant::now(), drawn: false }
    }

    /// Redraws the line with `status()` if enough time has passed since the
    /// last redraw; `status` is not called otherwise.
    pub fn tick(&mut self, status: impl FnOnce() -> String) {
        if self.enabled && self.last.elapsed() >= EVERY {
            self.last = Instant::now();
            self.drawn = true;
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{}", status());
            let _ = err.flush();
        }
    }

    /// A milestone of long work: a line of its own on stderr, when stderr
    /// is a terminal.
    pub fn line(&mut self, message: &str) {
        if self.enabled {
            eprintln!("\r\x1b[2K{message}");
        }
    }

    /// Ends the line with a final status, if a line was drawn.
    pub fn finish(&mut self, status: impl FnOnce() -> String) {
        if self.drawn {
            eprintln!("\r\x1b[2K{}", status());
            self.drawn = false;
        }
    }
}
