"""trafilatura's extract() on every page of an article set, as an anchor for
the article-finder benchmark (compare.sh). Reads DIR/evaldata.json and
DIR/pages/<file>, writes OUT/<file>.txt (empty when it extracts nothing).
The page goes in as bytes, so that trafilatura detects its encoding itself.

usage: venv/bin/python trafilatura_extract.py DIR OUT"""
import json
import os
import sys

import trafilatura


def main(folder, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(folder, "evaldata.json"), encoding="utf-8") as f:
        items = json.load(f)
    for url, item in items.items():
        with open(os.path.join(folder, "pages", item["file"]), "rb") as f:
            html = f.read()
        text = trafilatura.extract(html, url=url) or ""
        with open(os.path.join(out, item["file"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
