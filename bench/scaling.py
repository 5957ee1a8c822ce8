#!/usr/bin/env python3
"""Doubles adversarial inputs and fails on superlinear growth.

Each case builds a text of a given size from a pattern that once took
quadratic time or unbounded memory (issue 11), runs the release binary on
it at SIZE, 2×SIZE, 4×SIZE..., and checks that
- CPU time (the least of --repeat runs) grows at most linearly: each
  doubling at most GROWTH times slower
  (2 would be exactly linear; the margin absorbs noise and caches);
- CPU time stays within SECONDS_PER_MB at the largest size;
- peak memory (the process's maximum resident set) stays within MAX_RSS_MB
  (`highlight` holds the whole text and its entities; its summary keeps the
  first 10,000 distinct names).

    python3 bench/scaling.py                 # every case, 1 to 8 MB
    python3 bench/scaling.py --max-mb 32     # up to 32 MB (the 30 MB target)
    python3 bench/scaling.py CASE...         # only these cases

Prints a table and exits 1 if any case fails. A benchmark, not a test:
CI runs it once with small sizes; its figures go in the closing notes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "newslens")
GROWTH = 2.8
SECONDS_PER_MB = 1.0
MAX_RSS_MB = 100
# GNU time (Debian's `time` package), for each run's peak memory.
TIME = "/usr/bin/time"


def repeat_to(unit, size):
    return (unit * (size // len(unit.encode()) + 1))[: size]


def numbered(size, line):
    """`line(k)` for k = 0, 1, 2... until `size` bytes."""
    out, k, length = [], 0, 0
    while length < size:
        out.append(line(k))
        length += len(out[-1])
        k += 1
    return "".join(out)


def distinct_names(size):
    """Distinct people, each named twice: the summary's alias merge."""
    return numbered(size, lambda k: f"Jean Nom{k:06d} a vu Marie Autre{k:06d}. Nom{k:06d} est parti.\n")


def distinct_words(size):
    """One line of distinct words: the word cache within one text."""
    return numbered(size, lambda k: f"mot{k:07d}x ")


def real_news(size):
    """Modern French news, repeated: what a reader's archive holds."""
    with open(os.path.join(ROOT, "../shared/data/news/fr.dev.jsonl"), encoding="utf-8") as f:
        text = "\n\n".join(json.loads(line)["text"] for line in f)
    return repeat_to(text + "\n\n", size)


# name -> (command, text of about `size` bytes)
CASES = {
    "curated names (Paris\\n)": ("extract", lambda size: repeat_to("Paris\n", size)),
    "acronym chain (A.A.A.…Ab)": ("extract", lambda size: repeat_to("A.", size - 2) + "Ab"),
    "one name repeated (Paris Paris …)": ("extract", lambda size: repeat_to("Paris ", size)),
    "distinct words on one line": ("extract", distinct_words),
    "distinct names, summary": ("highlight", distinct_names),
    "real news, summary": ("highlight", real_news),
}


def run(command, text, repeat):
    """CPU seconds and peak resident megabytes of `command` on `text`: the
    least CPU time (user + system) of `repeat` runs, so that other work on
    the machine (a CI runner's neighbours) does not read as growth."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        if command == "extract":
            f.write(json.dumps({"id": "x", "text": text}) + "\n")
        else:
            f.write(text)
        path = f.name
    try:
        with open(path, "rb") as stdin:
            args = [BINARY, "extract", "--lang", "fr"] if command == "extract" else [BINARY, "highlight", "--lang", "fr", path]
            best = None
            for _ in range(repeat):
                stdin.seek(0)
                # GNU time reports the binary's own peak: a child's maximum
                # resident set, as wait4 gives it, starts from this Python
                # process's, which holds the text.
                proc = subprocess.run([TIME, "-f", "%M %U %S", "-o", path + ".rss", *args], stdin=stdin if command == "extract" else subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                if proc.returncode != 0:
                    raise SystemExit(f"{command} failed on {len(text)} bytes: {proc.stderr.decode()}")
                with open(path + ".rss") as f:
                    kb, user, system = f.read().split()[-3:]
                seconds, rss = float(user) + float(system), int(kb) / 1024
                best = (min(best[0], seconds), max(best[1], rss)) if best else (seconds, rss)
            return best
    finally:
        os.unlink(path)
        if os.path.exists(path + ".rss"):
            os.unlink(path + ".rss")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", help="case names (substrings); default: all")
    parser.add_argument("--min-mb", type=float, default=1)
    parser.add_argument("--max-mb", type=float, default=8)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the least CPU time counts")
    args = parser.parse_args()
    if not os.path.exists(TIME):
        raise SystemExit(f"{TIME} missing: apt-get install time")
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} missing: cargo build --release")
    failed = []
    print(f"| case | MB | CPU seconds | s/MB | growth per doubling | peak RSS MB |\n|---|---|---|---|---|---|")
    for name, (command, make) in CASES.items():
        if args.cases and not any(c in name for c in args.cases):
            continue
        mb, previous = args.min_mb, None
        while mb <= args.max_mb:
            seconds, rss = run(command, make(int(mb * 1_000_000)), args.repeat)
            growth = seconds / previous if previous else None
            print(f"| {name} | {mb:g} | {seconds:.2f} | {seconds / mb:.2f} | {growth and f'{growth:.2f}' or ''} | {rss:.0f} |", flush=True)
            # Under 0.2 s, start-up and noise dominate the ratio.
            if growth and previous > 0.2 and growth > GROWTH:
                # A shared machine can slow one size's every run: both sizes
                # are measured again, three times as often, before a
                # doubling counts as superlinear (real growth repeats).
                again = [run(command, make(int(m * 1_000_000)), 3 * args.repeat)[0] for m in (mb / 2, mb)]
                growth = again[1] / again[0]
                print(f"| {name} | {mb:g} | {again[1]:.2f} (again; {again[0]:.2f} at {mb / 2:g} MB) | {again[1] / mb:.2f} | {growth:.2f} | |", flush=True)
                seconds = again[1]
            if growth and previous > 0.2 and growth > GROWTH:
                failed.append(f"{name}: {growth:.2f}× slower for twice the input at {mb:g} MB")
            if rss > MAX_RSS_MB:
                failed.append(f"{name}: {rss:.0f} MB resident at {mb:g} MB")
            previous = seconds
            mb *= 2
        if previous / (mb / 2) > SECONDS_PER_MB:
            failed.append(f"{name}: {previous / (mb / 2):.2f} s per MB")
    for f in failed:
        print("FAIL", f, file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
