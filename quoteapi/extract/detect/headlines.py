"""Quotes in an article's title: a lead-in ("Pat Caddell: Democrat Voters Worried ...",
"Trump: ‘I’m the …’") and a quotation the title's verb attributes ("Black Lawmakers Rip Trump As A
‘Disgusting Fraud’").
"""

import re

from spacy.tokens import Doc, Span

from ...lexicon.verbs import speech_verbs
from ...nlp import get_nlp
from ..context import ArticleContext
from ..model import QuoteType, SpeakerKind
from .direct import TITLE_SMALL_WORDS
from .found import CONFIDENCE, Detection, Found, overlaps

# a headline lead-in: a name, a colon, then what was said ("Pat Caddell: Democrat Voters ..."),
# the name perhaps with the topic it speaks on ("Obama on Climate Change: The Trends Are ...")
HEADLINE_LEAD_IN = re.compile(
    r"^([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})(?: on [^:\n]{1,80}?)?: (?=\S)")
# a title ending with its attribution: "Market will reopen by June, says mayor"
INVERTED_HEADLINE = re.compile(
    r"^(?P<content>.+?),[ \t\xa0]+(?P<verb>[a-z]+)[ \t\xa0]+(?P<who>[\w'’\- ]{2,60}?)[ \t\xa0]*$"
)
# entity labels that can speak in a headline lead-in
SPEAKING_LABELS = {"PERSON", "ORG"}
# share of a title's words (small words aside) that title case capitalises
TITLE_CASE_SHARE = 0.8
# the pipes that parse a title again once it is in sentence case (no entities needed)
REPARSE_PIPES = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"}


def headline_quotes(state: Detection) -> list[Found]:
    """A title of the form "Name: what they said" (the name must be a person or organisation):
    direct when what they said is one quotation ("Trump: ‘I’m the Worst Thing …’"), mixed when
    it holds one, indirect otherwise."""
    ctx, quoted = state.ctx, state.quoted
    if not ctx.paragraphs:
        return []
    start, end = ctx.paragraphs[0]
    text = ctx.text
    match = HEADLINE_LEAD_IN.match(text, start, end)
    if match is None or overlaps(match.end(), end, state.taken()):
        return []
    name = ctx.doc.char_span(match.start(1), match.end(1))
    if name is None or not _can_speak(ctx, name):
        return []
    colon = ctx.doc.char_span(match.end() - 2, match.end() - 1)  # (the match ends ": ")
    content_end = end
    while content_end > match.end() and not text[content_end - 1].isalnum():
        content_end -= 1
    inside = [q for q in quoted if match.end() <= q.start and q.end <= end]
    if len(inside) == 1 and inside[0].start == match.end() + len(inside[0].mark) and \
            not any(c.isalnum() for c in text[inside[0].end: end]):
        return [Found(QuoteType.DIRECT, inside[0].pieces, colon, name, CONFIDENCE["headline"])]
    if inside and inside[-1].closed and inside[-1].end >= content_end:
        content_end = inside[-1].end + len(_closing_mark(text, inside[-1].end))
    kind = QuoteType.MIXED if inside else QuoteType.INDIRECT
    return [Found(kind, ((match.end(), content_end),), colon, name, CONFIDENCE["headline"])]


def inverted_headline(state: Detection) -> list[Found]:
    """A title ending with its attribution: "Market will reopen by June, says mayor", "‘We were
    abandoned’, say flood victims": direct when what was said is one quotation, else reported."""
    ctx = state.ctx
    if not ctx.paragraphs:
        return []
    start, end = ctx.paragraphs[0]
    match = INVERTED_HEADLINE.match(ctx.text, start, end)
    if match is None or end >= len(ctx.text.rstrip()) or overlaps(start, end, state.taken()):
        return []
    cue = ctx.doc.char_span(*match.span("verb"), alignment_mode="expand")
    speaker = ctx.doc.char_span(*match.span("who"), alignment_mode="expand")
    if cue is None or speaker is None or cue.root.lemma_.lower() not in speech_verbs():
        return []
    inside = [q for q in state.quoted if match.start("content") <= q.start and q.end <= match.end("content")]
    whole = inside and not any(c.isalnum() for c in ctx.text[match.start("content"): inside[0].start]) \
        and not any(c.isalnum() for c in ctx.text[inside[-1].end: match.end("content")])
    if len(inside) == 1 and whole:
        return [Found(QuoteType.DIRECT, inside[0].pieces, cue, speaker, CONFIDENCE["headline"])]
    pieces = _trimmed(ctx.text, match.span("content"))
    kind = QuoteType.MIXED if inside else QuoteType.INDIRECT
    return [Found(kind, (pieces,), cue, speaker, CONFIDENCE["headline"])] if pieces else []


def _closing_mark(text: str, at: int) -> str:
    """The closing quotation mark at ``at`` (two characters for ``''``)."""
    return "''" if text.startswith("''", at) else text[at: at + 1]


