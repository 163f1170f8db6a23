"""The pattern catalogue: the list of what quoteapi understands (issue 9, item 7).

Each table below is one area of news attribution (AP, Reuters and BBC conventions), each case a
short text written for this catalogue, with invented names, and the quotes a careful newsroom
reader would list for it: ``(type, fragment, speaker, role)``.

- ``fragment`` is words inside the quote's text (a tuple: all of them inside the same quote, for
  quotes interrupted by their attribution or running over several paragraphs);
- ``speaker`` is the canonical name after coreference (``Quote.speaker.proper_name``), ``None`` when
  nobody can be named, or ``Unnamed("description")`` for a source the article never names (then
  ``Quote.speaker.name`` is the description as written and ``proper_name`` is None);
- ``role`` is the article's own words for what the speaker is, trimmed to the role phrase, or
  ``None`` when the article gives none.

Names and roles are compared case-insensitively, without a leading article ("the", "a", "an":
no part of a name, a description or a role) and with curly apostrophes read as straight ones.
A case expects exactly the quotes it lists, no more; a negative case lists none. Conventions:
- the role is the office or occupation, with the phrases that name the office ("Minister of
  Education", "spokeswoman for the company") but not the employer or the hometown ("a firefighter
  with the county brigade" -> "firefighter", as issue 9 has it; "a fisherman from Killybegs" ->
  "fisherman"; "finance director at Fernbrook" -> "finance director");
- honorifics (Mr, Ms, Dr) are no role; a possessive pronoun ("her neighbour") is no part of one;
- an unnamed source has no role: its description is its name (as the seed scorecard has it).
"""

from typing import NamedTuple

import pytest

from quoteapi.extract import Quote, QuoteType, extract_text

D, I, M = QuoteType.DIRECT, QuoteType.INDIRECT, QuoteType.MIXED


def case(pattern: str, text: str, *quotes: tuple) -> object:
    """One catalogue entry: the pattern's name (the test id), the text, the quotes expected."""
    return pytest.param(text, list(quotes), id=pattern)


class Unnamed(NamedTuple):
    """A source the article describes but never names ("a spokesperson for the ministry")."""

    description: str


def _norm(words: str | None) -> str | None:
    if words is None:
        return None
    words = " ".join(words.replace("’", "'").split()).strip(" ,.;:").lower()
    for article in ("the ", "a ", "an "):
        if words.startswith(article):
            return words[len(article):]
    return words


def _got(quote: Quote) -> tuple:
    """What a quote says about itself, in the form of an expectation."""
    speaker = quote.speaker
    if speaker is None or speaker.name is None:
        who = None
    elif speaker.proper_name is None:
        who = Unnamed(_norm(speaker.name))
    else:
        who = _norm(speaker.proper_name)
    return quote.type.value, who, _norm(speaker.role if speaker else None)


def _show(quotes: list[Quote]) -> str:
    return "; ".join(f"{_got(q)} {q.text!r}" for q in quotes) or "no quotes"


def check(text: str, expected: list[tuple]) -> None:
    quotes = extract_text(text)
    for quote in quotes:
        assert quote.text == " ".join(text[s:e] for s, e in quote.spans), f"spans of {quote.text!r}"
    assert len(quotes) == len(expected), f"{len(expected)} quotes expected, got: {_show(quotes)}"
    left = list(quotes)
    for kind, fragment, speaker, role in expected:
        fragments = (fragment,) if isinstance(fragment, str) else fragment
        want = (
            kind.value,
            Unnamed(_norm(speaker.description)) if isinstance(speaker, Unnamed) else _norm(speaker),
            _norm(role),
        )
        holders = [q for q in left if all(f in q.text for f in fragments)]
        assert holders, f"no quote holds {fragments}, got: {_show(quotes)}"
        quote = next((q for q in holders if _got(q) == want), holders[0])
        left.remove(quote)
        assert _got(quote) == want, f"{fragments}: expected {want}, got: {_show(quotes)}"


# --- Direct quotes: the attribution after, before, inverted, or interrupting the quote ---------

DIRECT = [
    case("after-name-said",
         "“The water rose faster than anyone expected,” Aoife Byrne said.",
         (D, "water rose faster", "Aoife Byrne", None)),
    case("after-inverted-said-name",
         "“We have asked for help three times,” said Kwame Mensah.",
         (D, "asked for help three times", "Kwame Mensah", None)),
    case("before-colon",
         "Ingrid Lindqvist said: “The ferry will run again on Friday.”",
         (D, "ferry will run again", "Ingrid Lindqvist", None)),
    case("before-comma",
         "Omar Haddad said, “Nobody told us the school would close.”",
         (D, "Nobody told us", "Omar Haddad", None)),
    # an attribution inside a sentence (commas either side) leaves one quote in two pieces
    case("interrupted-inverted",
         "“The first thing I saw,” said Chen Wei, “was the roof of my neighbour’s car.”",
         (D, ("The first thing I saw", "roof of my neighbour’s car"), "Chen Wei", None)),
    case("interrupted-name-said",
         "“If the rain keeps up,” Lindqvist said, “the river will burst its banks tonight.”",
         (D, ("If the rain keeps up", "burst its banks"), "Lindqvist", None)),
    case("question-asked",
         "“Who is going to pay for the repairs?” asked Bogdan Ionescu.",
         (D, "Who is going to pay", "Bogdan Ionescu", None)),
    case("exclamation-shouted",
         "“Get out of the water now!” Sunita Rao shouted.",
         (D, "Get out of the water", "Sunita Rao", None)),
    case("straight-marks",
         '"The pitch is waterlogged," Mateusz Nowak said.',
         (D, "pitch is waterlogged", "Mateusz Nowak", None)),
    case("single-marks-british",
         "Nguyen Thi Lan said: ‘The clinic cannot cope with this many patients.’",
         (D, "clinic cannot cope", "Nguyen Thi Lan", None)),
    case("present-tense-says",
         "“I still sleep with the light on,” says Rukhsana Begum.",
         (D, "sleep with the light on", "Rukhsana Begum", None)),
    case("said-with-time",
         "“The talks are over,” Omar Haddad said on Tuesday evening.",
         (D, "talks are over", "Omar Haddad", None)),
    case("speaking-at-prefix",
         "Speaking at a rally in Leeds, Priya Sharma said: “We will not stop until the mine is "
         "closed.”",
         (D, "will not stop until the mine", "Priya Sharma", None)),
    # the writer's own words before the quotation are no part of it
    case("asked-whether-prefix",  # the question is reported too: by someone not named
         "Asked whether she would run again, “Probably not,” Aoife Byrne said.",
         (I, "whether she would run again", None, None),
         (D, "Probably not", "Aoife Byrne", None)),
    case("time-clause-before-the-cue",
         "When the results came in, Omar Haddad told reporters, “We did it.”",
         (D, "We did it", "Omar Haddad", None)),
    case("no-comma-before-the-quotation",
         "As the mayor left the hall, a woman in the crowd shouted “Fix the roads!”",
         (D, "Fix the roads", Unnamed("a woman in the crowd"), None)),
    # pages scraped from news sites glue marks to the words around them
    case("mark-glued-to-the-name",
         "“The bridge will reopen in May,”Kwame Mensah said.",
         (D, "bridge will reopen in May", "Kwame Mensah", None)),
    case("mark-glued-after-said",
         "Sunita Rao said,“The clinic stays open.”",
         (D, "clinic stays open", "Sunita Rao", None)),
    case("party-and-state-before-colon",
         "Chen Wei (D-Ohio):“We have the votes.”",
         (D, "We have the votes", "Chen Wei", None)),
]


