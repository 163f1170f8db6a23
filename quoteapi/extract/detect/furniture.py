"""Page furniture: the paragraphs of a news page that are not the article (sign-up notices,
"JUST IN:" and video teasers, "Source: Read Full Article", share prompts). They give no quotes.
"""

import re

# a paragraph opening with a teaser or navigation label followed by a colon ("JUST IN: ...")
TEASER = re.compile(
    r"^\W{0,3}(JUST IN|READ MORE|READ|MORE|WATCH|VIDEO|PICTURED|SEE|LISTEN|RELATED|UPDATE|LIVE|"
    r"BREAKING|PHOTOS?|SEE ALSO|ADVERTISEMENT|Source|Related|Read more|Watch|Video|Listen|Advertisement)"
    r"\b[^:\n]{0,20}:",
)
# phrases only furniture carries: consent and sign-up notices, share and follow prompts (each
# worded as a prompt: "runs a politics newsletter" or "a cookie jar" in a sentence is no furniture)
FURNITURE_PHRASES = re.compile(
    r"\bsign(?:ed)?[- ]?up\b.{0,40}\b(?:newsletter|email|alerts?|updates)|\bunsubscribe\b"
    r"|\bsubscribe (?:to|for|now|today)\b|\b(?:our|free) newsletters?\b|click here"
    r"|follow (?:us|\w+ \w+) on (?:twitter|facebook)|read full article|\bwe use cookies\b"
    r"|\bcookie (?:policy|settings|preferences)\b|privacy policy|share this article|more info$"
    r"|all rights reserved|(?:©|\bcopyright\b) ?\d{4}",
    re.IGNORECASE,
)
# furniture is short: a paragraph longer than this is taken as article text whatever it says
MAX_FURNITURE_CHARS = 400


def is_furniture(paragraph: str) -> bool:
    """Whether one paragraph (a line of the text) is page furniture rather than article text."""
    text = paragraph.strip()
    if TEASER.match(text):
        return True
    return len(text) <= MAX_FURNITURE_CHARS and FURNITURE_PHRASES.search(text) is not None


def furniture_ranges(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) offsets of the furniture paragraphs among ``paragraphs``."""
    return [(start, end) for start, end in paragraphs if is_furniture(text[start:end])]
