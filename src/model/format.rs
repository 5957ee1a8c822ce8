//! The model file: a small binary format, read with every bound checked so
//! that a damaged file gives an error, never a panic.
//!
//! ```text
//! "NLMODEL" 4                 magic and format version
//! lang                        u8 length, ASCII code
//! reported                    u8: bit t set when the model reports named type t (PER LOC ORG MISC)
//! gazetteer signature         u64
//! scale                       f32: a weight is its integer times scale
//! words                       u32 count; then each word's UTF-8 fold key, by increasing key,
//!                             front-coded: u8 bytes shared with the previous key, u8 bytes
//!                             that follow, those bytes; then the words' information by
//!                             column: byte 0 of every word's byte form, then byte 1, and so
//!                             on (`WordInfo::to_bytes`: u8 caps prior, u16 class in each of
//!                             the three clusterings, u8 web caps prior, u8 web Zipf
//!                             frequency, u16 vector class in each clustering, u8 news prior)
//! features                    u32 count; each, by increasing key: varint key delta,
//!                             varint tag mask, one zigzag varint per tag in the mask
//! ```
//! Numbers are little-endian.

use super::lexicon::{WordIndex, WordInfo, WordTable};
use super::table::{Row, WeightTable};
use super::tags::N_TAGS;
use crate::error::{Error, ErrorKind};

