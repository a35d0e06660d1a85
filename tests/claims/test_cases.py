"""Claims evidence, one YAML file per phenomenon in tests/claims/cases/ (the team's own
sentences): whose age a number is, what sort of quantity a figure is, and how two reports'
figures come out (disputed, corroborated, or kept apart)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from digest.claims import context as C
from digest.claims.describe import describe, noun_of, word_keys
from digest.claims.subjects import clean_name, naming_text, same_names
from digest.discover import discover
from digest.figures import extract_figures
from digest.pipeline import make_story, read_story

CASES = Path(__file__).with_name("cases")


def _load(name: str) -> list:
    return yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))


def _evidence(sentence: str, text: str):  # type: ignore[no-untyped-def]
    figures = extract_figures(sentence)
    [f] = [f for f in figures if f.text == text]
    names = C.proper_nouns([sentence])
    return describe(f, sentence, 0, sentence, names, {}, figures)


@pytest.mark.parametrize("case", _load("ages"), ids=lambda c: c[0])
def test_age(case: list) -> None:
    sentence, text, is_age, owner = case
    e = _evidence(sentence, text)
    assert (e.dimension == "age") is is_age
    if is_age:
        assert e.owner == owner


@pytest.mark.parametrize("case", _load("dimensions"), ids=lambda c: c[0])
def test_dimension(case: list) -> None:
    sentence, text, dimension = case
    assert _evidence(sentence, text).dimension == dimension


@pytest.mark.parametrize("case", _load("status"), ids=lambda c: f"{c[1]} / {c[3]}")
def test_two_reports(case: list, tmp_path: Path) -> None:
    a, fa, b, fb, expected, *never_about = case
    story = tmp_path / "story"
    story.mkdir()
    for name, sentence in (("a", a), ("b", b)):
        (story / f"{name}.md").write_text(f"---\ntitle: Report {name.upper()}\nsource: Outlet {name.upper()}\n---\n\n"
                                          f"{sentence}\n", encoding="utf-8")
    errors: list = []
    [source] = discover(tmp_path, errors)
    built = make_story(source, read_story(source, tmp_path, errors), content=tmp_path)
    holding = [c for c in built.claims if Counter((m.article[-1], m.figure.text) for m in c.mentions)
               & Counter({("a", fa): 1}) and any((m.article[-1], m.figure.text) == ("b", fb) for m in c.mentions)]
    if expected == "apart":
        assert holding == []
    else:
        assert [c.status for c in holding] == [expected], [(c.id, c.status, c.reason) for c in built.claims]
    for names in never_about:
        assert not [c.subject for c in built.claims if c.subject and any(n in c.subject for n in names)]


@pytest.mark.parametrize("case", _load("roles"), ids=lambda c: f"{c[1]} in {c[0]}")
def test_role(case: list, tmp_path: Path) -> None:
    sentence, text, measure, role = case
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text(f"---\ntitle: Report\nsource: Outlet\n---\n\n{sentence}\n", encoding="utf-8")
    errors: list = []
    [source] = discover(tmp_path, errors)
    built = make_story(source, read_story(source, tmp_path, errors), content=tmp_path)
    [m] = [m for m in built.mentions if m.figure.text == text]
    assert (m.measure, m.role) == (measure, role)
    assert m.label == (f"{measure} ({role})" if role else measure)


@pytest.mark.parametrize("case", _load("shares"), ids=lambda c: f"{c[1]} in {c[0]}")
def test_share(case: list) -> None:
    sentence, text, share = case
    assert _evidence(sentence, text).share == share


@pytest.mark.parametrize("case", _load("borrowed"), ids=lambda c: f"{c[1]} in {c[0]}")
def test_borrowed_words(case: list) -> None:
    sentence, text, theirs, own = case
    e = _evidence(sentence, text)
    assert all(word_keys(w)[0] in e.borrowed for w in theirs), sorted(e.borrowed)
    assert not any(word_keys(w)[0] in e.borrowed for w in own), sorted(e.borrowed)


@pytest.mark.parametrize("case", _load("names_one"), ids=lambda c: f"{c[1]} in {c[0]}")
def test_names_one_thing(case: list) -> None:
    sentence, text, names_one = case
    assert _evidence(sentence, text).names_one is names_one


@pytest.mark.parametrize("case", _load("spans"), ids=lambda c: c[0])
def test_time_span(case: list) -> None:
    sentence, text, span, running = case
    e = _evidence(sentence, text)
    assert (e.span, e.running) == (span, running)


@pytest.mark.parametrize(("a", "b", "one"), [
    # inflections a stemmer cannot join are one lemma; verbs of one commonest sense share it
    ("fell", "falling", True), ("fallen", "fall", True), ("married", "wed", True), ("wounded", "injured", True),
    ("bought", "purchased", True), ("died", "perished", True),
    ("married", "killed", False), ("fell", "rose", False), ("shops", "shot", False),
])
def test_word_keys(a: str, b: str, one: bool) -> None:
    assert bool(set(word_keys(a)) & set(word_keys(b))) is one


@pytest.mark.parametrize(("a", "b", "one"), [
    ("mice", "mouse", True), ("geese", "goose", True), ("shops", "shop", True),
    ("women", "children", True),  # both nouns for people
    ("mice", "shops", False), ("vehicles", "votes", False),
])
def test_counted_noun_is_keyed_by_its_lemma(a: str, b: str, one: bool) -> None:
    assert (noun_of(a) == noun_of(b)) is one


@pytest.mark.parametrize("case", _load("credits"), ids=lambda c: c[0])
def test_credits(case: list) -> None:
    text, authors, left = case
    named = naming_text(text, authors)
    assert len(named) == len(text)
    names = C.proper_nouns([text])
    found = [clean[2] for e in C.entities(named, names) if (clean := clean_name(e))]
    assert [n for n in found if " " in n or n in left] == left


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Thessaloniki", "Salonika", True), ("Bombay", "Mumbai", True), ("Kiev", "Kyiv", True),
    ("Katherine Gomes", "Catherine Gomes", True), ("Athens", "Salonika", False), ("Paris", "Rome", False),
    # two people of one family are two; one person's short name, initial or surname is one
    ("Katie Jenkin", "John Jenkin", False), ("Katie Jenkin", "Kathryn Jenkin", True),
    ("J. Smith", "John Smith", True), ("Jenkin", "John Jenkin", True), ("Rob Hale", "Robert Hale", True),
    (". Smith", "J Smith", False),  # a stray dot is no given name (it raised IndexError)
])
def test_same_names(a: str, b: str, same: bool) -> None:
    assert same_names(a, b) is same


def _entities(*texts: str) -> list[tuple[str, str]]:
    from digest.claims.entities import story_entities
    from digest.model import Article, Block

    articles = [Article(id=f"s/{i}", story="s", slug=str(i), source=f"s/{i}.md", format="md", title="T",
                        blocks=(Block("title", "T"), Block("paragraph", text))) for i, text in enumerate(texts)]
    return [(e.name, e.kind) for e in story_entities(articles, [], story="s")]


def test_a_surname_is_listed_under_the_full_name() -> None:
    found = _entities("Mayor Ines Okafor said the storm was bad. Okafor said more.",
                      "Okafor told reporters it was worse. Ines Okafor spoke again.")
    assert found == [("Ines Okafor", "person")]


def test_a_surname_two_people_share_stays_apart() -> None:
    found = _entities("Katie Jenkin said 12. John Jenkin said 14.", "Jenkin said more. Jenkin said less.")
    assert ("Jenkin", "person") in found and ("Katie Jenkin", "person") in found


def test_a_demonym_used_as_an_adjective_is_no_name() -> None:
    found = _entities("American officials said 14 died. British insurers paid.",
                      "American troops moved. British lenders paid. Acme Inc agreed, Acme Inc said.")
    assert [n for n, _ in found] == ["Acme Inc"]


def test_a_country_or_company_before_a_verb_stays_a_name() -> None:
    found = [n for n, _ in _entities("It was agreed, and Japan said it would pay; meanwhile Hyundai reported a loss.",
                                     "It is said that Japan said more, while Hyundai reported again.")]
    assert {"Japan", "Hyundai"} <= set(found)


def test_a_surnames_figures_stay_with_the_full_name() -> None:
    from digest.claims.entities import story_entities
    from digest.figures import extract_figures
    from digest.model import Article, Block, Mention

    texts = ["Mayor Ines Okafor visited the harbor.", "Okafor said 300 homes were lost."]
    articles = [Article(id=f"s/{i}", story="s", slug=str(i), source=f"s/{i}.md", format="md", title="T",
                        blocks=(Block("title", "T"), Block("paragraph", t))) for i, t in enumerate(texts * 2)]
    f = extract_figures(texts[1])[0]
    mentions = [Mention(article="s/1", block=1, figure=f, sentence=texts[1], anchor="fig-1")]
    [entity] = story_entities(articles, mentions, story="s")
    assert entity.name == "Ines Okafor" and [m.figure.text for m in entity.mentions] == ["300 homes"]
