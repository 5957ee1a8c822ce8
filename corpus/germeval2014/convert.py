#!/usr/bin/env python3
"""GermEval 2014's German NER sentences (NoSta-D guidelines: Wikipedia and
news citations, CC BY 4.0) into the CoNLL form the trainer reads, with the
CoNLL-2003 types: PER, LOC, ORG as they are; OTH (works, events,
products...) as MISC; the *deriv labels (adjectives made of a name:
"deutschen", "Berliner" before a noun) as MISC, as conll03.de labels
"deutsche"; the *part labels (a word holding a name inside it:
"Deutschlandreise", "EU-Kommission") as no name, as CoNLL-2003 leaves
such compounds. Only the outer level is read; the nested one is dropped.

usage: python3 convert.py SOURCE.tsv... > germeval2014.de.conll
"""
import sys


def label(raw):
    if raw == "O":
        return "O"
    prefix, kind = raw.split("-", 1)
    if kind.endswith("part"):
        return "O"
    if kind.endswith("deriv") or kind == "OTH":
        return f"{prefix}-MISC"
    if kind in ("PER", "LOC", "ORG"):
        return f"{prefix}-{kind}"
    raise ValueError(f"unknown label {raw!r}")


def main(paths):
    out = sys.stdout
    for path in paths:
        sentence = []
        with open(path, encoding="utf-8") as f:
            for line in list(f) + [""]:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    continue
                if not line.strip():
                    if sentence:
                        # An I- after a part label dropped opens the name.
                        previous = "O"
                        for token, tag in sentence:
                            if tag.startswith("I-") and previous[2:] != tag[2:]:
                                tag = "B-" + tag[2:]
                            out.write(f"{token}\t{tag}\n")
                            previous = tag
                        out.write("\n")
                    sentence = []
                    continue
                columns = line.split("\t")
                sentence.append((columns[1], label(columns[2])))


if __name__ == "__main__":
    main(sys.argv[1:])
