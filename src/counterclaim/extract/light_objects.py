"""Objects and verb chains that belong to the cue: "issued a statement calling …", "continued to call for …".

With a light verb or a carrier noun, the verb's object is part of the reporting predicate, not what was said:
PolNeAR's cue then runs from the verb to where the content starts (the noun's complement), as in "released a
statement saying | that …", "claim credit for | last month's attacks", "have expressed concern | that …".
Whether a verb form or an object noun does this is learned from PolNeAR train (``training/statements.py``:
for each gold cue headed by a verb with an object, is the object inside the cue or inside the content) and
shipped in ``statement_cues.json`` under ``objects``. A verb like "accuse" keeps its object in the content
("accused Holt | of being a Democrat" is the exception there, "accused | Holt of being a Democrat" the rule).

The same holds for some verbs with an infinitive: "continued to call for | more information", "tried to
discredit | the report", "went on to explain | how …" put the chain in the cue, where "urged | to …", "vowed |
to …" do not. That is learned per verb form too (``objects["chains"]``).
"""
from __future__ import annotations

from typing import Any, Optional

from counterclaim.extract.cues import CueModel, cue_key
from counterclaim.extract.statement_base import RawStatement, _Ctx, _is_time, _trim

#: move a light verb's object into the cue (see the module docstring)
OBJECTS_INTO_CUE = True
#: train counts below this say nothing about a verb form or an object noun
MIN_COUNT = 3
#: share of training cases with the object in the cue above which it joins the cue
THRESHOLD = 0.5
#: move the infinitive of a chain verb ("continued to call for") into the cue (see the module docstring)
CHAINS_INTO_CUE = True

_NOUN_COMPLEMENTS = ("acl", "acl:relcl", "ccomp", "nmod", "xcomp")
_VERB_COMPLEMENTS = ("obl", "ccomp", "xcomp", "advcl")
_REPORTING_PARTICIPLE_TAGS = ("VBG",)
#: prepositions that open what a carrier noun is about ("concerns about", "credit for", "aim at"); "of", "from",
#: "in" and "by" phrases belong to the noun phrase itself ("the results of their check", "a letter from his doctor")
TOPIC_CASES = frozenset({"about", "on", "over", "for", "against", "at", "into", "as", "toward", "towards",
                         "regarding"})
#: where or when something was said is no content: "released a video on Tuesday", "voiced concern on his
#: Facebook page", "posted a video on YouTube"
PLATFORM_NOUNS = frozenset({"page", "website", "site", "twitter", "facebook", "youtube", "instagram", "tiktok",
                            "television", "tv", "radio", "account", "channel", "blog", "feed", "network", "air"})


def object_in_cue_rate(model: CueModel, verb: Any, obj: Any) -> Optional[float]:
    """How often PolNeAR train puts this object in the cue: the mean of the verb form's and the object noun's
    rates where both were seen :data:`MIN_COUNT` times, else the one that was; None when neither was."""
    lex = model.objects or {}
    rates = []
    for table, key in (("verbs", cue_key(verb)), ("nouns", obj.lemma_.lower())):
        n_in, n = (lex.get(table) or {}).get(key, (0, 0))
        if n >= MIN_COUNT:
            rates.append(n_in / n)
    return sum(rates) / len(rates) if rates else None


def chain_in_cue_rate(model: CueModel, verb: Any) -> Optional[float]:
    """How often PolNeAR train puts the infinitive after this verb form in the cue (None: seen too rarely)."""
    n_in, n = ((model.objects or {}).get("chains") or {}).get(cue_key(verb), (0, 0))
    return n_in / n if n >= MIN_COUNT else None


def _verb_complement(x: Any) -> Optional[Any]:
    """What the chained verb takes: its object, clause, infinitive, or topic phrase ("call for | …")."""
    cands = [c for c in x.children if c.i > x.i and (c.dep_ in ("obj", "ccomp", "xcomp") or (
        c.dep_ in ("obl", "nmod") and _topic_phrase(c)))]
    return min(cands, key=lambda c: min(t.i for t in c.subtree)) if cands else None


def chains_into_cue(raws: list[RawStatement], ctx: _Ctx, model: CueModel) -> None:
    """See :data:`CHAINS_INTO_CUE`: for a statement whose content is the cue verb's infinitive ("continued |
    to call for more information"), when the lexicon puts that infinitive in the cue, the cue runs through it
    and the content is what it takes."""
    if not (model.objects or {}).get("chains"):
        return
    doc = ctx.doc
    for r, v in _verb_cued(raws):
        x = next((c for c in v.children if c.dep_ == "xcomp" and c.i > v.i and c.pos_ == "VERB"), None)
        if x is None:
            continue
        lo = min(t.i for t in x.subtree)
        first_piece = min(r.content)
        if not doc[lo].idx <= first_piece[0] <= x.idx or r.cue[1] > x.idx:
            continue  # the content is not the infinitive ("to call for …", or "call for …" after a cue "continued to")
        rate = chain_in_cue_rate(model, v)
        if rate is None or rate < THRESHOLD:
            continue
        _cue_up_to(r, _verb_complement(x), x.i, first_piece, ctx)