def title_quotes(state: Detection) -> list[Found]:
    """A quotation in a title that nothing attributed ("Black Lawmakers Rip Trump As A ‘Disgusting
    Fraud’", "Minister calls strike ‘reckless’"): the title is parsed again alone, in sentence
    case (title case makes the parser read every word as a name, and a title with no stop runs on
    into the text below), and the cue, speaker and content it gives are mapped back onto the
    article (lower case keeps every offset)."""
    ctx, taken = state.ctx, state.taken()
    if not ctx.paragraphs:
        return []
    start, end = ctx.paragraphs[0]
    text = ctx.text
    inside = [q for q in state.quoted if start <= q.start < end and not overlaps(q.start, q.end, taken)]
    if not inside or end >= len(text.rstrip()) or text[start:end].rstrip()[-1:] in ".!?":
        return []  # no quotation left, no body below the line, or a sentence, not a title
    parsed = _sentence_case_parse(ctx, (start, end))
    found = _title_attribution(parsed, inside[0].start - start) if parsed is not None else None
    if found is None:
        return []
    (cue_start, cue_end), (speaker_start, speaker_end), (content_start, content_end) = found
    cue = ctx.doc.char_span(start + cue_start, start + cue_end, alignment_mode="expand")
    speaker = ctx.doc.char_span(start + speaker_start, start + speaker_end, alignment_mode="expand")
    pieces = _trimmed(text, (start + content_start, start + content_end))
    if cue is None or speaker is None or pieces is None or overlaps(*pieces, taken):
        return []  # (the content may reach words a quote found already holds)
    return [Found(QuoteType.MIXED, (pieces,), cue, speaker, CONFIDENCE["title"])]


def _title_attribution(parsed: Doc, quote_at: int) -> tuple[tuple[int, int], ...] | None:
    """Cue, speaker and content (offsets in the title) of a title whose main verb attributes the
    quotation starting at ``quote_at``: the subject opening the title is the speaker and the words
    after the verb the content ("Farm Workers Slam Minister Over ‘Shameful’ Deal"), or, when a
    speech verb comes last, the clause it reports is ("Bridge ‘Will Never Open,’ Engineer Says")."""
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None or root.pos_ != "VERB" or not root.tag_.startswith("VB") or subject.i > root.i:
        return None  # no subject before a main verb ("He’s For Oil": "’s" is no cue)
    cue = (root.idx, root.idx + len(root))
    speaker = (subject.left_edge.idx, subject.idx + len(subject))
    if root.idx < quote_at and subject.left_edge.i == 0:
        return cue, speaker, (cue[1], len(parsed.text))
    if root.lemma_.lower() not in speech_verbs():
        return None
    clause = next((c for c in root.children if c.dep_ == "ccomp" and c.left_edge.idx <= quote_at), None)
    if clause is None:
        return None
    return cue, speaker, (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))


def _title_case(text: str) -> bool:
    """Whether a line is in title case: most of its words, small words aside, capitalised."""
    words_ = [w for w in text.split() if w[0].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return bool(words_) and sum(w[0].isupper() for w in words_) >= TITLE_CASE_SHARE * len(words_)


def _sentence_case_parse(ctx: ArticleContext, title: tuple[int, int]) -> Doc | None:
    """The title parsed again with its capitalised words in lower case, but for the first and
    for names (words the article spells capitalised inside its sentences); None when lower case
    would move the offsets."""
    start, end = title
    names = {t.text for t in ctx.doc if t.idx >= end and t.is_title and not t.is_sent_start}
    text = list(ctx.text[start:end])
    for token in ctx.doc.char_span(start, end, alignment_mode="expand") or []:
        lower = token.text.lower()
        if token.idx > start and token.is_title and token.text not in names and len(lower) == len(token.text):
            text[token.idx - start: token.idx - start + len(token)] = lower
    nlp = get_nlp()
    parsed = nlp.make_doc("".join(text))
    for name, pipe in nlp.pipeline:
        if name in REPARSE_PIPES:
            parsed = pipe(parsed)
    return parsed if len(parsed.text) == end - start else None


def _trimmed(text: str, piece: tuple[int, int]) -> tuple[int, int] | None:
    """``piece`` without spaces and stops at either edge (quotation marks stay); None if empty."""
    start, end = piece
    while start < end and text[start] in " \t\xa0.,;:":
        start += 1
    while end > start and text[end - 1] in " \t\xa0.,;:":
        end -= 1
    return (start, end) if start < end else None


def _can_speak(ctx: ArticleContext, name: Span) -> bool:
    """Whether a headline's lead-in names someone who can speak: a person or organisation, or
    proper nouns that are not a place ("Ukraine: ..." is a dateline, not a speaker), or the
    surname of a person or organisation the article names in full (a title-case "Trump" the
    tagger took for a common noun)."""
    for ent in ctx.doc.ents:
        if ent.start <= name.start and name.end <= ent.end:
            return ent.label_ in SPEAKING_LABELS
    last = name[-1].lower_
    return all(token.pos_ == "PROPN" for token in name) or any(
        entity.words and entity.words[-1] == last and entity.kind is not SpeakerKind.UNKNOWN
        and any(mention.start >= name.end for mention in entity.mentions)
        for entity in ctx.cast.entities
    )
