"""What the index keeps of articles from the web, on both backends: an article with a URL is
found again by its URL or canonical URL (the same page changes nothing, a changed one replaces
its quotes), its metadata, and the feeds' state for `quoteapi watch`."""

from datetime import date

from index_fixtures import quote_of, seed_text

from quoteapi.index import ArticleIn, Index, QuoteQuery
from quoteapi.index.records import EntryOutcome

T0 = seed_text("000")
PAGE = "https://news.example/2022/03/wallace?utm_source=feed"
CANONICAL = "https://news.example/2022/03/wallace"


def web_article(text: str, url: str = PAGE, canonical: str | None = CANONICAL) -> ArticleIn:
    return ArticleIn(text=text, url=url, canonical_url=canonical, title="Wallace speaks",
                     source="News Example", author="A. Reporter", published=date(2022, 3, 3))


def test_a_page_is_the_same_article_by_its_url_or_its_canonical_url(index: Index) -> None:
    quote = quote_of(T0, "almost impossible", "Ben Wallace")
    first = index.ingest(web_article(T0), [quote])
    assert first.created
    again = [
        index.ingest(web_article(T0), [quote]),  # the same URL
        index.ingest(web_article(T0, url=CANONICAL + "#top", canonical=CANONICAL), [quote]),
        index.ingest(web_article(T0, url=PAGE, canonical=None), [quote]),  # no canonical now
    ]
    assert {result.article_id for result in again} == {first.article_id}
    assert not any(result.created or result.replaced for result in again)
    stored = index.article(first.article_id)
    assert (stored.url, stored.canonical_url, stored.author, stored.source) == (
        PAGE, CANONICAL, "A. Reporter", "News Example")
    assert index.health()["articles"] == 1


def test_a_changed_page_replaces_its_quotes(index: Index) -> None:
    index.ingest(web_article(T0), [quote_of(T0, "almost impossible", "Ben Wallace")])
    changed = T0.replace("almost impossible", "entirely impossible")
    result = index.ingest(web_article(changed), [quote_of(changed, "entirely impossible",
                                                          "Ben Wallace")])
    assert result.replaced and not result.created
    texts = [quote.text for quote in index.quotes(QuoteQuery()).items]
    assert any("entirely impossible" in text for text in texts)
    assert not any("almost impossible" in text for text in texts)


def test_articles_without_a_url_are_still_named_by_their_text(index: Index) -> None:
    a = index.ingest(ArticleIn(T0), [])
    b = index.ingest(ArticleIn(T0, url="https://elsewhere.example/x"), [])
    assert a.article_id != b.article_id and b.created


def test_a_feed_remembers_its_validators_and_the_entries_it_handled(index: Index) -> None:
    url = "https://news.example/feed.rss"
    assert index.feed(url) is None and index.unseen_entries(url, ["k1", "k2"]) == {"k1", "k2"}
    stored = index.ingest(web_article(T0), [])
    index.record_entry(url, EntryOutcome("k1", PAGE, stored.article_id))
    index.record_entry(url, EntryOutcome("k3", "https://news.example/de", error="not in English"))
    index.record_poll(url, "News", '"v1"', "Tue, 14 May 2024 08:30:00 GMT")
    assert index.unseen_entries(url, ["k1", "k2", "k3"]) == {"k2"}
    state = index.feed(url)
    assert (state.title, state.etag, state.last_modified) == (
        "News", '"v1"', "Tue, 14 May 2024 08:30:00 GMT")
    index.record_poll(url, None, None, None)  # a poll that left entries to retry
    assert index.feed(url).etag is None and index.feed(url).title == "News"
    index.delete_article(stored.article_id)  # the entry stays handled, without its article
    assert index.unseen_entries(url, ["k1"]) == set()
