#!/usr/bin/env python3
"""Word lists that tell French from English for language detection.

Every word among the 6,000 most frequent in French or in English (wordfreq
3.1.1) that is at least ten times more frequent in one language than in the
other (a Zipf difference of 1 or more) goes into that language's list:
`detect.fr.txt`, `detect.en.txt`, one lower-case word a line, most frequent
first. "the", "seconds" and "women" are English; "les", "aussi" and "selon"
French; "président" is in neither, being common to both. `detect.other.txt`
holds the words among the 500 most frequent of the other languages written
in Latin script that wordfreq knows well (Spanish, Italian, Portuguese,
Catalan, German, Dutch) and that are ten times more frequent there than in
French and in English ("los", "che", "und"): a text with one of them is left
to the full detector. `detect.de.txt`, `detect.es.txt` and `detect.nl.txt`
hold the words among the TOP_READ most frequent of German, Spanish and Dutch
that are ten times more frequent there than in every one of RIVALS, the
other languages written in Latin script that wordfreq knows well ("trifft",
"regering", "también"): they tell the three apart on a headline, where
trigrams cannot, and a Portuguese or Italian text hardly hits them. src/lang/mod.rs
compiles the lists in.

usage: target/words-venv/bin/python models/words/build_detect.py
(the venv of models/words/README.md, with wordfreq==3.1.1)
"""
from pathlib import Path

import wordfreq

HERE = Path(__file__).resolve().parent
TOP = 6000
MARGIN = 1.0  # Zipf units: a factor of ten
OTHERS = ("es", "it", "pt", "ca", "de", "nl")
READ = ("de", "es", "nl")
# 1,500: the three lists cost the wasm some 10 KB gzipped (6,000 cost 40 KB,
# which put the engine with the French and English models over its 5 MB).
TOP_READ = 1500
RIVALS = ("fr", "en", "de", "es", "nl", "it", "pt", "ca", "da", "sv", "nb", "pl", "ro", "cs", "hu", "fi", "id", "tr")


def main():
    langs = ("fr", "en")
    top = {lang: wordfreq.top_n_list(lang, TOP) for lang in langs}
    words = {w for lang in langs for w in top[lang] if len(w) > 1 and w.isalpha()}
    zipf = {lang: {w: wordfreq.zipf_frequency(w, lang) for w in words} for lang in langs}
    for lang, other in (("fr", "en"), ("en", "fr")):
        chosen = [w for w in words if zipf[lang][w] - zipf[other][w] >= MARGIN]
        chosen.sort(key=lambda w: (-zipf[lang][w], w))
        (HERE / f"detect.{lang}.txt").write_text("".join(w + "\n" for w in chosen), encoding="utf-8")
        print(f"detect.{lang}.txt: {len(chosen)} words", flush=True)
    others = set()
    for lang in OTHERS:
        for w in wordfreq.top_n_list(lang, 500):
            z = wordfreq.zipf_frequency(w, lang)
            if len(w) > 1 and w.isalpha() and all(z - wordfreq.zipf_frequency(w, o) >= MARGIN for o in langs):
                others.add(w)
    (HERE / "detect.other.txt").write_text("".join(w + "\n" for w in sorted(others)), encoding="utf-8")
    print(f"detect.other.txt: {len(others)} words", flush=True)
    for lang in READ:
        chosen = []
        for w in wordfreq.top_n_list(lang, TOP_READ):
            z = wordfreq.zipf_frequency(w, lang)
            if len(w) > 1 and w.isalpha() and all(z - wordfreq.zipf_frequency(w, o) >= MARGIN for o in RIVALS if o != lang):
                chosen.append(w)
        (HERE / f"detect.{lang}.txt").write_text("".join(w + "\n" for w in chosen), encoding="utf-8")
        print(f"detect.{lang}.txt: {len(chosen)} words", flush=True)


if __name__ == "__main__":
    main()
