#!/usr/bin/env python3
"""Draw the OrangeSum articles to annotate, in a fixed order, and write their texts.

The order is the annotation order: the first TEST_SIZE articles are the held-out
test split (nothing trains or tunes on them), the rest train. The draw is
uniform over the 30,692 articles (seeded, so it is the same on every machine);
an article's text is what a reader sees: title, standfirst, body, a blank line
between them, the body as the source has it (paragraphs glued: `jeudi.Le`).

    python3 corpus/fr-news/sample.py OUT_DIR [N]   # OUT_DIR/<id>.txt + OUT_DIR/order.txt
"""
import gzip, json, os, random, sys

SOURCE = os.path.join(os.path.dirname(__file__), "../../../shared/data/news/orangesum.fr.jsonl.gz")
SEED = 19
TEST_SIZE = 100
# Articles drawn, in annotation order: the first three rounds. Later rounds
# are themed (sample_themes.py), drawn from outside these 2,100; a change
# here would change their pools, so it stays.
ORDER_SIZE = 2100


def article_text(d):
    return "\n\n".join(part.strip() for part in (d["title"], d["heading"], d["text"]) if part.strip())


def draw(n):
    with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs.sort(key=lambda d: int(d["id"].split("-")[1]))
    return random.Random(SEED).sample(docs, n)


def main(out_dir, n=str(ORDER_SIZE)):
    write_texts(out_dir, draw(int(n)))


def write_texts(out_dir, chosen):
    """Writes OUT_DIR/<id>.txt for each article, and their order in OUT_DIR/order.txt."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "order.txt"), "w", encoding="utf-8") as order:
        for d in chosen:
            with open(os.path.join(out_dir, d["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(article_text(d))
            order.write(f"{d['id']}\t{d['date']}\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
