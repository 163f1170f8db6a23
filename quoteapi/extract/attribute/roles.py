"""Roles as the article states them, read from spaCy's dependency parse around a named person or
organisation:

- a title before the name, in the same noun phrase, of any shape: "The UK’s Defence Secretary Ben
  Wallace", "Harlow County Public Works Director Jane Roe", "Apple chief executive Tim Cook",
  "Green councillor for Riverside ward Alex Doe" (determiners and possessors such as "The UK’s" are
  trimmed: the role is "Defence Secretary");
- an apposition after the name, also after an age or a hometown: "Phil Lovas, the state’s
  campaign chairman," ("campaign chairman"), "Liam Foster, 62, a fisherman from Whitby"
  ("fisherman"), "Tom Reed, her neighbour" ("neighbour");
- a name in apposition to a role: "The Governor of Kharkiv Oblast, Oleh Synyehubov", "his
  cousin, Amir Khan";
- a role given in a sentence of its own: "Maria Lopez is a plumber", "Quinn, who works as a
  nurse, ...";
- the kind of an organisation: "the bus operator Northline" ("bus operator").

A title before a name counts only when a role noun heads it (``data/role_nouns.txt``: "Crooked" is
no title); an apposition or a predicate may be any word for a person (coreferee's person words:
"plumber", "cousin", "neighbour"), but not one that says nothing of a role ("man", "resident").
The role keeps the article's words and case, and the phrases that make the office ("of Kharkiv
Oblast", "for the company"), not where the person comes from or works ("from Whitby", "at the
city hospital", "with the county").
"""

from spacy.tokens import Span, Token

from ...lexicon import pairs, words
from ...lexicon.names import expand_title, is_honorific
from ...lexicon.people import person_nouns

# dependency labels of the words of a title before a name
TITLE_DEPS = {"compound", "amod", "poss", "case", "det", "nmod", "nummod"}
# what ends a title before a name, reading back from it
TITLE_STOPS = {",", ";", ":", "(", ")", "—", "–", "-", "\"", "“", "”", "'"}
# labels of a role phrase's children that end the role (relative clauses, further appositions)
_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
# prepositions whose phrase is part of an office ("Secretary of State", "spokeswoman for the
# company"); any other ("from Whitby", "at the hospital", "with the county") is not
OFFICE_PREPOSITIONS = {"of", "for"}
# words for people that state no role: "a 45-year-old man", "a local resident"
NO_ROLE_WORDS = frozenset(
    """man woman person people individual adult child kid boy girl guy lady gentleman someone
    anyone everyone citizen native member human being figure one name""".split()
)
# verbs whose predicate or "as" phrase gives a role: "is a nurse", "works as a nurse"
ROLE_VERBS = {"be", "serve", "work"}


def is_role_word(token: Token) -> bool:
    """Whether ``token`` can head a title ("secretary", "Governor", "prosecutor", "Sen.")."""
    text = token.text.lower()
    if text in words("role_nouns") or text in pairs("title_abbreviations"):
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in words("role_nouns")


def is_person_word(token: Token) -> bool:
    """Whether ``token`` names what a person is ("plumber", "cousin", "firefighter"): a title word
    or one of coreferee's person words that says something of a role."""
    lemma = token.lemma_.lower()
    if is_role_word(token) or (token.pos_ in ("NOUN", "PROPN") and token.lower_ in words("party_members")):
        return True
    return token.pos_ == "NOUN" and lemma in person_nouns() and lemma not in NO_ROLE_WORDS


def role_text(tokens: list[Token], head_test=is_role_word) -> str | None:
    """The role stated by ``tokens`` (a title phrase): trimmed of determiners, possessors and
    honorifics, or None when no word of it passes ``head_test`` (a role word by default)."""
    tokens = _after_possessor(tokens, head_test)
    while tokens and (tokens[0].dep_ == "det" or _is_blank(tokens[0]) or _is_honorific(tokens[0])):
        tokens = tokens[1:]
    while tokens and (_is_blank(tokens[-1]) or tokens[-1].dep_ in ("cc", "det")
                      or _is_honorific(tokens[-1]) or tokens[-1].lower_ in OFFICE_PREPOSITIONS):
        tokens = tokens[:-1]  # "opponent for Mrs." -> "opponent"
    if not tokens or not any(head_test(token) for token in tokens):
        return None
    if len(tokens) == 1:
        return expand_title(tokens[0].text)
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _after_possessor(tokens: list[Token], head_test) -> list[Token]:
    """Tokens after the last possessive marker before the role's head: "The UK’s Defence
    Secretary" -> "Defence Secretary"; one after it stays ("head of the dockworkers’ union")."""
    first_head = next((i for i, token in enumerate(tokens) if head_test(token)), len(tokens))
    before = tokens[:first_head]
    cut = max((i for i, token in enumerate(before) if token.tag_ == "POS"), default=-1)
    if cut < 0:
        # a possessive pronoun ("his deputy") or determiner ends the same way
        cut = max((i for i, token in enumerate(before) if token.tag_ == "PRP$"), default=-1)
    return tokens[cut + 1 :]


