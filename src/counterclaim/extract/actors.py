"""Actors: every person, organisation, country, group and media outlet an article mentions, clustered.

``extract_actors(doc, document)`` finds mentions (NER entities PERSON/ORG/GPE/LOC/NORP plus longest-match
lookups in the shipped Phoenix/PETRARCH actor dictionary), cleans them (determiners, possessives and
titles such as "Brig. Gen." stripped), reads roles and affiliations off the noun phrase around them
("IRGC spokesman Ramazan Sharif", "Iran's Islamic Revolutionary Guard Corps", "Hamas's military commander
Muhammad Deif"), turns demonyms and capitals that stand for a state into that state ("Iranian officials",
"Tehran responded"), and clusters the mentions into actors with a canonical name and aliases.

Design choices (documented here because readers of the output rely on them):

* "Iranian officials" / "US soldiers" (a demonym or country followed by an agent noun from the Phoenix agent
  dictionary) become a *group* actor named as written, with ``role`` the agent phrase, ``country`` the state
  and ``affiliation`` the state's actor: speakers quoted as "Iranian officials" are not the state itself,
  but the chain ("Iranian officials", "Iran") keeps the link.
* A bare demonym adjective ("the Iranian claim", "top Iranian commander") is a mention of the country.
* A capital stands for its state only where it acts: subject, possessor or agent ("Tehran responded",
  "Tehran's efforts"); elsewhere it is a place (type ``other``, with its country).
* Clustering: same dictionary entry (when the surface forms are compatible), same normalised name,
  acronym = initials ("IRGC" ~ "Islamic Revolutionary Guard Corps"), a shorter organisation name inside a
  longer one ("Revolutionary Guard"), a surname or trailing part of a person's name ("Mousavi" ~ "Razi
  Mousavi", the nearest preceding match wins), one actor per country.

Heuristics follow event-data actor coding (Schrodt, "CAMEO Conflict and Mediation Event Observations
Codebook", 2012; the PETRARCH2 coder, Norris, Schrodt & Beieler 2017) and the name-matching practice of
within-document entity clustering (Bagga & Baldwin 1998).

The stage is split by concern: :mod:`~counterclaim.extract.actor_mentions` finds mentions,
:mod:`~counterclaim.extract.actor_types` types them (and reads capital metonymy),
:mod:`~counterclaim.extract.actor_groups` reads groups, roles and affiliations,
:mod:`~counterclaim.extract.actor_clusters` clusters them and names the actors, and
:mod:`~counterclaim.extract.actor_base` holds the shared mention class and constants. This module runs
the stage, keeps the helpers other stages use and re-exports the constants.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from counterclaim.extract.actor_base import INITIALS_SKIP, MAX_AGENT_WORDS, ORGLIKE, POSSESSIVE, TYPE_RANK
from counterclaim.extract.actor_clusters import _canonical, _cluster
from counterclaim.extract.actor_groups import MEMBER_WORDS, _groups_and_roles
from counterclaim.extract.actor_mentions import (ACTOR_LABELS, EDGE_WORDS, HYPHENS, NAME_PARTICLES, NOT_NAMES,
                                                 PRONOUN_WORDS, SKIP_ROLES, TRAILING_WORDS, _mentions)
from counterclaim.extract.actor_types import ACTING_DEPS, _metonymy
from counterclaim.extract.gazetteer import key, load_knowledge
from counterclaim.model import Actor, Document, Span, make_id

__all__ = ["extract_actors", "actor_at", "affiliation_chain", "ACTOR_LABELS",
           # constants re-exported from the modules that read them
           "ACTING_DEPS", "POSSESSIVE", "EDGE_WORDS", "TRAILING_WORDS", "INITIALS_SKIP", "TYPE_RANK", "ORGLIKE",
           "MAX_AGENT_WORDS", "SKIP_ROLES", "NOT_NAMES", "HYPHENS", "PRONOUN_WORDS", "MEMBER_WORDS", "NAME_PARTICLES"]


# --------------------------------------------------------------------------- the stage


def extract_actors(doc: Any, document: Document, *, actors_file: Optional[str] = None) -> tuple[Actor, ...]:
    """Actors of ``document`` (``doc`` is the spaCy Doc of ``document.text``), clustered, with affiliation.

    ``actors_file`` (or ``$COUNTERCLAIM_ACTORS``): a YAML or CSV file of extra or overriding actors.
    """
    k = load_knowledge(actors_file)
    ms = _mentions(doc, document, k)
    _metonymy(doc, ms, k)
    ms = _groups_and_roles(doc, ms, k)
    clusters = _cluster(ms, k)
    ms = [m for m in ms if m.cluster >= 0]
    names = [_canonical(c, k) for c in clusters]
    # one actor per country; a country needed by an affiliation but never named is added without mentions
    by_country = {c["country"]: i for i, c in enumerate(clusters) if c["kind"] == "country" and c["country"]}

    def country_cluster(iso3: str) -> int:
        if iso3 not in by_country:
            clusters.append({"kind": "country", "country": iso3, "texts": [], "keys": set(), "forms": [],
                             "entries": [], "members": [], "implied": True})
            names.append((k.country_name(iso3), ()))
            by_country[iso3] = len(clusters) - 1
        return by_country[iso3]

    affil: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        votes: Counter = Counter()
        for m in c["members"]:
            if m.affil is not None and m.affil.cluster != ci and m.affil.cluster >= 0:
                votes[m.affil.cluster] += 2
            elif m.affil_country:
                votes[("c", m.affil_country)] += 1
        if not votes and c["kind"] != "country":
            entries = c["entries"] or [m.extra["partial"] for m in c["members"] if "partial" in m.extra]
            state = next((e for e in entries if e.is_state_institution), None)
            if state is not None and state.country:
                votes[("c", state.country)] += 1
            user = next((e.affiliation for e in entries if e.affiliation), None)
            if user:
                target = next((j for j, (n, al) in enumerate(names) if key(n) == key(user)
                               or key(user) in {key(a) for a in al}), None)
                if target is not None:
                    votes[target] += 3
        if not votes:
            continue
        best = votes.most_common(1)[0][0]
        target = country_cluster(best[1]) if isinstance(best, tuple) else best
        if target == ci:
            continue
        # no cycles
        j, seen = target, {ci}
        while j in affil and j not in seen:
            seen.add(j)
            j = affil[j]
        if j in seen:
            continue
        affil[ci] = target

    ids = []
    used: dict[str, int] = {}
    for ci, (name, _al) in enumerate(names):
        aid = make_id("a", document.id, name)
        if aid in used:
            aid = make_id("a", document.id, name, ci)
        used[aid] = ci
        ids.append(aid)

    def country_of(ci: int, depth: int = 0) -> Optional[str]:
        c = clusters[ci]
        if c["country"] or depth > 6:
            return c["country"]
        return country_of(affil[ci], depth + 1) if ci in affil else None

    actors = []
    for ci, c in enumerate(clusters):
        name, aliases = names[ci]
        members = sorted(c["members"], key=lambda m: m.start)
        mentions, seen_spans = [], set()
        for m in members:
            if (m.start, m.end) not in seen_spans:
                seen_spans.add((m.start, m.end))
                mentions.append(Span.of(document.text, m.start, m.end))
        role = next((m.role for m in members if m.role), None)
        entries = c["entries"] or [m.extra["partial"] for m in members if "partial" in m.extra]
        code = entries[0].code if entries else None
        if code is None and c["country"] and any(m.sector for m in members):
            code = c["country"] + next(m.sector for m in members if m.sector)
        rules = sorted({m.rule for m in members}) or ["implied_by_affiliation"]
        actors.append(Actor(
            id=ids[ci], name=name, type=c["kind"], country=country_of(ci),
            affiliation=ids[affil[ci]] if ci in affil else None,
            mentions=tuple(mentions), aliases=aliases, role=role, code=code, rule="+".join(rules),
        ))
    actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else len(document.text), a.name))
    return tuple(actors)


# --------------------------------------------------------------------------- helpers for other stages


def affiliation_depth(actors_by_id: dict, actor_id: Optional[str]) -> int:
    """How many links the affiliation chain of ``actor_id`` has (itself included)."""
    n, seen = 0, set()
    while actor_id and actor_id in actors_by_id and actor_id not in seen:
        seen.add(actor_id)
        actor_id = actors_by_id[actor_id].affiliation
        n += 1
    return n


def actor_at(actors, start: int, end: int) -> Optional[Actor]:
    """The actor with a mention overlapping ``[start, end)``; the most specific one when several do.

    Most specific = deepest in its affiliation chain (a spokesman before his organisation before its state),
    then the largest overlap, then the person/media/organisation type order.
    """
    by_id = {a.id: a for a in actors}
    best, best_key = None, None
    for a in actors:
        for sp in a.mentions:
            ov = min(end, sp.end) - max(start, sp.start)
            if ov <= 0 and not (start == end and sp.start <= start < sp.end):
                continue
            kk = (affiliation_depth(by_id, a.id), max(ov, 0), TYPE_RANK.get(a.type, 0))
            if best_key is None or kk > best_key:
                best, best_key = a, kk
    return best


def affiliation_chain(actors, actor_id: Optional[str]) -> tuple[str, ...]:
    """Names from the actor outward through its affiliations: ("Ramazan Sharif", "IRGC", "Iran")."""
    by_id = {a.id: a for a in actors}
    out: list[str] = []
    seen = set()
    while actor_id and actor_id in by_id and actor_id not in seen:
        seen.add(actor_id)
        a = by_id[actor_id]
        out.append(a.name)
        actor_id = a.affiliation
    return tuple(out)
