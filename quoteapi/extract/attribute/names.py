"""The names of an article: spaCy's named entities with the slips the small pipeline makes on news
put right, before the cast is built from them.

- a name never runs over a line break ("… by Easter\\nIngrid Lindqvist" is two lines);
- a person's first name the tagger left out joins the name ("Aoife [Byrne]");
- a person read as an organisation is a person when an honorific or a title stands before the
  name, or it opens with a common first name and ends with a word that is none ("Kenji Sato"
  tagged ORG, "Det Insp Malhotra"; "Morgan Stanley", two first names, stays a firm);
- a proper noun no one tagged that is the subject of a verb in the prose ("Okafor spoke to the
  crowd") is a person's name: reporters bring people in by surname; a capitalised word with a
  kind of organisation beside it ("Fernbrook, the fashion retailer,") is an organisation's.
"""

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...lexicon import words
from ...lexicon.names import is_honorific, is_title_word
from ...lexicon.people import first_name_gender, is_first_name

# entity labels a mislabelled person turns up under
PERSON_SLIP_LABELS = {"ORG", "NORP", "GPE", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}
# most words of a name read as an organisation that may still be a person's
MAX_PERSON_WORDS = 4
# verbs whose untagged proper-noun subject may be a place or thing as often as a person
THING_VERBS = {"be", "have", "become", "remain", "seem", "include", "cost", "mean"}


def _inside_longer(spans: list[Span]) -> set[int]:
    """The numbers of the spans that lie inside a longer one, found in one sweep in order of
    start (comparing every pair costs the square of an article's names)."""
    inside: set[int] = set()
    reach_start, reach_end = -1, -1  # the first-starting span of the furthest end so far
    for number in sorted(range(len(spans)), key=lambda n: (spans[n].start, -spans[n].end)):
        span = spans[number]
        if reach_end >= span.end and (reach_start < span.start or reach_end > span.end):
            inside.add(number)
        if span.end > reach_end:
            reach_start, reach_end = span.start, span.end
    return inside


def named_spans(doc: Doc, untrusted: list[bool]) -> Iterator[tuple[Span, str]]:
    """(span, label) for every name of ``doc`` in text order: spaCy's entities put right, and
    untagged proper-noun subjects as people (``untrusted``: per token, in a headline or a
    quotation, where no untagged name is taken)."""
    found = []
    for ent in doc.ents:
        for part in _lines(ent):
            part = _with_first_name(part)
            label = "PERSON" if part.label_ != "PERSON" and _person_like(part) else part.label_
            found.append((part, label))
    # a first name the tagger read as a place ("Jamal" GPE) now inside a longer name goes
    inside = _inside_longer([span for span, _ in found])
    found = [pair for number, pair in enumerate(found) if number not in inside]
    taken = {i for span, _ in found for i in range(span.start, span.end)}
    for token in doc:
        if token.i in taken or untrusted[token.i]:
            continue
        label = "ORG" if _untagged_organisation(token) else (
            "PERSON" if _untagged_subject(token) else None)
        span = _with_first_name(doc[token.i: token.i + 1]) if label else None
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            found.append((span, label))
    return iter(sorted(found, key=lambda pair: pair[0].start))


def _lines(ent: Span) -> Iterator[Span]:
    """The parts of an entity on each line (a tagger's entity may run over a line break)."""
    start = ent.start
    for token in ent:
        if "\n" in token.text:
            if start < token.i:
                yield _labelled(ent, start, token.i)
            start = token.i + 1
    if start < ent.end:
        yield _labelled(ent, start, ent.end)


def _labelled(ent: Span, start: int, end: int) -> Span:
    return Span(ent.doc, start, end, label=ent.label_)


def _with_first_name(span: Span) -> Span:
    """The name with the capitalised first names the tagger left out before it ("Aoife")."""
    doc, start = span.doc, span.start
    while start > 0 and _first_name_before(doc[start - 1]):
        start -= 1
    return Span(doc, start, span.end, label=span.label_) if start < span.start else span


def _first_name_before(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.is_title and token.ent_type_ != "PERSON"
            and not is_title_word(token.text) and is_first_name(token.text))


def _person_like(span: Span) -> bool:
    """Whether a name tagged as something else is a person's: an honorific before or in it, or a
    common first name first and a word that is no first name last, with no organisation word."""
    if span.label_ not in PERSON_SLIP_LABELS or len(span) > MAX_PERSON_WORDS:
        return False
    doc = span.doc
    if is_honorific(span[0].text) or (span.start > 0 and is_honorific(doc[span.start - 1].text)):
        return True
    names = [t for t in span if t.is_alpha]
    if len(names) < 2 or not all(t.is_title for t in names):
        return False
    if any(t.lower_ in words("org_nouns") or t.lower_ in words("press_words") for t in names):
        return False
    if is_title_word(names[0].text) and not is_title_word(names[-1].text):
        return True  # a title before a surname: "Det Insp Malhotra", "Supt Roe"
    if span.root.dep_ in {"compound", "poss"}:
        return False  # "the Wells Fargo scandal": a name modifying a noun is a firm's, as often
    return first_name_gender(names[0].text) is not None and not is_first_name(names[-1].text)


def _untagged_subject(token: Token) -> bool:
    """A proper noun no one tagged, subject of a verb in the prose: "Okafor spoke to the crowd"."""
    return (token.pos_ == "PROPN" and token.dep_ == "nsubj" and token.is_title and len(token) > 2
            and not token.ent_type_ and not is_title_word(token.text)
            and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in THING_VERBS
            and not any(c.dep_ == "det" for c in token.children))


def _untagged_organisation(token: Token) -> bool:
    """A capitalised word no one tagged with a kind of organisation in apposition: "Fernbrook,
    the fashion retailer, closed"."""
    return (token.is_title and not token.ent_type_ and token.pos_ not in {"PRON", "DET"}
            and not is_title_word(token.text) and any(
                child.dep_ == "appos" and child.pos_ == "NOUN" and (
                    child.lemma_.lower() in words("org_kinds")
                    or child.lemma_.lower() in words("org_nouns"))
                for child in token.children))
