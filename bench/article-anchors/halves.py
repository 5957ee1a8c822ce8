"""Splits an article set's evaldata.json in two halves by a hash of each
page's file name (fixed, not chosen by looking at the pages): half "a" was
used to tune the article finder, half "b" was held out. Writes
OUT/evaldata-a.json and OUT/evaldata-b.json, for score_articles.py, and
OUT/evaldata-sample.json: a third of half b by the same hash, the sample
./build.sh test scores (bench/article-floor.sh).

usage: python3 halves.py DIR OUT"""
import hashlib
import json
import os
import sys


def half(file):
    return "a" if hashlib.sha1(file.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def sampled(file):
    return half(file) == "b" and hashlib.sha1(file.encode("utf-8")).digest()[1] % 3 == 0


def main(folder, out):
    with open(os.path.join(folder, "evaldata.json"), encoding="utf-8") as f:
        items = json.load(f)
    parts = {"a": lambda file: half(file) == "a", "b": lambda file: half(file) == "b", "sample": sampled}
    for name, keep in parts.items():
        chosen = {url: item for url, item in items.items() if keep(item["file"])}
        with open(os.path.join(out, f"evaldata-{name}.json"), "w", encoding="utf-8") as f:
            json.dump(chosen, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