@pytest.mark.parametrize("text, expected", DIRECT)
def test_direct_quotes(text: str, expected: list) -> None:
    check(text, expected)


# --- Any verb in the attribution slot is a cue ------------------------------------------------

SPEECH_VERBS = [
    case("groaned",
         "“Not the printer again,” groaned Ines Duarte.",
         (D, "Not the printer again", "Ines Duarte", None)),
    case("sighed",
         "“We have heard all this before,” sighed Tomasz Wróbel.",
         (D, "heard all this before", "Tomasz Wróbel", None)),
    case("joked",
         "“At least the cows are happy,” Siobhan Kelly joked.",
         (D, "cows are happy", "Siobhan Kelly", None)),
    case("exclaimed",
         "“It is a boy!” exclaimed Rajesh Iyer.",
         (D, "It is a boy", "Rajesh Iyer", None)),
    case("implored",
         "“Please, just let us go home,” implored Amara Osei.",
         (D, "let us go home", "Amara Osei", None)),
    case("laughed",
         "“I have never been so wet in my life,” Liam Foster laughed.",
         (D, "never been so wet", "Liam Foster", None)),
    case("mused",
         "“Maybe the old ways were better,” mused Hiroshi Tanaka.",
         (D, "old ways were better", "Hiroshi Tanaka", None)),
    case("barked",
         "“Everybody back behind the line,” barked Ewa Kowalczyk.",
         (D, "back behind the line", "Ewa Kowalczyk", None)),
    case("quipped",
         "“Third time lucky,” quipped Dmitri Volkov.",
         (D, "Third time lucky", "Dmitri Volkov", None)),
    case("whispered",
         "“He is still in there,” whispered Grace Mwangi.",
         (D, "still in there", "Grace Mwangi", None)),
    case("pleaded",
         "“Give us one more week,” Tomás Ortega pleaded.",
         (D, "one more week", "Tomás Ortega", None)),
    case("snapped",
         "“That is none of your business,” snapped Yusuf Demir.",
         (D, "none of your business", "Yusuf Demir", None)),
    case("conceded",
         "“We got the timing wrong,” Astrid Nilsson conceded.",
         (D, "got the timing wrong", "Astrid Nilsson", None)),
    case("recalled",
         "“The whole street was on fire,” recalled Kofi Boateng.",
         (D, "whole street was on fire", "Kofi Boateng", None)),
    case("replied-when-asked",
         "“Not this year,” replied Hannah Schmidt when asked about a pay rise.",
         (D, "Not this year", "Hannah Schmidt", None)),
    case("fumed",
         "“This is a scandal,” fumed Alejandro Ruiz.",
         (D, "This is a scandal", "Alejandro Ruiz", None)),
    case("vowed",
         "“We will be back next season,” vowed Niamh O’Connor.",
         (D, "back next season", "Niamh O’Connor", None)),
    case("added",
         "“There is no plan B,” Ahmed Karimi added.",
         (D, "no plan B", "Ahmed Karimi", None)),
    # AP discourages it, but a verb of manner in the slot still attributes the quote
    case("grinned-manner-verb",
         "“Not bad for a Tuesday,” grinned Nadia Haddad.",
         (D, "Not bad for a Tuesday", "Nadia Haddad", None)),
]


@pytest.mark.parametrize("text, expected", SPEECH_VERBS)
def test_any_verb_in_the_attribution_slot(text: str, expected: list) -> None:
    check(text, expected)


# --- Joint and plural speakers are kept as such -----------------------------------------------

JOINT = [
    # a crowd's chant is its words, though no one in it is named; in capitals it is no title
    case("chants-of",
         "The mayor took the stage and was met with chants of “Okafor, Okafor, Okafor” from the "
         "back of the hall.",
         (D, "Okafor, Okafor, Okafor", None, None)),
    case("inverted-plural-first-names",
         '"We won\'t back down!" shout Priya and Omar.',
         (D, "We won't back down", "Priya and Omar", None)),
    case("inverted-plural-full-names",
         "“The market is our whole life,” say Grace Mwangi and Tomás Ortega.",
         (D, "market is our whole life", "Grace Mwangi and Tomás Ortega", None)),
    case("they-after-a-couple",
         "Aoife and Liam Byrne have run the pub for thirty years. “We are not going anywhere,” "
         "they said.",
         (D, "not going anywhere", "Aoife and Liam Byrne", None)),
    case("joint-subject-reported",
         "Kenji Sato and Maria Rossi said the findings would be published in March.",
         (I, "findings would be published", "Kenji Sato and Maria Rossi", None)),
    case("the-couple",
         "Rukhsana and Imran Begum lost their shop in the fire. “Twenty years of work, gone,” the "
         "couple said.",
         (D, "Twenty years of work", "Rukhsana and Imran Begum", None)),
    case("joint-with-shared-title",
         "“The ward is unsafe,” said nurses Fatima Yusuf and Aoife Byrne.",
         (D, "ward is unsafe", "Fatima Yusuf and Aoife Byrne", "nurses")),
    case("joint-statement",
         "In a joint statement, Lindqvist and Okafor said they would share the prize money.",
         (I, "share the prize money", "Lindqvist and Okafor", None)),
]


@pytest.mark.parametrize("text, expected", JOINT)
def test_joint_speakers(text: str, expected: list) -> None:
    check(text, expected)


# --- Follow-on quotes: an unattributed quote after an attributed one is the same speaker's -----

