"""One speaker across articles, and finding speakers by slug, name, alias or surname."""

import pytest
from index_fixtures import quote_of, seed_text

from quoteapi.errors import Ambiguous, NotFound
from quoteapi.extract.model import SpeakerKind
from quoteapi.index import ArticleIn, Index
from quoteapi.index.names import clean_name, fold, name_key, slugify

T0, T1, T2 = seed_text("000"), seed_text("001"), seed_text("002")
GOLF = "Dustin Johnson said: \u201cThe greens were fast and I putted badly all week long.\u201d"
LONE = "Johnson said: \u201cWe will keep going whatever the weather does this year.\u201d"


@pytest.mark.parametrize(("raw", "name"), [
    ("defence secretary Ben Wallace", "Ben Wallace"),
    ("The UK\u2019s Defence Secretary Ben Wallace", "Ben Wallace"),
    ("Mr Wallace", "Wallace"),
    ("ICC prosecutor Karim Khan", "Karim Khan"),
    ("Sir Keir Starmer MP", "Keir Starmer"),
    ("the prime minister", None),
    ("He", None),
    ("a Ukrainian soldier", None),
])
def test_titles_and_honorifics_are_not_part_of_a_name(raw: str, name: str | None) -> None:
    assert clean_name(raw) == name


def test_case_and_diacritics_fold() -> None:
    assert fold("ZELENSKÝY") == fold("zelenskyy") == "zelenskyy"
    assert name_key("José  Álvarez") == name_key("jose alvarez")
    assert slugify("José Álvarez") == "jose-alvarez"


def test_names_from_three_articles_are_one_speaker(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [quote_of(
        T0, "almost impossible", "Ben Wallace", mention="The UK\u2019s Defence Secretary Ben Wallace",
        role="Defence Secretary")])
    index.ingest(ArticleIn(text=T1, id="001"), [quote_of(
        T1, "care much about its soldiers", "Wallace", mention="Mr Wallace")])
    index.ingest(ArticleIn(text=T2, id="002"), [quote_of(
        T2, "carpet-bomb cities", "defence secretary Ben Wallace",
        mention="defence secretary Ben Wallace")])
    (wallace,) = index.speakers().items
    assert (wallace.name, wallace.slug, wallace.quote_count) == ("Ben Wallace", "ben-wallace", 3)
    assert "Wallace" in wallace.aliases
    for name in ("wallace", "Ben Wallace", "ben-wallace", "BEN WALLACE", "Mr Wallace"):
        assert index.speaker(name).id == wallace.id


def test_surname_and_resolved_description_join_the_full_name(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [
        quote_of(T0, "Putin has gravely miscalculated", "Boris Johnson", mention="Johnson",
                 role="Prime Minister"),
        quote_of(T0, "abhorrent", None, mention="the prime minister", nth=1),
    ])
    index.ingest(ArticleIn(text=T2, id="002"), [quote_of(T2, "accelerate", "Johnson")])
    (johnson,) = index.speakers().items
    assert (johnson.name, johnson.quote_count) == ("Boris Johnson", 3)


def test_two_different_johnsons_stay_two(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [quote_of(T0, "Putin has gravely", "Boris Johnson")])
    index.ingest(ArticleIn(text=GOLF, id="golf"), [quote_of(GOLF, "The greens", "Dustin Johnson")])
    index.ingest(ArticleIn(text=LONE, id="lone"), [quote_of(LONE, "keep going", "Johnson")])
    # T2 names Boris Johnson, so its bare "Johnson" is him
    index.ingest(ArticleIn(text=T2, id="002"), [quote_of(T2, "accelerate", "Johnson")])
    names = {s.name: s.quote_count for s in index.speakers().items}
    assert names == {"Boris Johnson": 2, "Dustin Johnson": 1, "Johnson": 1}
    with pytest.raises(Ambiguous) as raised:
        index.speaker("johnson")
    slugs = {c.slug for c in raised.value.extra["candidates"]}
    assert slugs == {"boris-johnson", "dustin-johnson", "johnson-2"}
    assert "boris-johnson" in raised.value.message
    assert index.speaker("johnson-2").quote_count == 1
    assert index.speaker("Dustin Johnson").name == "Dustin Johnson"


def test_a_surname_seen_first_is_upgraded_by_the_only_full_name(index: Index) -> None:
    index.ingest(ArticleIn(text=LONE, id="lone"), [quote_of(LONE, "keep going", "Johnson")])
    index.ingest(ArticleIn(text=T0, id="000"), [quote_of(T0, "Putin has gravely", "Boris Johnson")])
    (johnson,) = index.speakers().items
    assert (johnson.name, johnson.slug, johnson.quote_count) == ("Boris Johnson", "boris-johnson", 2)


