"""Score quote extraction against PolNeAR-style brat annotations.

Layout read: ``DIR/SPLIT/text/NAME.txt`` and ``DIR/SPLIT/attributions/NAME_ANNOTATOR.ann``; an
article annotated by several annotators is scored against the first ``.ann`` in sorted order.
Any corpus in this layout can be scored.

Matching choices:
    * Contents are compared by character Dice over *significant* characters
      (:func:`quoteapi.evaluate.matching.significant_chars`: spaces and punctuation, quotation
      marks included, are ignored), so edge quotation marks and punctuation never decide a match.
    * A predicted quote is paired with its best-overlapping annotation (highest Dice; ties go to
      an annotation whose source the predicted speaker mention overlaps, then to the first). It is
      right (precision) when that Dice is >= 0.5.
    * An annotation is found (recall) when some prediction overlaps it with Dice >= 0.5. Every
      annotation counts, beliefs included; the subsets are those whose content holds a quotation
      mark and those with a speech cue (:func:`quoteapi.evaluate.matching.is_speech_cue`).
    * Speech-cue F1 combines overall precision with speech-cue recall: predictions that match
      a non-speech attribution are still right, not penalised as false positives.
    * Exact span, speaker and speaker-name accuracy are computed over right predictions with
      their paired annotation (``duplicates`` counts right predictions whose annotation was
      already paired with another prediction: a quote reported twice).
    * Speaker accuracy: the predicted speaker mention overlaps the annotated source (annotations
      without a source are left out).
    * Speaker-name accuracy (with a referents file): over right predictions paired with a
      speech-cue annotation with a source. The gold name is the referent when the referents file
      lists the source (pronouns, descriptions; entries with a null referent are left out) and
      the source words otherwise; names compare by :func:`quoteapi.evaluate.matching.names_match`.
      A source that is a bare pronoun ("he", "who": ``data/pronouns.txt``) the file does not list
      is scored as written, as the rule says (so it is almost always wrong), and also counted as
      ``names_unknown``, to show how much of the error comes from gaps in the referents file.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BadInput, QuoteapiError
from ..extract.model import Quote
from .brat import Attribution, read_attributions
from .matching import (
    dice,
    has_quotation_mark,
    is_speech_cue,
    names_match,
    overlaps,
    significant_chars,
    word_list,
)
from .report import Ratio, f1, format_rows

THRESHOLD = 0.5
ReferentKey = tuple[str, int, int]


@dataclass(frozen=True)
class Gold:
    """One annotation prepared for scoring."""

    attribution: Attribution
    chars: frozenset[int]
    quoted: bool
    speech: bool

    @property
    def source_key(self) -> tuple[int, int] | None:
        source = self.attribution.source
        return (source[0][0], source[-1][1]) if source else None


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[Gold, ...]


@dataclass
class Scores:
    """Counts of one evaluation; every ratio keeps its numerator and denominator."""

    articles: int = 0
    failed: list[str] = field(default_factory=list)
    precision: Ratio = field(default_factory=Ratio)
    recall: Ratio = field(default_factory=Ratio)
    recall_quoted: Ratio = field(default_factory=Ratio)
    recall_speech: Ratio = field(default_factory=Ratio)
    exact: Ratio = field(default_factory=Ratio)
    speaker: Ratio = field(default_factory=Ratio)
    speaker_name: Ratio = field(default_factory=Ratio)
    speaker_name_resolved: Ratio = field(default_factory=Ratio)
    duplicates: int = 0
    names_unknown: int = 0
    # when a list: one dict per error (false positive, miss, wrong speaker or name), for tuning
    details: list[dict[str, Any]] | None = field(default=None, repr=False)

    def note(self, article: Article, kind: str, **facts: Any) -> None:
        if self.details is not None:
            self.details.append({"article": article.name, "error": kind, **facts})

    @property
    def f1_speech(self) -> float | None:
        return f1(self.precision.value, self.recall_speech.value)

    @property
    def f1_all(self) -> float | None:
        return f1(self.precision.value, self.recall.value)

    def to_dict(self) -> dict[str, Any]:
        ratios = {
            name: value.to_dict() for name, value in vars(self).items() if isinstance(value, Ratio)
        }
        return {
            "articles": self.articles,
            "failed": self.failed,
            **ratios,
            "f1_speech": self.f1_speech,
            "f1_all": self.f1_all,
            "duplicates": self.duplicates,
            "names_unknown": self.names_unknown,
        }

    def format(self, referents: bool = True) -> str:
        def number(value: float | None) -> str:
            return "  n/a" if value is None else f"{value:.3f}"

        rows: list[tuple[str, object]] = [
            (
                "articles scored",
                f"{self.articles}" + (f" ({len(self.failed)} failed)" if self.failed else ""),
            ),
            ("precision (Dice >= 0.5)", self.precision),
            ("recall, all annotations", self.recall),
            ("recall, with quotation marks", self.recall_quoted),
            ("recall, speech cue", self.recall_speech),
            ("F1, speech cue", number(self.f1_speech)),
            ("F1, all annotations", number(self.f1_all)),
            ("exact span (of right)", self.exact),
            ("speaker accuracy (of right)", self.speaker),
        ]
        if referents:
            rows += [
                ("speaker name, speech cue", self.speaker_name),
                ("speaker name, pronoun/description", self.speaker_name_resolved),
                ("  of which unlisted bare pronoun sources", self.names_unknown),
            ]
        rows.append(("right predictions sharing an annotation", self.duplicates))
        return format_rows(rows)


# --- reading ---------------------------------------------------------------------------------


def annotation_file(folder: Path, name: str) -> Path | None:
    """The first (sorted) ``NAME_ANNOTATOR.ann`` of an article, or None."""
    candidates = sorted(
        p for p in folder.glob(f"{name}_*.ann") if "_" not in p.stem[len(name) + 1 :]
    )
    return candidates[0] if candidates else None


def prepare_gold(text: str, attributions: Iterable[Attribution]) -> tuple[Gold, ...]:
    return tuple(
        Gold(
            attribution=item,
            chars=significant_chars(text, item.content),
            quoted=has_quotation_mark("".join(text[s:e] for s, e in item.content)),
            speech=is_speech_cue(item.cue_text),
        )
        for item in attributions
    )


def load_split(directory: Path, split: str = "dev", limit: int | None = None) -> list[Article]:
    """The annotated articles of ``directory/split`` in name order (at most ``limit``)."""
    texts, annotations = directory / split / "text", directory / split / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise BadInput(
            f"{directory / split} has no text/ and attributions/ folders: give the PolNeAR folder"
        )
    articles = []
    for path in sorted(texts.glob("*.txt")):
        ann = annotation_file(annotations, path.stem)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        articles.append(Article(path.stem, text, prepare_gold(text, read_attributions(ann))))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def load_referents(path: Path) -> dict[ReferentKey, str | None]:
    """(article id, source start, source end) -> referent (None where no one is meant)."""
    referents = {}
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                entry = json.loads(line)
                referents[(entry["id"], entry["source_start"], entry["source_end"])] = entry[
                    "referent"
                ]
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as error:
        raise BadInput(
            f"cannot read referents from {path}: {error}; give a JSON Lines file "
            "with id, source_start, source_end and referent"
        ) from error
    return referents


# --- scoring ---------------------------------------------------------------------------------


def content_text(article: Article, spans: Sequence[tuple[int, int]]) -> str:
    return " ".join(article.text[start:end] for start, end in spans)


def mention_of(quote: Quote) -> tuple[tuple[int, int], ...]:
    mention = quote.speaker.mention if quote.speaker else None
    return ((mention.start, mention.end),) if mention else ()


def best_gold(quote: Quote, chars: frozenset[int], gold: Sequence[Gold]) -> tuple[int, float]:
    """Index and Dice of the annotation ``quote`` overlaps best (-1 when there is none)."""
    mention = mention_of(quote)
    best, best_key = -1, (0.0, False)
    for index, item in enumerate(gold):
        key = (dice(chars, item.chars), overlaps(mention, item.attribution.source))
        if key[0] > 0 and key > best_key:
            best, best_key = index, key
    return best, best_key[0]


def gold_name(
    article: str, item: Gold, referents: dict[ReferentKey, str | None]
) -> tuple[str | None, bool]:
    """The name the annotated source stands for, and whether it came from the referents file."""
    key = item.source_key
    if key and (article, *key) in referents:
        return referents[(article, *key)], True
    return item.attribution.source_text, False


def score_article(
    scores: Scores,
    article: Article,
    quotes: Sequence[Quote],
    referents: dict[ReferentKey, str | None] | None,
) -> None:
    """Add one article's predictions to ``scores``."""
    chars = [significant_chars(article.text, quote.spans) for quote in quotes]
    for item in article.gold:
        found = any(dice(mine, item.chars) >= THRESHOLD for mine in chars)
        scores.recall.add(found)
        if item.quoted:
            scores.recall_quoted.add(found)
        if item.speech:
            scores.recall_speech.add(found)
        if not found:
            scores.note(
                article,
                "missed",
                speech=item.speech,
                quoted=item.quoted,
                cue=item.attribution.cue_text,
                source=item.attribution.source_text,
                content=content_text(article, item.attribution.content),
            )
    paired: set[int] = set()
    for quote, mine in zip(quotes, chars):
        index, overlap = best_gold(quote, mine, article.gold)
        right = overlap >= THRESHOLD
        scores.precision.add(right)
        if not right:
            scores.note(
                article,
                "false positive",
                dice=round(overlap, 3),
                text=quote.text,
                spans=quote.spans,
                cue=quote.cue.text if quote.cue else None,
            )
        else:
            scores.duplicates += index in paired
            paired.add(index)
            score_pair(scores, article, quote, mine, article.gold[index], referents)


