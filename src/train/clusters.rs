//! Word classes learned from unlabelled text by the exchange algorithm
//! (Kneser and Ney, 1993; Martin, Liermann and Ney, 1998): each word moves
//! to the class that most raises the likelihood of a class-bigram model of
//! the text, until no move helps. Like Brown clusters (Ratinov and Roth,
//! 2009), the classes group words that occur in similar contexts: a rare
//! surname lands beside common ones, a town beside towns.

use std::collections::HashMap;

/// Class ids (from 1) for each word of `vocabulary`, for `classes` classes.
///
/// `text` is the corpus as word ids, with `boundary` between sentences;
/// ids at or past `vocabulary` (rare words) take part as context only,
/// in one fixed class of their own.
pub fn exchange(text: &[u32], vocabulary: usize, boundary: u32, classes: usize, passes: usize) -> Vec<u16> {
    assert!(classes >= 2 && classes < u16::MAX as usize);
    let other = classes; // the class of rare words and boundaries, never moved
    let n_classes = classes + 1;
    // Words by frequency; the most frequent spread round-robin.
    let mut freq = vec![0u64; vocabulary];
    for &w in text {
        if (w as usize) < vocabulary {
            freq[w as usize] += 1;
        }
    }
    let mut by_freq: Vec<usize> = (0..vocabulary).collect();
    by_freq.sort_by_key(|&w| std::cmp::Reverse(freq[w]));
    let mut class_of = vec![0usize; vocabulary];
    for (rank, &w) in by_freq.iter().enumerate() {
        class_of[w] = rank % classes;
    }
    let class = |w: u32, class_of: &[usize]| {
        if (w as usize) < vocabulary && w != boundary {
            class_of[w as usize]
        } else {
            other
        }
    };

    // Each word's neighbours: word id → count, on the left and on the right.
    let mut left: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocabulary];
    let mut right: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocabulary];
    for pair in text.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (b as usize) < vocabulary {
            *left[b as usize].entry(a).or_default() += 1;
        }
        if (a as usize) < vocabulary {
            *right[a as usize].entry(b).or_default() += 1;
        }
    }
    // Class bigram counts and the class marginals on each side.
    let mut bigram = vec![0i64; n_classes * n_classes];
    let mut as_left = vec![0i64; n_classes];
    let mut as_right = vec![0i64; n_classes];
    for pair in text.windows(2) {
        let (a, b) = (class(pair[0], &class_of), class(pair[1], &class_of));
        bigram[a * n_classes + b] += 1;
        as_left[a] += 1;
        as_right[b] += 1;
    }
    let xlogx = |x: i64| {
        if x > 0 {
            x as f64 * (x as f64).ln()
        } else {
            0.0
        }
    };

    let mut left_by_class = vec![0i64; n_classes];
    let mut right_by_class = vec![0i64; n_classes];
    for _ in 0..passes {
        let mut moved = 0;
        for &w in &by_freq {
            let from = class_of[w];
            // The word's bigrams by neighbour class, its own bigrams apart.
            let mut self_pairs = 0i64;
            let mut touched = Vec::new();
            for (&a, &n) in &left[w] {
                if a as usize == w {
                    self_pairs += i64::from(n);
                    continue;
                }
                let c = class(a, &class_of);
                if left_by_class[c] == 0 && right_by_class[c] == 0 {
                    touched.push(c);
                }
                left_by_class[c] += i64::from(n);
            }
            for (&b, &n) in &right[w] {
                if b as usize == w {
                    continue;
                }
                let c = class(b, &class_of);
                if left_by_class[c] == 0 && right_by_class[c] == 0 {
                    touched.push(c);
                }
                right_by_class[c] += i64::from(n);
            }
            let out_count: i64 = right[w].values().map(|&n| i64::from(n)).sum();
            let in_count: i64 = left[w].values().map(|&n| i64::from(n)).sum();
            // Take the word out of its class.
            apply(&mut bigram, &mut as_left, &mut as_right, n_classes, from, -1, &touched, &left_by_class, &right_by_class, self_pairs, out_count, in_count);
            // The gain of putting it in class k: only row k, column k and
            // the marginals of k change.
            let gain = |k: usize, bigram: &[i64], as_left: &[i64], as_right: &[i64]| {
                let mut delta = 0.0;
                for &c in &touched {
                    if c == k {
                        continue;
                    }
                    let (l, r) = (left_by_class[c], right_by_class[c]);
                    if l > 0 {
                        delta += xlogx(bigram[c * n_classes + k] + l) - xlogx(bigram[c * n_classes + k]);
                    }
                    if r > 0 {
                        delta += xlogx(bigram[k * n_classes + c] + r) - xlogx(bigram[k * n_classes + c]);
                    }
                }
                let kk = left_by_class[k] + right_by_class[k] + self_pairs;
                delta += xlogx(bigram[k * n_classes + k] + kk) - xlogx(bigram[k * n_classes + k]);
                delta -= xlogx(as_left[k] + out_count) - xlogx(as_left[k]);
                delta -= xlogx(as_right[k] + in_count) - xlogx(as_right[k]);
                delta
            };
            let mut best = (from, gain(from, &bigram, &as_left, &as_right));
            for k in 0..classes {
                if k != from {
                    let g = gain(k, &bigram, &as_left, &as_right);
                    if g > best.1 + 1e-9 {
                        best = (k, g);
                    }
                }
            }
            apply(&mut bigram, &mut as_left, &mut as_right, n_classes, best.0, 1, &touched, &left_by_class, &right_by_class, self_pairs, out_count, in_count);
            if best.0 != from {
                class_of[w] = best.0;
                moved += 1;
            }
            for &c in &touched {
                left_by_class[c] = 0;
                right_by_class[c] = 0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class_of.iter().map(|&c| c as u16 + 1).collect()
}

/// Adds (`sign` 1) or removes (−1) a word's counts to or from class `k`.
#[allow(clippy::too_many_arguments)]
fn apply(
    bigram: &mut [i64],
    as_left: &mut [i64],
    as_right: &mut [i64],
    n: usize,
    k: usize,
    sign: i64,
    touched: &[usize],
    left_by_class: &[i64],
    right_by_class: &[i64],
    self_pairs: i64,
    out_count: i64,
    in_count: i64,
) {
    for &c in touched {
        if c == k {
            continue;
        }
        bigram[c * n + k] += sign * left_by_class[c];
        bigram[k * n + c] += sign * right_by_class[c];
    }
    bigram[k * n + k] += sign * (left_by_class[k] + right_by_class[k] + self_pairs);
    as_left[k] += sign * out_count;
    as_right[k] += sign * in_count;
}

#[cfg(test)]
mod tests {
    use super::exchange;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // Two kinds of words in two kinds of frames: "the X ran", "in Y now".
        let (the, ran, inn, now, b) = (0u32, 1, 2, 3, 99);
        let animals = [4u32, 5, 6];
        let places = [7u32, 8, 9];
        let mut text = Vec::new();
        for round in 0..30 {
            text.extend([the, animals[round % 3], ran, b]);
            text.extend([inn, places[round % 3], now, b]);
        }
        let classes = exchange(&text, 10, b, 6, 20);
        assert!(animals.iter().all(|&a| classes[a as usize] == classes[4]), "{classes:?}");
        assert!(places.iter().all(|&p| classes[p as usize] == classes[7]), "{classes:?}");
        assert_ne!(classes[4], classes[7]);
    }
}
