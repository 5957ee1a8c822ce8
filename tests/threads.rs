//! One `Extractor` shared by several threads: each thread's results are
//! exactly those of the same texts read one after another on one thread,
//! whatever the order and whatever the other threads are reading meanwhile
//! (each document takes a word cache of its own from the extractor's pool).

mod common;

use common::shared_dir;
use newslens::{Extraction, Extractor};
use serde_json::Value;

/// Modern French news and the seed article: texts long enough that the
/// threads' documents overlap in time.
fn texts() -> Vec<String> {
    let news = std::fs::read_to_string(shared_dir().join("data/news/fr.dev.jsonl")).unwrap();
    let mut texts: Vec<String> = news.lines().map(|line| serde_json::from_str::<Value>(line).unwrap()["text"].as_str().unwrap().to_owned()).collect();
    texts.push(std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/seed-article.txt")).unwrap());
    texts
}

#[test]
fn one_extractor_serves_threads_in_parallel_with_the_results_of_one() {
    let extractor = Extractor::new().unwrap();
    let texts = texts();
    assert!(texts.len() >= 10);
    let alone: Vec<Extraction> = texts.iter().map(|t| extractor.extract(t)).collect();
    const THREADS: usize = 4;
    let results: Vec<Vec<(usize, Extraction)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|thread| {
                let (extractor, texts) = (&extractor, &texts);
                // Each thread starts at a different text and goes round twice.
                scope.spawn(move || (0..2 * texts.len()).map(|k| (thread * 3 + k) % texts.len()).map(|i| (i, extractor.extract(&texts[i]))).collect())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (thread, found) in results.iter().enumerate() {
        assert_eq!(found.len(), 2 * texts.len());
        for (i, extraction) in found {
            assert!(*extraction == alone[*i], "thread {thread}, text {i}: not what one thread found");
        }
    }
}