const MAGIC: &[u8] = b"NLMODEL\x04";

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
    // Sorted keys share long prefixes, and a column of one kind of byte
    // compresses far better than records mixing them: the word table of
    // each model is 17–23% smaller gzipped than as records.
    let mut last: &[u8] = &[];
    for (word, _) in &words {
        let word = word.as_bytes();
        let shared = last.iter().zip(word).take_while(|(a, b)| a == b).count();
        out.extend_from_slice(&[shared as u8, (word.len() - shared) as u8]);
        out.extend_from_slice(&word[shared..]);
        last = word;
    }
    let infos: Vec<[u8; WordInfo::BYTES]> = words.iter().map(|(_, info)| info.to_bytes()).collect();
    for column in 0..WordInfo::BYTES {
        out.extend(infos.iter().map(|info| info[column]));
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
    // A word takes two bytes of key and its information at least: a count
    // the rest of the file cannot hold is refused before anything is built,
    // so that the records (a key of up to 255 bytes each, front-coded in
    // two) stay within a small multiple of the file's size.
    if n_words.checked_mul(2 + WordInfo::BYTES).is_none_or(|least| least > bytes.len() - r.at) {
        return Err(r.error("truncated word table"));
    }
    let mut words = WordRecords { records: Vec::new(), starts: Vec::with_capacity(n_words), in_order: true };
    in_chunks(n_words, |n| words.read_keys(&mut r, n))?;
    let columns_at = r.at;
    let columns = r.take(n_words * WordInfo::BYTES)?;
    let mut done = 0;
    in_chunks(n_words, |n| {
        words
            .fill(columns, done..done + n)
            .map_err(|i| Error::new(ErrorKind::Model(format!("bad information of word {i} in the columns at byte {columns_at}"))))?;
        done += n;
        Ok(())
    })?;
    let words = WordIndex::from_records(words.records, words.starts, words.in_order);
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

/// A model file's words as records (u8 key length, the key, the
/// `WordInfo` byte form: `WordIndex`'s layout), as they are read.
struct WordRecords {
    records: Vec<u8>,
    /// Where each record starts.
    starts: Vec<u32>,
    /// Whether the keys so far increase.
    in_order: bool,
}

impl WordRecords {
    /// Reads the next `n` front-coded keys, each into a record whose
    /// information `fill` writes. Keys are not checked to be UTF-8: they are
    /// only compared, as bytes, with the words of a text, so that a damaged
    /// key can only fail to match.
    #[inline(never)]
    fn read_keys(&mut self, r: &mut Reader, n: usize) -> Result<(), Error> {
        for _ in 0..n {
            let [shared, new] = r.array()?;
            let last = self.starts.last().map_or(0..0, |&start| start as usize + 1..start as usize + 1 + usize::from(self.records[start as usize]));
            if usize::from(shared) > last.len() || usize::from(shared) + usize::from(new) > usize::from(u8::MAX) {
                return Err(r.error("bad word key"));
            }
            let first = self.starts.is_empty();
            let start = self.records.len();
            self.starts.push(u32::try_from(start).map_err(|_| r.error("word table too large"))?);
            self.records.push(shared + new);
            self.records.extend_from_within(last.start..last.start + usize::from(shared));
            self.records.extend_from_slice(r.take(usize::from(new))?);
            self.in_order &= first || self.records[last] < self.records[start + 1..];
            self.records.extend_from_slice(&[0; WordInfo::BYTES]);
        }
        Ok(())
    }

    /// Writes the information of the words `which` from `columns` (byte `j`
    /// of every word's, then byte `j + 1`), checking it; the index of the
    /// first word whose information is not valid is the error.
    #[inline(never)]
    fn fill(&mut self, columns: &[u8], which: std::ops::Range<usize>) -> Result<(), usize> {
        let n = self.starts.len();
        for i in which {
            let start = self.starts[i] as usize;
            let at = start + 1 + usize::from(self.records[start]);
            let info = &mut self.records[at..at + WordInfo::BYTES];
            for (j, byte) in info.iter_mut().enumerate() {
                *byte = columns[j * n + i];
            }
            if !WordInfo::valid_bytes(&(&*info).try_into().expect("a record's information")) {
                return Err(i);
            }
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
    fn keys_sharing_prefixes_round_trip() {
        let mut parts = sample();
        let keys = ["pari", "paris", "parisien", "parisienne", "zèbre", "a"];
        for (k, key) in keys.iter().enumerate() {
            let mut info = paris();
            info.web.zipf = k as u8;
            parts.words.insert((*key).into(), info);
        }
        let back = read(&write(&parts)).unwrap();
        for (k, key) in keys.iter().enumerate() {
            assert_eq!(back.words.get(key).map(|info| info.web.zipf), Some(k as u8), "{key}");
        }
        assert_eq!(back.words.get("par"), None);
        assert_eq!(back.words.get("parisiens"), None);
    }

    #[test]
    fn a_key_sharing_more_than_the_previous_one_has_is_an_error() {
        let bytes = write(&sample());
        // The first key's "bytes shared" lies after the word count.
        let first_key = MAGIC.len() + 1 + 2 + 1 + 8 + 4 + 4;
        assert_eq!(&bytes[first_key..first_key + 2], &[0, 5]);
        let mut bad = bytes;
        bad[first_key] = 1;
        assert!(read(&bad).err().unwrap().to_string().contains("bad word key"));
    }

    #[test]
    fn bad_word_tables_are_errors() {
        let first_key = MAGIC.len() + 1 + 2 + 1 + 8 + 4 + 4;
        // The sample's one word, "paris", takes 2 + 5 bytes of key; the
        // columns follow, the caps prior first.
        let mut bad = write(&sample());
        bad[first_key + 7] = 9;
        assert!(read(&bad).err().unwrap().to_string().contains("bad information of word 0"));
        // "pari" then "paris": the second key shares 4 bytes and adds 1;
        // adding 255 would make a key longer than any.
        let mut parts = sample();
        parts.words.insert("pari".into(), paris());
        let mut bad = write(&parts);
        assert_eq!(&bad[first_key + 6..first_key + 9], &[4, 1, b's']);
        bad[first_key + 7] = 255;
        assert!(read(&bad).err().unwrap().to_string().contains("bad word key"));
        // A count of words the file cannot hold is refused before any is read.
        let mut many = write(&sample());
        many[first_key - 4..first_key].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(read(&many).err().unwrap().to_string().contains("truncated word table"));
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