FOLLOW_ON = [
    # the paragraph after the quotation is no part of its sentence, however the parser reads it
    case("question-after-a-sentence-about-the-speaker",
         'Lena Okafor looked at the figures and said the money had gone. "Who is going to pay for '
         'the roof now?"\n\nThe crowd booed.',
         (I, "money had gone", "Lena Okafor", None),
         (D, "Who is going to pay for the roof now?", "Lena Okafor", None)),
    # in its paragraph a quotation with no cue goes on from the quote before, however short: one
    # quote of two pieces (as PolNeAR's annotators count it), joined without the attribution's comma
    case("same-paragraph-one-word",
         "“We will win this!” insists Mateusz Nowak. “Absolutely.”",
         (D, ("We will win this", "Absolutely"), "Mateusz Nowak", None)),
    case("past-the-programme-spoken-on",
         "“It is nonsense,” Ms. Ferreira said by telephone on Radio Norte’s “Morning Call.” “The "
         "numbers were checked twice.”",
         (D, ("It is nonsense", "numbers were checked twice"), "Ferreira", None)),
    case("same-paragraph-sentence",
         "“We did everything right,” Fatima Yusuf said. “It still was not enough.”",
         (D, ("did everything right It still", "still was not enough"), "Fatima Yusuf", None)),
    case("next-paragraph-one-word",
         "“The water came in at midnight,” said Omar Haddad, a baker.\n\n“Everything.”",
         (D, "came in at midnight", "Omar Haddad", "baker"),
         (D, "Everything", "Omar Haddad", "baker")),
    case("next-paragraph-long",
         "“The council has ignored us for years,” said Siobhan Kelly.\n\n“We wrote letters, we "
         "went to meetings, we signed petitions, and nothing changed.”",
         (D, "ignored us for years", "Siobhan Kelly", None),
         (D, "signed petitions", "Siobhan Kelly", None)),
    # two quotes, not one stitched across the paragraph break
    case("mixed-then-direct-surname",
         "Councillor Imran Qureshi called the plan “a betrayal of the estate”.\n\n“We will fight "
         "it at every stage,” Qureshi said.",
         (M, "betrayal of the estate", "Imran Qureshi", "Councillor"),
         (D, "fight it at every stage", "Imran Qureshi", "Councillor")),
    # a quote right after a sentence about one person is that person's
    case("after-a-sentence-about-the-speaker",
         "Lena Okafor shook her head. “It is a waste of money.”",
         (D, "waste of money", "Lena Okafor", None)),
    # a new speaker introduced in between takes the quotes that follow
    case("new-speaker-takes-over",
         "“The bridge is safe,” said engineer Kenji Sato.\n\nPriya Nair, a resident, was not "
         "convinced. “I will not walk across it.”",
         (D, "bridge is safe", "Kenji Sato", "engineer"),
         (D, "not walk across it", "Priya Nair", "resident")),
]


@pytest.mark.parametrize("text, expected", FOLLOW_ON)
def test_follow_on_quotes(text: str, expected: list) -> None:
    check(text, expected)


# --- Multi-paragraph quotes: only the last paragraph closes; it stays one quote ---------------

MULTI_PARAGRAPH = [
    case("colon-lead-three-paragraphs",
         "Priya Nair, the head teacher, said: “The roof leaked all winter.\n\n“We moved the "
         "classes into the hall.\n\n“Now the hall leaks too.”\n\nThe council has promised repairs.",
         (D, ("roof leaked all winter", "moved the classes", "Now the hall leaks"), "Priya Nair",
          "head teacher")),
    case("attributed-then-runs-on",
         "“The roof leaked all winter,” said Priya Nair, the head teacher. “We moved the classes "
         "into the hall.\n\n“Now the hall leaks too.”",
         (D, ("roof leaked all winter", "moved the classes", "Now the hall leaks"), "Priya Nair",
          "head teacher")),
    case("short-paragraphs",
         "Okafor said: “We were promised a new bridge in 2019.\n\n“Then in 2021.\n\n“Now they say "
         "2027.”",
         (D, ("new bridge in 2019", "Then in 2021", "Now they say 2027"), "Okafor", None)),
    case("straight-marks",
         'Kwame Mensah said: "The pumps failed twice in one week.\n\n"Nobody checked the valves."',
         (D, ("pumps failed twice", "Nobody checked the valves"), "Kwame Mensah", None)),
    case("doubled-apostrophes-over-paragraphs",
         "''This was no accident,'' Ms. Adeyemi said of the collapse. ''If the council had "
         "listened, we would have had time.\n\n''Nobody listened.''\n\nThe inquiry opens in May.",
         (D, ("no accident", "If the council had listened", "Nobody listened"), "Adeyemi", None)),
    case("then-another-speaker",
         "Priya Nair said: “The roof leaked all winter.\n\n“Now the hall leaks too.”\n\n“The "
         "repairs start in May,” a council spokesperson said.",
         (D, ("roof leaked all winter", "Now the hall leaks"), "Priya Nair", None),
         (D, "repairs start in May", Unnamed("council spokesperson"), None)),
]


@pytest.mark.parametrize("text, expected", MULTI_PARAGRAPH)
def test_multi_paragraph_quotes(text: str, expected: list) -> None:
    check(text, expected)


# --- Reported (indirect) speech ---------------------------------------------------------------

REPORTED = [
    case("said-that",
         "Kwame Mensah said that the clinic would stay open over the holidays.",
         (I, "the clinic would stay open", "Kwame Mensah", None)),
    case("said-no-that",
         "Ingrid Lindqvist said the ferry would not run on Sunday.",
         (I, "ferry would not run on Sunday", "Ingrid Lindqvist", None)),
    case("told-reporters",
         "Omar Haddad told reporters the strike would continue into next week.",
         (I, "strike would continue", "Omar Haddad", None)),
    case("told-reporters-after",
         "The strike will continue into next week, Omar Haddad told reporters.",
         (I, "strike will continue", "Omar Haddad", None)),
    case("attribution-closing-a-long-sentence",  # the parser ties the clause to no cue
         "Despite three costly defeats last week, Councillor Ana Ruiz remains committed to "
         "seeing the budget fight through to the final vote, her chief aide, Tom Reed, told the "
         "Harlow Gazette.",
         (I, "remains committed to seeing the budget fight through", "Tom Reed", "chief aide")),
    case("inverted-attribution-closing-a-sentence",  # the parser reads the clause as a subject
         'The closure of the mill marks "the end of an era" for the valley, said Marta Kowal, '
         "a historian at the county museum.",
         (M, "closure of the mill marks", "Marta Kowal", "historian")),
    case("told-an-outlet",
         "Siobhan Kelly told the Harbour Gazette she had not been consulted.",
         (I, "she had not been consulted", "Siobhan Kelly", None)),
    case("told-x-that",
         "Rosa Delgado told the committee that the figures had been altered.",
         (I, "figures had been altered", "Rosa Delgado", None)),
    case("according-to-after",
         "The ship left port without clearance, according to Lindqvist.",
         (I, "ship left port without clearance", "Lindqvist", None)),
    case("according-to-before",
         "According to Mateusz Nowak, the mine will close within a year.",
         (I, "mine will close within a year", "Mateusz Nowak", None)),
    # the union is the source: the manager's words reach us only through it, so one quote, not two
    case("according-to-x-y-told",
         "According to the Dockworkers Union, the manager told staff the canteen would close.",
         (I, "canteen would close", "Dockworkers Union", None)),
    case("warned-that",
         "Dr Leila Haddad warned that the hospital would run out of beds by Friday.",
         (I, "run out of beds", "Leila Haddad", None)),
    case("denied-that",
         "Tomasz Wróbel denied that he had been paid by the developer.",
         (I, "he had been paid by the developer", "Tomasz Wróbel", None)),
    case("claimed",
         "Yusuf Demir claimed the votes had been counted twice.",
         (I, "votes had been counted twice", "Yusuf Demir", None)),
    case("insisted",
         "Hannah Schmidt insisted the decision was final.",
         (I, "decision was final", "Hannah Schmidt", None)),
    case("interrupting-attribution",
         "The market, Okafor said, would reopen in June.",
         (I, ("The market", "would reopen in June"), "Okafor", None)),
    case("asked-whether",
         "Priya Sharma asked whether anyone on the board had read the report.",
         (I, "anyone on the board had read the report", "Priya Sharma", None)),
]