def _is_blank(token: Token) -> bool:
    return token.is_punct or token.is_space or not token.text.strip()


def _is_honorific(token: Token) -> bool:
    return is_honorific(token.text)


def title_before(name: Span) -> str | None:
    """The title right before ``name`` ("Defence Secretary" in "The UK’s Defence Secretary Ben
    Wallace", "Green councillor for Riverside ward" before "Alex Doe"): the words that build a
    noun phrase with the name, back to anything else ("with help from", "Since", a dash)."""
    doc = name.doc
    kept: list[Token] = []
    index = name.start - 1
    while index >= 0:
        token = doc[index]
        if (token.text in TITLE_STOPS and not _hyphen(token)) or token.is_space or (
            token.ent_type_ == "PERSON" and not is_role_word(token)
        ):
            break
        office = token.lower_ in OFFICE_PREPOSITIONS and index > 0 and is_person_word(doc[index - 1])
        if not (office or _hyphen(token) or _in_title(token)):
            break
        kept.insert(0, token)
        index -= 1
    if kept and kept[-1].tag_ in ("NNS", "NNPS"):
        return None  # a plural before one name is no title of it
    if _object_of_office(name, kept):
        return None
    return role_text(kept, is_person_word)


def _object_of_office(name: Span, kept: list[Token]) -> bool:
    """Whether the name is what an office phrase before it is about, not who holds it: "the
    campaign manager for Donald Trump", "finance chairman for Clinton's campaign"."""
    root = name.root
    about = root.head if root.dep_ == "poss" else root
    return about.dep_ == "pobj" and about.head in kept and about.head.lower_ in OFFICE_PREPOSITIONS


def _in_title(token: Token) -> bool:
    """Whether a word before a name can belong to its title: a modifier, a determiner or
    possessor, or a capitalised word ("Harlow County Public Works Director")."""
    return token.dep_ in TITLE_DEPS or token.tag_ == "POS" or (
        token.pos_ in {"PROPN", "NOUN", "ADJ"} and (token.is_title or token.is_upper or token.dep_ != "prep")
        and token.pos_ != "ADP"
    )


def apposition_role(name: Span) -> str | None:
    """The role in apposition to ``name``: after it, past an age or a hometown ("X, 62, a
    fisherman"), or before it ("the Y, X"; "his cousin, X")."""
    root = name.root
    for child in _appositions(root) or _appositions(name[-1]):  # the name's head, or its last word
        if _joined_by_hyphen(child, after=True):
            continue  # "co" of "co-author", which the parser may make an apposition of its own
        if child.pos_ == "NOUN" and not child.ent_type_:
            role = role_text(_with_hyphenated_start(_phrase(child)), is_person_word)
            if role:
                return role
    if root.dep_ == "appos":
        head = root.head
        while head.dep_ in ("pobj", "prep", "compound") and head.head.i < head.i and \
                not is_person_word(head):  # up from "Oblast" to "Governor", not from "sister"
            head = head.head
        if head.i < name.start and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON":
            tokens = [head.doc[i] for i in range(head.left_edge.i, name.start)]
            return role_text(tokens, is_person_word)
    return None


def _appositions(root: Token) -> list[Token]:
    """The appositions after a name, and those after an age or a place in apposition to it
    ("Liam Foster, 62, a fisherman": the parser may hang the role from "62")."""
    found = []
    for child in root.rights:
        if child.dep_ == "appos":
            found.append(child)
            found.extend(grand for grand in child.rights if grand.dep_ == "appos")
        elif child.dep_ == "prep" and child.lower_ == "of":  # "Ann Lee, of Leeds, a nurse"
            places = [grand for grand in child.rights if grand.dep_ == "pobj"]
            found.extend(grand for grand in child.rights if grand.dep_ == "appos")
            found.extend(g for place in places for g in place.rights if g.dep_ == "appos")
    return found


def predicate_role(name: Span) -> str | None:
    """A role the name's own clause gives it: "Maria Lopez is a plumber", "Quinn, who works as a
    nurse", "Roe has served as mayor since 2019"."""
    root = name.root
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    relative = [c for c in root.children if c.dep_ == "relcl"]
    if verb is None and relative:
        verb = relative[0]  # "Quinn, who works as a nurse"
    if verb is None or verb.lemma_.lower() not in ROLE_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN" and not _ranked(child):
            return role_text(_phrase(child), is_person_word)
        if child.dep_ == "prep" and child.lower_ == "as":
            objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            if objects:
                return role_text(_phrase(objects[0]), is_person_word)
    return None


