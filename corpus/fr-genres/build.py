#!/usr/bin/env python3
"""Builds the genres corpus's gold JSONL from its texts and annotation lists.

Each text is `texts/<id>.txt`, its annotation `annotations/<id>.tsv` (an
ordered `surface<TAB>LABEL` list, matched as shared/tools/mkgold.py matches
it). Ids are `synth-<genre>-<nn>`: text 01 of every genre is the held-out
test split (nothing trains or tunes on it), text 02 the development split
(`tune`, where recipes are chosen), the rest train. Texts without an
annotation are skipped.

    python3 corpus/fr-genres/build.py     # writes genres-ner.fr.{test,tune,train}.jsonl
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fr-news"))
from spans import annotated, write_splits  # noqa: E402

SPLITS = {"01": "test", "02": "tune"}


def main():
    splits = {"test": [], "tune": [], "train": []}
    for m, text, ents in annotated(HERE, r"(synth-([a-z-]+)-(\d\d))\.txt"):
        split = SPLITS.get(m.group(3), "train")
        splits[split].append({"id": m.group(1), "genre": m.group(2), "text": text, "entities": ents})
    write_splits(HERE, "genres-ner.fr", splits, "texts")


if __name__ == "__main__":
    main()