@pytest.mark.parametrize("text, expected", REPORTED)
def test_reported_speech(text: str, expected: list) -> None:
    check(text, expected)


# --- Mixed quotes: reported speech holding a quoted fragment ----------------------------------

MIXED = [
    # the sentence goes on past its attribution without marks: the rest of what was said
    case("quote-going-on-past-the-attribution",
         "“It was our bad luck,” Lena Okafor said, that both fires started on the same night.",
         (M, ("our bad luck", "both fires started on the same night"), "Lena Okafor", None)),
    case("attribution-then-and-the-story-goes-on",
         "“Follow us,” Ms. Ruiz said, and the boys, intrigued, trailed behind, en route to the "
         "square at the county courthouse.",
         (D, "Follow us", "Ruiz", None)),
    case("attribution-then-writers-words",
         "“The strike is over,” Omar Haddad said, to cheers from the crowd outside the depot.",
         (D, "strike is over", "Omar Haddad", None)),
    case("said-fragment",
         "Lena Okafor said the plan was “dead in the water”.",
         (M, "plan was “dead in the water", "Lena Okafor", None)),
    case("called",
         "Siobhan Kelly called the decision “a kick in the teeth”.",
         (M, "kick in the teeth", "Siobhan Kelly", None)),
    case("described-as",
         "Kenji Sato described the repairs as “a patch on a patch”.",
         (M, "patch on a patch", "Kenji Sato", None)),
    case("told-reporters-fragment",
         "Omar Haddad told reporters the offer was “nowhere near enough” and the strike would go "
         "on.",
         (M, "“nowhere near enough” and the strike would go on", "Omar Haddad", None)),
    case("according-to-fragment",
         "The talks were “going nowhere”, according to Ingrid Lindqvist.",
         (M, "going nowhere", "Ingrid Lindqvist", None)),
    case("warned-fragment",
         "Dr Amara Osei warned that the outbreak could become “very serious, very quickly”.",
         (M, "very serious, very quickly", "Amara Osei", None)),
    case("single-marks-fragment",
         "Mateusz Nowak said the vote was ‘a disgrace’.",
         (M, "vote was ‘a disgrace", "Mateusz Nowak", None)),
    # one quoted word under a speech verb is the speaker's word, not a scare quote
    case("one-word-fragment",
         "Fatima Yusuf said the first results were “encouraging”.",
         (M, "encouraging", "Fatima Yusuf", None)),
]


@pytest.mark.parametrize("text, expected", MIXED)
def test_mixed_quotes(text: str, expected: list) -> None:
    check(text, expected)


# --- Colon and dash attributions --------------------------------------------------------------

COLON_AND_DASH = [
    case("name-role-colon",
         "Ingrid Lindqvist, historian: “The archive was never meant to be public.”",
         (D, "archive was never meant", "Ingrid Lindqvist", "historian")),
    case("em-dash-name-role",
         "“A library is a promise to the next generation.” — Kofi Boateng, novelist",
         (D, "library is a promise", "Kofi Boateng", "novelist")),
    case("en-dash-name-role",
         "“We build for a hundred years.” – Marta Silva, architect",
         (D, "build for a hundred years", "Marta Silva", "architect")),
    # a fact check quotes a claim as a paragraph of its own and names who made it below
    case("claim-then-hyphen-name-below",
         "The council has not published the figures.\n\n\"We cut the waiting list by half in "
         "a year, and nobody noticed.\"\n\n- Lena Okafor.\n\nThe figures tell another story.",
         (D, "cut the waiting list by half", "Lena Okafor", None)),
    case("sentence-then-colon",
         "Dr Amara Osei, a paediatrician at St Luke’s, was blunt: “Children are getting sicker "
         "every week.”",
         (D, "getting sicker", "Amara Osei", "paediatrician")),
    case("put-it-colon",
         "Nguyen put it simply: “No water, no crops.”",
         (D, "No water, no crops", "Nguyen", None)),
    case("message-colon",
         "Rosa Delgado had a message for the minister: “Come and see it for yourself.”",
         (D, "Come and see it", "Rosa Delgado", None)),
    case("title-name-colon",
         "Fire chief Sven Andersson: “Do not go back into your homes tonight.”",
         (D, "Do not go back", "Sven Andersson", "Fire chief")),
    # a document cited with "From": its words
    case("from-document-colon",
         "The audit found gaps in every ward. From the report: “No ward kept complete records of "
         "its spending.”",
         (D, "No ward kept complete records", Unnamed("the report"), None)),
    # an organisation's name in title case after a dash, which the tagger may read as nouns
    case("dash-organisation-colon",
         "Online samples skew towards engaged voters - Harlow Polling: “All the samples "
         "include more engaged people than the census shows.”",
         (D, "All the samples include", "Harlow Polling", None)),
]


@pytest.mark.parametrize("text, expected", COLON_AND_DASH)
def test_colon_and_dash_attributions(text: str, expected: list) -> None:
    check(text, expected)


# --- Statements, letters and social posts -----------------------------------------------------

