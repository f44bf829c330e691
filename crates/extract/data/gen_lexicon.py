#!/usr/bin/env python3
"""Derives trecho's event lexicons from the PETRARCH2 (English) and UniversalPetrarch (Spanish)
verb dictionaries, mapping CAMEO codes to PLOVER v2 types with CAMEO2PLOVER-2021.txt.

Run from the repository root when the source dictionaries change:
    python3 crates/extract/data/gen_lexicon.py /work/shared/data

Writes crates/extract/data/derived_en.tsv and derived_es.tsv. Columns (tab-separated):
    lemma  irregular_forms  object  cameo  plover_type  mode  source_line
`object` is empty for a verb's default code, else the words that must follow the verb
(`|` separates alternatives of one slot). Licence: see LICENSE-lexicons.md.
"""
import re
import sys
import unicodedata

SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = "crates/extract/data"


def fold(text):
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def read_crosswalk():
    table = {}
    for line in open(f"{SHARED}/tables/CAMEO2PLOVER-2021.txt", encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d+):\s*(\w+)\s*(?:,\s*([^,]*))?", line)
        if not m:
            continue
        code, typ, mode = m.group(1), m.group(2), (m.group(3) or "").strip()
        if code in table:  # root 08 is listed twice; the first (CONCEDE) is the bare root's value
            continue
        table[code] = (typ, mode)
    return table


CROSS = read_crosswalk()


def plover(code):
    """CAMEO code -> (type, mode) with the gold README's lookup order; 163 follows the spec
    (embargoes and sanctions are SANCTION), 01x/02x have no PLOVER type."""
    code = code.split(":")[0].strip()
    if not code.isdigit() or code[:2] in ("01", "02", "00"):
        return None
    if code == "163":
        return ("SANCTION", "restrict")
    for key in (code, code[:3], code[:2] + "0", code[:2]):
        if key in CROSS:
            typ, mode = CROSS[key]
            if key != code and len(code) > len(key):
                mode = mode if key == code[:3] else ""
            return (typ, mode.replace(" ", ""))
    return None


def read_synsets(lines):
    sets, current = {}, None
    for line in lines:
        s = line.split("#", 1)[0].strip()
        if s.startswith("&"):
            current = s.rstrip("_").upper()
            sets[current] = []
        elif s.startswith("+") and current:
            sets[current].append(s[1:].rstrip("_").replace("_", " "))
        elif "VERB PATTERNS" in line:
            break
    return sets


def object_words(post, synsets):
    """Turns the part after `*` of a pattern into a list of slots (alternatives)."""
    post = re.sub(r"[{}()$+%^]", " ", post)
    slots = []
    for word in post.split():
        if word.startswith("&"):
            name = word.rstrip("_").upper()
            if not synsets.get(name):
                return None
            slots.append(fold(name))
        else:
            w = fold(word.strip("_").replace("_", " "))
            if not w or not re.match(r"^[a-z0-9' -]+$", w):
                return None
            slots.append(w)
    return slots


def parse(path):
    """Returns (synsets used, rows): `V` rows are verbs of a block, `P` rows its patterns."""
    lines = open(path, encoding="utf-8").read().split("\n")
    synsets = read_synsets(lines)
    rows, used = [], set()
    in_verbs = False
    block = 0
    block_code = None
    for number, raw in enumerate(lines, 1):
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs:
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            block += 1
            block_code = m.group(2).strip()
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]+)\]", line)
            if not m or "*" not in m.group(1):
                continue
            pre, post = m.group(1).split("*", 1)
            if re.sub(r"[$+%^\s]", "", pre):  # words before the verb: not handled
                continue
            mapped = plover(m.group(2))
            slots = object_words(post, synsets)
            if not mapped or not slots or len(slots) > 3:
                continue
            used.update(s for s in slots if s.startswith("&"))
            rows.append(("P", block, "", "", " ".join(s.replace(" ", "_") for s in slots), m.group(2).split(":")[0], mapped[0], mapped[1], number))
            continue
        # A verb line: LEMMA {IRREGULAR FORMS} or LEMMA [+FORMS] and an optional own [code].
        text = line.strip()
        m = re.match(r"^\+?([A-ZÁÉÍÓÚÑÜ_'-]+)", text)
        if not m:
            continue
        lemma = fold(m.group(1).strip("_").replace("_", " "))
        forms = []
        own = None
        for group in re.findall(r"[{\[]([^}\]]*)[}\]]", text):
            if re.match(r"^\s*[\d:]+\s*$", group):
                own = group.strip()
            else:
                forms += [fold(f.strip("+").strip("_")).replace(" ", "").replace("_", " ") for f in group.replace(",", " ").split() if f.strip("+,")]
        code = own or block_code
        mapped = plover(code) if code and code != "---" else None
        rows.append(("V", block, lemma, "|".join(forms), "", code or "---", mapped[0] if mapped else "-", mapped[1] if mapped else "", number))
    return {k: synsets[k] for k in synsets if fold(k) in used}, rows


def write(parsed, path, source):
    synsets, rows = parsed
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# Derived from {source} by gen_lexicon.py; CAMEO->PLOVER via CAMEO2PLOVER-2021.txt.\n")
        f.write("# S name members | V block lemma forms - cameo type mode line | P block - - object cameo type mode line\n")
        for name, members in sorted(synsets.items()):
            f.write("S\t" + fold(name) + "\t" + "|".join(sorted(set(fold(m) for m in members))) + "\n")
        for row in rows:
            if row in seen:
                continue
            seen.add(row)
            f.write("\t".join(str(x) for x in row) + "\n")
    print(path, len(seen))


write(parse(f"{SHARED}/dictionaries/english/CAMEO.2.0.txt"), f"{OUT}/derived_en.tsv", "PETRARCH2 CAMEO.2.0.txt (MIT)")
write(parse(f"{SHARED}/dictionaries/spanish/verbpatterns_es_190128.txt"), f"{OUT}/derived_es.tsv", "UniversalPetrarch verbpatterns_es_190128.txt (MIT)")
