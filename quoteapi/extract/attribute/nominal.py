"""Nominal coreference: who "the prime minister", "the newspaper" or "the campaign" is.

coreferee links pronouns well but rarely links a description to a name across sentences, so
descriptions get their own resolver, in order of confidence:

1. a description built on a name is that name: "the Trump campaign", "the Obama administration",
   "The United Nations’ refugee agency";
2. a person description whose role words match a role the article attaches to a name ("the
   governor" -> the person introduced as "Indiana Gov. Mike Pence");
3. a well-known political title the article does not link ("the prime minister",
   ``data/political_titles.txt``) -> the nearest preceding person named as a subject, outside
   quotation marks, whose stated roles (if any) do not contradict it;
4. a definite person description the article ties to no one ("the New York businessman") -> the
   person the text was just about: the subject before it in its sentence, else the main subject
   of the sentences just before it, when gender and stated office do not contradict it;
5. an organisation noun ("the fund", "the commission", "the newspaper") -> the nearest preceding
   organisation whose name holds that noun, or for class nouns such as "newspaper", "network" or
   "union", the nearest preceding organisation of that class;
6. a document an organisation issued speaks for it: "the IMF report" -> the IMF.

Anything else stays unresolved: a wrong name is worse than none.
"""

import re

from spacy.tokens import Span

from ...lexicon import lines, pairs, words
from ...lexicon.names import expand_title
from ...lexicon.people import person_nouns
from ..context import ArticleContext
from ..grammar import SUBJECT_DEPS
from ..model import SpeakerKind
from .cast import Entity, joined_with_conjuncts, normal_words, role_gender
from .roles import description_role, is_role_word, organisation_kind

DESCRIPTION_LOOKBACK_SENTENCES = 12  # how far back a description may reach for an unlinked title
THREAD_SENTENCES = 3  # how far back "the New York businessman" may look for whom the text is about
# a description by age: "the 45-year-old"
AGE_DESCRIPTION = re.compile(r"\b(\d{1,3})-year-old\b")
# words that make a different office of the same title: a vice president is not the president
_RANKS = {"vice", "deputy", "assistant", "associate", "lieutenant", "acting", "under", "co"}
_MEDIA_CLASS = {
    "newspaper",
    "paper",
    "publication",
    "outlet",
    "network",
    "channel",
    "broadcaster",
    "magazine",
    "station",
    "website",
    "site",
    "daily",
    "tabloid",
}
# nouns for two or more people the text named together: "the couple said"
JOINT_NOUNS = {"couple", "pair", "duo", "twins", "siblings", "brothers", "sisters", "parents",
               "partners", "spouses"}
_BROADCAST_CLASS = {"network", "channel", "broadcaster", "station"}
_GENERIC_ORG = {
    "company",
    "firm",
    "group",
    "organisation",
    "organization",
    "agency",
    "bank",
    "union",
    "charity",
}


def head_word(span: Span) -> str:
    """The lower-cased head of a description, with "prime minister"-like compounds joined."""
    root = span.root
    previous = span.doc[root.i - 1] if root.i > span.start else None
    if previous is not None and f"{previous.lower_} {root.lower_}" in words("role_nouns") | words(
        "political_titles"
    ):
        return f"{previous.lower_} {root.lower_}"
    return root.lemma_.lower() if root.pos_ == "NOUN" else root.lower_


def is_description(span: Span) -> bool:
    """Whether ``span`` is a common-noun phrase that may point at a person or organisation."""
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and not root.ent_type_


def resolve_description(ctx: ArticleContext, span: Span) -> Entity | None:
    """The entity a description refers to, or None when nothing fits well enough."""
    named = _named_compound(ctx, span) or _document_issuer(ctx, span) or by_age(ctx, span)
    if named is not None:
        return named
    head = head_word(span)
    last = head.split()[-1]
    if last in JOINT_NOUNS and span[0].lower_ == "the":
        return _named_together_before(ctx, span)
    if span.root.tag_ in ("NNS", "NNPS"):
        return None  # "human rights groups", "the senators": not one speaker we can name
    if last in words("org_campaign_words"):
        return _earlier_campaign(ctx, span)
    organisation = last in words("org_nouns") or last in words("org_kinds") or last in _MEDIA_CLASS
    if organisation and span[0].lower_ in ("the", "this", "that"):
        kind = _by_stated_kind(ctx, span, last)
        if kind is not None:
            return kind
    if not organisation and (
        last in person_nouns() or head in words("political_titles") or is_role_word(span.root)
    ):
        if any(child.dep_ == "poss" for child in span.root.children):
            return None  # "his lawyer", "Pagliano's lawyer": someone else's, not yet named
        return (
            _by_role(ctx, span, head)
            or _by_title(ctx, span, head)
            or _thread_subject(ctx, span, head)
        )
    if span[0].lower_ in ("the", "this", "that"):
        earlier = _same_noun_named_earlier(ctx, span)
        if earlier is not None:
            return earlier
    if last in words("org_nouns") or last in _MEDIA_CLASS or last == "state":
        return _by_org_noun(ctx, span, last)
    return None


