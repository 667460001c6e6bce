"""The training recipes' own learning code (run without ../shared: synthetic data only)."""

import importlib.util
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

scipy_sparse = pytest.importorskip("scipy.sparse")

TRAINING = Path(__file__).resolve().parent.parent / "training"


def _load_recipe(name: str):
    """A recipe of training/ as a module (training/ is no package)."""
    spec = importlib.util.spec_from_file_location("cc_training_" + name, TRAINING / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def recipe():
    return _load_recipe("statements")


def _ranking_problem(n_groups=300, k=6, seed=0):
    """Groups of k candidates; feature 0 is higher for the gold one (with noise), feature 1 is a
    per-group constant that a ranker must ignore, feature 2 is noise."""
    rng = np.random.default_rng(seed)
    rows, y, group = [], [], []
    for g in range(n_groups):
        gold = rng.integers(k)
        shift = rng.normal() * 3
        for j in range(k):
            rows.append([(1.5 if j == gold else 0.0) + rng.normal() * 0.5, shift, rng.normal()])
            y.append(int(j == gold))
            group.append(g)
    return scipy_sparse.csr_matrix(np.array(rows)), np.array(y), np.array(group)


def _top1(scores, y, group):
    hits = 0
    for g in np.unique(group):
        ix = np.flatnonzero(group == g)
        hits += int(y[ix[np.argmax(scores[ix])]] == 1)
    return hits / len(np.unique(group))


def test_listwise_ranker_puts_gold_first(recipe):
    A, y, group = _ranking_problem()
    w, b = recipe._listwise_fit(A, y, group, C=1.0)
    assert b == 0.0
    assert w[0] > 1.0  # the informative feature carries the ranking
    assert abs(w[0]) > 5 * abs(w[2])
    A2, y2, g2 = _ranking_problem(seed=1)  # held-out groups
    assert _top1(A2 @ w, y2, g2) > 0.9


def test_listwise_regularisation_shrinks_weights(recipe):
    A, y, group = _ranking_problem()
    strong, _ = recipe._listwise_fit(A, y, group, C=0.01)
    weak, _ = recipe._listwise_fit(A, y, group, C=10.0)
    assert np.linalg.norm(strong) < np.linalg.norm(weak)


def test_listwise_needs_grouped_instances(recipe):
    A, y, group = _ranking_problem(n_groups=3)
    with pytest.raises(ValueError, match="grouped"):
        recipe._listwise_fit(A, y, group[::-1].copy(), C=1.0)


@pytest.fixture(scope="module")
def names_recipe():
    return _load_recipe("names")


def test_first_name_is_read_after_titles_and_only_before_a_surname(names_recipe):
    titles = names_recipe._title_words()
    assert names_recipe.first_name(["President", "George", "Bush"], titles) == "george"
    assert names_recipe.first_name(["Mrs.", "Ada", "Lovelace"], titles) == "ada"
    assert names_recipe.first_name(["Bush"], titles) is None  # a surname alone shows no first name
    assert names_recipe.first_name(["Mr.", "Bush"], titles) is None
    assert names_recipe.first_name(["J.", "Smith"], titles) is None  # an initial
    assert names_recipe.first_name(["NATO", "Chief"], titles) is None


def _gmb(words_tags):
    return [[(w, t) for w, t in zip(s.split(), tags.split())] for s, tags in words_tags]


def test_name_votes_come_from_titles_and_unambiguous_pronoun_windows(names_recipe):
    titles = names_recipe._title_words()
    sents = _gmb([
        ("Mary Shelley wrote . His book sold .", "B-per I-per O O O O O"),  # only a possessive: no vote
        ("It rained .", "O O O"),
        ("Ada Lovelace spoke . She said it works .", "B-per I-per O O O O O O O"),
        ("It rained .", "O O O"),
        ("Mr. Alan Turing arrived .", "B-per I-per I-per O O"),
        ("Alan Turing met Ada Lovelace . She smiled .", "B-per I-per O B-per I-per O O O"),  # two people: no vote
        ("Grace Hopper left . She said his plan failed .", "B-per I-per O O O O O O O O"),  # "his" is no vote
    ])
    votes = names_recipe.count_votes(sents, titles)
    assert votes["ada lovelace"] == {"f": 1}  # votes are kept per person
    assert votes["alan turing"] == {"m": 1}  # the title; the second sentence's "She" is not counted
    assert votes["grace hopper"] == {"f": 1}
    assert "mary shelley" not in votes


def test_a_first_name_needs_agreeing_votes_from_several_people_or_many_votes(names_recipe):
    votes = {"ada lovelace": Counter(f=2), "ada byron": Counter(f=1),  # two women: kept
             "alan turing": Counter(m=9), "alan kay": Counter(f=1),  # 9 of 10 male votes
             "kim roe": Counter(m=2), "kim doe": Counter(f=2),  # disagreeing: dropped
             "terry doe": Counter(m=2),  # one person, few votes: dropped
             "hillary roe": Counter(f=6)}  # one person with strong evidence: kept
    lexicon = names_recipe.decide(votes, min_votes=2, min_share=0.9, min_people=2, strong=5)
    assert lexicon == {"ada": ("f", 0, 3, 2), "alan": ("m", 9, 1, 1), "hillary": ("f", 0, 6, 1)}


@pytest.fixture(scope="module")
def vectors_recipe():
    return _load_recipe("vectors")


CONLLU = """# newdoc id = GUM_news_one
# text = Hamas denied it.
1\tHamas\tHamas\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newdoc id = GUM_fiction_two
# text = She ran.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_

# newdoc id = GUM_news_three
# text = It won't.
1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_
2\two\twill\tAUX\tMD\t_\t0\troot\t_\t_
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_
3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_
"""


def test_vector_corpus_reads_conllu_word_forms_and_drops_excluded_genres(vectors_recipe, tmp_path):
    path = tmp_path / "gum.conllu"
    path.write_text(CONLLU, encoding="utf8")
    sents = list(vectors_recipe._conllu_sentences(path, drop_genres={"fiction"}))
    # the fiction document is left out; multiword-token and empty-node lines are not words
    assert sents == [["Hamas", "denied", "it", "."], ["It", "wo", "n't"]]


def test_vector_corpus_reads_article_texts_and_skips_empty_ones(vectors_recipe, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"text": "One."}\n\n{"text": "  "}\n{"title": "no text"}\n{"text": "Two."}\n', encoding="utf8")
    assert list(vectors_recipe._jsonl_texts(path)) == ["One.", "Two."]


@pytest.fixture(scope="module")
def actors_recipe():
    return _load_recipe("actors")


def test_dated_dictionary_entries_are_people_unless_an_organisation_word_heads_the_name(actors_recipe):
    heads = {"OBSERVATORY": "organization", "COUNCIL": "organization", "TIMES": "media", "BRIGADE": "organization"}
    given = {"ABDULLAH", "JOHN"}

    def typ(name, code="SYRGOV"):
        block = {"name": name, "codes": [(code, "20110101-")], "comment": "", "source": "countries"}
        return actors_recipe.actor_type(block, code, "SYR", set(), heads, given)

    assert actors_recipe.name_head("SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS_") == "OBSERVATORY"
    assert typ("SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS_", "SYROPPHRI") == "organization"
    assert typ("TAWHID_BRIGADE_", "SYRREB") == "group"  # a rebel sector code
    assert typ("JOHN_SMITH_") == "person"
    assert typ("ABDULLAH_COUNCIL_") == "person"  # a given name first: a person named so
    assert typ("GENERAL_SECRETARY_OF_THE_PARTY_COUNCIL_") == "person"  # head "SECRETARY"
    # a phrase no person's name has: an armed group by its code, a former country by its bare code, else an
    # organisation (the dictionaries list members under the group's dated code, which made the group a person)
    assert typ("THE_NORTHERN_STATE", "IMGMUSNST") == "group"
    assert typ("NORTHERN_STATE_OF_THE_DESERT_AND_COAST_", "IMGMUSNST") == "group"
    assert typ("ABU_NORTHERN", "IMGMUSNST") == "person"  # a member listed under the same code
    assert typ("EAST_AND_WEST_LAND", "EWL") == "country"
    assert typ("SOVIET_OF_WORKERS", "SUNLEG") == "organization"
    assert actors_recipe.actor_type({"name": "SYRIAN_OBSERVATORY_", "codes": [("SYROPP", "20110101-")],
                                     "comment": "", "source": "countries"}, "SYROPP", "SYR", set()) == "person"


def test_reference_name_genders_keep_common_one_sided_names():
    recipe = _load_recipe("name_genders")
    data = {"mary": [33, 4_543_095, 0.98, 3], "john": [33, 5_737_119, 0.001, 3], "sam": [32, 184_683, 0.074, 3],
            "zelda": [3, 900, 0.99, 3], "rare": [1, 90_000, 0.99, 3], "jean-luc": [5, 90_000, 0.0, 3],
            "Kim": [30, 280_613, 0.665, 3]}
    chosen = recipe.select(data, min_count=5000, min_sources=2, min_share=0.95)
    assert chosen == {"mary": ("f", 4_543_095, 0.98), "john": ("m", 5_737_119, 0.001)}
    # "sam" is borne by both, "zelda" too rarely, "rare" listed by one source, "jean-luc" not letters only
