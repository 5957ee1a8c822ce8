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
    let classing = Classing { vocabulary, boundary, other: classes };
    let neighbours = Neighbours::of(text, vocabulary);
    let mut counts = ClassCounts::of(text, classes + 1, |w| classing.class(w, &class_of));
    let mut word = WordCounts::new(classes + 1);
    for _ in 0..passes {
        let mut moved = 0;
        for &w in &by_freq {
            let from = class_of[w];
            word.gather(w, &neighbours, |v| classing.class(v, &class_of));
            counts.apply(from, -1, &word);
            let mut best = (from, counts.gain(from, &word));
            for k in (0..classes).filter(|&k| k != from) {
                let g = counts.gain(k, &word);
                if g > best.1 + 1e-9 {
                    best = (k, g);
                }
            }
            counts.apply(best.0, 1, &word);
            if best.0 != from {
                class_of[w] = best.0;
                moved += 1;
            }
            word.clear();
        }
        if moved == 0 {
            break;
        }
    }
    class_of.iter().map(|&c| c as u16 + 1).collect()
}

/// Which class a word id stands in: its own, or `other` for rare words
/// and sentence boundaries (never moved).
struct Classing {
    vocabulary: usize,
    boundary: u32,
    other: usize,
}

impl Classing {
    fn class(&self, w: u32, class_of: &[usize]) -> usize {
        if (w as usize) < self.vocabulary && w != self.boundary {
            class_of[w as usize]
        } else {
            self.other
        }
    }
}

/// Each word's neighbours in the text: word id → count, on each side.
struct Neighbours {
    left: Vec<HashMap<u32, u32>>,
    right: Vec<HashMap<u32, u32>>,
}

impl Neighbours {
    fn of(text: &[u32], vocabulary: usize) -> Neighbours {
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
        Neighbours { left, right }
    }
}

/// The class-bigram model: bigram counts and each class's marginals as
/// the left and as the right of a pair.
struct ClassCounts {
    n: usize,
    bigram: Vec<i64>,
    as_left: Vec<i64>,
    as_right: Vec<i64>,
}

/// One word's bigrams by the class of its neighbour (its pairs with itself
/// apart), kept only for the classes it touches.
struct WordCounts {
    touched: Vec<usize>,
    left_by_class: Vec<i64>,
    right_by_class: Vec<i64>,
    self_pairs: i64,
    out_count: i64,
    in_count: i64,
}

impl WordCounts {
    fn new(n: usize) -> WordCounts {
        WordCounts { touched: Vec::new(), left_by_class: vec![0; n], right_by_class: vec![0; n], self_pairs: 0, out_count: 0, in_count: 0 }
    }

    fn gather(&mut self, w: usize, neighbours: &Neighbours, class: impl Fn(u32) -> usize) {
        for (&a, &n) in &neighbours.left[w] {
            if a as usize == w {
                self.self_pairs += i64::from(n);
                continue;
            }
            let c = class(a);
            if self.left_by_class[c] == 0 && self.right_by_class[c] == 0 {
                self.touched.push(c);
            }
            self.left_by_class[c] += i64::from(n);
        }
        for (&b, &n) in &neighbours.right[w] {
            if b as usize == w {
                continue;
            }
            let c = class(b);
            if self.left_by_class[c] == 0 && self.right_by_class[c] == 0 {
                self.touched.push(c);
            }
            self.right_by_class[c] += i64::from(n);
        }
        self.out_count = neighbours.right[w].values().map(|&n| i64::from(n)).sum();
        self.in_count = neighbours.left[w].values().map(|&n| i64::from(n)).sum();
    }

    /// Ready for the next word, in the time its own classes take.
    fn clear(&mut self) {
        for &c in &self.touched {
            self.left_by_class[c] = 0;
            self.right_by_class[c] = 0;
        }
        self.touched.clear();
        self.self_pairs = 0;
    }
}

fn xlogx(x: i64) -> f64 {
    if x > 0 {
        x as f64 * (x as f64).ln()
    } else {
        0.0
    }
}

impl ClassCounts {
    fn of(text: &[u32], n: usize, class: impl Fn(u32) -> usize) -> ClassCounts {
        let mut counts = ClassCounts { n, bigram: vec![0; n * n], as_left: vec![0; n], as_right: vec![0; n] };
        for pair in text.windows(2) {
            let (a, b) = (class(pair[0]), class(pair[1]));
            counts.bigram[a * n + b] += 1;
            counts.as_left[a] += 1;
            counts.as_right[b] += 1;
        }
        counts
    }

    /// Adds (`sign` 1) or removes (−1) a word's counts to or from class `k`.
    fn apply(&mut self, k: usize, sign: i64, word: &WordCounts) {
        let n = self.n;
        for &c in word.touched.iter().filter(|&&c| c != k) {
            self.bigram[c * n + k] += sign * word.left_by_class[c];
            self.bigram[k * n + c] += sign * word.right_by_class[c];
        }
        self.bigram[k * n + k] += sign * (word.left_by_class[k] + word.right_by_class[k] + word.self_pairs);
        self.as_left[k] += sign * word.out_count;
        self.as_right[k] += sign * word.in_count;
    }

    /// The gain in likelihood of putting the word (taken out) in class `k`:
    /// only row k, column k and the marginals of k change.
    fn gain(&self, k: usize, word: &WordCounts) -> f64 {
        let (n, bigram) = (self.n, &self.bigram);
        let mut delta = 0.0;
        for &c in word.touched.iter().filter(|&&c| c != k) {
            let (l, r) = (word.left_by_class[c], word.right_by_class[c]);
            if l > 0 {
                delta += xlogx(bigram[c * n + k] + l) - xlogx(bigram[c * n + k]);
            }
            if r > 0 {
                delta += xlogx(bigram[k * n + c] + r) - xlogx(bigram[k * n + c]);
            }
        }
        let kk = word.left_by_class[k] + word.right_by_class[k] + word.self_pairs;
        delta += xlogx(bigram[k * n + k] + kk) - xlogx(bigram[k * n + k]);
        delta -= xlogx(self.as_left[k] + word.out_count) - xlogx(self.as_left[k]);
        delta -= xlogx(self.as_right[k] + word.in_count) - xlogx(self.as_right[k]);
        delta
    }
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
