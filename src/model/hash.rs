//! The feature hash: the same 64 bits natively and in wasm, so a model
//! trained on one runs on the other.

/// FxHash's mixing step (rustc-hash), on 64-bit words read little-endian.
const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(K)
}

#[inline]
fn mix_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    // The length keeps "ab" + "" apart from "a" + "b".
    mix(mix(h, u64::from_le_bytes(last)), bytes.len() as u64)
}

/// The hash of a feature: its template, a small integer (an offset, a
/// label), and up to two strings.
#[inline]
pub(crate) fn feature(template: u8, small: u8, a: &[u8], b: &[u8]) -> u64 {
    let h = mix(0, u64::from(template) << 8 | u64::from(small));
    let h = mix_bytes(h, a);
    let h = if b.is_empty() { h } else { mix_bytes(h, b) };
    // A final avalanche so that the low bits, used for table slots, depend
    // on every input bit.
    let h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::feature;

    #[test]
    fn distinct_inputs_distinct_hashes() {
        let hashes = [
            feature(1, 0, b"ab", b""),
            feature(1, 0, b"a", b"b"),
            feature(1, 1, b"ab", b""),
            feature(2, 0, b"ab", b""),
            feature(1, 0, b"abcdefghi", b""),
            feature(1, 0, b"abcdefgh", b"i"),
        ];
        for (i, a) in hashes.iter().enumerate() {
            for b in &hashes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    /// Models on disk depend on the exact values: a change here must
    /// retrain every model.
    const PINNED: u64 = 8_812_323_898_043_573_753;

    #[test]
    fn stable_across_builds() {
        assert_eq!(feature(3, 1, b"paris", b""), PINNED);
    }
}
