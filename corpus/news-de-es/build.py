#!/usr/bin/env python3
"""Builds the German and Spanish news corpus's gold JSONL from its texts and
annotation lists, as ../fr-genres/build.py does.

Each text is `texts/<id>.txt`, its annotation `annotations/<id>.tsv` (an
ordered `surface<TAB>LABEL` list, matched as shared/tools/mkgold.py matches
it). Ids are `synth-<lang>-<genre>-<nn>`: text 01 of every genre is the
development split (`tune`: annotated twice, where recipes are chosen and
measured), text 10 the held-out test split (annotated twice and
adjudicated; nothing is trained or tuned on it), the rest train. Texts
without an annotation are skipped.

    python3 corpus/news-de-es/build.py     # writes news-synth.{de,es}.{tune,train,test}.jsonl
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fr-news"))
from spans import annotated, write_splits  # noqa: E402


def main():
    for lang in ("de", "es"):
        splits = {"tune": [], "train": [], "test": []}
        for m, text, ents in annotated(HERE, rf"(synth-{lang}-([a-z]+)-(\d\d))\.txt"):
            split = {"01": "tune", "10": "test"}.get(m.group(3), "train")
            splits[split].append({"id": m.group(1), "genre": m.group(2), "text": text, "entities": ents})
        write_splits(HERE, f"news-synth.{lang}", splits, "texts")


if __name__ == "__main__":
    main()
