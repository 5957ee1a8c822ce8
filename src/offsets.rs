//! Byte offsets into other units: Unicode code points (the command line's
//! JSON, Python strings) and UTF-16 code units (JavaScript and the DOM).
//!
//! The core counts in bytes; each edge converts once, with an
//! [`OffsetMapper`] walking the text forward so that converting all the
//! entities of a page costs one pass.

/// A unit that offsets can be counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values, as Rust's `chars()` and Python's `str` count.
    CodePoint,
    /// UTF-16 code units, as JavaScript strings count.
    Utf16,
}

/// Converts byte offsets of one text to another [`Unit`]. Offsets asked in
/// increasing order cost one pass over the text in all; an offset smaller
/// than the previous one restarts from the beginning.
///
/// ```
/// use newslens::offsets::{OffsetMapper, Unit};
/// let text = "é😀x";
/// let mut m = OffsetMapper::new(text, Unit::Utf16);
/// assert_eq!(m.convert(2), 1); // after "é"
/// assert_eq!(m.convert(6), 3); // after the emoji, a surrogate pair
/// let mut m = OffsetMapper::new(text, Unit::CodePoint);
/// assert_eq!(m.convert(6), 2);
/// ```
#[derive(Clone, Debug)]
pub struct OffsetMapper<'t> {
    text: &'t str,
    unit: Unit,
    byte: usize,
    units: usize,
}

impl<'t> OffsetMapper<'t> {
    /// A mapper for `text`.
    pub fn new(text: &'t str, unit: Unit) -> OffsetMapper<'t> {
        OffsetMapper { text, unit, byte: 0, units: 0 }
    }

    /// The offset in the mapper's unit of byte offset `byte`.
    ///
    /// # Panics
    ///
    /// When `byte` is past the end of the text or not on a character
    /// boundary.
    pub fn convert(&mut self, byte: usize) -> usize {
        assert!(self.text.is_char_boundary(byte), "byte offset {byte} is not a character boundary");
        if byte < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        let span = &self.text[self.byte..byte];
        self.units += match self.unit {
            Unit::CodePoint => span.chars().count(),
            Unit::Utf16 => span.chars().map(char::len_utf16).sum(),
        };
        self.byte = byte;
        self.units
    }
}

/// The byte offset of the `units`-th unit of `text`, counting in `unit`;
/// `None` when it falls inside a character or past the end.
pub fn to_byte(text: &str, unit: Unit, units: usize) -> Option<usize> {
    let mut count = 0;
    for (byte, c) in text.char_indices() {
        if count == units {
            return Some(byte);
        }
        if count > units {
            return None;
        }
        count += match unit {
            Unit::CodePoint => 1,
            Unit::Utf16 => c.len_utf16(),
        };
    }
    (count == units).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = "Al-Qaïm 😀 d’Irak\u{301}";
        for unit in [Unit::CodePoint, Unit::Utf16] {
            let mut m = OffsetMapper::new(text, unit);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let u = m.convert(byte);
                assert_eq!(to_byte(text, unit, u), Some(byte), "{unit:?} at byte {byte}");
            }
        }
    }

    #[test]
    fn backwards_restarts() {
        let mut m = OffsetMapper::new("aéb", Unit::CodePoint);
        assert_eq!(m.convert(4), 3);
        assert_eq!(m.convert(1), 1);
    }

    #[test]
    fn inside_a_surrogate_pair_is_none() {
        assert_eq!(to_byte("😀", Unit::Utf16, 1), None);
        assert_eq!(to_byte("ab", Unit::CodePoint, 3), None);
    }
}
