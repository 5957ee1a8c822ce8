"""Annotation lists (`surface<TAB>LABEL`, reading order) as spans of a text,
matched exactly as shared/tools/mkgold.py matches them; and the gold JSONL
split files built from them (fr-news and fr-genres)."""
import json, os, re


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


def annotated(folder, pattern):
    """Each text `folder/texts/<name>` whose name matches `pattern` (a
    regular expression whose first group is the id) and that has an
    annotation `folder/annotations/<id>.tsv`, in name order: (the match,
    the text, its spans as lists)."""
    for name in sorted(os.listdir(os.path.join(folder, "texts"))):
        m = re.fullmatch(pattern, name)
        ann = m and os.path.join(folder, "annotations", m.group(1) + ".tsv")
        if not m or not os.path.exists(ann):
            continue
        text = open(os.path.join(folder, "texts", name), encoding="utf-8").read()
        yield m, text, [list(s) for s in spans(text, ann)]


def write_splits(folder, stem, splits, unit):
    """Writes `folder/<stem>.<split>.jsonl` for each split's documents and
    prints its size (`unit`: what a document is called)."""
    for split, lines in splits.items():
        path = os.path.join(folder, f"{stem}.{split}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        names = sum(1 for l in lines for e in l["entities"] if e[2] != "?")
        words = sum(len(l["text"].split()) for l in lines)
        print(f"{split}: {len(lines)} {unit}, {words} words, {names} mentions -> {os.path.relpath(path)}")
