#!/usr/bin/env python3
"""One-off conversion of the PETRARCH2 / UniversalPetrarch actor dictionaries (MIT) into
trecho's tab-separated actor format.

Run from the repository root:

    python3 crates/actors/tools/convert_petrarch.py /work/shared/data/dictionaries crates/actors/data

It writes the `petrarch_*.tsv` files under crates/actors/data. The product never reads the
source dictionaries: the generated files are committed. See crates/actors/NOTICE.md.
"""
import re
import sys
import unicodedata
from pathlib import Path

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "CRM", "REB", "BUS", "MED", "CVL", "IGO",
           "NGO", "OPP", "PTY"}
# CAMEO sector codes outside the record's set, mapped to the nearest one (None: no sector).
SECTOR_MAP = {"INS": "REB", "SEP": "REB", "UAF": "REB", "RAD": None, "MOD": None, "ELI": None,
              "HRI": "NGO", "MNC": "BUS", "AGR": "CVL", "EDU": "CVL", "HLH": "CVL", "LAB": "CVL",
              "REF": "CVL", "ENV": "CVL", "DEV": "CVL", "REL": "CVL", "IMG": "REB", "AMN": "NGO",
              "IRC": "NGO", "GRP": "NGO", "UNO": "IGO", "SPY": "SPY"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
COUNTRY_MAP = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "SER": "SRB", "KSV": "XKX",
               "BAH": "BHS", "GZS": "PSE", "WST": "PSE", "PAL": "PSE", "BYS": "BLR",
               "DRC": "COD", "RUM": "ROU", "YUG": "SRB", "UK": "GBR", "GMY": "DEU"}
# One-word country names that are also common words or first names.
TRAPS = {"turkey", "chad", "jordan", "georgia", "china", "guinea", "niger"}
DATE = re.compile(r"^(\d{6}|\d{8})$")


def fold(text):
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.lower()


def parse_blocks(path):
    """Yields (names, codes) per entry; codes are (code, from, to) with ISO dates or ''."""
    names, codes = [], []
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0]
        stripped = body.strip()
        if not stripped:
            continue
        inline_codes = re.findall(r"\[([^\]]*)\]", stripped)
        name_part = re.sub(r"\[[^\]]*\]", "", stripped).strip()
        if line[0] in " \t" and stripped.startswith("["):
            for code in inline_codes:
                codes.append(parse_code(code))
            continue
        if stripped.startswith("+") or stripped.startswith("_"):
            if name_part.lstrip("+_"):
                names.append(name_part.lstrip("+"))
            for code in inline_codes:
                codes.append(parse_code(code))
            continue
        if names:
            yield names, codes
        names, codes = [name_part], [parse_code(code) for code in inline_codes]
    if names:
        yield names, codes


def country_code(codes):
    """The country of a country block: its bare three-letter code that is still valid (no end
    date), as in `[IRQ >20060520]`; None for people and for countries that no longer exist."""
    if not all(re.fullmatch(r"[A-Z]{3}[A-Z]{0,3}", code) for code, _, _ in codes):
        return None
    current = [code for code, _, end in codes if re.fullmatch(r"[A-Z]{3}", code) and not end]
    if len(current) != 1:
        return None
    return COUNTRY_MAP.get(current[0], current[0])


def parse_date(text):
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 20 else 1900
        month, day = text[2:4], text[4:6]
    else:
        year, month, day = int(text[:4]), text[4:6], text[6:8]
    month = min(max(int(month), 1), 12)
    day = min(max(int(day), 1), 28 if month == 2 else 30)
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_code(text):
    parts = text.split()
    if not parts:
        return None
    code, start, end = parts[0].lstrip("~"), "", ""
    for part in parts[1:]:
        try:
            if part.startswith(">") and DATE.match(part[1:]):
                start = parse_date(part[1:])
            elif part.startswith("<") and DATE.match(part[1:]):
                end = parse_date(part[1:])
            elif "-" in part:
                a, b = part.split("-", 1)
                if DATE.match(a) and DATE.match(b):
                    start, end = parse_date(a), parse_date(b)
        except ValueError:
            pass
    if start and end and start > end:
        start, end = end, start
    return (code, start, end)


