"""The store: articles with their quotes, all-or-nothing, idempotent, replaced, deleted; one
quote across articles; roles over time. Hand-made quotes, no NLP; every test on both backends."""

from dataclasses import replace
from datetime import date

import pytest
from index_fixtures import quote_of, seed_text

from quoteapi.errors import BadInput, NotFound
from quoteapi.extract.model import Quote, QuoteType
from quoteapi.index import ArticleIn, Index, QuoteQuery

T0, T1, T2 = seed_text("000"), seed_text("001"), seed_text("002")


def war_crime(text: str, mention: str = "Johnson") -> Quote:
    return quote_of(text, "fully qualifies as a war crime", "Boris Johnson", mention=mention,
                    role="Prime Minister")


def ingest_war_crimes(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [war_crime(T0, "He")])
    index.ingest(ArticleIn(text=T2, id="002"), [war_crime(T2)])


def test_leading_date_line_is_the_published_date_and_text_is_kept_whole(index: Index) -> None:
    quote = quote_of(T0, "almost impossible", "Ben Wallace")
    index.ingest(ArticleIn(text=T0, id="000"), [quote])
    article = index.article("000")
    assert article.published == date(2022, 3, 3)
    assert article.text == T0
    (stored,) = article.quotes
    start, end = stored.appearances[0].spans[0]
    assert article.text[start:end] == stored.text == "almost impossible"


def test_same_text_again_changes_nothing(index: Index) -> None:
    quotes = [quote_of(T1, "care much about its soldiers", "Ben Wallace", mention="Mr Wallace")]
    first = index.ingest(ArticleIn(text=T1, id="001"), quotes)
    before = index.article("001")
    again = index.ingest(ArticleIn(text=T1, id="001"), quotes + quotes)
    assert (first.created, first.replaced) == (True, False)
    assert (again.created, again.replaced, again.quote_count) == (False, False, 1)
    assert index.article("001") == before


def test_changed_text_replaces_the_articles_quotes(index: Index) -> None:
    index.ingest(ArticleIn(text=T1, id="a"), [quote_of(T1, "small groups of Russians", "Dan Rivers")])
    changed = T1.replace("Mr Rivers said", "Mr Rivers, who was there, said")
    result = index.ingest(ArticleIn(text=changed, id="a"),
                          [quote_of(changed, "care much about its soldiers", "Ben Wallace")])
    assert (result.created, result.replaced) == (False, True)
    texts = [quote.text for quote in index.article("a").quotes]
    assert len(texts) == 1 and "its soldiers" in texts[0]
    with pytest.raises(NotFound):
        index.speaker("Dan Rivers")  # no quotes left: gone
    assert index.health()["quotes"] == 1


def test_article_id_defaults_to_a_hash_of_the_text(index: Index) -> None:
    result = index.ingest(ArticleIn(text=T2), [])
    assert len(result.article_id) == 16
    assert index.ingest(ArticleIn(text=T2), []).article_id == result.article_id


def test_bad_quote_stores_nothing_of_the_article(index: Index) -> None:
    good = quote_of(T0, "almost impossible", "Ben Wallace")
    outside = Quote(text="x", type=QuoteType.DIRECT, spans=((len(T0) - 1, len(T0) + 5),))
    with pytest.raises(BadInput, match="offsets"):
        index.ingest(ArticleIn(text=T0, id="000"), [good, outside])
    assert index.is_empty()
    assert index.health()["speakers"] == 0


