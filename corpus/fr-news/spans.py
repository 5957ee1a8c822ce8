"""Annotation lists (`surface<TAB>LABEL`, reading order) as spans of a text,
matched exactly as shared/tools/mkgold.py matches them."""
import re


def spans(text, ann_path):
    pos, out = 0, []
    for line in open(ann_path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or (line.startswith("#") and "\t" not in line):
            continue
        surface, label = line.rsplit("\t", 1)
        m = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)").search(text, pos)
        if not m:
            raise ValueError(f"{ann_path}: not found after {pos}: {surface!r}")
        out.append((m.start(), m.end(), label.strip()))
        pos = m.end()
    return out
