#!/usr/bin/env python3
"""Builds the corpus's gold JSONL from its annotation lists.

Each article's text is drawn again from OrangeSum (sample.py: the same seed,
the same order); its annotation is `annotations/<id>.tsv` (the adjudicated
list for articles annotated twice). The order decides the split: the first
100 articles are the held-out test split, the next 100 the development split,
the rest train; then the themed rounds' articles (sample_themes.py: works,
then events, laws and products, then organisations), all train. Articles not annotated yet are skipped (the order has more
than were annotated). The development split's file is named `tune`, not
`dev`: it is no relation of shared/data/news/fr.dev.jsonl, which no model
trains on, and the final model does learn from it (models/MODEL_CARD.md).

    python3 corpus/fr-news/build.py     # writes orangesum-ner.fr.{test,tune,train}.jsonl
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sample import ORDER_SIZE, TEST_SIZE, article_text, draw  # noqa: E402
from sample_themes import draw_rounds  # noqa: E402
from spans import spans, write_splits  # noqa: E402

DEV_SIZE = 100
GUIDE_VERSION = "shared/data/news/GUIDE.md, 2026-12-06"


def gold(d):
    """An article's gold line, or None if it is not annotated yet."""
    ann = os.path.join(HERE, "annotations", d["id"] + ".tsv")
    if not os.path.exists(ann):
        return None
    text = article_text(d)
    return {"id": d["id"], "date": d["date"], "text": text, "entities": [list(s) for s in spans(text, ann)]}


def main():
    splits = {"test": [], "tune": [], "train": []}
    for rank, d in enumerate(draw(ORDER_SIZE)):
        split = "test" if rank < TEST_SIZE else "tune" if rank < TEST_SIZE + DEV_SIZE else "train"
        splits[split].append(gold(d))
    splits["train"] += [gold(d) for d in draw_rounds()]
    splits = {k: [g for g in v if g] for k, v in splits.items()}
    # Every annotation is read: one of an article no draw holds would be
    # lost silently.
    written = {g["id"] for v in splits.values() for g in v}
    listed = {f[: -len(".tsv")] for f in os.listdir(os.path.join(HERE, "annotations")) if f.endswith(".tsv")}
    if listed - written:
        sys.exit(f"annotations of no drawn article: {sorted(listed - written)[:5]}")
    write_splits(HERE, "orangesum-ner.fr", splits, "articles")


if __name__ == "__main__":
    main()
