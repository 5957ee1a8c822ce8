#!/usr/bin/env python3
"""Inter-annotator agreement on the German and Spanish corpus's texts
annotated twice, independently (its development split), measured as
corpus/fr-genres/agreement.py measures it.

    python3 corpus/news-de-es/agreement.py [--diff] [A_DIR B_DIR]

The folders default to double/a and double/b beside this file.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("genres_agreement", os.path.join(HERE, "..", "fr-genres", "agreement.py"))
genres = importlib.util.module_from_spec(spec)
spec.loader.exec_module(genres)

if __name__ == "__main__":
    genres.main(*sys.argv[1:], here=HERE)
