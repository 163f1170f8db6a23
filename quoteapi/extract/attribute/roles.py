"""Roles as the article states them: titles before names, appositions, "the Y of Z, X".

Each rule reads spaCy's dependency parse around a named person:

- a title before the name, in the same noun phrase: "The UK’s Defence Secretary Ben Wallace",
  "ICC prosecutor Karim Khan", "ITV News Correspondent Dan Rivers" (determiners and possessors such
  as "The UK’s" are trimmed: the role is "Defence Secretary");
- an apposition after the name: "Phil Lovas, the state’s campaign chairman," ("campaign chairman");
- a name in apposition to a role: "The Governor of Kharkiv Oblast, Oleh Synyehubov"
  ("Governor of Kharkiv Oblast").

A phrase counts as a role only when its head word is a role noun (``data/role_nouns.txt``, or
coreferee's list of words for people), so "Libertarian presidential candidate" is a role and
"Crooked" is not.
"""

from spacy.tokens import Span, Token

from ...lexicon import pairs, words
from ...lexicon.names import expand_title, is_honorific

# dependency labels that keep a token inside the noun phrase of the name it precedes
_PRE_NAME_DEPS = {
    "compound",
    "amod",
    "poss",
    "case",
    "det",
    "nmod",
    "nummod",
    "punct",
    "prep",
    "pobj",
}
# labels of a role phrase's children that end the role (relative clauses, further appositions)
_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}


def is_role_word(token: Token) -> bool:
    """Whether ``token`` can head a role ("secretary", "Governor", "prosecutor", "Sen.")."""
    text = token.text.lower()
    if text in words("role_nouns") or text in pairs("title_abbreviations"):
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in words("role_nouns")


def role_text(tokens: list[Token]) -> str | None:
    """The role stated by ``tokens`` (a title phrase): trimmed of determiners, possessors and
    honorifics, or None when what is left does not end in a role word."""
    tokens = _after_possessor(tokens)
    while tokens and (tokens[0].dep_ == "det" or _is_blank(tokens[0]) or _is_honorific(tokens[0])):
        tokens = tokens[1:]
    while tokens and (_is_blank(tokens[-1]) or tokens[-1].dep_ in ("cc", "det")):
        tokens = tokens[:-1]
    if not tokens or not any(is_role_word(token) for token in tokens):
        return None
    if len(tokens) == 1:
        return expand_title(tokens[0].text)
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _after_possessor(tokens: list[Token]) -> list[Token]:
    """Tokens after the last possessive marker: "The UK’s Defence Secretary" -> "Defence Secretary"."""
    cut = max((i for i, token in enumerate(tokens) if token.tag_ == "POS"), default=-1)
    if cut < 0:
        # a possessive pronoun ("his deputy") or determiner ends the same way
        cut = max((i for i, token in enumerate(tokens) if token.tag_ == "PRP$"), default=-1)
    return tokens[cut + 1 :]


def _is_blank(token: Token) -> bool:
    return token.is_punct or token.is_space or not token.text.strip()


def _is_honorific(token: Token) -> bool:
    return is_honorific(token.text)


def title_before(name: Span) -> str | None:
    """The title before ``name`` in its noun phrase ("Defence Secretary" in "The UK’s Defence
    Secretary Ben Wallace")."""
    doc = name.doc
    start = name.root.left_edge.i
    if start >= name.start:
        return None
    tokens = [doc[i] for i in range(start, name.start)]
    # only the stretch just before the name that stays inside its noun phrase
    kept: list[Token] = []
    for token in reversed(tokens):
        if token.dep_ not in _PRE_NAME_DEPS or token.text in (",", ";", ":", "(", ")", "—", "–"):
            break
        if token.ent_type_ == "PERSON" and not is_role_word(token):
            break
        kept.insert(0, token)
    return role_text(kept)


def apposition_role(name: Span) -> str | None:
    """The role in apposition to ``name``: after it ("X, the Y,") or before it ("the Y, X")."""
    root = name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
            return role_text(_phrase(child))
    if root.dep_ == "appos":
        head = root.head
        while head.dep_ in ("pobj", "prep", "compound") and head.head.i < head.i:
            head = head.head
        if head.i < name.start and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON":
            tokens = [head.doc[i] for i in range(head.left_edge.i, name.start)]
            return role_text(tokens)
    return None


def _phrase(head: Token) -> list[Token]:
    """``head``'s noun phrase without relative clauses, further appositions or what follows a comma."""
    cut = [child for child in head.rights if child.dep_ in _CUT_DEPS]
    end = min((child.left_edge.i for child in cut), default=head.right_edge.i + 1)
    return [head.doc[i] for i in range(head.left_edge.i, end)]


def roles_of(name: Span) -> list[str]:
    """Every role the article attaches to this occurrence of a name, the title before it first."""
    found = [title_before(name), apposition_role(name)]
    return [role for role in found if role]


def description_role(description: Span) -> str | None:
    """The role a description states ("the prime minister" -> "prime minister"), if it is one."""
    tokens = [token for token in description if token.i <= description.root.i]
    return role_text(tokens)
