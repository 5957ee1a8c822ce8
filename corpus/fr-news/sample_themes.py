#!/usr/bin/env python3
"""Draw the themed rounds: OrangeSum articles of the kinds of names the
uniform draw of sample.py holds few of, so that the French model learns them
from real news. Each round is a theme: the words that tell an article of it,
how many times at least, a seed and a size.

- `works` (the fourth round): films, series, books, songs, shows.
- `events` (the fifth): named events, competitions, laws, plans, products.
- `organisations` (the sixth): companies, hospitals, schools, universities,
  regiments, publishers, associations, unions: the organisations French
  news names with common words or a lower-case head.

A round's pool is every article outside sample.py's uniform draw and the
earlier rounds that holds 150-650 words and its theme's words MIN_HITS times
at least; the draw is seeded, so it is the same on every machine. The
articles all go to the train split: the held-out test split stays the
uniform draw of sample.py.

    python3 corpus/fr-news/sample_themes.py ROUND OUT_DIR   # OUT_DIR/<id>.txt + OUT_DIR/order.txt
"""
import gzip, json, os, random, re, sys

sys.path.insert(0, os.path.dirname(__file__))
from sample import SOURCE, article_text, draw, write_texts  # noqa: E402

# The uniform draw the themed rounds stay outside of: sample.py's first
# three rounds, frozen here so that the themed draws never move.
UNIFORM_SIZE = 2100

MIN_HITS = 4
# name: (seed, size, the theme's words), in drawing order.
ROUNDS = {
    "works": (
        2026,
        84,
        r"\b(film|films|série|séries|roman|album|documentaire|livre|chanson|spectacle|réalisateur|"
        r"réalisatrice|long-métrage|saison|épisode|Netflix|clip|single|bande dessinée|BD)\b",
    ),
    "events": (
        2028,
        84,
        r"\b(loi|lois|réforme|traité|accord|plan|pacte|sommet|Coupe|Mondial|Euro|Jeux|Ligue|Tour|Grand Prix|"
        r"championnat|tournoi|édition|festival|salon|Salon|modèle|smartphone|iPhone|marque)\b",
    ),
    "organisations": (
        2030,
        84,
        r"\b(entreprise|société|groupe|filiale|start-up|banque|assureur|hôpital|CHU|clinique|lycée|collège|"
        r"université|école|académie|régiment|journal|quotidien|hebdomadaire|magazine|association|fédération|"
        r"syndicat|fondation|institut|laboratoire|compagnie|enseigne|constructeur|opérateur)\b",
    ),
}


def draw_rounds_by_name():
    """Each round's articles, in annotation order, drawn in one pass over
    OrangeSum: a round's pool leaves out the uniform draw and the rounds
    before it."""
    taken = {d["id"] for d in draw(UNIFORM_SIZE)}
    with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs.sort(key=lambda d: int(d["id"].split("-")[1]))
    texts = {d["id"]: article_text(d) for d in docs}
    rounds = {}
    for name, (seed, size, words) in ROUNDS.items():
        theme = re.compile(words)
        pool = [d for d in docs if d["id"] not in taken and 150 <= len(texts[d["id"]].split()) <= 650 and len(theme.findall(texts[d["id"]])) >= MIN_HITS]
        rounds[name] = random.Random(seed).sample(pool, size)
        taken |= {d["id"] for d in rounds[name]}
    return rounds


def draw_rounds():
    """Every round's articles, round after round."""
    return [d for chosen in draw_rounds_by_name().values() for d in chosen]


if __name__ == "__main__":
    write_texts(sys.argv[2], draw_rounds_by_name()[sys.argv[1]])
