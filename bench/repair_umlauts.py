#!/usr/bin/env python3
"""conll03.de.dev and .test lost their umlauts and ß upstream ("für" reads
"fr", "Bundesländer" "Bundeslnder"): the letters were deleted. The CoNLL
2003 systems were scored on the text with them. This puts them back where
the training file says how: every word of conll03.de.train that has one of
those letters, with them deleted, maps to its spelling, when only one
spelling deletes to it and the deleted form is itself no word of the
training file. Labels are untouched; only the first column changes.

usage: repair_umlauts.py TRAIN BROKEN > REPAIRED     (prints how many tokens it changed on stderr)"""
import collections
import sys

LOST = set("äöüÄÖÜß")


def repairs(train):
    words = set()
    for line in open(train, encoding="utf-8"):
        if line.strip():
            words.add(line.split("\t")[0])
    spellings = collections.defaultdict(set)
    for word in words:
        if LOST & set(word):
            spellings["".join(c for c in word if c not in LOST)].add(word)
    return {broken: next(iter(found)) for broken, found in spellings.items() if len(found) == 1 and broken not in words}


def main(train, broken):
    table = repairs(train)
    changed = 0
    out = sys.stdout
    for line in open(broken, encoding="utf-8"):
        if line.strip():
            token, rest = line.split("\t", 1)
            fixed = table.get(token, token)
            changed += fixed != token
            line = f"{fixed}\t{rest}"
        out.write(line)
    print(f"{changed} tokens repaired", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