STATEMENTS_AND_POSTS = [
    # words in capitals in a sentence of prose are shouted, not a title
    case("post-in-capitals",
         "Turnout was up sharply on Saturday. “GROWING PARTY,” Lena Okafor declared in a post after "
         "the count.",
         (D, "GROWING PARTY", "Lena Okafor", None)),
    # a name used as a modifier ("pro-Okafor") is not who the group is
    case("group-with-a-name-as-modifier",
         "Lena Okafor spoke in Harlow on Monday.\n\nHarlow First, a pro-Okafor campaign group, "
         "emailed a link to the video with one sentence: “THIS IS NOT OK.”",
         (D, "THIS IS NOT OK", "Harlow First", None)),
    case("issued-a-statement-comma",
         "Hours after the fire, Mayor Lena Okafor issued a statement, “Last night our city lost "
         "three of its bravest. We will not forget them.”",
         (D, "Last night our city lost three of its bravest", "Lena Okafor", "Mayor")),
    case("shared-writing-participle",
         "Mia Lund shared the news on social media last week, writing “Feels great to support a "
         "woman I believe in. She only accepts small donations.”",
         (D, "Feels great to support a woman", "Mia Lund", None)),
    # comments pasted from a social network keep invisible direction marks before the quote
    case("post-with-invisible-direction-mark",
         "The mayor's post drew hundreds of replies.\n\n\u202a”We will rebuild this street, brick "
         "by brick!!” posted Dara Quinn.",
         (D, "We will rebuild this street", "Dara Quinn", None)),
    # a newsletter digest: a headline in capitals, an excerpt, its source credited in brackets;
    # a title credited the same way is no excerpt
    case("digest-excerpt-credited-in-brackets",
         "TOP STORIES.\n\nHOW THE DROUGHT HIT THE VALLEY “Farmers across the valley are selling "
         "herds they spent decades building.” [Reuters.]\n\nSEASON TWO IS COMING We finally have a "
         "trailer for the new season of “Tidewater.” [Harlow Gazette.]",
         (D, "selling herds they spent decades building", "Reuters", None)),
    case("in-a-statement-direct",
         "In a statement, Northline said: “We apologise to every passenger affected.”",
         (D, "apologise to every passenger", "Northline", None)),
    case("in-a-statement-reported",
         "The Ministry of Health said in a statement that the vaccine was safe.",
         (I, "vaccine was safe", "Ministry of Health", None)),
    case("statement-two-sentences",
         "Harlow District Council said in a statement: “We are reviewing the decision. Residents "
         "will be told the outcome by Friday.”",
         (D, ("reviewing the decision", "told the outcome by Friday"), "Harlow District Council",
          None)),
    case("wrote-on-x",
         "Siobhan Kelly wrote on X: “Proud of every volunteer who turned up today.”",
         (D, "Proud of every volunteer", "Siobhan Kelly", None)),
    case("posted-on-instagram",
         "“Never again,” the singer Kofi Boateng posted on Instagram.",
         (D, "Never again", "Kofi Boateng", "singer")),
    case("writing-on-facebook",
         "Writing on Facebook, Hannah Schmidt said the ruling was “heartbreaking”.",
         (M, "heartbreaking", "Hannah Schmidt", None)),
    case("tweeted",
         "“The votes are counted and we have won,” tweeted Yusuf Demir.",
         (D, "votes are counted", "Yusuf Demir", None)),
    case("said-in-an-email",
         "Lindqvist said in an email that the museum would reopen in the spring.",
         (I, "museum would reopen", "Lindqvist", None)),
    case("wrote-in-a-letter",
         "In a letter to parents, head teacher Priya Nair wrote that the school would close early "
         "on Friday.",
         (I, "school would close early", "Priya Nair", "head teacher")),
]


@pytest.mark.parametrize("text, expected", STATEMENTS_AND_POSTS)
def test_statements_and_posts(text: str, expected: list) -> None:
    check(text, expected)


# --- Headlines --------------------------------------------------------------------------------

HEADLINES = [
    case("name-colon-quote",
         "Okafor: ‘We will rebuild the market’\n\nMayor Lena Okafor visited the burned market on "
         "Monday.",
         (D, "We will rebuild the market", "Lena Okafor", "Mayor")),
    # without marks the headline is the desk's paraphrase: reported speech
    case("name-colon-no-marks",
         "Lindqvist: Ferry service will resume by Easter\n\nIngrid Lindqvist, the port director, "
         "spoke on Friday.",
         (I, "Ferry service will resume", "Ingrid Lindqvist", "port director")),
    case("says-description",
         "Market will reopen by June, says mayor\n\nMayor Lena Okafor said on Monday that traders "
         "would be back by the summer.",
         (I, "Market will reopen by June", "Lena Okafor", "Mayor"),
         (I, "traders would be back", "Lena Okafor", "Mayor")),
    case("quote-say-unnamed",
         "‘We were abandoned’, say flood victims\n\nResidents of the lower town spent a third "
         "night in shelters.",
         (D, "We were abandoned", Unnamed("flood victims"), None)),
    # the topic the name speaks on may stand between the name and the colon
    case("name-on-topic-colon-quote",
         "Okafor on the Market Fire: ‘We Will Rebuild.’\n\nMayor Lena Okafor visited the burned "
         "market on Monday.",
         (D, "We Will Rebuild.", "Lena Okafor", "Mayor")),
    case("headline-mixed",
         "Minister calls strike ‘reckless’\n\nTransport Minister Tomás Ortega spoke in Madrid on "
         "Tuesday.",
         # "call X Y": the words called are Y (as PolNeAR's annotators mark them)
         (M, "‘reckless’", "Tomás Ortega", "Transport Minister")),
]


@pytest.mark.parametrize("text, expected", HEADLINES)
def test_headlines(text: str, expected: list) -> None:
    check(text, expected)


# --- Q&A and transcripts ----------------------------------------------------------------------
# "Q:" lines are the outlet's own questions: no quote to index under a speaker; answers are the
# interviewee's words verbatim, so direct quotes.

TRANSCRIPTS = [
    case("q-and-a-one-answer",
         "Mayor Lena Okafor spoke to the Gazette about the budget.\n\nQ: Will council tax rise "
         "this year?\n\nA: No. We have found the savings elsewhere.",
         (D, "found the savings elsewhere", "Lena Okafor", "Mayor")),
    case("q-and-a-two-answers",
         "Ingrid Lindqvist, the port director, answered our questions.\n\nQ: When will the ferry "
         "run again?\n\nA: By Easter, if the repairs go well.\n\nQ: And if they do not?\n\nA: "
         "Then we will hire a second boat.",
         (D, "By Easter", "Ingrid Lindqvist", "port director"),
         (D, "hire a second boat", "Ingrid Lindqvist", "port director")),
    case("surname-turns-introduced",
         "Senator Ana Costa was questioned by the committee chair, Tom Harwood.\n\nHARWOOD: Did "
         "you read the report before you signed it?\n\nCOSTA: I read every page of it.",
         (D, "read the report before you signed", "Tom Harwood", "committee chair"),
         (D, "I read every page", "Ana Costa", "Senator")),
    case("surname-turns-bare",
         "MENSAH: We called for an ambulance at nine.\n\nOSEI: And it came at midnight.",
         (D, "called for an ambulance", "Mensah", None),
         (D, "came at midnight", "Osei", None)),
]