def clean_name(name):
    # "MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_": keep the name, drop the bracketed acronym
    # (expand_acronyms adds it as its own alias).
    name = re.sub(r"\([^)]*\)", " ", name)
    name = name.strip().strip("_").replace("_", " ").strip()
    name = re.sub(r"\s+", " ", name).strip(" '-,?]")
    if '"' in name or "," in name or "?" in name:
        return None
    if not name or "!" in name or "(" in name or ")" in name or "\t" in name or "|" in name:
        return None
    if len(name) < 2 or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return None
    return name


def expand_acronyms(names):
    """Adds the acronyms written in brackets in dictionary names as aliases of their own."""
    extra = []
    for name in names:
        for acronym in re.findall(r"\(([A-Z][A-Z0-9/\-]{1,8})\)", name):
            extra.append(acronym)
    return names + extra


def smart_case(name):
    """Title-cases an upper-case dictionary phrase; keeps short all-capital acronyms."""
    if re.fullmatch(r"[A-Z0-9.&\-]{2,6}", name) and (len(name) <= 4 or "." in name):
        return name
    words = []
    for word in name.split(" "):
        if is_acronym(word):
            words.append(word)
        elif word.upper() in ("OF", "THE", "AND", "DE", "DEL", "LA", "LAS", "LOS", "Y", "EL", "FOR", "IN"):
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    if words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


ACRONYMS = {"US", "UN", "UK", "EU", "USA", "UAE", "PLO", "ANC", "OAS", "OAU", "IMF", "WTO", "WHO",
            "NATO", "OPEC", "ASEAN", "FARC", "ELN", "ETA", "IRA", "KLA", "UNITA", "SPLA", "SPLM",
            "PKK", "LTTE", "RUF", "NPFL", "MPLA", "OSCE", "ECOWAS", "UNHCR", "UNICEF", "IAEA"}


def is_acronym(word):
    """Words kept in capitals when a dictionary phrase is title-cased."""
    letters = re.sub(r"[^A-Z]", "", word)
    if word in ACRONYMS:
        return True
    if "." in word and 1 <= len(letters) <= 4:
        return True
    return 2 <= len(letters) <= 5 and letters == word and not re.search(r"[AEIOUY]", word)


