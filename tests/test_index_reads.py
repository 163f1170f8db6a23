"""The store's side of issue 11, on both backends: transliterated slugs (the previous ones keep
answering), plain-character name search, the change marker, keyset pages, bounded name search and
capped totals."""

import random
import string
from datetime import date

import pytest
from api_data import ARTICLES, quote

from quoteapi.errors import NotFound
from quoteapi.extract.model import QuoteType
from quoteapi.index import ArticleIn, Index, QuoteQuery, search
from quoteapi.index.db import make_engine, upgrade

ZOE = "“We will reopen the port,” said Zoë Ørsted-Łukasz, the harbour master."


def zoe_quote():
    found = quote(ZOE, "We will reopen the port,", QuoteType.DIRECT, "said", "Zoë Ørsted-Łukasz",
                  "Zoë Ørsted-Łukasz", "harbour master")
    return [found]


def test_slugs_are_transliterations(index: Index) -> None:
    index.ingest(ArticleIn(ZOE, published=date(2022, 3, 4)), zoe_quote())
    speaker = index.speaker("zoe-orsted-lukasz")
    assert speaker.slug == "zoe-orsted-lukasz" and speaker.name == "Zoë Ørsted-Łukasz"


def test_previous_slugs_keep_answering_after_the_migration(index_url: str) -> None:
    """A speaker stored under revision 0001's slug: after 0002 both slugs find her."""
    engine = make_engine(index_url, writer=True)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO speakers (id, name, slug, kind, key, surname, quote_count) VALUES "
            "(1, 'Zoë Ørsted-Łukasz', 'zoe-rsted-ukasz', 'person', 'zoe ørsted-łukasz', "
            "'ørsted-łukasz', 0), (2, 'Ben Wallace', 'ben-wallace', 'person', 'ben wallace', "
            "'wallace', 0)"
        )
    engine.dispose()
    index = Index(index_url)  # migrates to head
    try:
        assert index.speaker("zoe-rsted-ukasz").slug == "zoe-orsted-lukasz"
        assert index.speaker("zoe-orsted-lukasz").id == 1
        assert index.speaker("ben-wallace").slug == "ben-wallace"  # unchanged names keep theirs
    finally:
        index.close()


@pytest.mark.parametrize("q", ["_", "%", "\\", "_%"])
def test_name_search_treats_wildcards_as_plain_characters(index: Index, q: str) -> None:
    for article, quotes in ARTICLES:
        index.ingest(article, quotes)
    assert index.speakers(q).total == 0
    assert index.speakers("smi").total == 2


def test_the_change_marker_moves_with_any_writer(index_url: str) -> None:
    reader, writer = Index(index_url), Index(index_url)
    try:
        before = reader.changes()
        assert reader.changes() == before  # nothing written: the same marker
        reader.quotes(QuoteQuery())
        assert reader.changes() == before  # reading writes nothing
        article, quotes = ARTICLES[0]
        writer.ingest(article, quotes)
        after = reader.changes()
        assert after != before
        writer.delete_article(writer.quotes(QuoteQuery()).items[0].appearances[0].article_id)
        assert reader.changes() != after
    finally:
        reader.close()
        writer.close()


def test_keyset_pages_equal_offset_pages(index: Index) -> None:
    for article, quotes in ARTICLES:
        index.ingest(article, quotes)
    everything = index.quotes(QuoteQuery(limit=100)).items
    assert any(not q.appearances[0].published for q in everything)  # undated ones come last
    walked, after = [], None
    for _ in range(10):
        page = index.quotes(QuoteQuery(limit=2, after=after))
        walked += page.items
        if len(page.items) < 2:
            break
        last = page.items[-1]
        after = (min((a.published for a in last.appearances if a.published), default=None),
                 last.id)
    assert [q.id for q in walked] == [q.id for q in everything]
    speakers = index.speakers(limit=100).items
    first = index.speakers(limit=2)
    rest = index.speakers(limit=100, after=(first.items[-1].quote_count, first.items[-1].id))
    assert [s.id for s in first.items + rest.items] == [s.id for s in speakers]


def test_unknown_names_get_near_ones_and_long_ones_none(index: Index) -> None:
    for article, quotes in ARTICLES:
        index.ingest(article, quotes)
    with pytest.raises(NotFound) as typo:
        index.speaker("Ben Walace")
    assert [s.slug for s in typo.value.extra["nearest"]][:1] == ["ben-wallace"]
    rng = random.Random(3)
    noise = "".join(rng.choice(string.ascii_letters) for _ in range(190))
    with pytest.raises(NotFound):
        index.speaker(noise)
    with pytest.raises(NotFound) as long:
        index.speaker("a" * (search.MAX_NAME + 1))
    assert long.value.extra["nearest"] == []


def test_totals_past_the_cap_say_so(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    for article, quotes in ARTICLES:
        index.ingest(article, quotes)
    monkeypatch.setattr(search, "TOTAL_CAP", 3)
    none = index.quotes(QuoteQuery(q="forces tanks"))  # every word must match: none does
    assert (none.total, none.total_capped, none.items) == (0, False, [])
    capped = index.quotes(QuoteQuery(source="Express"))
    assert (capped.total, capped.total_capped) == (3, True)
    exact = index.quotes(QuoteQuery(source="Newsweek"))
    assert (exact.total, exact.total_capped) == (2, False)
    ranked = index.quotes(QuoteQuery(q="disarray", sort="relevance"))
    assert ranked.items and ranked.reachable == search.RANK_POOL