def _verb_cued(raws: list[RawStatement]):
    """The statements with a verb as cue head and some content, with that verb."""
    return ((r, r.head) for r in raws if r.head is not None and r.head.pos_ in ("VERB", "AUX") and r.content)


def _cue_up_to(r: RawStatement, comp: Optional[Any], after_i: int, first_piece: tuple[int, int], ctx: _Ctx) -> None:
    """Let the cue of ``r`` run up to where complement ``comp`` starts its content (:func:`_content_start`), and
    the first content piece start there; nothing when there is no such complement after token ``after_i``."""
    if comp is None or _subject_taken_for_object(comp):
        return
    doc, text = ctx.doc, ctx.text
    k = _content_start(comp)
    if k is None or k <= after_i or k >= len(doc):
        return
    start = doc[k].idx
    if start >= first_piece[1]:
        return
    r.cue = (r.cue[0], _trim(text, r.cue[0], start, ",:")[1])
    r.content = sorted([(start, first_piece[1])] + [p for p in r.content if p != first_piece])


def _complement(verb: Any, obj: Any) -> Optional[Any]:
    """The first phrase after the object that completes it or the verb: "concern [that …]", "a statement
    [saying …]", "credit [for …]", "aim [at …]", "measures [to step up …]"."""
    cands = [c for c in obj.children if c.i > obj.i and c.dep_ in _NOUN_COMPLEMENTS]
    cands += [c for c in verb.children if c.i > obj.i and c.dep_ in _VERB_COMPLEMENTS]
    cands = [c for c in cands if c.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM")]
    cands = [c for c in cands if c.dep_ not in ("nmod", "obl") or _topic_phrase(c)]
    return min(cands, key=lambda c: min(t.i for t in c.subtree)) if cands else None


def _topic_phrase(c: Any) -> bool:
    """A prepositional phrase that says what about (:data:`TOPIC_CASES`), not when or on which platform."""
    return (_case(c) in TOPIC_CASES and not _is_time(c) and c.lower_ not in PLATFORM_NOUNS
            and c.ent_type_ not in ("DATE", "TIME"))


def _subject_taken_for_object(c: Any) -> bool:
    """A finite clause with no subject or complementiser of its own right after the object: the parse took that
    clause's subject for the verb's object ("vowed the response “will be decisive …”")."""
    finite = c.tag_ in ("VBZ", "VBP", "VBD", "MD") or any(
        g.dep_ in ("aux", "aux:pass", "cop") and g.tag_ in ("VBZ", "VBP", "VBD", "MD") for g in c.children)
    return finite and not any(g.dep_ in ("nsubj", "nsubj:pass", "expl", "mark") for g in c.children)


def _case(c: Any) -> str:
    return next((g.lower_ for g in c.children if g.dep_ == "case" and g.i < c.i), "")


def _content_start(c: Any) -> Optional[int]:
    """Token index where the content starts inside complement ``c``: after its preposition ("for | the
    attacks"), after a reporting participle ("saying | that …"), else at its first word ("| that …")."""
    first = min(t.i for t in c.subtree)
    case = [g for g in c.children if g.dep_ in ("case",) and g.i < c.i]
    if case:
        return max(g.i for g in case) + 1 if max(g.i for g in case) + 1 <= max(t.i for t in c.subtree) else None
    if c.tag_ in _REPORTING_PARTICIPLE_TAGS and c.i == first:
        after = [t.i for t in c.subtree if t.i > c.i]
        return min(after) if after else None
    return first


def objects_into_cue(raws: list[RawStatement], ctx: _Ctx, model: CueModel) -> None:
    """See :data:`OBJECTS_INTO_CUE`: for a statement whose content starts with the cue verb's object, when the
    lexicon puts that object in the cue and a complement follows it, the cue runs up to the complement's content
    and the content starts there."""
    if not model.objects:
        return
    doc = ctx.doc
    for r, v in _verb_cued(raws):
        objs = [c for c in v.children if c.dep_ == "obj" and c.i > v.i]
        if not objs:
            continue
        obj = objs[0]
        lo = min(t.i for t in obj.subtree)
        first_piece = min(r.content)
        if first_piece[0] != doc[lo].idx or r.cue[1] > doc[lo].idx:
            continue  # the content is not the object phrase after the cue
        rate = object_in_cue_rate(model, v, obj)
        if rate is None or rate < THRESHOLD:
            continue
        _cue_up_to(r, _complement(v, obj), obj.i, first_piece, ctx)
