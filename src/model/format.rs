//! The model file: a small binary format, read with every bound checked so
//! that a damaged file gives an error, never a panic.
//!
//! ```text
//! "NLMODEL" 3                 magic and format version
//! lang                        u8 length, ASCII code
//! reported                    u8: bit t set when the model reports named type t (PER LOC ORG MISC)
//! gazetteer signature         u64
//! words                       u32 count; each: u8 length, UTF-8 fold key, u8 caps prior,
//!                             u16 class in each of the three clusterings, u8 web caps prior,
//!                             u8 web Zipf frequency, u16 vector class in each of the three clusterings,
//!                             u8 news prior
//! scale                       f32: a weight is its integer times scale
//! features                    u32 count; each, by increasing key: varint key delta,
//!                             varint tag mask, one zigzag varint per tag in the mask
//! ```
//! Numbers are little-endian.

use super::lexicon::{WordIndex, WordInfo, WordTable};
use super::table::{Row, WeightTable};
use super::tags::N_TAGS;
use crate::error::{Error, ErrorKind};

const MAGIC: &[u8] = b"NLMODEL\x03";

/// A model's parts, as stored: its words as training builds them
/// (`WordTable`, to write) or as tagging reads them (`WordIndex`).
pub(crate) struct Parts<Words = WordTable> {
    pub lang: String,
    /// Bit `t`: the model reports names of type `TYPES[t]`. A type the
    /// model cannot tell well enough to be worth a reader's attention is
    /// still learned (it keeps its mentions from other types) but not shown.
    pub reported: u8,
    pub gazetteer_signature: u64,
    pub words: Words,
    pub weights: WeightTable,
}

#[cfg(any(test, feature = "train"))]
pub(crate) fn write(parts: &Parts) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(parts.lang.len() as u8);
    out.extend_from_slice(parts.lang.as_bytes());
    out.push(parts.reported);
    out.extend_from_slice(&parts.gazetteer_signature.to_le_bytes());
    out.extend_from_slice(&parts.weights.scale.to_le_bytes());
    let mut words: Vec<(&String, &WordInfo)> = parts.words.iter().filter(|(w, _)| w.len() < 256).collect();
    words.sort_by(|a, b| a.0.cmp(b.0));
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    for (word, info) in words {
        out.push(word.len() as u8);
        out.extend_from_slice(word.as_bytes());
        out.extend_from_slice(&info.to_bytes());
    }
    let mut features: Vec<(u32, &Row)> = parts.weights.entries().collect();
    features.sort_by_key(|(k, _)| *k);
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    let mut last = 0u32;
    for (key, row) in features {
        varint(&mut out, u64::from(key - last));
        last = key;
        let mask = row.iter().enumerate().filter(|(_, &w)| w != 0).fold(0u64, |m, (i, _)| m | 1 << i);
        varint(&mut out, mask);
        for &w in row.iter().filter(|&&w| w != 0) {
            // Zigzag: small weights of either sign take one byte.
            varint(&mut out, (((w as i32) << 1) ^ ((w as i32) >> 31)) as u32 as u64);
        }
    }
    out
}

#[cfg(any(test, feature = "train"))]
fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn read(bytes: &[u8]) -> Result<Parts<WordIndex>, Error> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(r.error("not a newslens model (bad magic or version)"));
    }
    let len = r.u8()? as usize;
    let lang = r.string(len)?;
    let reported = r.u8()?;
    let gazetteer_signature = u64::from_le_bytes(r.array()?);
    let scale = f32::from_le_bytes(r.array()?);
    if !(scale > 0.0 && scale.is_finite()) {
        return Err(r.error("bad scale"));
    }
    let n_words = u32::from_le_bytes(r.array()?) as usize;
    // The word records are checked, then kept as they lie.
    let first = r.at;
    let mut words = WordRecords { starts: Vec::with_capacity(n_words.min(bytes.len() / (1 + WordInfo::BYTES))), last: None, in_order: true };
    in_chunks(n_words, |n| words.read(&mut r, first, n))?;
    let words = WordIndex::from_records(bytes[first..r.at].to_vec(), words.starts, words.in_order);
    let n_features = u32::from_le_bytes(r.array()?) as usize;
    // A feature takes two bytes at least.
    let mut weights = WeightTable::with_capacity(n_features.min(bytes.len() / 2), scale);
    let mut key = 0;
    in_chunks(n_features, |n| read_features(&mut r, n, &mut key, &mut weights))?;
    if r.at != bytes.len() {
        return Err(r.error("trailing bytes"));
    }
    Ok(Parts { lang, reported, gazetteer_signature, words, weights })
}

/// How many records one call reads. V8 runs a wasm function's first calls
/// in its baseline compiler and swaps in optimised code between calls,
/// never during one: read in one call, a model's 100,000 records would all
/// be read by the slow code.
const CHUNK: usize = 1024;

