//! A word's shape ("Xxxx", "x-Xx"): what its letters look like, with
//! runs cut short, a feature of every word the tagger reads.

/// A word's shape, kept inline: each capital becomes X, each lower-case
/// letter x, each digit d, another letter a, anything else itself; runs
/// are cut at three (`long`) or one (`short`). "al-Abadi" is xx-Xxxx, x-Xx.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Shape {
    bytes: [u8; 24],
    len: u8,
}

/// Lower-case words that may open a person's name ("de Gaulle", "von
/// Moltke"). They get a shape of their own, "p": without it, every
/// lower-case word after a title looked like the start of a name.
const PARTICLES: &[&str] =
    &["de", "d'", "d’", "du", "von", "van", "der", "den", "ter", "ten", "da", "di", "do", "dos", "das", "del", "della", "bin", "ben", "ibn", "abu"];

impl Shape {
    pub(crate) fn of(word: &str, run_limit: usize) -> Shape {
        let mut shape = Shape { bytes: [0; 24], len: 0 };
        if PARTICLES.contains(&word) {
            shape.bytes[0] = b'p';
            shape.len = 1;
            return shape;
        }
        let mut last = '\0';
        let mut run = 0;
        for c in word.chars() {
            let s = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            run = if s == last { run + 1 } else { 1 };
            last = s;
            let len = usize::from(shape.len);
            if run <= run_limit && len + s.len_utf8() <= shape.bytes.len() {
                s.encode_utf8(&mut shape.bytes[len..]);
                shape.len += s.len_utf8() as u8;
            }
        }
        shape
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

#[cfg(test)]
mod tests {
    use super::Shape;

    #[test]
    fn shapes() {
        let cases = [
            ("Paris", "Xxxx", "Xx"),
            ("EI", "XX", "X"),
            ("al-Abadi", "xx-Xxxx", "x-Xx"),
            ("1.500", "d.ddd", "d.d"),
            ("G7", "Xd", "Xd"),
            ("l’Été", "x’Xxx", "x’Xx"),
        ];
        for (word, long, short) in cases {
            assert_eq!(Shape::of(word, 3).as_bytes(), long.as_bytes(), "{word}");
            assert_eq!(Shape::of(word, 1).as_bytes(), short.as_bytes(), "{word}");
        }
        assert_eq!(Shape::of(&"Ab".repeat(40), 3).as_bytes().len(), 24, "long words are cut, not grown");
        assert_eq!(Shape::of("de", 1).as_bytes(), b"p");
        assert_eq!(Shape::of("De", 1).as_bytes(), b"Xx", "a capitalised De opens a sentence");
    }
}
