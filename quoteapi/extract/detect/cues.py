"""Speech cues of a parsed Doc: the verb (or "according to") with its speaker and reported clause.

Word lists come from ``quoteapi.lexicon`` (one entry a line, coreferee's habit). A cue is found from the dependency parse alone; which quotation marks belong to
it is decided later (``direct.py``), so a cue here may still turn out to introduce a direct or a
mixed quote.
"""

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from ...lexicon import words
from ...lexicon.verbs import reporting_verbs, speech_verbs, topic_verbs
from ..context import ArticleContext
from ..grammar import (
    ACTIVE_SUBJECT_DEPS,
    NON_SPEAKERS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    VERB_POS,
    is_dash,
)
from .marks import CLOSING_MARKS, OPENING_MARKS

# dependencies of the reported clause of a cue verb
CLAUSE_DEPS = {"ccomp"}
# verbs whose "to ..." complement is what was said ("urged Congress to act", "vowed to fight")
XCOMP_VERBS = {"urge", "promise", "vow", "pledge", "warn", "ask", "tell", "threaten", "claim"}
# dependencies by which a cue verb borrows the subject of the verb above it ("... , saying that")
BORROW_SUBJECT_DEPS = {"conj", "advcl", "xcomp", "acl", "relcl"}
# children that make a mention too long to be the speaker: relative clauses, the clause said
MENTION_CUT_DEPS = {"relcl", "acl", "ccomp", "advcl", "parataxis", "npadvmod"}
# "call" is a cue with these prepositions, what is called for being said ("called for a recount",
# "called on Congress to act"), or with an object and its predicate ("called the charges false");
# alone it is no speech verb ("called the police")
CALL_PARTICLES = {"for", "on", "upon"}
# verbs whose addressee may stand right before the clause with no "that" ("told Sky News Russia
# planned ...", where the parser reads "Sky News Russia" as one subject)
ADDRESSEE_VERBS = {"tell", "assure", "inform", "remind", "warn"}
# verbs of belief: "Reid said he believes ...": the pronoun stands for the speaker of "said"
BELIEF_VERBS = {"believe", "think", "feel", "hope"}
# parts of speech of the words of a speaker's name and title after an inverted verb
INVERTED_NAME_POS = {"DET", "PROPN", "NOUN", "ADJ", "NUM"}
# prepositions whose object is what a speech verb speaks of ("joked about", "warned against")
TOPIC_PREPOSITIONS = {"about", "of", "against", "on"}
# those that name a topic after any verb of speech ("said on Sunday", "told of" need not)
SPEECH_TOPIC_PREPOSITIONS = {"about", "against"}
# tags of finite verbs
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# punctuation that sets off an interrupting cue ("“…,” he said, “…”")
SET_OFF = {",", "”", '"', "''", "’", "—", "–", "("}


# word lists of nouns that can stand for a speaker (see can_be_source)
SOURCE_NOUN_LISTS = ("role_nouns", "org_nouns", "speech_nouns", "source_nouns")


class Cue(NamedTuple):
    """A speech cue: ``words`` the cue ("said", "according to"); ``speaker`` the mention at it;
    ``content`` the (start, end) pieces of the reported clause, empty when there is none."""

    words: Span
    speaker: Span | None
    content: tuple[tuple[int, int], ...]
    kind: str  # "verb", "according" or "noun"
    topic: bool = False  # the content is what the verb speaks of (its object), not a clause

    @property
    def start(self) -> int:
        return self.words.start_char

    @property
    def end(self) -> int:
        return self.words.end_char


# a parsed "sentence" longer than this is no sentence of news (the longest of 6,000 in PolNeAR
# train is 233 tokens, 99.9% are under 94) but a list, a table or text without stops; its
# clauses nest without end ("A said B said C said ..."), so no cue is looked for in it
LONGEST_SENTENCE = 300


def speech_cues(ctx: ArticleContext) -> list[Cue]:
    """Every speech cue of ``doc``, in order: speech verbs and "according to"."""
    verbs = speech_verbs()
    found = [cue for sentence in ctx.doc.sents if len(sentence) <= LONGEST_SENTENCE
             for token in sentence for cue in _cues_at(ctx, token, verbs)]
    return sorted(found, key=lambda cue: cue.start)


