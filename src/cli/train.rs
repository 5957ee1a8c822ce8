//! `newslens train` and `newslens eval`: models from the CoNLL corpora, and
//! their scores.

use super::progress::Progress;
use newslens::train::{self, Options};
use newslens::{Extractor, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

/// Train a language's model by its recipe (which corpora, how much of
/// each, its news priors and second stage; see models/MODEL_CARD.md) and
/// write it. Test files are never read.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// The language to train: one with a recipe in models/recipes (fr, en,
    /// de, es, nl).
    #[arg(long, value_parser = super::parse_lang)]
    lang: Lang,
    /// The folder of CoNLL corpora (a corpus named with a `/` is read from
    /// this crate's folder instead, as the project's own `corpus/`).
    #[arg(long, default_value = "../shared/data/ner")]
    data: PathBuf,
    /// Where to write the model (default: models/<lang>.bin).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
    /// Use at most this many sentences of each corpus: a quick check that
    /// training works, not a model to ship.
    #[arg(long)]
    limit: Option<usize>,
    /// Learn only features seen at least this many times.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Drop features whose averaged weights all stay under this (default:
    /// the recipe's; see models/MODEL_CARD.md).
    #[arg(long)]
    min_weight: Option<f32>,
    /// Keep words seen at least this many times in the model's word table.
    #[arg(long, default_value_t = 3)]
    min_word_count: u32,
    /// Train on this corpus instead of the recipe's, as FILE[:SHARE][:nomisc]
    /// (repeatable; for experiments).
    #[arg(long = "corpus")]
    corpora: Vec<train::Source>,
    /// Watch this development file instead of the recipe's.
    #[arg(long)]
    dev: Option<String>,
    /// Learn capitalisation priors and word classes from this corpus's text
    /// too, never its labels, instead of the recipe's (repeatable; for
    /// experiments).
    #[arg(long = "text")]
    text: Vec<String>,
    /// Word classes in each of the three clusterings, coarse to fine.
    #[arg(long, value_delimiter = ',', default_value = "32,128,512")]
    clusters: Vec<usize>,
    /// Read what large modern corpora say of words from this table
    /// instead of the recipe's (models/words/<lang>.words.tsv).
    #[arg(long)]
    web_words: Option<PathBuf>,
    /// Report these named types instead of the recipe's, e.g.
    /// PER,LOC,ORG,MISC (for experiments).
    #[arg(long, value_delimiter = ',')]
    report: Vec<newslens::Label>,
}

pub fn run_train(args: TrainArgs) -> Result<ExitCode, String> {
    let [coarse, middle, fine] = args.clusters[..] else {
        return Err(format!("--clusters takes three sizes, e.g. 32,128,512 (got {:?})", args.clusters));
    };
    if [coarse, middle, fine].iter().any(|&c| !(2..60_000).contains(&c)) {
        return Err("--clusters: each size must be between 2 and 60000".into());
    }
    let options = Options {
        lang: args.lang,
        data: args.data,
        epochs: args.epochs,
        limit: args.limit,
        min_count: args.min_count,
        min_weight: args.min_weight,
        min_word_count: args.min_word_count,
        sources: (!args.corpora.is_empty()).then_some(args.corpora),
        dev: args.dev,
        clusters: [coarse, middle, fine],
        text: (!args.text.is_empty()).then_some(args.text),
        web_words: args.web_words,
        reported: (!args.report.is_empty()).then_some(args.report),
    };
    let out = args.out.unwrap_or_else(|| PathBuf::from(format!("models/{}.bin", args.lang)));
    // Where the model goes is checked before minutes of training, by
    // writing there; the model itself replaces the file only once whole.
    let partial = out.with_extension("bin.partial");
    std::fs::write(&partial, b"").map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let mut progress = Progress::new();
    let trained = train::train(&options, &mut |line| progress.line(line));
    let trained = trained.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        e.to_string()
    })?;
    std::fs::write(&partial, &trained.bytes).and_then(|()| std::fs::rename(&partial, &out)).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let last = trained.dev.last().map_or(0.0, |s| s.core_f1());
    println!("wrote {} ({} bytes, {} features); development PER+LOC+ORG F1 {last:.3}", out.display(), trained.bytes.len(), trained.features);
    Ok(ExitCode::SUCCESS)
}

/// Score the extractor on a CoNLL file or gold JSONL: precision, recall and
/// F1 per type and over PER+LOC+ORG, exact spans, trimmed as
/// shared/tools/score.py trims them (a CoNLL file's sentences grouped 20 to
/// a document as conll2jsonl.py does; shared/tools/score.py also reads
/// `A|B` and `?` labels, which this counts as A and leaves out).
#[derive(clap::Args)]
pub struct EvalArgs {
    /// The CoNLL file (token<TAB>IOB2 label), or gold JSONL (`.jsonl`).
    file: PathBuf,
    /// Read the text as this language (default: from the file name,
    /// <corpus>.<lang>.<split>.conll).
    #[arg(long, value_parser = super::parse_lang)]
    lang: Option<Lang>,
    /// Evaluate this model file instead of the built-in model.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Print JSON (score.py's shape) instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run_eval(args: EvalArgs) -> Result<ExitCode, String> {
    if args.file.is_dir() {
        return Err(format!("{} is a folder: give a CoNLL file (token<TAB>label lines) or gold JSONL", args.file.display()));
    }
    let from_name = || args.file.file_name()?.to_str()?.split('.').nth(1).and_then(|code| Lang::from_code(code).ok());
    let lang = args.lang.or_else(from_name).ok_or("cannot tell the language from the file name: give --lang")?;
    let extractor = match &args.model {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Extractor::with_models(&[(lang, &bytes)]).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => super::extractor(None)?,
    };
    if !extractor.languages().contains(&lang) {
        return Err(format!("no model for language {lang}: newslens reads {}", extractor.languages().iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")));
    }
    let scores = train::evaluate_file(&extractor, lang, &args.file).map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", scores.to_json());
    } else {
        println!("{}", scores);
    }
    Ok(ExitCode::SUCCESS)
}