def test_failure_inside_the_write_rolls_back_everything(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.ingest(ArticleIn(text=T2, id="002"), [war_crime(T2)])
    before = index.health()

    def crash(*_: object) -> None:  # the last step of writing an article fails
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("quoteapi.index.articles.refresh_speakers", crash)
    with pytest.raises(RuntimeError):
        index.ingest(ArticleIn(text=T0, id="000"), [war_crime(T0), quote_of(T0, "almost impossible", "Ben Wallace")])
    assert index.health() == before
    with pytest.raises(NotFound):
        index.article("000")
    with pytest.raises(NotFound):
        index.speaker("Ben Wallace")
    assert [a.article_id for a in index.quotes(QuoteQuery()).items[0].appearances] == ["002"]


@pytest.mark.parametrize("text", ["", "   \n\t", "a\x00b"])
def test_unusable_text_is_refused(index: Index, text: str) -> None:
    with pytest.raises(BadInput):
        index.ingest(ArticleIn(text=text, id="x"), [])
    assert index.is_empty()


def test_near_duplicate_quote_is_one_quote_carried_by_both_articles(index: Index) -> None:
    ingest_war_crimes(index)
    johnson = index.speaker("Boris Johnson")
    page = index.quotes(QuoteQuery(speaker_id=johnson.id))
    assert page.total == 1 == johnson.quote_count
    (quote,) = page.items
    assert sorted(a.article_id for a in quote.appearances) == ["000", "002"]
    for appearance in quote.appearances:
        text = T0 if appearance.article_id == "000" else T2
        start, end = appearance.spans[0]
        assert text[start:end].rstrip(".,").endswith("fully qualifies as a war crime")
    assert {a.mention for a in quote.appearances} == {"He", "Johnson"}


def test_different_quotes_and_other_speakers_stay_apart(index: Index) -> None:
    index.ingest(ArticleIn(text=T0, id="000"), [
        war_crime(T0),
        quote_of(T0, "Putin has gravely miscalculated", "Boris Johnson"),
    ])
    index.ingest(ArticleIn(text=T2, id="002"), [
        quote_of(T2, "fully qualifies as a war crime", "Ben Wallace"),  # same words, other speaker
        quote_of(T2, "abhorrent assault on a sovereign nation", "Boris Johnson"),  # a fragment
    ])
    assert index.speaker("Boris Johnson").quote_count == 3
    assert index.speaker("Ben Wallace").quote_count == 1
    assert index.health()["quotes"] == 4


def test_an_unnamed_speaker_is_no_speaker_of_the_index(index: Index) -> None:
    """"experts" said it, as the article puts it: the quote is kept, but "experts" of one article
    and of another are not one speaker."""
    quote = quote_of(T0, "fully qualifies as a war crime", None, mention="He")
    unnamed = replace(quote, speaker=replace(quote.speaker, name="experts", named=False))
    index.ingest(ArticleIn(text=T0, id="000"), [unnamed])
    (stored,) = index.quotes(QuoteQuery()).items
    assert stored.speaker is None
    assert index.speakers("experts").total == 0


def test_deleting_an_article_keeps_the_quote_the_other_carries(index: Index) -> None:
    ingest_war_crimes(index)
    index.delete_article("000")
    (quote,) = index.quotes(QuoteQuery()).items
    assert [a.article_id for a in quote.appearances] == ["002"]
    index.delete_article("002")
    assert index.is_empty() and index.health()["quotes"] == 0 == index.health()["speakers"]
    with pytest.raises(NotFound):
        index.delete_article("002")


def test_roles_accumulate_with_dates_and_articles(index: Index) -> None:
    for day, article_id in ((date(2022, 3, 1), "a"), (date(2022, 3, 5), "b"), (None, "c")):
        index.ingest(
            ArticleIn(text=T1, id=article_id, published=day),
            [quote_of(T1, "care much about its soldiers", "Ben Wallace",
                      role="defence secretary" if article_id == "a" else "The UK's Defence Secretary")],
        )
    wallace = index.speaker("ben-wallace")
    (role,) = wallace.roles
    assert role.role == "Defence Secretary"
    assert (role.first_seen, role.last_seen) == (date(2022, 3, 1), date(2022, 3, 5))
    assert role.article_ids == ["a", "b", "c"]
    assert wallace.quote_count == 1  # the same words in three articles: one quote
    assert (wallace.first_quoted, wallace.last_quoted) == (date(2022, 3, 1), date(2022, 3, 1))


def test_quote_and_health_and_not_found(index: Index) -> None:
    assert index.is_empty()
    ingest_war_crimes(index)
    (listed,) = index.quotes(QuoteQuery()).items
    assert index.quote(listed.id) == listed
    with pytest.raises(NotFound):
        index.quote(listed.id + 1000)
    with pytest.raises(NotFound):
        index.article("nope")
    assert index.health()["database"] == "ok" and index.health()["articles"] == 2


def test_reopening_migrates_nothing_and_keeps_the_data(index_url: str) -> None:
    first = Index(index_url)
    ingest_war_crimes(first)
    first.close()
    again = Index(index_url)
    assert again.health()["quotes"] == 1
    again.close()


def test_database_url_comes_from_the_environment(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'deep' / 'folder' / 'env.sqlite3'}"
    monkeypatch.setenv("QUOTEAPI_DATABASE_URL", url)
    opened = Index()
    assert opened.url == url and opened.is_empty()
    assert (tmp_path / "deep" / "folder" / "env.sqlite3").exists()
    opened.close()


def test_migrations_build_the_schema_the_models_describe(index: Index) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from quoteapi.index.db import MIGRATION_ONLY, Base

    def compared(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
        return name not in MIGRATION_ONLY

    with index._engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": compared})
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    (("What we have seen already from Vladimir Putin\u2019s regime in the use of the munitions "
     "that they have already been dropping on innocent civilians, in my view, already fully "
     "qualifies as a war crime."),
     ("What we have seen already from Vladimir Putin\u2019s regime, in the use of the munitions "
     "they have been dropping on innocent civilians, in my view already fully qualifies as a "
     "war crime,"), True),
    ("abhorrent", "Abhorrent", True),
    ("abhorrent", "abhorrent assault on a sovereign nation", False),
    ("in disarray", "Russian forces are in disarray in Ukraine", False),
    ("We will build the wall and Mexico will pay", "We will not build the wall, says Mexico", False),
    ("We will build the wall on the border", "We will not build the wall on the border", False),
    ("I did support the deal with Iran", "I didn't support the deal with Iran", False),
])
def test_near_duplicates(a: str, b: str, same: bool) -> None:
    from quoteapi.index.dedup import find_duplicate

    assert (find_duplicate(a, [(1, b)]) == 1) is same