/// Reads `n` records, `read(k)` reading the next `k` in a call.
fn in_chunks(n: usize, mut read: impl FnMut(usize) -> Result<(), Error>) -> Result<(), Error> {
    let mut left = n;
    while left > 0 {
        let k = left.min(CHUNK);
        read(k)?;
        left -= k;
    }
    Ok(())
}

/// The word records of a model file, as they are checked.
struct WordRecords<'b> {
    /// Where each starts, from the first.
    starts: Vec<u32>,
    /// The last key read.
    last: Option<&'b [u8]>,
    /// Whether the keys so far increase.
    in_order: bool,
}

impl<'b> WordRecords<'b> {
    /// Checks the next `n` records, the first of all lying at `first`. Keys
    /// are not checked to be UTF-8: they are only compared, as bytes, with
    /// the words of a text, so that a damaged key can only fail to match.
    #[inline(never)]
    fn read(&mut self, r: &mut Reader<'b>, first: usize, n: usize) -> Result<(), Error> {
        for _ in 0..n {
            self.starts.push((r.at - first) as u32);
            let len = r.u8()? as usize;
            let key = r.take(len)?;
            if !WordInfo::valid_bytes(&r.array()?) {
                return Err(r.error("bad capitalisation prior"));
            }
            self.in_order &= self.last.is_none_or(|last| last < key);
            self.last = Some(key);
        }
        Ok(())
    }
}

/// Reads `n` features into `weights`, `key` being the last read.
#[inline(never)]
fn read_features(r: &mut Reader, n: usize, key: &mut u32, weights: &mut WeightTable) -> Result<(), Error> {
    for _ in 0..n {
        let delta = r.varint()?;
        *key = u32::try_from(u64::from(*key) + delta).map_err(|_| r.error("feature key out of range"))?;
        let mask = r.varint()?;
        if mask >> N_TAGS != 0 {
            return Err(r.error("tag mask out of range"));
        }
        let mut row: Row = [0; N_TAGS];
        let mut tags = mask;
        while tags != 0 {
            let z = r.varint()?;
            let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
            row[tags.trailing_zeros() as usize] = i16::try_from(v).map_err(|_| r.error("weight out of range"))?;
            tags &= tags - 1;
        }
        weights.insert(*key, row);
    }
    Ok(())
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn error(&self, reason: &str) -> Error {
        Error::new(ErrorKind::Model(format!("{reason} at byte {}", self.at)))
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8], Error> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| self.error("truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn str(&mut self, len: usize) -> Result<&'b str, Error> {
        let at = self.at;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::Model(format!("text is not UTF-8 at byte {at}"))))
    }

    fn string(&mut self, len: usize) -> Result<String, Error> {
        Ok(self.str(len)?.to_string())
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }

    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    #[inline]
    fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(self.cold_error("truncated"));
            };
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(self.cold_error("varint too long"))
    }

    /// `error`, kept out of the loop that reads the weights.
    #[cold]
    #[inline(never)]
    fn cold_error(&self, reason: &str) -> Error {
        self.error(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::{CapsPrior, WebInfo};

    fn row() -> Row {
        let mut row = [0; N_TAGS];
        row[3] = -5;
        row[16] = 32767;
        row[0] = -32767;
        row
    }

    fn paris() -> WordInfo {
        let web = WebInfo { caps: CapsPrior::MostlyCapitalised, zipf: 5, clusters: [1, 2, 0xCAFE] };
        WordInfo { caps: CapsPrior::Capitalised, clusters: [3, 0xBEEF, 9], web, news: crate::model::lexicon::NewsPrior(7) }
    }

    fn sample() -> Parts {
        let mut words = WordTable::default();
        words.insert("paris".into(), paris());
        let weights = WeightTable::new(vec![(42, row()), (7, [1; N_TAGS])], 0.25);
        Parts { lang: "fr".into(), reported: 0b0111, gazetteer_signature: 99, words, weights }
    }

    #[test]
    fn round_trip() {
        let bytes = write(&sample());
        let back = read(&bytes).unwrap();
        assert_eq!((back.lang.as_str(), back.gazetteer_signature, back.weights.scale), ("fr", 99, 0.25));
        assert_eq!(back.words.get("paris"), Some(paris()));
        assert_eq!(back.reported, 0b0111);
        assert_eq!(back.weights.get(42), Some(&row()));
        assert_eq!(back.weights.get(7), Some(&[1; N_TAGS]));
        assert_eq!(write(&sample()), bytes, "writing is deterministic");
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let bytes = write(&sample());
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert!(read(&bad).err().unwrap().to_string().contains("not a newslens model"));
        let mut long = bytes;
        long.push(0);
        assert!(read(&long).is_err());
    }
}