def _hyphen(token: Token) -> bool:
    """A hyphen inside a word ("front-runner"), not a dash between words."""
    doc = token.doc
    return token.text == "-" and not token.whitespace_ and token.i > 0 and \
        not doc[token.i - 1].whitespace_


def _joined_by_hyphen(token: Token, after: bool) -> bool:
    """Whether a hyphen inside a word joins ``token`` to the next word (``after``) or the one
    before: "co" and "author" in "co-author"."""
    doc = token.doc
    i = token.i + 1 if after else token.i - 1
    return 0 <= i < len(doc) and _hyphen(doc[i])


def _with_hyphenated_start(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the start of a hyphenated first word put back ("author" -> "co-author")."""
    while tokens and _joined_by_hyphen(tokens[0], after=False):
        doc = tokens[0].doc
        tokens = [doc[tokens[0].i - 2], doc[tokens[0].i - 1], *tokens]
    return tokens


def _ranked(noun: Token) -> bool:
    """A predicate that ranks rather than names a role: "the first candidate to ...", "the top
    recipient of ...", "the biggest donor"."""
    return any(child.tag_ == "JJS" or child.ent_type_ == "ORDINAL"
               or child.lower_ in {"top", "only", "first", "last", "leading"}
               for child in noun.lefts)


def _phrase(head: Token) -> list[Token]:
    """``head``'s noun phrase without relative clauses, further appositions, what follows a comma
    or phrases that do not make an office ("from Whitby", "at the hospital")."""
    joined = _joined_role(head)
    cut = [child for child in head.rights if (child.dep_ in _CUT_DEPS and not _hyphen(child)
                                              and child not in joined)
           or (child.dep_ == "prep" and child.lower_ not in OFFICE_PREPOSITIONS)]
    end = min((child.left_edge.i for child in cut), default=head.right_edge.i + 1)
    return [head.doc[i] for i in range(head.left_edge.i, end)]


def _joined_role(head: Token) -> list[Token]:
    """A second role joined to ``head`` by "and" ("environmental activist and lawyer", "co-founder
    and national director"): the conjunct and its "and", when the conjunct is a word for a person
    of its own, with no determiner ("the mayor and her husband" are two people) and no comma."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ != "conj" or child.pos_ != "NOUN" or not is_person_word(child) or any(
                c.dep_ in ("det", "poss") for c in child.children):
            continue
        ands = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < child.i]
        if [c.lower_ for c in ands] == ["and"] and not any(t.is_punct for t in doc[head.i + 1: child.i]):
            return [ands[0], child]
    return []


def roles_of(name: Span) -> list[str]:
    """Every role the article attaches to this occurrence of a name, the title before it first."""
    found = [title_before(name), apposition_role(name), predicate_role(name)]
    return [role for role in found if role]


def organisation_kinds(name: Span) -> list[str]:
    """The kind of organisation the article says a name is: "the bus operator Northline", "the
    advocacy group Judicial Watch", "Northline, the bus operator,"."""
    doc = name.doc
    kept: list[Token] = []
    for index in range(name.start - 1, max(-1, name.start - 6), -1):
        token = doc[index]
        if token.dep_ not in {"compound", "amod", "det", "nmod"} or (
            token.ent_type_ and token.pos_ == "PROPN"
        ):
            break  # the kind's words end at another name
        kept.insert(0, token)
    found = [role_text(kept, _is_kind_word)]
    head = name.root.head
    if name.root.dep_ == "appos" and head.i < name.start and head.pos_ == "NOUN":
        found.append(role_text([doc[i] for i in range(head.left_edge.i, head.i + 1)], _is_kind_word))
    for child in _appositions(name.root):
        if child.pos_ == "NOUN" and not child.ent_type_:
            found.append(role_text(_phrase(child), _is_kind_word))
    return [kind for kind in found if kind]


def _is_kind_word(token: Token) -> bool:
    """A noun for a kind of organisation ("group", "operator", "charity")."""
    lemma = token.lemma_.lower()
    return token.pos_ in {"NOUN", "PROPN"} and (
        lemma in words("org_nouns") or lemma in words("org_kinds") or is_person_word(token)
    )


def age_of(name: Span) -> str | None:
    """The age news style puts after a name: "Mateusz Kowalski, 45," -> "45"."""
    for child in name.root.rights:
        if child.dep_ in {"appos", "npadvmod", "amod"} and child.like_num and child.text.isdigit() \
                and len(child.text) <= 3:
            return child.text
    return None


def organisation_kind(description: Span) -> str | None:
    """The kind a description of an organisation states ("the telecom giant" -> "telecom
    giant")."""
    return role_text([t for t in description if t.i <= description.root.i], _is_kind_word)


def description_role(description: Span) -> str | None:
    """The role a description states ("the prime minister" -> "prime minister"), if it is one."""
    tokens = [token for token in description if token.i <= description.root.i]
    return role_text(tokens)
