"""Derive the attribution verbs of ``quoteapi/lexicon/data`` from PolNeAR's train split.

    .venv/bin/python scripts/derive_cue_words.py ../shared/data/polnear [--split train]

Writes two lists, each a verb lemma a line with the counts that put it there:

- ``polnear_clause_verbs.txt``: verbs that report what was said in a clause ("charged that ...",
  "insisted the vote was rigged"): annotated as the cue of an attribution in at least
  ``MIN_ARTICLES`` articles, and annotated as a cue for at least ``MIN_CLAUSE_SHARE`` of the times
  they take a clause (``ccomp``), over at least ``MIN_CLAUSE_CASES`` such cues;
- ``polnear_topic_verbs.txt``: verbs whose object is what was said ("denied the claims",
  "announced his running mate", "joked about moving"): with an object (a direct object, or the
  object of "about", "of", "against", "on") and no clause, the annotators made that object the
  content of an attribution at this cue at least ``MIN_TOPIC_SHARE`` of the times, over at least
  ``MIN_TOPIC_CASES`` cases in ``MIN_ARTICLES`` articles.

Verbs of thought and wish (``MENTAL_VERBS``) are left out: PolNeAR annotates beliefs as
attributions, but "Trump believes ..." quotes no one; so are verbs whose annotated sources are
mostly not people or organisations (``MIN_SPEAKER_SOURCES``): "the poll shows", "footage shows"
report evidence, not speech. Only the train split is read: dev stays the
check. The article texts are not copied anywhere; the lists hold lemmas and counts only.
"""

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Token

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quoteapi.evaluate.polnear import Article, load_split  # noqa: E402
from quoteapi.extract.detect.cues import TOPIC_PREPOSITIONS  # noqa: E402
from quoteapi.lexicon import words  # noqa: E402
from quoteapi.lexicon.people import person_nouns  # noqa: E402
from quoteapi.nlp import get_nlp  # noqa: E402

OUT = REPO / "quoteapi" / "lexicon" / "data"
MIN_ARTICLES = 3  # a verb must be a cue in this many articles: no verb of one article
MIN_CLAUSE_SHARE = 0.5
MIN_CLAUSE_CASES = 4
MIN_TOPIC_SHARE = 0.5
MIN_TOPIC_CASES = 5
# share of a verb's annotated sources that must be people or organisations (names, pronouns,
# nouns for people or organisations)
MIN_SPEAKER_SOURCES = 0.5
# verbs of thought, feeling and intention: attributions in PolNeAR, but no speech
MENTAL_VERBS = frozenset("""
    believe think feel hope want expect fear know worry consider wonder doubt suspect understand
    realize realise assume seem appear plan intend try need wish prefer like love hate learn find
    decide see hear recognize recognise imagine remember forget mean care agree disagree guess
    hop
    suppose trust accept view regard perceive sense notice judge deem figure bet reckon
    """.split())


def speaker_sources(doc: Doc, article: Article) -> list[tuple[str, bool]]:
    """(cue verb lemma, whether the annotated source is a person or organisation) per annotated
    attribution with a verb cue and a source."""
    found = []
    for gold in article.gold:
        if not gold.attribution.cue or not gold.attribution.source:
            continue
        cue = doc.char_span(gold.attribution.cue[0][0], gold.attribution.cue[-1][1],
                            alignment_mode="expand")
        source = doc.char_span(gold.attribution.source[0][0], gold.attribution.source[-1][1],
                               alignment_mode="expand")
        verbs = [t for t in cue or [] if t.pos_ == "VERB"]
        if verbs and source is not None:
            found.append((verbs[-1].lemma_.lower(), _can_speak(source.root)))  # the head: "a CNN poll" is a poll
    return found


def _can_speak(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.pos_ in {"PRON", "PROPN"}
            or lemma in person_nouns() or lemma in words("org_nouns") or lemma in words("org_kinds"))


