"""Splits an article set's evaldata.json in two halves by a hash of each
page's file name (fixed, not chosen by looking at the pages): half "a" was
used to tune the article finder, half "b" was held out. Writes
OUT/evaldata-a.json and OUT/evaldata-b.json, for score_articles.py.

usage: python3 halves.py DIR OUT"""
import hashlib
import json
import os
import sys


def half(file):
    return "a" if hashlib.sha1(file.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def main(folder, out):
    with open(os.path.join(folder, "evaldata.json"), encoding="utf-8") as f:
        items = json.load(f)
    for name in "ab":
        chosen = {url: item for url, item in items.items() if half(item["file"]) == name}
        with open(os.path.join(out, f"evaldata-{name}.json"), "w", encoding="utf-8") as f:
            json.dump(chosen, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