@pytest.mark.parametrize("text, expected", TRANSCRIPTS)
def test_transcripts(text: str, expected: list) -> None:
    check(text, expected)


# --- Unnamed sources: the description is the name, and nobody is named -----------------------

UNNAMED = [
    case("spokesperson-for-the-ministry",
         "A spokesperson for the ministry said the report would be published in full.",
         (I, "report would be published", Unnamed("spokesperson for the ministry"), None)),
    case("senior-official",
         "“There is no deal yet,” a senior official said.",
         (D, "no deal yet", Unnamed("senior official"), None)),
    case("asked-not-to-be-named",
         "One resident, who asked not to be named, said the water had been brown for weeks.",
         (I, "water had been brown", Unnamed("one resident"), None)),
    case("eyewitness",
         "“There was smoke everywhere,” an eyewitness told the BBC.",
         (D, "smoke everywhere", Unnamed("eyewitness"), None)),
    # "Police" with no force named: a description, as the model's own docstring has it
    case("police",
         "Police said a 34-year-old man had been arrested.",
         (I, "34-year-old man had been arrested", Unnamed("police"), None)),
    case("officials-plural",
         "Health officials say the outbreak is under control.",
         (I, "outbreak is under control", Unnamed("health officials"), None)),
    case("source-close-to",
         "A source close to the minister said she would not resign.",
         (I, "she would not resign", Unnamed("source close to the minister"), None)),
    case("spokeswoman-of-named-org",
         "A Northline spokeswoman said the buses would run a Sunday timetable.",
         (I, "Sunday timetable", Unnamed("Northline spokeswoman"), None)),
    case("residents-plural",
         "“We feel forgotten,” residents told the Gazette.",
         (D, "We feel forgotten", Unnamed("residents"), None)),
    # someone named as whom the source speaks for is not the source
    case("spokesman-for-a-named-person",
         "“The report is wrong,” said a spokesman for Mayor Lena Okafor.",
         (D, "The report is wrong", Unnamed("spokesman for Mayor Lena Okafor"), None)),
    case("aide-to-a-named-person",
         "An aide to Governor Tom Reed said the budget was “dead on arrival.”",
         (M, "“dead on arrival.”", Unnamed("aide to Governor Tom Reed"), None)),
]


@pytest.mark.parametrize("text, expected", UNNAMED)
def test_unnamed_sources(text: str, expected: list) -> None:
    check(text, expected)


# --- Organisations speaking -------------------------------------------------------------------

ORGANISATIONS = [
    case("council-said",
         "Harlow District Council said the library would close in March.",
         (I, "library would close", "Harlow District Council", None)),
    case("company-direct",
         "“Safety is our first priority,” Northline said.",
         (D, "Safety is our first priority", "Northline", None)),
    case("announced",
         "Fernbrook announced on Monday that it would cut 300 jobs.",
         (I, "it would cut 300 jobs", "Fernbrook", None)),
    case("the-council-after-its-name",
         "Riverside Borough Council voted to close the pool. The council said it could no longer "
         "afford the repairs.",
         (I, "could no longer afford", "Riverside Borough Council", None)),
    case("according-to-agency",
         "Prices rose by 4 percent in May, according to the National Statistics Office.",
         (I, "Prices rose by 4 percent", "National Statistics Office", None)),
    case("union-called-for",
         "The Dockworkers Union called for an inquiry into the accident.",
         (I, "inquiry into the accident", "Dockworkers Union", None)),
]


@pytest.mark.parametrize("text, expected", ORGANISATIONS)
def test_organisations(text: str, expected: list) -> None:
    check(text, expected)


# --- Nested quotes: marks inside a quote are part of it ---------------------------------------

NESTED = [
    case("single-inside-double",
         "“When the officer told me ‘move your car’, I had nowhere to go,” said Chen Wei.",
         (D, "told me ‘move your car’, I had nowhere", "Chen Wei", None)),
    case("single-closing-with-double",
         "Mateusz Nowak said: “My father always told me, ‘Never sell the land.’”",
         (D, "‘Never sell the land.’", "Mateusz Nowak", None)),
    case("double-inside-single",
         "Amara Osei said: ‘The sign said “no entry”, so we waited.’",
         (D, "The sign said “no entry”, so we waited", "Amara Osei", None)),
    # one speaker reports that another led in to the quotation with a verb and a colon: both
    # quote it, the reporter and, with the quotation alone, whoever spoke its words
    case("reported-colon-lead-in",
         "As the crowd cheered, the Harlow Gazette's Tom Reed reported, the mayor's husband "
         "murmured to her: “They are still with you.”",
         (M, "the mayor's husband murmured to her", "Tom Reed", None),
         (D, "They are still with you", Unnamed("mayor's husband"), None)),
]


@pytest.mark.parametrize("text, expected", NESTED)
def test_nested_quotes(text: str, expected: list) -> None:
    check(text, expected)


# --- A quote that opens the article -----------------------------------------------------------

OPENING = [
    case("words-of-next-paragraph",
         "“We have lost everything.”\n\nThose were the words of Amara Okafor, 34, a nurse whose "
         "house flooded on Sunday.",
         (D, "We have lost everything", "Amara Okafor", "nurse")),
    case("that-is-how-x-described",
         "“It sounded like a train.”\n\nThat is how Tomasz Wróbel, a mechanic, described the "
         "moment the tornado hit his garage.",
         (D, "sounded like a train", "Tomasz Wróbel", "mechanic")),
    case("attributed-first-line",
         "“This is the worst harvest in forty years,” said Astrid Nilsson, a farmer.\n\nThe "
         "drought has lasted since April.",
         (D, "worst harvest in forty years", "Astrid Nilsson", "farmer")),
]


@pytest.mark.parametrize("text, expected", OPENING)
def test_quote_opening_the_article(text: str, expected: list) -> None:
    check(text, expected)


# --- Roles as the article states them ---------------------------------------------------------