def _cues_at(ctx: ArticleContext, token: Token, verbs: frozenset[str]) -> Iterator[Cue]:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        cue = according_to_cue(ctx, token)
        if cue is not None:
            yield cue
    elif token.pos_ == "VERB" and token.lemma_.lower() == "call":
        cue = call_cue(ctx, token)  # alone "call" is no speech verb ("called the police")
        if cue is not None:
            yield cue
    elif token.pos_ in VERB_POS and token.lemma_.lower() in verbs and not _hearsay(token):
        yield verb_cue(ctx, token)
    elif token.pos_ == "NOUN" and token.lemma_.lower() in words("speech_nouns"):
        cue = noun_cue(ctx, token)
        if cue is not None:
            yield cue


def _hearsay(verb: Token) -> bool:
    """A past participle describing a thing, not someone saying: "The ship, said to be the oldest
    in the fleet, sank"; "a reported 200 cases"."""
    if verb.tag_ not in {"VBN", "VBD"} or any(child.dep_ == "agent" for child in verb.children):
        return False
    if verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN":
        return True
    perfect = any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children)
    to_be = any(child.dep_ == "xcomp" and child.left_edge.lower_ == "to"
                and child.lemma_ in {"be", "have"} for child in verb.children)
    return to_be and not perfect  # "is said to be", "said to have fled"


def nearest_subject(ctx: ArticleContext, verb: Token) -> Span | None:
    """The subject nearest before a cue verb in its sentence, whatever it hangs from: a fallback
    for parses that leave the verb without one ("Morial, the chief ..., forcefully told")."""
    for token in reversed(verb.doc[verb.sent.start: verb.i]):
        if token.dep_ == "nsubj" and token.lower_ not in NON_SPEAKERS | RELATIVE_PRONOUNS:
            return mention_span(ctx, token)
    return None


def verb_cue(ctx: ArticleContext, verb: Token) -> Cue:
    """The cue at a speech verb: its subject (borrowed from the verb above where it has none) and
    its reported clause (a ``ccomp``, or the clause the verb interrupts: "“…,” he said, “…”"),
    else what it speaks of (its object: "denied the claims", "joked about moving")."""
    words_, speaker = verb.doc[verb.i: verb.i + 1], speaker_of(ctx, verb) or nearest_subject(ctx, verb)
    clause = clause_of(ctx, verb)
    if clause:
        return Cue(words_, speaker, clause, "verb")
    return Cue(words_, speaker, object_of(ctx, verb), "verb", topic=True)


def object_of(ctx: ArticleContext, verb: Token) -> tuple[tuple[int, int], ...]:
    """The character pieces of what a speech verb with no clause speaks of: the object of a
    preposition of topic ("joked about moving to New Zealand", "warned against allowing ...") or,
    for the verbs whose object is what was said (``topic_verbs``), its direct object ("announced
    his running mate", "denied the fraud claims"); () for none, or for a pronoun, which says
    nothing by itself."""
    own_subject = any(c.dep_ in ACTIVE_SUBJECT_DEPS for c in verb.children)
    asked = any(c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "if", "after", "once"}
                for c in verb.children)
    if not own_subject and (verb.tag_ == "VBN" or asked):
        return ()  # "when asked about a pay rise": she was asked, the asking is not hers
    takes_object = verb.lemma_.lower() in topic_verbs()
    objects = [c for c in verb.children if c.dep_ == "dobj"] if takes_object else []
    if not objects:  # any verb of speech speaks of what "about" names: "asked about"
        prepositions = TOPIC_PREPOSITIONS if takes_object else SPEECH_TOPIC_PREPOSITIONS
        topics = [c for c in verb.children
                  if c.dep_ == "prep" and c.i > verb.i and c.lower_ in prepositions]
        objects = [g for p in topics[:1] for g in p.children if g.dep_ in {"pobj", "pcomp"}]
    if not objects or objects[0].pos_ == "PRON" or inverted_subject(ctx, verb) is not None:
        return ()  # nothing, a pronoun, or the speaker after an inverted verb
    return token_pieces(ctx.same_paragraph(verb, list(objects[0].subtree)))


