#!/usr/bin/env python3
"""The speed benchmark's text: 1,000,000 bytes of newspaper text, joined as
shared/tools/conll2jsonl.py joins tokens, 20 sentences per document, the
last cut at a sentence so the total stays within the budget. French from
hipe2020.fr.train and hipe2020.fr.dev; German, Spanish and Dutch from their
CoNLL news wire's train file. Writes JSONL ({"id", "text"}) to stdout.

usage: make_text.py SHARED_DIR [LANG] > fr-news-1mb.jsonl
"""
import importlib.util, json, sys
from pathlib import Path

TARGET = 1_000_000

SOURCES = {
    "fr": ("hipe2020.fr.train.conll", "hipe2020.fr.dev.conll"),
    "de": ("conll03.de.train.conll",),
    "es": ("conll02.es.train.conll",),
    "nl": ("conll02.nl.train.conll",),
}

def main(shared, lang="fr"):
    shared = Path(shared)
    spec = importlib.util.spec_from_file_location("c2j", shared / "tools/conll2jsonl.py")
    c2j = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(c2j)
    sentences = [s for f in SOURCES[lang] for s in c2j.sentences(shared / "data/ner" / f)]

    def join(chunk):
        text = ""
        for si, sentence in enumerate(chunk):
            if si:
                text += "\n"
            for ti, (token, _) in enumerate(sentence):
                if ti and not text.endswith(("'", "’")):
                    text += " "
                text += token
        return text

    total, i, n = 0, 0, 0
    while i < len(sentences) and total < TARGET:
        chunk = sentences[i:i + 20]
        while chunk and total + len(join(chunk).encode()) > TARGET:
            chunk = chunk[:-1]
        if not chunk:
            break
        text = join(chunk)
        print(json.dumps({"id": f"{lang}-{n:05d}", "text": text}, ensure_ascii=False))
        total += len(text.encode())
        i += len(chunk)
        n += 1
        if len(chunk) < 20:
            break

if __name__ == "__main__":
    main(*sys.argv[1:3])
