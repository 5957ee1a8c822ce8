#!/usr/bin/env python3
"""Draw the fourth round: OrangeSum articles about works (films, series, books,
songs, shows), which the uniform draw of sample.py holds few of, so that the
French model learns to read works' titles as MISC from real news.

The pool is every article not in sample.py's uniform draw whose headline,
standfirst and body name works' kinds at least MIN_KINDS times and hold
150-650 words; the draw is seeded, so it is the same on every machine. The
articles all go to the train split: the held-out test split stays the uniform
draw of sample.py.

    python3 corpus/fr-news/sample_works.py OUT_DIR [N]   # OUT_DIR/<id>.txt + OUT_DIR/order.txt
"""
import gzip, json, os, random, re, sys

sys.path.insert(0, os.path.dirname(__file__))
from sample import ORDER_SIZE, SOURCE, article_text, draw, write_texts  # noqa: E402

SEED = 2026
WORKS_SIZE = 84
MIN_KINDS = 4
KINDS = re.compile(
    r"\b(film|films|série|séries|roman|album|documentaire|livre|chanson|spectacle|réalisateur|"
    r"réalisatrice|long-métrage|saison|épisode|Netflix|clip|single|bande dessinée|BD)\b"
)


def pool():
    done = {d["id"] for d in draw(ORDER_SIZE)}
    with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs.sort(key=lambda d: int(d["id"].split("-")[1]))
    out = []
    for d in docs:
        text = article_text(d)
        if d["id"] not in done and len(KINDS.findall(text)) >= MIN_KINDS and 150 <= len(text.split()) <= 650:
            out.append(d)
    return out


def draw_works(n=WORKS_SIZE):
    """The round's articles, in annotation order."""
    return random.Random(SEED).sample(pool(), n)


def main(out_dir, n=str(WORKS_SIZE)):
    write_texts(out_dir, draw_works(int(n)))


if __name__ == "__main__":
    main(*sys.argv[1:])
