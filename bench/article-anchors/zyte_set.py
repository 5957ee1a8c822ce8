"""Zyte's article-extraction-benchmark (github.com/scrapinghub/article-extraction-benchmark,
MIT licence: 181 pages, most of them English news, each with the article
body a person wrote down) as a second, independent check of the article
finder: none of its pages was looked at while the finder was written.

  python3 zyte_set.py prepare REPO DIR     REPO/html/<id>.html.gz and REPO/ground-truth.json
                                           become DIR/evaldata.json and DIR/pages/<id>.html,
                                           the layout bench/article.mjs --set and
                                           trafilatura_extract.py read
  python3 zyte_set.py score DIR RESULTS    RESULTS/<id>.html.txt against the truth: JSON

The score is the benchmark's own (its evaluate.py): per page, the multisets
of 4-word shingles (words are \\w+ runs, case kept) of the truth and of the
extraction give true and false positives and negatives, normalised so that
each page weighs the same; precision and recall are means over the pages
where they are defined, F1 is their harmonic mean. Its truth leaves the
headline out, which newslens reads: that counts against precision here."""
import gzip
import json
import os
import re
import shutil
import sys
from collections import Counter

WORD = re.compile(r"\w+")


def prepare(repo, folder):
    with open(os.path.join(repo, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    os.makedirs(os.path.join(folder, "pages"), exist_ok=True)
    items = {}
    for key, page in truth.items():
        name = f"{key}.html"
        with gzip.open(os.path.join(repo, "html", name + ".gz")) as src, open(os.path.join(folder, "pages", name), "wb") as dst:
            shutil.copyfileobj(src, dst)
        items[page.get("url") or key] = {"file": name, "with": [], "without": [], "truth": page.get("articleBody", "")}
    with open(os.path.join(folder, "evaldata.json"), "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)


def shingles(text, n=4):
    words = WORD.findall(text)
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def page_counts(truth, found):
    t, f = shingles(truth), shingles(found)
    tp = sum((t & f).values())
    fp = sum((f - t).values())
    fn = sum((t - f).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


# Precision and recall of one page, as the benchmark defines them.
def ratio(hit, miss, fp, fn):
    return 1.0 if fp == fn == 0 else hit / (hit + miss)


def score(folder, results):
    with open(os.path.join(folder, "evaldata.json"), encoding="utf-8") as f:
        items = json.load(f).values()
    precisions, recalls, empty = [], [], 0
    for item in items:
        path = os.path.join(results, item["file"] + ".txt")
        found = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        tp, fp, fn = page_counts(item["truth"], found)
        empty += tp == 0 and bool(item["truth"].strip())
        if tp + fp > 0:
            precisions.append(ratio(tp, fp, fp, fn))
        if tp + fn > 0:
            recalls.append(ratio(tp, fn, fp, fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    out = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4), "pages": len(items), "nothing_found": empty}
    print(json.dumps(out))


if __name__ == "__main__":
    {"prepare": prepare, "score": score}[sys.argv[1]](*sys.argv[2:4])
