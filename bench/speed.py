#!/usr/bin/env python3
"""Speed, size and memory of newslens beside spaCy fr_core_news_sm.

Whole processes, pinned to one core (taskset -c 0), on the same 1 MB of
French newspaper text (make_text.py), several runs each, median wall time;
tokens per second count the text's whitespace-separated tokens for every
system alike. spaCy runs twice: its full default pipeline (what
spacy.load() gives, as shared/tools/spacy_anchor.py runs it) and only its
ner component.

With --langs de,es,nl, newslens also reads 1 MB of each of those
languages' news wire (natively, told the language), against the same
spaCy runs on the French text: the same volume of text.

usage: bench/speed.py [--runs N] [--shared DIR] [--no-spacy] [--langs de,es,nl]
Run ./build.sh build first. Writes target/bench/speed.json too.
"""
import argparse, gzip, json, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target/bench"


def timed(cmd, stdin_path=None):
    """Wall seconds and peak RSS (KB) of one whole process on core 0."""
    with tempfile.NamedTemporaryFile() as rss:
        full = ["taskset", "-c", "0", "/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd]
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        started = time.perf_counter()
        done = subprocess.run(full, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode()[-2000:]}")
        return wall, int(Path(rss.name).read_text().split()[-1]), done.stdout


def median_run(name, cmd, runs, stdin_path=None):
    walls, peaks = [], []
    for r in range(runs):
        wall, peak, _ = timed(cmd, stdin_path)
        walls.append(wall)
        peaks.append(peak)
        print(f"  {name} run {r + 1}: {wall:.3f} s, {peak / 1024:.0f} MB", file=sys.stderr)
    return {"seconds": statistics.median(walls), "runs": walls, "peak_mb": max(peaks) / 1024}


def gz(path):
    return len(gzip.compress(path.read_bytes(), 9))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--langs", default="", help="other languages newslens reads natively, e.g. de,es,nl")
    a = ap.parse_args()
    BENCH.mkdir(parents=True, exist_ok=True)
    text = BENCH / "fr-news-1mb.jsonl"
    with open(text, "w") as out:
        subprocess.run([sys.executable, ROOT / "bench/make_text.py", a.shared], stdout=out, check=True)
    docs = [json.loads(l)["text"] for l in text.open(encoding="utf-8")]
    tokens = sum(len(d.split()) for d in docs)
    size = sum(len(d.encode()) for d in docs)
    print(f"text: {len(docs)} documents, {size} bytes, {tokens} whitespace tokens", file=sys.stderr)

    cli = ROOT / "target/release/newslens"
    pkg = ROOT / "dist/pkg"
    systems = {
        "newslens (native)": ([str(cli), "extract"], text),
        "newslens (wasm in Node)": (["node", str(ROOT / "bench/node_speed.mjs"), str(pkg), str(text), "fr"], None),
    }
    # Tokens of each system's text: the French text's but for the other
    # languages' runs.
    tokens_of = {}
    for lang in filter(None, a.langs.split(",")):
        other = BENCH / f"{lang}-news-1mb.jsonl"
        with open(other, "w") as out:
            subprocess.run([sys.executable, ROOT / "bench/make_text.py", a.shared, lang], stdout=out, check=True)
        systems[f"newslens {lang} (native)"] = ([str(cli), "extract", "--lang", lang], other)
        tokens_of[f"newslens {lang} (native)"] = sum(len(json.loads(l)["text"].split()) for l in other.open(encoding="utf-8"))
    if not a.no_spacy:
        python = subprocess.run([ROOT / "bench/setup-spacy.sh"], stdout=subprocess.PIPE, check=True).stdout.decode().strip()
        for mode in ("full", "ner"):
            systems[f"spaCy fr_core_news_sm ({mode})"] = ([str(ROOT / python), str(ROOT / "bench/spacy_speed.py"), str(text), "fr_core_news_sm", mode], None)
    results = {}
    for name, (cmd, stdin) in systems.items():
        results[name] = median_run(name, cmd, a.runs, stdin)
        results[name]["tokens_per_second"] = tokens_of.get(name, tokens) / results[name]["seconds"]

    # Peak memory for one 1 MB article: the whole text as a single document.
    one = BENCH / "fr-article-1mb.jsonl"
    one.write_text(json.dumps({"id": "one", "text": "\n\n".join(docs)}, ensure_ascii=False) + "\n", encoding="utf-8")
    _, article_peak, _ = timed([str(cli), "extract"], one)

    wasm = pkg / "newslens_bg.wasm"
    shipped = [wasm, pkg / "newslens.js", *sorted((pkg / "models").glob("*.bin"))]
    sizes = {p.name: {"bytes": p.stat().st_size, "gzip": gz(p)} for p in shipped}
    # The budget (5 MB gzipped) is the engine with the French and English
    # models; every other language's model (2.5 MB each at most) is fetched
    # only when a page needs it.
    core = [n for n in sizes if not n.endswith(".bin") or n in ("fr.bin", "en.bin")]
    total = {"bytes": sum(sizes[n]["bytes"] for n in core), "gzip": sum(sizes[n]["gzip"] for n in core)}

    print(f"\n| system | median wall (s) | tokens/s | peak RSS (MB) | runs (s) |\n|---|---|---|---|---|")
    for name, r in results.items():
        runs = ", ".join(f"{w:.2f}" for w in r["runs"])
        print(f"| {name} | {r['seconds']:.3f} | {r['tokens_per_second']:,.0f} | {r['peak_mb']:.0f} | {runs} |")
    for ours in [n for n in results if n.startswith("newslens")]:
        for theirs in [n for n in results if n.startswith("spaCy")]:
            print(f"- {ours} vs {theirs}: {results[ours]['tokens_per_second'] / results[theirs]['tokens_per_second']:.0f}x")
    print(f"\n| file | bytes | gzip |\n|---|---|---|")
    for name, s in sizes.items():
        print(f"| {name}{'' if name in core else ' (when a page needs it)'} | {s['bytes']:,} | {s['gzip']:,} |")
    print(f"| engine, fr and en | {total['bytes']:,} | {total['gzip']:,} |")
    print(f"\npeak memory, native, one 1 MB article: {article_peak / 1024:.1f} MB")
    (BENCH / "speed.json").write_text(json.dumps({"tokens": tokens, "bytes": size, "results": results, "sizes": sizes, "total_size": total, "article_peak_mb": article_peak / 1024}, indent=2))


if __name__ == "__main__":
    main()
