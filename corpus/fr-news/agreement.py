#!/usr/bin/env python3
"""Inter-annotator agreement on the articles annotated twice, independently.

For each article with a file in both folders, both annotations become gold
spans (as mkgold.py makes them); a name agrees when both give the same span
and their readings share a type (`ORG|LOC` agrees with `ORG`). Prints F1 of
one annotation against the other (symmetric) on PER+LOC+ORG, per type, and
on all six types, and with --diff the disagreements to adjudicate.

    python3 corpus/fr-news/agreement.py [--diff] [A_DIR B_DIR]

The folders default to double/a and double/b beside this file (the test
split's two independent annotations, kept as they were before adjudication);
the texts are drawn again from OrangeSum (sample.py and sample_themes.py).
"""
import os, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(__file__))
from sample import ORDER_SIZE, article_text, draw  # noqa: E402
from sample_themes import draw_rounds  # noqa: E402
from spans import spans  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

CORE = {"PER", "LOC", "ORG"}


def agree(a_dir, b_dir, texts, types):
    both = sorted(set(f for f in os.listdir(a_dir) if f.endswith(".tsv")) & set(os.listdir(b_dir)))
    matched = total_a = total_b = 0
    diffs = []
    for f in both:
        doc = f[:-4]
        text = texts[doc]
        a = [s for s in spans(text, os.path.join(a_dir, f)) if set(s[2].split("|")) & types]
        b = [s for s in spans(text, os.path.join(b_dir, f)) if set(s[2].split("|")) & types]
        bkeys = Counter((s, e) for s, e, _ in b)
        blabels = {(s, e): set(l.split("|")) for s, e, l in b}
        for s, e, l in a:
            if bkeys[(s, e)] and set(l.split("|")) & blabels[(s, e)]:
                matched += 1
                bkeys[(s, e)] -= 1
        total_a += len(a)
        total_b += len(b)
        sa = {(s, e, l) for s, e, l in a}
        sb = {(s, e, l) for s, e, l in b}
        for s, e, l in sorted(sa ^ sb):
            diffs.append((doc, s, e, text[s:e], l, "A" if (s, e, l) in sa else "B"))
    f1 = 2 * matched / (total_a + total_b) if total_a + total_b else 1.0
    return len(both), f1, total_a, total_b, diffs


def main(*args):
    flags = [a for a in args if a.startswith("--")]
    folders = [a for a in args if not a.startswith("--")] or [os.path.join(HERE, "double/a"), os.path.join(HERE, "double/b")]
    a_dir, b_dir = folders
    report(a_dir, b_dir, {d["id"]: article_text(d) for d in draw(ORDER_SIZE) + draw_rounds()}, "--diff" in flags)


def report(a_dir, b_dir, texts, diff):
    """Prints the agreement of two folders of lists over `texts` (id -> text)."""
    n, f1, ta, tb, diffs = agree(a_dir, b_dir, texts, CORE)
    print(f"{n} articles annotated twice; PER+LOC+ORG agreement F1 {f1:.3f} ({ta} and {tb} names)")
    for t in ("PER", "LOC", "ORG", "MISC", "DATE", "NUM"):
        _, f, ta, tb, _ = agree(a_dir, b_dir, texts, {t})
        print(f"  {t:5} F1 {f:.3f} ({ta} / {tb})")
    _, f, _, _, _ = agree(a_dir, b_dir, texts, CORE | {"MISC", "DATE", "NUM"})
    print(f"  all six types F1 {f:.3f}")
    if diff:
        for doc, s, e, surface, label, who in diffs:
            print(f"{doc}\t{s}\t{e}\t{who}\t{label}\t{surface}")


if __name__ == "__main__":
    main(*sys.argv[1:])
