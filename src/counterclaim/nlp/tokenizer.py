"""News-typography tweaks for the spaCy English tokenizer (issue 2).

Applied once by the training recipe before the pipeline is saved: special cases and the infix regex are
serialized with ``nlp.to_disk`` and need no code at load time.
"""
from __future__ import annotations

# Abbreviations that end in a period and must stay one token (military/civil titles, months, US states,
# company suffixes). spaCy's English defaults already cover e.g. "Gen.", "Gov.", "Sen.", "Rep.", "Oct.",
# "U.S."; adding them again is harmless and documents what we rely on.
TITLE_ABBREVIATIONS = [
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Gen.", "Gov.", "Lt.", "Maj.", "Pvt.", "Sgt.", "Spc.",
    "Sen.", "Sens.", "Rep.", "Reps.", "Amb.", "Atty.", "Supt.", "Insp.", "Det.", "Prof.", "Dr.", "Mr.", "Mrs.",
    "Ms.", "Messrs.", "Rev.", "Hon.", "Pres.", "Gens.", "Lt.Col.", "Jr.", "Sr.", "St.", "Ft.", "Mt.",
]
MONTH_ABBREVIATIONS = ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."]
PLACE_ABBREVIATIONS = [
    "U.S.", "U.N.", "U.K.", "E.U.", "U.S.A.", "U.A.E.", "D.C.", "N.Y.", "N.J.", "N.C.", "S.C.", "N.H.", "N.M.",
    "N.D.", "S.D.", "R.I.", "W.Va.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Fla.", "Ga.", "Kan.",
    "Ky.", "Md.", "Mich.", "Minn.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Tex.", "Va.", "Vt.",
    "Wis.", "Wyo.", "Mass.",
]
OTHER_ABBREVIATIONS = ["Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "No.", "Nos.", "Dept.", "Govt.", "Assn.", "Univ.",
                       "approx.", "est.", "vs.", "i.e.", "e.g.", "a.m.", "p.m.", "U.S.-", "Ph.D."]

ALL_ABBREVIATIONS = TITLE_ABBREVIATIONS + MONTH_ABBREVIATIONS + PLACE_ABBREVIATIONS + OTHER_ABBREVIATIONS

# Extra infixes: "U.S.-backed" -> "U.S." "-" "backed"; dashes between words and numbers.
EXTRA_INFIXES = [
    r"(?<=[A-Z]\.)-(?=[A-Za-z])",
    r"(?<=[A-Za-z0-9])(?:—|–|--)(?=[A-Za-z0-9\"“‘'])",
    r"(?<=\w)[”’\"](?=[—–])",
    r"(?<=\w)[’']s(?=[—–])",
    r"(?<=[\"”’])(?:—|–)(?=\w)",
]


# spaCy splits contractions written without their apostrophe ("Ive" -> "I" "ve", "wed" -> "we" "d"). In edited
# news these spellings are names, dates and words far more often than contractions: "Jony Ive", "Wed, Jul 30",
# "intending to wed". They stay one token (load time as well as training time: the shipped pipeline
# serialized spaCy's defaults).
NAME_LIKE_CONTRACTIONS = ("Ive", "ive", "Wed", "wed")


def keep_name_like_words(tokenizer) -> None:
    """Drop the special cases of :data:`NAME_LIKE_CONTRACTIONS` from a spaCy tokenizer."""
    rules = tokenizer.rules
    if any(w in rules for w in NAME_LIKE_CONTRACTIONS):
        tokenizer.rules = {k: v for k, v in rules.items() if k not in NAME_LIKE_CONTRACTIONS}


def customize_tokenizer(nlp) -> None:
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex

    tok = nlp.tokenizer
    for abbr in ALL_ABBREVIATIONS:
        if abbr.endswith("-"):
            continue
        tok.add_special_case(abbr, [{ORTH: abbr}])
    infixes = list(nlp.Defaults.infixes) + EXTRA_INFIXES
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    keep_name_like_words(tok)
