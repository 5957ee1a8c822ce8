#!/usr/bin/env python3
"""Time a whole spaCy NER run over a JSONL file ({"id","text"} per line).

usage: bench_spacy.py JSONL MODEL [MODE] [--batch-size N]
  MODE full  : the model's default pipeline (what spacy.load(MODEL) runs)
  MODE ner   : only the ner component plus whatever it listens to
               (a Tok2VecListener upstream); everything else is excluded at load time
  MODE ner_senter : ner + senter (senter is disabled in the default pipeline; it gives
               sentence boundaries, which the full pipeline gets from the parser and which
               stop ner from making entities that cross sentences)
  MODE tokenizer : tokenizer only (no components), for token counting / baseline

Prints JSON: seconds (script start -> end, including `import spacy` and model load),
tokens (spaCy tokens), tokens_per_second (tokens / seconds), and the parts:
import_seconds, load_seconds, pipe_seconds, pipe_tokens_per_second, docs, entities,
whitespace_tokens, pipe_names. Python interpreter start-up itself is not included;
time the whole process from outside (e.g. /usr/bin/time) for that.
"""
import time
T0 = time.perf_counter()
import json, sys, argparse
import spacy
from spacy.util import load_config, get_package_path, get_model_meta
T_IMPORT = time.perf_counter()


def ner_dependencies(model):
    """Names of components to keep so that ner works: ner + the tok2vec it listens to, if any."""
    pkg = get_package_path(model)
    meta = get_model_meta(pkg)
    path = pkg / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    cfg = load_config(path / "config.cfg")
    keep = ["ner"]
    t2v = cfg["components"]["ner"]["model"].get("tok2vec", {})
    if "Listener" in t2v.get("@architectures", ""):
        keep.append(t2v.get("upstream", "*") if t2v.get("upstream", "*") != "*" else "tok2vec")
    return keep, cfg["nlp"]["pipeline"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl"); ap.add_argument("model")
    ap.add_argument("mode", nargs="?", default="full", choices=["full", "ner", "ner_senter", "tokenizer"])
    ap.add_argument("--batch-size", type=int, default=None)
    a = ap.parse_args()
    texts = [json.loads(l)["text"] for l in open(a.jsonl, encoding="utf-8") if l.strip()]
    t_load0 = time.perf_counter()
    if a.mode == "full":
        nlp = spacy.load(a.model)
    else:
        keep, pipeline = ner_dependencies(a.model)
        if a.mode == "tokenizer":
            keep = []
        if a.mode == "ner_senter":
            keep = keep + ["senter"]
        nlp = spacy.load(a.model, exclude=[p for p in pipeline if p not in keep])
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    t_load1 = time.perf_counter()
    n_tok = n_ent = n_nonspace = 0
    kw = {"batch_size": a.batch_size} if a.batch_size else {}
    for doc in nlp.pipe(texts, **kw):
        n_tok += len(doc)
        n_nonspace += sum(1 for t in doc if not t.is_space)
        n_ent += len(doc.ents)
    t_end = time.perf_counter()
    total = t_end - T0
    print(json.dumps({
        "seconds": round(total, 3), "tokens": n_tok, "tokens_per_second": round(n_tok / total, 1),
        "import_seconds": round(T_IMPORT - T0, 3), "load_seconds": round(t_load1 - t_load0, 3),
        "pipe_seconds": round(t_end - t_load1, 3), "pipe_tokens_per_second": round(n_tok / (t_end - t_load1), 1),
        "docs": len(texts), "entities": n_ent, "non_space_tokens": n_nonspace, "whitespace_tokens": sum(len(t.split()) for t in texts),
        "model": a.model, "mode": a.mode, "pipe_names": nlp.pipe_names, "spacy": spacy.__version__,
    }))


if __name__ == "__main__":
    main()