def test_organisations_do_not_join_by_last_word(index: Index) -> None:
    text = "The Weapons Tracker said: \u201cabandoned with fuel and in fully working order\u201d. " \
           "Mr Tracker said: \u201cI have never seen so many tanks left behind in a field.\u201d"
    index.ingest(ArticleIn(text=text, id="t"), [
        quote_of(text, "abandoned with fuel", "Weapons Tracker", kind=SpeakerKind.ORGANISATION),
        quote_of(text, "never seen so many", "Tracker"),
    ])
    assert sorted(s.name for s in index.speakers().items) == ["Tracker", "Weapons Tracker"]


def test_unknown_name_answers_with_the_nearest(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [quote_of(T0, "almost impossible", "Ben Wallace")])
    with pytest.raises(NotFound) as raised:
        index.speaker("Ben Walace")
    assert [s.slug for s in raised.value.extra["nearest"]] == ["ben-wallace"]
    with pytest.raises(NotFound) as raised:
        index.speaker("Xi Jinping")
    assert raised.value.extra["nearest"] == []


def test_speaker_listing_filters_by_name(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [
        quote_of(T0, "almost impossible", "Ben Wallace"),
        quote_of(T0, "Putin has gravely", "Boris Johnson"),
        quote_of(T0, "cannot commit these", "Boris Johnson"),
    ])
    assert [s.name for s in index.speakers().items] == ["Boris Johnson", "Ben Wallace"]
    page = index.speakers("wall")
    assert (page.total, [s.name for s in page.items]) == (1, ["Ben Wallace"])
    assert index.speakers("nobody").total == 0
    assert [s.name for s in index.speakers(limit=1, offset=1).items] == ["Ben Wallace"]


KUZIO = (
    "Professor Taras Kuzio, of the Henry Jackson Society, has followed the war.\n"
    "Mr Kuzio added: \u201cHalf of the soldiers turned over their equipment to the Ukrainians.\u201d"
)
KUZIO_BARE = "Mr Kuzio added: \u201cThe soldiers are refusing to fight, again and again, in the south.\u201d"


def test_a_surname_alone_is_the_full_name_the_article_spells_out(index: Index) -> None:
    index.ingest(ArticleIn(text=KUZIO, id="kuzio"), [
        quote_of(KUZIO, "Half of the soldiers", "Kuzio", mention="Mr Kuzio")])
    (kuzio,) = index.speakers().items
    assert (kuzio.name, kuzio.slug) == ("Taras Kuzio", "taras-kuzio")
    assert "Kuzio" in kuzio.aliases
    # an article that gives only the surname joins the one full name the index holds
    index.ingest(ArticleIn(text=KUZIO_BARE, id="bare"), [
        quote_of(KUZIO_BARE, "refusing to fight", "Kuzio", mention="Mr Kuzio")])
    (kuzio,) = index.speakers().items
    assert kuzio.quote_count == 2


def test_a_surname_alone_stays_when_nothing_spells_it_out(index: Index) -> None:
    index.ingest(ArticleIn(text=KUZIO_BARE, id="bare"), [
        quote_of(KUZIO_BARE, "refusing to fight", "Kuzio", mention="Mr Kuzio")])
    (kuzio,) = index.speakers().items
    assert kuzio.name == "Kuzio"
    # a later article with the full name upgrades it
    index.ingest(ArticleIn(text=KUZIO, id="kuzio"), [
        quote_of(KUZIO, "Half of the soldiers", "Kuzio", mention="Mr Kuzio")])
    (kuzio,) = index.speakers().items
    assert (kuzio.name, kuzio.quote_count) == ("Taras Kuzio", 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("Professor Taras Kuzio said. Mr Kuzio added", "Taras Kuzio"),
    ("He met Taras Kuzio. Mr Kuzio added", "Taras Kuzio"),
    ("Defence Secretary Ben Wallace said. Mr Wallace added", "Ben Wallace"),
    ("Mr Kuzio added", None),  # no first name anywhere
    ("Yesterday Kuzio said. On Monday Kuzio added", None),  # sentence openers, days: no names
    ("Ukraine\u2019s Kuzio said", None),  # a possessive is no first name
    ("Taras Kuzio and Anna Kuzio said", None),  # two full names: no guess
])
def test_full_name_in_the_text(text: str, expected: str | None) -> None:
    from quoteapi.index.speakers import full_name_in

    assert full_name_in(text, "Kuzio" if "Kuzio" in text else "Wallace") == expected


def test_news_agencies_cited_as_sources_are_organisations(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [quote_of(
        T0, "a sign of a shift in Russian tactics", "PA", mention="PA", kind=SpeakerKind.UNKNOWN)])
    (pa,) = index.speakers().items
    assert (pa.name, pa.kind) == ("PA", SpeakerKind.ORGANISATION)