def _by_stated_kind(ctx: ArticleContext, span: Span, noun: str) -> Entity | None:
    """ "the operator", "the company" -> the nearest organisation the article gave a kind ending
    in that noun ("the bus operator Northline"), or any kind for a generic noun ("company")."""
    for _, entity in _preceding(ctx, span):
        if entity.kind is not SpeakerKind.ORGANISATION or not entity.roles:
            continue
        if any(role.lower().split()[-1] == noun for role in entity.roles) or noun in _GENERIC_ORG:
            return entity
    return None


def _named_together_before(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "the couple", "the pair" -> the people the sentence before named together as its subject
    ("Rukhsana and Imran Begum lost their shop")."""
    start = ctx.sentences.start(span.start, 1)
    for token in ctx.doc[start: span.start]:
        entity = ctx.cast.by_token.get(token.i)
        if entity is None or token.dep_ not in SUBJECT_DEPS or ctx.in_quote[token.i]:
            continue
        together = joined_with_conjuncts(ctx.cast, ctx.doc[token.left_edge.i: token.right_edge.i + 1], entity)
        if " and " in together.name:
            return together
    return None


def by_age(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "the 45-year-old" -> the person the article gives that age ("Mateusz Kowalski, 45,")."""
    match = AGE_DESCRIPTION.search(span.text)
    if match is None:
        return None
    people = [e for _, e in _preceding(ctx, span, any_distance=True) if e.age == match.group(1)]
    return people[0] if people else None


def by_party(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "the Democrat", "the Republican": the nearest person whose stated role says that party or
    people ("Democratic state senator Joan Whitfield", "Paul Grimes, a Republican")."""
    root = span.root
    if root.ent_type_ != "NORP" or span[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS"):
        return None
    stem = _stem(root.text)
    for _, entity in _preceding(ctx, span, any_distance=True):
        if entity.kind is SpeakerKind.PERSON and any(
            _stem(word) == stem for role in entity.roles for word in role.split()
        ):
            return entity
    return None


def _same_noun_named_earlier(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "The same account" -> "the Ukraine Weapons Tracker Twitter account" earlier: the nearest
    earlier phrase with the same head noun whose modifiers name an organisation."""
    doc, lemma = span.doc, span.root.lemma_
    for index in range(span.root.i - 1, max(-1, span.root.i - 400), -1):
        token = doc[index]
        if token.lemma_ != lemma or token.pos_ != "NOUN" or ctx.in_quote[index]:
            continue
        for modifier in doc[token.left_edge.i : token.i]:  # "the Ukraine Weapons Tracker Twitter"
            entity = ctx.cast.by_token.get(modifier.i)
            if entity is not None and entity.label == "ORG":
                return entity
    return None


def _named_compound(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "the Trump campaign" -> an organisation named "Trump campaign"."""
    root = span.root
    names = [
        child for child in root.lefts if child.dep_ in ("compound", "poss") and child.ent_type_
    ]
    if not names or root.lower_ not in words("org_nouns"):
        return None
    first = names[0].left_edge
    while first.i < root.i and (first.dep_ == "det" or first.lower_ == "the"):
        first = first.doc[first.i + 1]
    noun = root.text
    if root.lower_ in words("org_campaign_words") and names[-1].ent_type_ in (
        "PERSON",
        "ORG",
        "NORP",
    ):
        noun = "campaign"  # "The Trump team" is the Trump campaign
    modifier = span.doc[first.i : root.i]
    text = modifier[:-1].text if modifier[-1].tag_ == "POS" else modifier.text
    return _synthetic(ctx, f"{text} {noun}")


def _earlier_campaign(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "The campaign" -> the nearest "Trump campaign" / "Clinton’s campaign" before it."""
    doc = span.doc
    for index in range(span.root.i - 1, max(-1, span.root.i - 400), -1):
        token = doc[index]
        if token.lower_ in words("org_campaign_words") and not ctx.in_quote[index]:
            named = _named_compound(ctx, doc[token.left_edge.i : index + 1])
            if named is not None:
                return named
    return None


def _synthetic(ctx: ArticleContext, name: str) -> Entity:
    """An organisation the article names only through a description ("Trump campaign")."""
    found = ctx.organisations
    key = name.lower()
    if key not in found:
        found[key] = Entity(
            name=name, kind=SpeakerKind.ORGANISATION, label="ORG", words=normal_words(name)
        )
    return found[key]


def _role_words(role: str) -> set[str]:
    return {expand_title(word).lower() for word in role.replace(".", ". ").split()} | {
        word.lower() for word in role.split()
    }


def _by_role(ctx: ArticleContext, span: Span, head: str) -> Entity | None:
    """The person whose stated role has the same head (and holds the description's modifiers)."""
    modifiers = {
        token.lower_
        for token in span
        if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.i != span.root.i
    }
    modifiers -= {"former", "current", "top", "new"} | set(head.split())
    best: tuple[int, int, Entity] | None = None
    for mention, entity in _preceding(ctx, span, any_distance=True):
        if entity.kind is not SpeakerKind.PERSON:
            continue
        for role in entity.roles:
            role_words = _role_words(role)
            if not set(head.split()) <= role_words or not _same_rank(span, role_words):
                continue
            known = role_words | set(entity.words)
            score = len(modifiers & known)
            if (modifiers and not score) or _other_affiliation(span, known):
                continue
            candidate = (score, -abs(span.start - mention.start), entity)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else None


def _by_title(ctx: ArticleContext, span: Span, head: str) -> Entity | None:
    """A well-known title the article does not link: the nearest preceding compatible subject."""
    if head not in words("political_titles") and head.split()[-1] not in words("political_titles"):
        return None
    modifiers = _modifiers(span, head)
    start = ctx.sentences.start(span.start)
    in_sentence = [(m, e) for m, e in _preceding(ctx, span) if m.start >= start]
    # the people of its own sentence first, objects too ("shunned Jimmy Carter, claiming that the
    # former president ..."), then the subjects before it
    for mention, entity in in_sentence + list(_preceding(ctx, span, subjects_only=True)):
        if entity.kind is not SpeakerKind.PERSON or mention.root.head == span.root.head:
            continue  # "Johnson warned the Russian president": a verb's subject is not its object
        if not _gender_fits(entity, head):
            continue  # "the businessman" is not the woman just named
        if entity.roles and not any(
            head.split()[-1] in _role_words(role) and _same_rank(span, _role_words(role))
            for role in entity.roles
        ):
            continue  # the article gives this person a different role
        if modifiers and not modifiers <= _context_words(ctx, entity):
            continue  # "the Indiana governor": the article must tie "Indiana" to this person
        return entity
    return None


def _other_affiliation(span: Span, known: set[str]) -> bool:
    """Whether the description names a party or place absent from ``known`` (a role's words and
    the name): "the Democratic presidential nominee" is not the "Republican presidential nominee"."""
    stems = {_stem(word) for word in known}
    return any(
        token.ent_type_ in ("NORP", "GPE") and _stem(token.text) not in stems
        for token in span
        if token.i != span.root.i
    )


def _same_rank(span: Span, role_words: set[str]) -> bool:
    """Whether a description and a role agree on "vice", "deputy" and the like: "the Democratic
    presidential nominee" is not the person introduced as "Democratic vice presidential nominee"."""
    return {token.lower_ for token in span} & _RANKS == role_words & _RANKS


def _thread_subject(ctx: ArticleContext, span: Span, head: str) -> Entity | None:
    """ "Trump charges that ... . The New York businessman says ...": news text renames the person
    it is about with a definite description, so a description opening a clause refers to the
    subject before it in its sentence, else to the main subject of the nearest earlier sentence
    that has a named person as main subject (sentences led by a pronoun or a person description
    continue the same thread; one led by anything else breaks it)."""
    if (
        span[0].lower_ not in ("the", "this", "that")
        or span.root.dep_ not in SUBJECT_DEPS
        or ctx.in_quote[span.root.i]
        or any(token.ent_type_ == "PERSON" for token in span)  # "the Clinton aide": not Clinton
    ):
        return None
    candidate = _subject_in_sentence(ctx, span) or _thread_before(ctx, span)
    if candidate is None or not _fits_description(ctx, candidate, span, head):
        return None
    return candidate


def _subject_in_sentence(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "As Sanders spoke, the Vermont senator said": the nearest person subject before ``span``
    in its own sentence, outside quotation marks."""
    start = ctx.sentences.start(span.start)
    for mention, entity in reversed(ctx.cast.mentions):
        if mention.end > span.start or mention.start < start:
            continue
        if (
            entity.kind is SpeakerKind.PERSON
            and mention.root.dep_ in SUBJECT_DEPS
            and mention.root.head != span.root.head
            and not ctx.in_quote[mention.root.i]
        ):
            return entity
    return None


def _thread_before(ctx: ArticleContext, span: Span) -> Entity | None:
    """The named person the sentences before ``span`` are about (see ``_thread_subject``)."""
    for back in range(1, THREAD_SENTENCES + 1):
        start = ctx.sentences.start(span.start, back)
        if start >= ctx.sentences.start(span.start, back - 1):
            return None  # the start of the text
        subject = _main_subject(ctx, start)
        if subject is None:
            continue  # a dateline or a separator line
        entity = ctx.cast.by_token.get(subject.i)
        if entity is not None:
            return entity if entity.kind is SpeakerKind.PERSON else None
        if not (subject.pos_ == "PRON" or subject.lemma_.lower() in person_nouns()):
            return None  # "The ad features ...": the text moved on to something else
        if subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "it"):
            return None  # "lawyers for both filed ...": a group, not the same person
    return None


def _main_subject(ctx: ArticleContext, start: int):
    """The subject of the main verb of the sentence starting at ``start``, outside quotation
    marks ("“We need change,” Trump said": Trump), or the root itself when the parser made a
    noun of it ("Trump charges that ...", misread as a noun phrase), or None."""
    doc = ctx.doc
    for token in doc[start : ctx.sentences.end(start)]:
        if ctx.in_quote[token.i]:
            continue
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT":
            return token
        if token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN"):
            named = [word for word in (token, *token.lefts) if word.i in ctx.cast.by_token]
            return named[0] if named else None
    return None


def _fits_description(ctx: ArticleContext, entity: Entity, span: Span, head: str) -> bool:
    """Whether nothing the article says about ``entity`` contradicts ``span``: its gender, an
    office the article gives it, or a place the article ties to someone else's role (a party
    is shared by too many people to tell them apart)."""
    if entity.kind is not SpeakerKind.PERSON or not _gender_fits(entity, head):
        return False
    offices = {word for role in entity.roles for word in _role_words(role)}
    offices &= words("political_titles")
    last = head.split()[-1]
    if last in words("political_titles") and offices and last not in offices:
        return False  # "the governor" is not the person the article calls a senator
    others = {
        _stem(word)
        for other in ctx.cast.entities
        if other is not entity
        for role in other.roles
        for word in role.split()
    }
    own = {_stem(word) for role in entity.roles for word in role.split()}
    own |= {_stem(token.text) for token in span if token.ent_type_ == "NORP"}
    return not (_modifiers(span, head) & others) - own


def _gender_fits(entity: Entity, head: str) -> bool:
    """Whether a gendered role word ("businessman", "first lady") agrees with ``entity``."""
    gender = role_gender(head)
    return not (gender and entity.gender and gender != entity.gender)


def _stem(word: str) -> str:
    return word.lower()[:6]  # "Democrat" / "Democratic", "Republican" / "Republicans"


def _modifiers(span: Span, head: str) -> set[str]:
    """Stems of the words that narrow a description: "the Indiana governor" -> {"indian"}."""
    generic = {"former", "current", "top", "new", "then", "same", "other", "presidential"}
    return {
        _stem(token.text)
        for token in span
        if token.pos_ in ("PROPN", "ADJ")
        and token.i != span.root.i
        and token.lower_ not in generic
        and token.lower_ not in head.split()
    }


def _context_words(ctx: ArticleContext, entity: Entity) -> set[str]:
    """Stems of the roles of ``entity`` and of the three words before each of its mentions."""
    found = {_stem(word) for role in entity.roles for word in role.split()}
    for mention in entity.mentions:
        found |= {
            _stem(token.text) for token in mention.doc[max(0, mention.start - 3) : mention.start]
        }
    return found


def _document_issuer(ctx: ArticleContext, span: Span) -> Entity | None:
    """ "the IMF report", "the agency's statement": the organisation named in a document's phrase."""
    root = span.root
    if root.lemma_.lower() not in words("document_nouns"):
        return None
    for child in root.lefts:
        entity = ctx.cast.by_token.get(child.i)
        if child.dep_ in ("compound", "poss") and entity is not None and entity.label == "ORG":
            return entity
    return None


def _by_org_noun(ctx: ArticleContext, span: Span, noun: str) -> Entity | None:
    """ "the fund" -> the nearest preceding organisation with "Fund" in its name, and the like."""
    if noun == "state":  # "in Florida, when the state said": a place, not "the State Department"
        return next((entity for _, entity in _preceding(ctx, span) if entity.label == "GPE"), None)
    for _, entity in _preceding(ctx, span):
        if (
            entity.kind is SpeakerKind.ORGANISATION
            and noun in entity.words
            and len(entity.words) > 1
        ):
            return entity
    media = set(lines("broadcast_words")) if noun in _BROADCAST_CLASS else set(lines("press_words"))
    if noun in _MEDIA_CLASS:
        for _, entity in _preceding(ctx, span):
            if entity.label == "ORG" and set(entity.words) & media:
                return entity
    if noun in _GENERIC_ORG:
        return _by_org_class(ctx, span, noun) or next(
            (
                entity
                for _, entity in _preceding(ctx, span, subjects_only=True)
                if entity.label == "ORG"
            ),
            None,
        )
    return None


def _by_org_class(ctx: ArticleContext, span: Span, noun: str) -> Entity | None:
    """ "the union" -> the nearest earlier "United Mine Workers of America" (a name with a word of
    the class, ``data/org_classes.txt``: specific enough to reach back through the whole text),
    else an organisation named in the sentence before or the sentence itself ("In the Wells Fargo
    scandal, ... . The bank said")."""
    marks = set(pairs("org_classes").get(noun, "").split())
    for mention, entity in _preceding(ctx, span, any_distance=True):
        if mention.start >= span.end:
            break  # only what the reader has already met
        if entity.label == "ORG" and len(entity.words) > 1 and marks & set(entity.words):
            return entity
    first = ctx.sentences.start(span.start, 1)
    for mention, entity in _preceding(ctx, span):
        if mention.start < first:
            break
        if entity.label == "ORG":
            return entity
    return None


def _preceding(ctx: ArticleContext, span: Span, subjects_only: bool = False, any_distance: bool = False):
    """Named mentions before ``span`` (nearest first), outside quotation marks and not possessors,
    within ``DESCRIPTION_LOOKBACK_SENTENCES`` (all of them, preceding then following, with ``any_distance``)."""
    first_sentence = ctx.sentences.start(span.start, DESCRIPTION_LOOKBACK_SENTENCES)
    before = [(m, e) for m, e in ctx.cast.mentions if m.end <= span.start]
    for mention, entity in reversed(before):
        if not any_distance and mention.start < first_sentence:
            break
        if ctx.in_quote[mention.root.i] or _is_possessor(mention):
            continue
        if subjects_only and mention.root.dep_ not in SUBJECT_DEPS:
            continue
        yield mention, entity
    if any_distance:
        for mention, entity in ctx.cast.mentions:
            if mention.start >= span.end and not ctx.in_quote[mention.root.i]:
                yield mention, entity


def _is_possessor(mention: Span) -> bool:
    doc = mention.doc
    return mention.root.dep_ == "poss" or (
        mention.end < len(doc) and doc[mention.end].tag_ == "POS"
    )


def definite_descriptions(ctx: ArticleContext) -> list[Span]:
    """Subjects such as "the prime minister" anywhere in the article: a political title with "the"
    and no name in its phrase, outside quotation marks."""
    found = []
    for token in ctx.doc:
        if (
            token.dep_ not in ("nsubj", "nsubjpass")
            or token.pos_ != "NOUN"
            or ctx.in_quote[token.i]
        ):
            continue  # only speakers and actors: objects are too often someone else
        phrase = ctx.doc[token.left_edge.i : token.i + 1]
        if phrase[0].lower_ != "the" or any(word.ent_type_ == "PERSON" for word in phrase):
            continue
        described = [t for t in phrase if t.dep_ != "det" and t.tag_ != "POS"]
        if head_word(phrase) in words("political_titles") or (
            _is_kind(token) and len(described) > 1  # "the telecom giant", not "the company"
        ):
            found.append(phrase)
    return found


def _is_kind(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in words("org_kinds") or lemma in words("org_nouns")


def attach_described_roles(ctx: ArticleContext) -> None:
    """Give each person or organisation the role a description resolved to it states ("the
    prime minister", "the Republican presidential nominee", "the telecom giant")."""
    for chunk in definite_descriptions(ctx):
        entity = resolve_description(ctx, chunk)
        person = entity is not None and entity.kind is SpeakerKind.PERSON
        role = description_role(chunk) if person else organisation_kind(chunk)
        if entity is not None and role and entity in ctx.cast.entities:
            entity.add_role(role, described=True, at=chunk.start)