def call_cue(ctx: ArticleContext, verb: Token) -> Cue | None:
    """The cue "called for X", "called on X to Y" (X and the "to ..." clause after it are the
    content) or "called X Y" with Y a predicate, not a name ("called the plan a disgrace")."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and after.lower_ in CALL_PARTICLES and after.head.i == verb.i:
        objects = [child for child in after.children if child.dep_ in {"pobj", "pcomp"}]
        cue, predicates = doc[verb.i: after.i + 1], []
    else:
        predicates = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ != "PROPN"]
        objects = [c for c in verb.children if c.dep_ == "dobj"] if predicates else []
        cue = doc[verb.i: verb.i + 1]
    if not objects or objects[0].lower_ in NON_SPEAKERS:
        return None  # nothing called for, or a relative "what": "what he called “hell”"
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.i > objects[0].i]
    end = max(c.right_edge.i for c in objects[:1] + clauses + predicates) + 1
    while predicates and end < len(doc) and doc[end].head.i == verb.i and doc[end].dep_ == "prep":
        end = doc[end].right_edge.i + 1  # what the parser hung from the verb: "a gift [to …]"
    tokens = list(doc[objects[0].left_edge.i: end])
    speaker = speaker_of(ctx, verb) or nearest_subject(ctx, verb)
    return Cue(cue, speaker, token_pieces(ctx.same_paragraph(verb, tokens)), "verb")


def speaker_of(ctx: ArticleContext, verb: Token) -> Span | None:
    """The speaker mention of a cue verb: its subject, the agent of a passive, or the subject of
    the verb it hangs from ("..., saying ..."; "who said ...")."""
    reporting = _reporting_verb(verb)
    outer = speaker_of(ctx, reporting) if reporting is not None else None
    if outer is not None:
        return outer
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):  # nearest subject first
        if "\n" in ctx.text[min(child.idx, verb.idx): max(child.idx, verb.idx)]:
            continue  # a subject in another paragraph is a parsing slip
        if ctx.in_quote[child.i] and not ctx.in_quote[verb.i]:
            continue  # a word of the quotation is not who said it: “Everybody back,” barked X
        if child.dep_ in ACTIVE_SUBJECT_DEPS and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return relative_mention(ctx, verb.head, child)
        if child.dep_ in ACTIVE_SUBJECT_DEPS and child.lower_ not in NON_SPEAKERS:
            return _with_next_subject(ctx, verb, mention_span(ctx, child))
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return mention_span(ctx, objects[0]) if objects else None
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return None  # "he was told that ...": the speaker is not given
    inverted = inverted_subject(ctx, verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "relcl" and verb.head.pos_ in {"PROPN", "NOUN", "PRON"}:
        return mention_span(ctx, verb.head)
    if verb.dep_ in BORROW_SUBJECT_DEPS and verb.head.i != verb.i:
        head = verb.head
        while ctx.in_quote[head.i] and not ctx.in_quote[verb.i] and head.head.i != head.i:
            head = head.head  # the parser hung "…,” suggesting that" from a word of the quotation:
            # the verb that reports it speaks, not the quotation's own subject
        if _speakers_next_act(verb) and head.dep_ in CLAUSE_DEPS and head.head.pos_ in VERB_POS:
            head = head.head  # "X said he makes $41,000 and questioned …": X questioned
        if head.pos_ in VERB_POS and not (ctx.in_quote[head.i] and not ctx.in_quote[verb.i]):
            return speaker_of(ctx, head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:  # "a soldier claiming that"
        noun = verb.head  # "X issued a statement calling ...": X speaks through the statement
        if noun.dep_ == "dobj" and noun.head.pos_ in VERB_POS:
            return speaker_of(ctx, noun.head) or mention_span(ctx, noun)
        return mention_span(ctx, noun) if can_be_source(noun) else None
    if verb.dep_ == "pcomp":  # "... by saying that", "for suggesting ...": the verb the "by" hangs from
        above = verb.head
        while above.pos_ in {"ADP", "SCONJ"} and above.head.i != above.i:
            above = above.head
        if above.pos_ in VERB_POS:
            spoken = verb.lemma_.lower() in speech_verbs()
            return speaker_of(ctx, above) or (_passive_subject(ctx, above) if spoken else None)
    if verb.dep_ == "compound" and verb.i < verb.head.i and verb.head.pos_ == "PROPN":
        return verb.doc[verb.i + 1: verb.head.i + 1]  # an inverted cue read as part of the name: "Said Ellis:"
    return None


def _with_next_subject(ctx: ArticleContext, verb: Token, mention: Span) -> Span:
    """The mention running on over a second subject right after it, which the parser split off
    a title ("said [nurses] [Fatima Yusuf and Aoife Byrne]")."""
    after = [c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS and c.i >= mention.end]
    if after and after[0].left_edge.i == mention.end:
        return verb.doc[mention.start: mention_span(ctx, after[0]).end]
    return mention


def inverted_subject(ctx: ArticleContext, verb: Token) -> Span | None:
    """The speaker after a verb that follows a quotation ("“…,” said Ann Lee", "“…!” shout Priya
    and Omar") or the clause it reports ("Market will reopen, says mayor"), which the parser may
    take for the verb's object: the noun phrase right after the verb."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].text in {",", "—", "–"}:
        before -= 1
    reported_before = verb.i > 0 and doc[verb.i - 1].text == "," and any(
        c.dep_ in CLAUSE_DEPS and c.i < verb.i and c.pos_ in VERB_POS
        for c in verb.children)  # "X will reopen, says mayor"
    if before < 0 or not (doc[before].is_quote or reported_before) or ctx.in_quote[verb.i]:
        return None
    end = verb.i + 1
    while end < len(doc) and (doc[end].pos_ in INVERTED_NAME_POS or doc[end].text in {"-", "and"}):
        end += 1
    phrase = doc[verb.i + 1: end]
    if not phrase or phrase[-1].pos_ not in {"PROPN", "NOUN"} or not can_be_source(phrase[-1]):
        return None
    own = mention_span(ctx, phrase[-1])
    return own if own.start <= phrase.start else doc[phrase.start: max(own.end, phrase.end)]


def _passive_subject(ctx: ArticleContext, verb: Token) -> Span | None:
    """The passive subject of the verb a speech verb after a preposition hangs from: the speaker
    ("After saying ..., she was taken to hospital")."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in NON_SPEAKERS]
    return mention_span(ctx, passive[0]) if passive else None


def _reporting_verb(verb: Token) -> Token | None:
    """The speech verb reporting a verb of belief whose subject is a pronoun ("Reid said he
    believes ...", "The White House has said it believes ..."): that verb's subject names the one
    the pronoun stands for, and the one the annotators give as the source."""
    head = verb.head
    if verb.lemma_.lower() not in BELIEF_VERBS or verb.dep_ != "ccomp" or head.i == verb.i:
        return None
    if head.pos_ not in VERB_POS or head.lemma_.lower() not in speech_verbs():
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return head if subjects and subjects[0].lower_ in SUBJECT_PRONOUNS else None


def relative_mention(ctx: ArticleContext, head: Token, pronoun: Token) -> Span:
    """The speaker of a relative clause ("Mr. Kamin, who said"): the noun phrase it hangs from,
    running on to the relative pronoun when only a comma stands between them, since the pronoun
    is the word that stands for the speaker at the cue."""
    mention = mention_span(ctx, head)
    between = head.doc[mention.end: pronoun.i]
    if pronoun.i >= mention.end and all(t.is_punct or t.is_space for t in between) and \
            "\n" not in ctx.text[mention.end_char: pronoun.idx]:
        return head.doc[mention.start: pronoun.i + 1]
    return mention


def can_be_source(noun: Token) -> bool:
    """Whether a noun can stand for a speaker: a name, a person or organisation, a role ("a
    soldier", "the agency") or a text that speaks ("a statement", "the report")."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    lemma = noun.lemma_.lower()
    return any(lemma in words(name) for name in SOURCE_NOUN_LISTS)


def mention_span(ctx: ArticleContext, head: Token) -> Span:
    """The noun phrase headed by ``head``, without relative clauses or clauses hanging off it."""
    cut = [child for child in head.children if child.dep_ in MENTION_CUT_DEPS
           and not _hyphened(child, head)]
    kept = {t.i for t in ctx.same_paragraph(head, _subtree_without(head, cut))}
    start = end = head.i  # the unbroken run of kept tokens around the head
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    end += 1
    while end - start > 1 and (head.doc[end - 1].is_punct or head.doc[end - 1].is_space):
        end -= 1
    while end - start > 1 and (head.doc[start].is_punct or head.doc[start].is_space):
        start += 1
    return head.doc[start:end]


def _hyphened(child: Token, head: Token) -> bool:
    """Whether ``child`` is joined to ``head`` by a hyphen ("the 45-year-old"): one word."""
    doc = head.doc
    low, high = sorted((child.right_edge.i, head.i))
    return any(doc[i].text == "-" and not doc[i].whitespace_ for i in range(low, high + 1))


def clause_of(ctx: ArticleContext, verb: Token) -> tuple[tuple[int, int], ...]:
    """The character pieces of what a cue verb reports, or () when it reports no clause."""
    clauses = [child for child in verb.children if child.dep_ in CLAUSE_DEPS]
    passive = any(child.dep_ in {"auxpass", "nsubjpass"} for child in verb.children)
    if not clauses and verb.lemma_.lower() in XCOMP_VERBS and not passive:
        clauses = [child for child in verb.children if child.dep_ == "xcomp"
                   and not any(g.dep_ == "auxpass" for g in child.children)]  # "asked not to be named"
    if clauses:
        # “…,” she said, and …: what she said ends at her verb
        fronted = _quoted_before(verb, ctx.same_paragraph(verb, list(clauses[0].subtree)))
        more = [] if fronted else [
            c for c in verb.children if c.dep_ == "conj" and c.i > clauses[-1].i
            and (any(g.dep_ in ACTIVE_SUBJECT_DEPS for g in c.children) or _reported_modal(c))
            and _goes_on_saying(c)]  # "said X and Y", "said X, and that Y"
        clauses += [c for c in verb.children if c.dep_ == "cc" and more and
                    clauses[0].i < c.i < more[0].i] + more
        if not fronted:
            clauses += [c for c in verb.children if gives_reason(c) and c.i > clauses[-1].i]
        drop, add = _fused_addressee(verb, clauses[0])
        tokens = [t for c in clauses for t in clause_tokens(c) if t not in drop
                  and not (fronted and t.i > verb.i)] + list(add)
        return token_pieces(ctx.same_paragraph(verb, _within_dashes(verb, tokens)))
    segment = _interrupting(verb) or _as_clause(verb)
    if segment:  # the sentence around ", Hebert said," or after "As Crane said,"
        tokens = _within_dashes(verb, [t for t in verb.sent if t.i not in segment])
        return token_pieces(ctx.same_paragraph(verb, tokens))
    comma = _closing_attribution(verb)
    if comma is not None:  # "…, police said." ends the sentence it attributes
        return token_pieces(ctx.same_paragraph(
            verb, [t for t in verb.sent if t.i < comma and not t.is_space]))
    inverted = _clause_hung_above(verb)
    if inverted:  # "after Trump told the Post [he was …]": the parser hung the cue from its clause
        return token_pieces(ctx.same_paragraph(verb, inverted))
    if verb.dep_ in {"parataxis", "ccomp"} and verb.head.pos_ in VERB_POS and _set_off(verb):
        outside = set(verb.subtree)
        tokens = _within_dashes(verb, [t for t in verb.head.subtree if t not in outside])
        after = verb.right_edge.i + 1
        if verb.head.i < verb.i and after < len(verb.doc) and verb.doc[after].dep_ == "cc":
            # "“Follow us,” Gil said, and the boys trailed behind": past "and", the writer
            tokens = [t for t in tokens if t.i < verb.i]  # goes on with the story
        return token_pieces(ctx.same_paragraph(verb, tokens))
    return ()


def _within_dashes(verb: Token, tokens: list[Token]) -> list[Token]:
    """The ``tokens`` between the dashes that set off a quotation and its attribution as an aside,
    when there are such dashes either side of ``verb`` in its sentence ("… to Mexico - ''I love
    Oreos,'' he said, ''I will never eat them again'' - and vowed …"): the rest is the writer's
    sentence."""
    dashes = [t.i for t in verb.sent if is_dash(t)]
    before = [i for i in dashes if i < verb.i]
    after = [i for i in dashes if i > verb.i]
    if not before or not after:
        return tokens
    inside = [t for t in tokens if before[-1] < t.i < after[0]]
    return inside if any(t.is_quote for t in inside) else tokens


def _reported_modal(conj: Token) -> bool:
    """Whether a clause joined to a verb of speech, with no subject of its own, goes on the
    reported clause in its tense ("announced that Clinton was “careless” and in the normal course
    would face some punishment"): a modal the speaker's own next act does not take."""
    return any(g.dep_ == "aux" and g.tag_ == "MD" for g in conj.children)


def _goes_on_saying(conj: Token) -> bool:
    """Whether a clause joined to a verb of speech is more of what was said: joined by "and
    that", or by a bare "and" ("told reporters the offer was low and the strike would go on");
    not after a comma without "that", where the writer goes on ("…, and the council approved")."""
    if any(g.dep_ == "mark" for g in conj.children):
        return True
    start = conj.left_edge.i
    doc = conj.doc
    joints = [t for t in doc[max(start - 2, 0): start] if t.dep_ == "cc" or t.text == ","]
    return not any(t.text == "," for t in joints)


def _quoted_before(verb: Token, clause: list[Token]) -> bool:
    """Whether the reported clause (its tokens in the verb's paragraph) is a quotation closed
    before the attribution (“…,” she said, and …), so that nothing after the verb is more of it:
    not when a quotation opens again after it (“…,” she said, “…”), an interrupted quote."""
    doc = verb.doc
    words_ = [t.i for t in clause if t.i < verb.i and not t.is_punct]
    if not words_ or not any(t.text in CLOSING_MARKS for t in doc[max(words_): verb.i]) or \
            not any(t.text in OPENING_MARKS for t in doc[max(min(words_) - 2, 0): min(words_)]):
        return False  # no quotation opening the clause and closed before the verb
    rest = [t for t in clause if t.i > verb.i and not t.is_punct]
    if rest and rest[0].lower_ == "that":
        return False  # “It's our bad luck,” he said, that both men …: the clause goes on
    return not any(t.text in OPENING_MARKS for t in doc[verb.i + 1: verb.sent.end])


def _clause_hung_above(verb: Token) -> list[Token]:
    """The clause a verb of telling reports when the parser made the verb a modifier of it: the
    verb, with whom it tells, an adverbial clause of the verb right after its own words, whose
    subject follows them ("… three days after Trump told the Post he was “not quite there yet”
    on …")."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i < verb.i or head.pos_ not in VERB_POS:
        return []
    if verb.lemma_.lower() not in ADDRESSEE_VERBS or not any(
            c.dep_ in {"dobj", "dative"} for c in verb.children):
        return []  # only whom it tells, then the clause: "told the Post he was …"
    end = verb.right_edge.i
    subjects = [c for c in head.children if c.dep_ in ACTIVE_SUBJECT_DEPS]
    if not subjects or subjects[0].left_edge.i != end + 1:
        return []
    return [t for t in head.subtree if t.i > end]


def _interrupting(verb: Token) -> set[int]:
    """The tokens of an attribution set off by commas inside the sentence it attributes ("After
    the court ruled, Hebert said, most laws were safe"; "Even then, he said, he can't"): the
    subject and the verb with their commas, none when the verb is not so set off."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS and c.i < verb.i]
    if not subjects or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return set()
    start = subjects[0].left_edge.i
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ == "ADV":
        end += 1  # "he said later,"
    if start == 0 or doc[start - 1].text != "," or end >= len(doc) or doc[end].text != ",":
        return set()
    if start - 1 <= verb.sent.start or end + 1 >= verb.sent.end:
        return set()  # words of the sentence on both sides
    return set(range(start - 1, end + 1))


def _closing_attribution(verb: Token) -> int | None:
    """The comma before an attribution that ends its sentence ("…, police said.", "…, his aide,
    Tad Devine, told The Huffington Post."), when the parser tied what was said to the verb by
    no clause: the attribution is the verb, its subject, whom it addresses, adverbs and phrases
    of time or place, and nothing else follows it."""
    sentence = verb.sent
    parts = [c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS]
    if not parts or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    if parts[-1].i > verb.i:  # "…, said Geert Wilders.": a second subject before the comma is
        parts = [c for c in parts if c.i > verb.i]  # what was said, misread as a noun phrase
    addressed = {"dobj", "dative"} if verb.lemma_.lower() in ADDRESSEE_VERBS else set()
    parts += [c for c in verb.children if c.i > verb.i and (
        c.dep_ in {"advmod", "npadvmod", "punct", "neg"} | addressed
        or (c.dep_ == "prep" and c.lower_ not in TOPIC_PREPOSITIONS))]  # not "joked about X"
    parts += [c for c in verb.children if c.dep_ in {"aux", "neg", "advmod"} and c.i < verb.i]
    start = min(min(c.left_edge.i for c in parts), verb.i)
    kept = {t.i for c in parts for t in c.subtree} | {verb.i}
    doc = verb.doc
    if start - 1 <= sentence.start or doc[start - 1].text != ",":
        return None
    tail = [t for t in doc[start: sentence.end] if not t.is_space]
    if any(t.i not in kept for t in tail) or tail[-1].text not in {".", "!", "?"}:
        return None
    said = doc[sentence.start: start - 1]
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in VERB_POS
               for t in said):
        return None  # no clause before the comma: "In an interview with the Times, X said."
    return start - 1


def _as_clause(verb: Token) -> set[int]:
    """The tokens of "As Crane said," opening the sentence whose main clause is what was said."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
    doc = verb.doc
    if verb.dep_ != "advcl" or not marks or verb.head.i < verb.i:
        return set()
    right = verb.right_edge.i
    if doc[right].text != ",":
        right += 1
    while right < len(doc) and doc[right].ent_type_ in ("DATE", "TIME"):
        right += 1  # "As the tabloid noted in an op-ed Thursday,": the day hung elsewhere
    if right >= len(doc) or doc[right].text != ",":
        return set()
    left = verb.left_edge.i
    if left == verb.sent.start + 1 and doc[left - 1].dep_ == "cc":
        left -= 1  # "But as the tabloid noted, …": the conjunction joins the writer's sentences
    return set(range(left, right + 1))


def _fused_addressee(verb: Token, clause: Token) -> tuple[set[Token], set[Token]]:
    """The news outlet a verb of telling addresses when the parser fused it with the name opening
    the clause: the tokens to drop from the clause ("told [Sky News] Russia planned ...", read as
    one subject) and to add to it ("told CNN [Trump] was ...", read as one object). The outlet is
    the leading proper nouns of that name up to a broadcaster's or paper's word."""
    if verb.lemma_.lower() not in ADDRESSEE_VERBS:
        return set(), set()
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}]
    subjects = [c for c in clause.children if c.dep_ in ACTIVE_SUBJECT_DEPS]
    if not objects and subjects:
        return _outlet_before(subjects[0]), set()
    if len(objects) == 1 and not subjects and objects[0].i + 1 == clause.left_edge.i:
        outlet = _outlet_before(objects[0])
        return set(), (set(objects[0].subtree) - outlet if outlet else set())
    return set(), set()


def _outlet_before(name: Token) -> set[Token]:
    """The compound proper nouns before ``name`` up to the last broadcaster's or paper's word
    ("Sky News" of "Sky News Russia"), none when ``name`` is not a proper noun so built."""
    leading = list(name.doc[name.left_edge.i: name.i])
    if name.pos_ != "PROPN" or not leading or any(
        t.pos_ != "PROPN" or t.dep_ != "compound" for t in leading
    ):
        return set()
    media = words("broadcast_words") | words("press_words")
    ends = [i for i, token in enumerate(leading) if token.lower_ in media]
    return set(leading[: ends[-1] + 1]) if ends else set()


def clause_tokens(head: Token) -> list[Token]:
    """A reported clause without time words that open it ("told them *this weekend* he would")
    and without a trailing participle clause."""
    leading = [c for c in head.children if c.dep_ == "npadvmod" and c.i < head.i
               and c.left_edge.i == head.left_edge.i]
    trailing = [c for c in head.subtree if trailing_clause(c)]  # at any depth: "… if they did
    # not vote for her, implicitly putting his name on the line"
    trailing += [c for c in head.children if _speakers_next_act(c)]
    trailing += [c for c in head.children if c.dep_ == "cc" and any(
        t.i > c.i and _speakers_next_act(t) for t in head.children)]
    return _subtree_without(head, leading + trailing)


def _speakers_next_act(child: Token) -> bool:
    """A verb joined to the reported clause with no subject of its own, after a comma or "but",
    or a verb of speech, or a participle after a finite verb: the speaker's next act, not what
    they said ("says the goal is X, but conceded that Y", "said it was X and warned Y")."""
    if child.dep_ != "conj" or child.pos_ != "VERB" or child.i < child.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
        return False
    if child.lemma_.lower() in reporting_verbs() or (
            child.tag_ == "VBG" and child.head.tag_ in FINITE_TAGS):
        return True  # "said it was opposed and warned Pyongyang", "… continues” and vowing to"
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    conjunction = [c for c in child.head.children if c.dep_ == "cc" and c.i < child.i]
    return child.tag_ in ("VBD", "VBZ") and (
        (before is not None and before.text == ",") or any(c.lower_ == "but" for c in conjunction))


def _subtree_without(head: Token, cut: list[Token]) -> list[Token]:
    """``head``'s subtree without the subtrees of the ``cut`` tokens (each subtree walked once:
    testing ``t in c.subtree`` per token costs the cube of a long sentence's length)."""
    dropped = {t.i for c in cut for t in c.subtree}
    return [t for t in head.subtree if t.i not in dropped]


def gives_reason(child: Token) -> bool:
    """Whether ``child`` is a "because" clause after the verb it hangs from: after what was said,
    the speaker's reason, which the parser hangs from the verb of speech ("charged that Clinton
    “hid” the documents because they contradicted her pledge")."""
    return child.dep_ == "advcl" and child.i > child.head.i and any(
        m.dep_ == "mark" and m.lower_ == "because" for m in child.children)


def trailing_clause(child: Token) -> bool:
    """Whether ``child`` is a participle clause set off by a comma after what was said
    ("..., implicitly putting his name on the line"): the writer's comment, not the speaker's."""
    doc = child.doc
    return (child.dep_ == "advcl" and child.i > child.head.i and child.tag_ == "VBG"
            and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ",")


def noun_cue(ctx: ArticleContext, noun: Token) -> Cue | None:
    """The cue at a noun of speech with a that-clause and a possessor ("Trump's claim that ..."),
    who is the speaker."""
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not clauses:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in NON_SPEAKERS]
    if not owners:
        return None  # "the claim that ...": whose claim is not said here
    speaker = mention_span(ctx, owners[0])
    content = token_pieces(ctx.same_paragraph(noun, list(clauses[0].subtree)))
    return Cue(noun.doc[noun.i: noun.i + 1], speaker, content, "noun")


def _set_off(verb: Token) -> bool:
    """Whether a cue verb with its subject stands apart from the clause it hangs from, set off by
    punctuation ("..., Johnson said"; "“…,” he said, “…”"), as an interrupting cue does."""
    if verb.head.i == verb.i:
        return False
    left = verb.left_edge.i
    return verb.doc[left].text in SET_OFF or (left > 0 and verb.doc[left - 1].text in SET_OFF)


def according_to_cue(ctx: ArticleContext, according: Token) -> Cue | None:
    """The cue "according to X": X is the speaker, the rest of its clause the content."""
    doc = according.doc
    to = according.nbor()
    sentence = according.sent
    if according.head.i == according.i:  # parsed as the root: the phrase runs to the first comma
        comma = next((t for t in doc[to.i: sentence.end] if t.text == ","), None)
        if comma is None or comma.i == to.i + 1:
            return None
        speaker = doc[to.i + 1: comma.i]
        phrase = set(doc[according.i: comma.i + 1])
        clause = list(sentence)
    else:
        speaker = _according_source(ctx, to)
        phrase = set(according.subtree) | set(to.subtree) | {according, to}
        head = according.head
        clause = list(head.subtree) if head.pos_ in VERB_POS else list(sentence)
    tokens = [t for t in clause if t not in phrase and t.sent == sentence]
    return Cue(doc[according.i: to.i + 1], speaker, token_pieces(ctx.same_paragraph(according, tokens)), "according")


def _according_source(ctx: ArticleContext, to: Token) -> Span | None:
    """Who "according to" names: the object of "to", or, when the parser read the words after
    "to" as a clause ("according to show insiders"), those words up to the clause's end."""
    objects = [child for child in to.children if child.dep_ == "pobj"]
    if objects:
        return mention_span(ctx, objects[0])
    clauses = [child for child in to.children if child.dep_ == "pcomp" and child.i == to.i + 1]
    if not clauses:
        return None
    tokens = ctx.same_paragraph(to, list(clauses[0].subtree))
    return to.doc[tokens[0].i: tokens[-1].i + 1] if tokens else None


def token_pieces(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """Character pieces covering ``tokens`` (runs of consecutive tokens), with punctuation and
    spaces at either edge of each piece left out."""
    pieces: list[tuple[int, int]] = []
    run: list[Token] = []
    for token in sorted(set(tokens), key=lambda t: t.i):
        if run and token.i != run[-1].i + 1:
            pieces.extend(_trim(run))
            run = []
        run.append(token)
    if run:
        pieces.extend(_trim(run))
    return tuple(pieces)


def _trim(run: list[Token]) -> list[tuple[int, int]]:
    while run and (run[0].is_punct or run[0].is_space):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].is_space):
        run = run[:-1]
    return [(run[0].idx, run[-1].idx + len(run[-1]))] if run else []