ROLES = [
    case("title-before",
         "Police Chief Marta Silva said the road would stay closed overnight.",
         (I, "road would stay closed", "Marta Silva", "Police Chief")),
    case("title-long-with-place",
         "Harlow County Public Works Director Kwame Mensah said the bridge would reopen on Friday.",
         (I, "bridge would reopen", "Kwame Mensah", "Harlow County Public Works Director")),
    case("title-company-lowercase",
         "Fernbrook chief executive Nadia Haddad said the company would not cut jobs.",
         (I, "would not cut jobs", "Nadia Haddad", "Fernbrook chief executive")),
    case("title-party-and-ward",
         "Green councillor for Riverside ward Tomasz Wróbel said the cycle lane should stay.",
         (I, "cycle lane should stay", "Tomasz Wróbel", "Green councillor for Riverside ward")),
    case("title-x-of-y",
         "Minister of Education Carmen Vidal said schools would reopen on Monday.",
         (I, "schools would reopen", "Carmen Vidal", "Minister of Education")),
    case("party-member-before-name",
         "“We will not vote for this budget,” said Democrat Rosa Delgado.",
         (D, "will not vote for this budget", "Rosa Delgado", "Democrat")),
    case("apposition-hyphenated",
         "“The figures do not add up,” said Jonas Berg, co-founder of the Fairfield Trust.",
         (D, "figures do not add up", "Jonas Berg", "co-founder of the Fairfield Trust")),
    case("apposition-with-another-name",
         "Mia Holt, Carver’s campaign manager, said the race was closer than the polls showed.",
         (I, "race was closer", "Mia Holt", "campaign manager")),
    case("apposition-two-roles",
         "“The river is dying,” said Ines Duarte, an environmental campaigner and lawyer.",
         (D, "river is dying", "Ines Duarte", "environmental campaigner and lawyer")),
    case("title-former",
         "Former prime minister Anders Berg said the treaty had been a mistake.",
         (I, "treaty had been a mistake", "Anders Berg", "Former prime minister")),
    case("apposition-after-bare",
         "“We cannot pay these prices,” said Kenji Sato, finance director at Fernbrook.",
         (D, "cannot pay these prices", "Kenji Sato", "finance director")),
    case("apposition-after-a-with-employer",
         "“The smoke was black as tar,” said Ewa Kowalczyk, a firefighter with the county brigade.",
         (D, "black as tar", "Ewa Kowalczyk", "firefighter")),
    case("apposition-before",
         "The head of the dockworkers’ union, Rosa Delgado, said the strike would go ahead.",
         (I, "strike would go ahead", "Rosa Delgado", "head of the dockworkers’ union")),
    case("apposition-before-of-place",
         "The mayor of Harlow, Lena Okafor, told reporters the pool would reopen in May.",
         (I, "pool would reopen", "Lena Okafor", "mayor of Harlow")),
    case("after-age-hometown-dropped",
         "“The nets came up empty all week,” said Seamus Doyle, 62, a fisherman from Killybegs.",
         (D, "nets came up empty", "Seamus Doyle", "fisherman")),
    case("after-age-and-hometown",
         "Aoife Byrne, 29, of Galway, a nurse at the city hospital, said the ward had been short "
         "of staff since May.",
         (I, "short of staff", "Aoife Byrne", "nurse")),
    case("occupation-from-place",
         "“We drove all night to get here,” said Tomás Ortega, a plumber from Seville.",
         (D, "drove all night", "Tomás Ortega", "plumber")),
    case("after-hometown",
         "Sunita Rao, of Leicester, a retired teacher, said the library was the heart of the town.",
         (I, "heart of the town", "Sunita Rao", "retired teacher")),
    case("earlier-sentence-copula",
         "Kwame Asante has been a paramedic for twelve years.\n\n“Some nights we get there and "
         "the patient is already gone,” Asante said.",
         (D, "patient is already gone", "Kwame Asante", "paramedic")),
    case("earlier-sentence-apposition",
         "The inquiry heard from Dr Leila Haddad, a pathologist.\n\n“The injuries were not "
         "accidental,” Haddad said.",
         (D, "not accidental", "Leila Haddad", "pathologist")),
    case("later-sentence",
         "“The wounds were made by a knife,” Dr Marek Zielinski told the inquest. Zielinski, a "
         "pathologist at the county hospital, examined the body twice.",
         (D, "made by a knife", "Marek Zielinski", "pathologist")),
    case("relational-possessive",
         "“She was the kindest person I knew,” said her neighbour, Rukhsana Begum.",
         (D, "kindest person", "Rukhsana Begum", "neighbour")),
    case("relational-of",
         "“He never missed a match,” said Daniel Mensah, a cousin of the victim.",
         (D, "never missed a match", "Daniel Mensah", "cousin of the victim")),
    case("relational-before",
         "A neighbour, Bogdan Ionescu, said he had heard shouting at about 2am.",
         (I, "heard shouting", "Bogdan Ionescu", "neighbour")),
    case("occupation-before-name",
         "“The ward is full every night,” said nurse Fatima Yusuf.",
         (D, "full every night", "Fatima Yusuf", "nurse")),
    case("occupation-after-name",
         "“The pipes were older than me,” said Mehmet Yilmaz, a plumber.",
         (D, "pipes were older", "Mehmet Yilmaz", "plumber")),
    case("kind-of-organisation",
         "The bus operator Northline said fares would rise in April.",
         (I, "fares would rise", "Northline", "bus operator")),
    case("kind-of-organisation-title",
         "Budget airline SkyHop said it would cancel 200 flights.",
         (I, "cancel 200 flights", "SkyHop", "Budget airline")),
    case("title-then-abbreviated-title",
         "Superintendent Helen Achebe led the search for the missing boy.\n\n“We will not stop "
         "looking,” Supt Achebe said.",
         (D, "not stop looking", "Helen Achebe", "Superintendent")),
    case("two-word-title-abbreviated",
         "Detective Inspector Raj Malhotra said the car had been found.\n\n“We are following "
         "several leads,” Det Insp Malhotra added.",
         (I, "car had been found", "Raj Malhotra", "Detective Inspector"),
         (D, "several leads", "Raj Malhotra", "Detective Inspector")),
    case("honorific-is-no-role",
         "“The harvest is ruined,” said Mr Nguyen.",
         (D, "harvest is ruined", "Nguyen", None)),
    case("doctor-is-no-role",
         "Dr Sofia Marquez said the new drug had passed its first trial.",
         (I, "passed its first trial", "Sofia Marquez", None)),
    case("no-role-from-inside-a-quote",
         "Lena Ortiz visited the market on Saturday. “I think Lena Ortiz is the right "
         "candidate,” said Paul Weir, a farmer.\n\nOrtiz said "
         "she would announce her plans in May.",
         (D, "right candidate", "Paul Weir", "farmer"),
         (I, "announce her plans", "Lena Ortiz", None)),
    case("no-role-for-whom-an-office-serves",
         "Tom Reed acted as the finance chairman for Ann Blake’s first campaign.\n\nBlake said "
         "she had never asked him for money.",
         (I, "never asked him for money", "Ann Blake", None)),
]


