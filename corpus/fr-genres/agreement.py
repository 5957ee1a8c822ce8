#!/usr/bin/env python3
"""Inter-annotator agreement on the genres corpus's texts annotated twice,
independently (its test split), measured as corpus/fr-news/agreement.py
measures it.

    python3 corpus/fr-genres/agreement.py [--diff] [A_DIR B_DIR]

The folders default to double/a and double/b beside this file (the two
annotations as they were before adjudication).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fr-news"))
from agreement import report  # noqa: E402


def main(*args, here=HERE):
    """`here`: the corpus's folder (its texts/ and double/)."""
    folders = [a for a in args if not a.startswith("--")] or [os.path.join(here, "double/a"), os.path.join(here, "double/b")]
    texts_dir = os.path.join(here, "texts")
    texts = {f[:-4]: open(os.path.join(texts_dir, f), encoding="utf-8").read() for f in os.listdir(texts_dir) if f.endswith(".txt")}
    report(*folders, texts, "--diff" in args)


if __name__ == "__main__":
    main(*sys.argv[1:])