def verb_facts(doc: Doc, article: Article) -> list[tuple[str, str, bool]]:
    """(lemma, "clause" / "topic" / "", annotated as a cue with that content) per verb token."""
    cue_tokens: dict[int, list[tuple[int, int]]] = defaultdict(list)  # token -> annotated contents
    for gold in article.gold:
        for start, end in gold.attribution.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            for token in span or []:
                cue_tokens[token.i].extend(gold.attribution.content)
    facts = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        contents = cue_tokens.get(token.i)
        if any(child.dep_ == "ccomp" for child in token.children):
            facts.append((lemma, "clause", contents is not None))
            continue
        target = _topic(token)
        if target is None:
            facts.append((lemma, "", contents is not None))
            continue
        start, end = target.left_edge.idx, target.right_edge.idx + len(target.right_edge)
        hit = contents is not None and any(s < end and start < e for s, e in contents)
        facts.append((lemma, "topic", hit))
    return facts


def _topic(verb: Token) -> Token | None:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        preps = [c for c in verb.children
                 if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TOPIC_PREPOSITIONS]
        objects = [g for p in preps[:1] for g in p.children if g.dep_ in {"pobj", "pcomp"}]
    return objects[0] if objects and objects[0].pos_ != "PRON" else None


def derive(directory: Path, split: str,
           min_topic_share: float = MIN_TOPIC_SHARE) -> tuple[list[str], list[str], int]:
    articles = load_split(directory, split)
    counts: dict[str, Counter] = defaultdict(Counter)
    cue_articles: dict[str, set[str]] = defaultdict(set)
    nlp = get_nlp()
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=8)):
        for lemma, kind, annotated in verb_facts(doc, article):
            counts[lemma][kind] += 1
            counts[lemma][kind + "+"] += annotated
            if annotated:
                cue_articles[lemma].add(article.name)
        for lemma, speaks in speaker_sources(doc, article):
            counts[lemma]["sources"] += 1
            counts[lemma]["speakers"] += speaks
    clause, topic = [], []
    for lemma, tally in sorted(counts.items()):
        if lemma in MENTAL_VERBS or not lemma.isalpha() or len(cue_articles[lemma]) < MIN_ARTICLES:
            continue
        if tally["sources"] and tally["speakers"] < MIN_SPEAKER_SOURCES * tally["sources"]:
            continue  # "the poll shows": evidence, not speech
        articles_n = len(cue_articles[lemma])
        if tally["clause+"] >= MIN_CLAUSE_CASES and tally["clause+"] / tally["clause"] >= MIN_CLAUSE_SHARE:
            clause.append(f"{lemma}  # {tally['clause+']}/{tally['clause']} clauses, "
                          f"{articles_n} articles")
        if tally["topic"] >= MIN_TOPIC_CASES and tally["topic+"] / tally["topic"] >= min_topic_share:
            topic.append(f"{lemma}  # {tally['topic+']}/{tally['topic']} objects, "
                         f"{articles_n} articles")
    return clause, topic, len(articles)


def write(name: str, entries: list[str], what: str, articles: int, split: str) -> None:
    header = (f"# {what}\n# Derived from PolNeAR {split} ({articles} articles) by "
              f"scripts/derive_cue_words.py on {date.today()}: regenerate it, do not edit.\n")
    (OUT / f"{name}.txt").write_text(header + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{OUT / name}.txt: {len(entries)} verbs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="the PolNeAR folder (holding train/)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--min-topic-share", type=float, default=MIN_TOPIC_SHARE)
    args = parser.parse_args()
    clause, topic, articles = derive(args.polnear, args.split, args.min_topic_share)
    write("polnear_clause_verbs", clause,
          "Verbs that report speech in a clause (annotated cues of PolNeAR).", articles, args.split)
    write("polnear_topic_verbs", topic,
          "Verbs whose object is what was said (annotated cues of PolNeAR).", articles, args.split)


if __name__ == "__main__":
    main()
