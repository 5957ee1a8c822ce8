#!/usr/bin/env python3
"""Builds the corpus's gold JSONL from its annotation lists.

Each article's text is drawn again from OrangeSum (sample.py: the same seed,
the same order); its annotation is `annotations/<id>.tsv` (the adjudicated
list for articles annotated twice). The order decides the split: the first
100 articles are the held-out test split, the next 100 the development split,
the rest train. Articles not annotated yet are skipped (the order has more
than were annotated). The development split's file is named `tune`, not
`dev`: it is no relation of shared/data/news/fr.dev.jsonl, which no model
trains on, and the final model does learn from it (models/MODEL_CARD.md).

    python3 corpus/fr-news/build.py     # writes orangesum-ner.fr.{test,tune,train}.jsonl
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sample import ORDER_SIZE, TEST_SIZE, article_text, draw  # noqa: E402
from spans import spans, write_splits  # noqa: E402

DEV_SIZE = 100
GUIDE_VERSION = "shared/data/news/GUIDE.md, 2026-12-06"


def main():
    docs = draw(ORDER_SIZE)
    splits = {"test": [], "tune": [], "train": []}
    for rank, d in enumerate(docs):
        ann = os.path.join(HERE, "annotations", d["id"] + ".tsv")
        if not os.path.exists(ann):
            continue
        text = article_text(d)
        ents = [list(s) for s in spans(text, ann)]
        split = "test" if rank < TEST_SIZE else "tune" if rank < TEST_SIZE + DEV_SIZE else "train"
        splits[split].append({"id": d["id"], "date": d["date"], "text": text, "entities": ents})
    write_splits(HERE, "orangesum-ner.fr", splits, "articles")


if __name__ == "__main__":
    main()