def split_code(code, countries):
    """CAMEO code → (country or None, sector or None)."""
    code = code.upper()
    if code.startswith("IGO"):
        return None, "IGO"
    if code.startswith("NGO"):
        return None, "NGO"
    if code.startswith("IMG"):
        return None, "REB"
    if code.startswith("MNC"):
        return None, "BUS"
    country = COUNTRY_MAP.get(code[:3], code[:3])
    if country not in countries:
        return None, None
    rest = code[3:6]
    if not rest:
        return country, None
    if rest in SECTORS:
        return country, rest
    return country, SECTOR_MAP.get(rest)


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    common = common_words(source)
    # Canonical country names come from the hand-written countries.tsv.
    canonical_names = {}
    for line in open(out / "countries.tsv", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 7 and fields[6] == "country" and not line.startswith("#"):
            canonical_names[fields[1]] = fields[3]
    country_names = set()
    for line in open(out / "countries.tsv", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 7 and fields[6] in ("country", "demonym") and not line.startswith("#"):
            country_names.update(fold(a.lstrip("=")) for a in fields[0].split("|"))
    countries = {}
    # Pass 1: country blocks (a bare three-letter code, no dates).
    country_rows, person_rows = [], []
    blocks = list(parse_blocks(source / "english/Phoenix.Countries.actors.txt"))
    for names, codes in blocks:
        codes = [c for c in codes if c]
        code = country_code(codes)
        if code:
            countries.setdefault(code, names[0])
    for names, codes in blocks:
        codes = [c for c in codes if c]
        if not codes:
            continue
        clean = [n for n in (clean_name(n) for n in expand_acronyms(names)) if n]
        if not clean:
            continue
        code = country_code(codes)
        if code:
            head = clean[0]
            canonical = canonical_names.get(code) or smart_case(countries.get(code, head).strip("_").replace("_", " "))
            for name in clean:
                kind = classify_place(name, head)
                # Demonyms are lowercase in Spanish ("los mexicanos"), and country names are
                # proper nouns; only the known traps among them need a capital letter.
                if kind == "demonym" or (name == head and fold(name) not in TRAPS):
                    alias = smart_case(name)
                elif " " not in name and fold(name) in common:
                    # A one-word place that is also a common word ("Nation", "Reading"):
                    # too many false matches to keep.
                    continue
                else:
                    alias = alias_text(name, common)
                country_rows.append((alias, code, "", canonical, "", "", kind))
        else:
            canonical = smart_case(clean[0])
            # A person or organisation listed under a bare country name ("E-House Holdings
            # Limited|CHINA") would capture every mention of that country.
            kept = [n for n in clean if fold(n) not in country_names]
            if not kept:
                continue
            aliases = "|".join(dict.fromkeys(alias_text(n, common) for n in kept))
            dated = [c for c in codes if c[1] or c[2]]
            undated = [c for c in codes if not (c[1] or c[2])]
            for code, start, end in dated + undated:
                country, sector = split_code(code, countries)
                if country is None and sector is None:
                    continue
                kind = "agency" if INSTITUTION.search(canonical) else "person"
                person_rows.append((aliases, country or "", sector or "", canonical, start, end, kind))
    write(out / "petrarch_countries.tsv", country_rows,
          "Country names, demonyms and places standing for their country, from petrarch2's "
          "Phoenix.Countries.actors.txt (MIT).")
    write(out / "petrarch_people.tsv", person_rows,
          "Office-holders and other people with date ranges, from petrarch2's "
          "Phoenix.Countries.actors.txt (MIT). Sectors ELI/MOD/RAD have no sector here.")
    groups = []
    for file_name, kind in [("english/Phoenix.MilNonState.actors.txt", "group"),
                            ("english/Phoenix.International.actors.txt", "igo")]:
        for names, codes in parse_blocks(source / file_name):
            codes = [c for c in codes if c]
            clean = [n for n in (clean_name(n) for n in expand_acronyms(names)) if n]
            if not codes or not clean:
                continue
            canonical = smart_case(clean[0])
            kept = [n for n in clean if fold(n) not in country_names]
            if not kept:
                continue
            aliases = "|".join(dict.fromkeys(alias_text(n, common) for n in kept))
            for code, start, end in codes[:1]:
                country, sector = split_code(code, countries)
                if sector is None and country is None:
                    continue
                row_kind = kind
                if kind == "igo" and sector != "IGO":
                    row_kind = "group" if sector == "REB" else "agency"
                if row_kind == "agency" and sector is None:
                    continue
                groups.append((aliases, country or "", sector or "", canonical, start, end, row_kind))
    write(out / "petrarch_groups.tsv", groups,
          "Armed non-state groups, international organisations and NGOs, from petrarch2's "
          "Phoenix.MilNonState.actors.txt and Phoenix.International.actors.txt (MIT).")
    agents = convert_agents(source, common)
    write(out / "petrarch_agents.tsv", agents,
          "Generic agent nouns → sector, from petrarch2's Phoenix.agents.txt (MIT). "
          "They only count next to a country or demonym.")
    print("agents", len(agents), "countries", len(countries), "country rows", len(country_rows), "people", len(person_rows),
          "groups", len(groups))


AGENT_SECTOR_MAP = {"UAF": "REB", "HLH": "CVL", "EDU": "CVL", "AGR": "CVL", "LAB": "CVL",
                    "ENV": "CVL", "REF": "CVL", "DEV": "GOV", "HRI": "NGO", "MNC": "BUS"}


def convert_agents(source, common):
    rows = []
    # Only the English list: the Spanish one (agents_181220.txt) mixes in abstract nouns
    # ("intervención", "explotación") that would turn "intervención de Estados Unidos" into
    # an actor; Spanish agent nouns are hand-written in agents.tsv instead.
    for path in ["english/Phoenix.agents.txt"]:
        templates = {}
        for raw in open(source / path, encoding="utf-8", errors="replace"):
            line = raw.split("#", 1)[0].strip()
            template = re.match(r"^(![A-Z]+!)[_ ]*=[_ ]*(.*)$", line)
            if template:
                templates[template.group(1)] = [w.strip(" _") for w in template.group(2).split(",") if w.strip(" _")]
                continue
            match = re.match(r"^([^\[]+?)\s*\[~?([A-Z]{3})[A-Z]*\]", line)
            if not match:
                continue
            name, code = match.group(1).strip(), match.group(2)
            sector = code if code in SECTORS else AGENT_SECTOR_MAP.get(code)
            if sector is None:
                continue
            names = [name]
            for key, options in templates.items():
                if key in name:
                    names = [n.replace(key, option) for n in names for option in options]
            for expanded in names:
                clean = clean_name(expanded)
                if clean is None or "!" in clean:
                    continue
                # Articles are not part of the noun ("LAS_AUTORIDADES_").
                clean = re.sub(r"^(?i:the|el|la|los|las|un|una|unos|unas) ", "", clean)
                rows.append((clean.lower(), "", sector, "", "", "", "agent-combined"))
    return rows


INSTITUTION = re.compile(r"\b(Department|Ministry|Council|Agency|Military|Army|Navy|Police|Assembly|"
                         r"Parliament|Congress|Court|Committee|Commission|Party|Office|Bureau|"
                         r"Government|Administration|Service|Forces?|Command|Guard|Senate|Cabinet|"
                         r"Ministerio|Secretar[ií]a|Partido|Gobierno|Ej[eé]rcito|Polic[ií]a|"
                         r"Corte|Tribunal|Congreso|Senado)\b")

DEMONYM = re.compile(r"(AN|ANS|ESE|ISH|I|IS|IAN|IANS|ER|ERS|OT|OTS|IC|CH|IANO|IANA|ANO|ANA|ENSE|ENSES|ANOS|ANAS|ES|INO|INOS|INA|INAS)$")


def classify_place(name, head):
    name = re.sub(r"^THE ", "", name.upper())
    head = re.sub(r"^THE ", "", head.upper())
    if name == head:
        return "country"
    if " " not in name and DEMONYM.search(name.upper()) and fold(name)[:3] == fold(head)[:3]:
        return "demonym"
    upper = name.upper()
    if upper.startswith(head.upper() + " "):
        return "capital"
    if any(word in upper for word in ("REPUBLIC", "KINGDOM", "UNITED STATES", "ESTADOS UNIDOS",
                                      "FEDERATION", "EMIRATE", "COMMONWEALTH", "REINO")):
        return "country"
    if fold(name)[:4] == fold(head)[:4]:
        return "country"
    return "capital"


def alias_text(name, common):
    """The alias as written in trecho data: title case, and single words that are also common
    lowercase words ("Turkey", "Chad") marked `=` so they only match capitalized."""
    text = smart_case(name)
    if " " not in text and fold(text) in common and not re.fullmatch(r"[A-Z0-9.]+", text):
        return "=" + text
    return text


def common_words(source):
    """Words seen in lowercase in running text of the gold sets, plus known traps: a
    one-word name that is also such a word ("Turkey", "Chad", "Nice") is marked to match only
    when capitalized."""
    words = set(TRAPS) | {"turkey", "chad", "jordan", "georgia", "china", "guinea", "victoria", "reading",
             "nice", "split", "mobile", "bath", "deal", "orange", "jersey", "cork", "male",
             "split", "sale", "mali", "gold", "mayo", "march", "may", "independence", "union",
             "liberty", "hope", "faith", "grace", "president", "general", "marina", "defensa",
             "colon", "paz", "leon", "sucre", "cruz", "santa", "san", "norte", "sur", "este",
             "oeste", "centro", "capital", "estado", "republica", "nacional", "federal"}
    gold = source.parent / "gold"
    for path in gold.glob("*.jsonl"):
        text = open(path, encoding="utf-8").read()
        for token in re.findall(r"\b[a-zà-ÿ]+\b", text):
            words.add(fold(token))
    return words


def write(path, rows, description):
    seen = set()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"# {description}\n")
        handle.write("# Generated by crates/actors/tools/convert_petrarch.py; do not edit by hand: "
                     "add corrections to the hand-written files, which take priority.\n")
        handle.write("# aliases\tcountry\tsector\tname\tfrom\tto\tkind\n")
        for row in rows:
            if row in seen:
                continue
            seen.add(row)
            handle.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
