"""Word classes of English grammar that detection and attribution share: dependency labels and
pronouns, each defined once."""

from spacy.tokens import Token

# parts of speech a cue verb may carry (headline "says" is sometimes tagged AUX or NOUN)
VERB_POS = frozenset({"VERB", "AUX"})
# subjects of an active verb: who does the saying
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# subjects of a clause, passive ones included: who a sentence is about
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# the gender each third-person singular pronoun form states
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
# pronouns that can stand for a speaker the article names: what the resolver resolves
RESOLVABLE_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me"})
# subject pronouns that stand for whoever reported a belief ("Reid said he believes ...")
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
# pronouns that stand for a person or group able to speak
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# words that can be a verb's subject without being anyone ("there said" never; "what she said")
NON_SPEAKERS = frozenset({"there", "what", "which", "that", "this"})
# relative pronouns: the speaker is the noun the relative clause hangs from ("Reid, who said")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def is_dash(token: Token) -> bool:
    """Whether a token is a dash setting words off, not a hyphen inside a word ("on-line")."""
    if token.text in {"—", "–", "--"}:
        return True
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and \
        bool(token.doc[token.i - 1].whitespace_)

