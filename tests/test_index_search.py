"""Quote search: full text (stemmed, ranked) and every filter, newest first by default."""

from datetime import date

import pytest
from index_fixtures import quote_of, seed_text

from quoteapi.errors import BadInput
from quoteapi.index import ArticleIn, Index, QuoteQuery

T0, T1, T2 = seed_text("000"), seed_text("001"), seed_text("002")


@pytest.fixture
def filled(index: Index) -> Index:
    index.ingest(ArticleIn(text=T0, id="000", source="Express"), [
        quote_of(T0, "fully qualifies as a war crime", "Boris Johnson", role="Prime Minister"),
        quote_of(T0, "almost impossible", "Ben Wallace", role="Defence Secretary"),
    ])
    index.ingest(ArticleIn(text=T1, id="001", source="Express", published=date(2022, 2, 28)), [
        quote_of(T1, "care much about its soldiers", "Ben Wallace"),
        quote_of(T1, "small groups of Russians", "Dan Rivers", role="ITV News Correspondent"),
    ])
    index.ingest(ArticleIn(text=T2, id="002", source="Mirror", published=date(2022, 3, 2)), [
        quote_of(T2, "carpet-bomb cities", "Ben Wallace", role="defence secretary"),
        quote_of(T2, "fully qualifies as a war crime", "Boris Johnson"),
        quote_of(T2, "to break the city", "Ben Wallace"),
    ])
    return index


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [quote.text for quote in page.items]


def test_full_text_is_stemmed_and_ranked(filled: Index) -> None:
    page = filled.quotes(QuoteQuery(q="city", sort="relevance"))  # "cities" and "city"
    assert page.total == 3  # Wallace's two (one says "cities") and Rivers' "inside the city"
    assert all(quote.score is not None and quote.score > 0 for quote in page.items)
    assert texts(page)[0].startswith("pummel these cities")  # "city" and "cities": ranks first
    assert filled.quotes(QuoteQuery(q="crimes")).total == 1
    assert filled.quotes(QuoteQuery(q="zeppelin")).total == 0


def test_query_syntax_in_user_input_is_harmless(filled: Index) -> None:
    for q in ('war" OR crime', "NEAR(war crime)", "war* -crime", "***"):
        filled.quotes(QuoteQuery(q=q))


def test_newest_first_by_default_undated_last(filled: Index) -> None:
    page = filled.quotes(QuoteQuery(speaker_id=filled.speaker("ben-wallace").id))
    assert page.total == 4
    days = [quote.appearances[0].published for quote in page.items]
    assert days[:3] == [date(2022, 3, 3), date(2022, 3, 2), date(2022, 3, 2)]
    assert days[3] == date(2022, 2, 28)


@pytest.mark.parametrize(("query", "expected"), [
    (QuoteQuery(role="DEFENCE SECRETARY"), 3),
    (QuoteQuery(type="indirect"), 0),
    (QuoteQuery(type="direct"), 6),
    (QuoteQuery(date_from=date(2022, 3, 1)), 4),
    (QuoteQuery(date_from=date(2022, 3, 1), date_to=date(2022, 3, 2)), 3),
    (QuoteQuery(date_to=date(2022, 2, 28)), 2),
    (QuoteQuery(source="mirror"), 3),
    (QuoteQuery(source="Express"), 4),
    (QuoteQuery(article_id="001"), 2),
    (QuoteQuery(q="war crime", source="Express"), 1),
])
def test_filters(filled: Index, query: QuoteQuery, expected: int) -> None:
    page = filled.quotes(query)
    assert page.total == expected == len(page.items)


def test_pages(filled: Index) -> None:
    everything = texts(filled.quotes(QuoteQuery(limit=100)))
    assert len(everything) == 6
    assert texts(filled.quotes(QuoteQuery(limit=2, offset=2))) == everything[2:4]


@pytest.mark.parametrize("query", [
    QuoteQuery(limit=0), QuoteQuery(offset=-1), QuoteQuery(type="shouted"), QuoteQuery(sort="x"),
])
def test_bad_queries_are_refused(filled: Index, query: QuoteQuery) -> None:
    with pytest.raises(BadInput):
        filled.quotes(query)