@pytest.mark.parametrize("text, expected", ROLES)
def test_roles(text: str, expected: list) -> None:
    check(text, expected)


# --- Descriptions and pronouns resolved to who fits, not to the nearest name ------------------

DESCRIPTIONS_AND_PRONOUNS = [
    case("description-of-the-object-in-its-sentence",
         "Councillor Ama Boateng chaired the meeting. Reporters surrounded Jimmy Osei outside the "
         "court, and the former mayor said he would appeal.",
         (I, "he would appeal", "Jimmy Osei", "former mayor")),
    case("pronoun-after-one-surname",
         "Okafor addressed the rally for an hour. “This city deserves better,” she said.",
         (D, "city deserves better", "Okafor", None)),
    case("pronoun-reported",
         "Lindqvist arrived an hour late. He said the ferry had been held up by fog.",
         (I, "held up by fog", "Lindqvist", None)),
    case("he-added-next-paragraph",
         "“We are short of drivers,” said Kenji Sato, operations manager at Northline.\n\nHe "
         "added that the timetable would be cut from Monday.",
         (D, "short of drivers", "Kenji Sato", "operations manager"),
         (I, "timetable would be cut", "Kenji Sato", "operations manager")),
    case("the-minister-not-nearest",
         "Education Minister Farida Nasser visited the school with local MP Owen Price. The "
         "minister told reporters the new classrooms would open in September.",
         (I, "classrooms would open", "Farida Nasser", "Education Minister")),
    case("the-mp",
         "Transport Secretary Lucy Adebayo met local MP Owen Price at the station. The MP said "
         "the new platform was “long overdue”.",
         (M, "long overdue", "Owen Price", "local MP")),
    case("the-age",
         "Mateusz Kowalski, 45, was pulled from the river by a passer-by, Grace Mwangi. “I "
         "thought I was going to die,” the 45-year-old said.",
         (D, "going to die", "Mateusz Kowalski", None)),
    case("the-party",
         "Democratic state senator Joan Whitfield clashed with Paul Grimes, a Republican, over "
         "the bill. “This bill is cruel,” the Democrat said.",
         (D, "bill is cruel", "Joan Whitfield", "Democratic state senator")),
    case("the-company",
         "The bus operator Northline cut forty routes on Monday. The company said the cuts were "
         "needed to balance its books.",
         (I, "cuts were needed", "Northline", "bus operator")),
    case("the-firm",
         "Fernbrook, the fashion retailer, closed its last store in Leeds. The firm said online "
         "sales had grown by a third.",
         (I, "online sales had grown", "Fernbrook", "fashion retailer")),
    case("the-title",
         "Mayor Lena Okafor opened the new pool on Saturday. The mayor said it had cost less than "
         "planned.",
         (I, "cost less than planned", "Lena Okafor", "Mayor")),
    case("the-teenager",
         "Jamal Idris, 17, and his coach, Sven Andersson, watched the replay. “I knew it was in,” "
         "the teenager said.",
         (D, "knew it was in", "Jamal Idris", None)),
    case("pronoun-gender-picks",
         "Kwame Mensah waited for the bus with his sister, Abena Mensah. “It never came,” she "
         "said.",
         (D, "It never came", "Abena Mensah", "sister")),
    case("it-for-an-organisation",
         "Northline has cut its timetable again. It said the drivers’ strike had left it no "
         "choice.",
         (I, "left it no choice", "Northline", None)),
]


@pytest.mark.parametrize("text, expected", DESCRIPTIONS_AND_PRONOUNS)
def test_descriptions_and_pronouns(text: str, expected: list) -> None:
    check(text, expected)


# --- Negatives: marks that hold no one's words ------------------------------------------------

NEGATIVES = [
    case("so-called-term",
         "The so-called “gig economy” has changed how people in Lagos find work."),
    case("scare-quote",
         "The hotel’s “luxury” rooms had no hot water."),
    case("film-title",
         "The documentary “Salt and Iron” opens in Oslo on Friday."),
    case("song-title",
         "The band closed with “Northern Lights” as the crowd sang along."),
    case("book-title-by-a-person",
         "Siobhan Kelly’s novel “The Long Tide” won the prize on Thursday."),
    case("report-title",
         "The council published its report, “Streets for People”, on Monday."),
    case("nickname-inside-name",
         "Antonio “Tony the Ferry” Russo ran the crossing for thirty years."),
    case("nickname-known-as",
         "The striker, known to fans as “the Hammer”, scored twice."),
    case("word-as-word",
         "The word “resilience” appears forty times in the report."),
    case("said-to-be-hearsay",
         "The ship, said to be the oldest in the fleet, sank in 1912."),
    case("byline",
         "By Priya Raman and Omar Haddad\n\nThe bridge over the Tamar reopened on Monday after "
         "two years of repairs."),
    case("byline-with-role",
         "By Aoife Byrne, Health Correspondent\n\nWaiting lists in Galway have grown for a third "
         "month."),
    case("caption-photo-credit",
         "Firefighters at the scene on Tuesday. Photo: Lars Lindqvist/Reuters"),
    case("caption-agency-credit",
         "Residents queue for water in Kumasi. (Kwame Asante/AFP via Getty Images)"),
    # exactly one: the real quote, not the scare quote beside it
    case("scare-quote-beside-a-quote",
         "The so-called “temporary” classrooms have stood for twenty years. “They leak every "
         "winter,” said head teacher Priya Nair.",
         (D, "leak every winter", "Priya Nair", "head teacher")),
    case("title-beside-a-quote",
         "Kofi Boateng, whose album “Harmattan” came out in May, said: “I wrote it in a week.”",
         (D, "wrote it in a week", "Kofi Boateng", None)),
    # marks around a title in reported speech make no mixed quote: they hold none of her words
    case("title-inside-reported-speech",
         "Lena Okafor said she had read “The Long Tide” twice.",
         (I, "she had read “The Long Tide” twice", "Lena Okafor", None)),
    # a nickname is no part of the canonical name
    case("nickname-in-a-speaker",
         "Mateusz “Matt” Nowak said the ferry was late again.",
         (I, "ferry was late again", "Mateusz Nowak", None)),
]


@pytest.mark.parametrize("text, expected", NEGATIVES)
def test_negatives(text: str, expected: list) -> None:
    check(text, expected)