def score_pair(
    scores: Scores,
    article: Article,
    quote: Quote,
    chars: frozenset[int],
    item: Gold,
    referents: dict[ReferentKey, str | None] | None,
) -> None:
    scores.exact.add(chars == item.chars)
    if not item.attribution.source:
        return
    mention_right = overlaps(mention_of(quote), item.attribution.source)
    scores.speaker.add(mention_right)
    if not mention_right:
        scores.note(
            article,
            "speaker",
            text=quote.text,
            mention=quote.speaker and quote.speaker.to_dict(),
            source=item.attribution.source_text,
            source_spans=item.attribution.source,
        )
    if referents is None or not item.speech:
        return
    name, resolved = gold_name(article.name, item, referents)
    if name is None:
        return
    scores.names_unknown += not resolved and name.lower() in word_list("pronouns")
    right = names_match(quote.speaker.name if quote.speaker else None, name)
    scores.speaker_name.add(right)
    if not right:
        scores.note(
            article,
            "name",
            text=quote.text,
            speaker=quote.speaker and quote.speaker.to_dict(),
            source=item.attribution.source_text,
            gold=name,
            resolved=resolved,
        )
    if resolved:
        scores.speaker_name_resolved.add(right)


def score(
    articles: Sequence[Article],
    predictions: Iterable[Sequence[Quote] | QuoteapiError],
    referents: dict[ReferentKey, str | None] | None = None,
    details: bool = False,
) -> Scores:
    """Scores of ``predictions`` (one list of quotes, or an error, per article, in order); with
    ``details``, ``scores.details`` lists every error."""
    scores = Scores(details=[] if details else None)
    for article, quotes in zip(articles, predictions, strict=True):
        scores.articles += 1
        if isinstance(quotes, QuoteapiError):
            scores.failed.append(article.name)
            scores.note(article, "failed", message=quotes.message)
            quotes = []
        score_article(scores, article, quotes, referents)
    return scores


def evaluate_polnear(
    directory: Path,
    split: str = "dev",
    referents: Path | None = None,
    limit: int | None = None,
    batch_size: int = 8,
    n_process: int = 1,
    progress: bool = False,
    details: bool = False,
) -> Scores:
    """Extract quotes from every annotated article of ``directory/split`` and score them."""
    from tqdm import tqdm

    from ..extract import extract_many

    articles = load_split(directory, split, limit)
    known = load_referents(referents) if referents else None
    texts = (article.text for article in articles)
    predictions = extract_many(texts, batch_size=batch_size, n_process=n_process)
    if progress:
        predictions = tqdm(predictions, total=len(articles), unit="article")
    return score(articles, predictions, known, details)
