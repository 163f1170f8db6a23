"""Hand-made articles and quotes for the API tests: a small index built without NLP.

``build_index(url)`` ingests them through ``Index.ingest(article, quotes=[...])``; offsets are
found with ``str.index`` in the texts below, so they point into the texts exactly as submitted.
"""

from datetime import date

from quoteapi.extract.model import Quote, QuoteType, Speaker, SpeakerKind, TextSpan
from quoteapi.index.records import ArticleIn
from quoteapi.index.service import Index

WALLACE_1 = (
    "“Russian forces are in disarray,” said Defence Secretary Ben Wallace on Thursday.\n\n"
    "Mr Wallace added that the West would not stand by while Kyiv was shelled."
)
WALLACE_2 = (
    "Ben Wallace, the Defence Secretary, said the army had “run out of road”.\n\n"
    "“Russian forces are in disarray,” Mr Wallace told the BBC."
)
JOHNSON = (
    "“Putin has gravely miscalculated,” Prime Minister Boris Johnson said in the Commons.\n\n"
    "Johnson warned that Russia “cannot commit these horrific acts with impunity”."
)
SMITHS = (
    "“We need more tanks,” said Anna Smith, a spokeswoman for the ministry.\n\n"
    "John Smith, the mayor, said: “The roads are closed.”"
)


def span(text: str, words: str, after: int = 0) -> TextSpan:
    start = text.index(words, after)
    return TextSpan(words, start, start + len(words))


def nearest(text: str, words: str, position: int) -> TextSpan:
    """The occurrence of ``words`` closest to ``position``."""
    starts = [i for i in range(len(text)) if text.startswith(words, i)]
    start = min(starts, key=lambda i: abs(i - position))
    return TextSpan(words, start, start + len(words))


def quote(
    text: str, content: str, kind: QuoteType, cue: str, name: str, mention: str, role: str | None
) -> Quote:
    piece = span(text, content)
    return Quote(
        text=content,
        type=kind,
        spans=((piece.start, piece.end),),
        cue=nearest(text, cue, piece.start),
        speaker=Speaker(
            name=name,
            role=role,
            mention=nearest(text, mention, piece.start),
            kind=SpeakerKind.PERSON,
        ),
        confidence=0.9,
    )


D, I, M = QuoteType.DIRECT, QuoteType.INDIRECT, QuoteType.MIXED
ARTICLES: list[tuple[ArticleIn, list[Quote]]] = [
    (
        ArticleIn(
            WALLACE_1,
            title="Wallace: Russian forces in disarray",
            source="Express",
            url="https://example.com/express/1",
            published=date(2022, 3, 3),
        ),
        [
            quote(
                WALLACE_1,
                "Russian forces are in disarray,",
                D,
                "said",
                "Ben Wallace",
                "Defence Secretary Ben Wallace",
                "Defence Secretary",
            ),
            quote(
                WALLACE_1,
                "the West would not stand by while Kyiv was shelled",
                I,
                "added",
                "Ben Wallace",
                "Mr Wallace",
                "Defence Secretary",
            ),
        ],
    ),
    (
        ArticleIn(
            WALLACE_2,
            title="Army has run out of road, says Wallace",
            source="Guardian",
            published=date(2022, 3, 9),
        ),
        [
            quote(
                WALLACE_2,
                "the army had “run out of road”",
                M,
                "said",
                "Ben Wallace",
                "Ben Wallace",
                "Defence Secretary",
            ),
            quote(
                WALLACE_2,
                "Russian forces are in disarray,",
                D,
                "told",
                "Ben Wallace",
                "Mr Wallace",
                "Defence Secretary",
            ),
        ],
    ),
    (
        ArticleIn(
            JOHNSON, title="Putin has miscalculated", source="Newsweek", published=date(2022, 3, 1)
        ),
        [
            quote(
                JOHNSON,
                "Putin has gravely miscalculated,",
                D,
                "said",
                "Boris Johnson",
                "Prime Minister Boris Johnson",
                "Prime Minister",
            ),
            quote(
                JOHNSON,
                "Russia “cannot commit these horrific acts with impunity”",
                M,
                "warned",
                "Boris Johnson",
                "Johnson",
                "Prime Minister",
            ),
        ],
    ),
    (
        ArticleIn(SMITHS, title="Tanks and roads", source="Express", published=None),
        [
            quote(
                SMITHS, "We need more tanks,", D, "said", "Anna Smith", "Anna Smith", "spokeswoman"
            ),
            quote(SMITHS, "The roads are closed.", D, "said", "John Smith", "John Smith", "mayor"),
        ],
    ),
]


def build_index(url: str) -> Index:
    index = Index(url=url)
    for article, quotes in ARTICLES:
        index.ingest(article, quotes=quotes)
    return index
