"""Speaker resolution: a mention in, the canonical name, role and kind out.

The seed cases hand ``resolve_speaker`` the mention words that ``seeds/expected.json`` lists for
each quote, "must" or not (the occurrence nearest the quote), and check the speaker and role it
expects (case and a leading "the" aside, as the scorecard compares them).
"""

import json
import re
import warnings
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from quoteapi.extract.model import SpeakerKind
from quoteapi.extract.attribute.speakers import resolve_speaker
from quoteapi.extract.quotes import prepare_article
from quoteapi.nlp.coref import CorefWindows

SEEDS = Path(__file__).parent.parent / "seeds"
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def _cases():
    for name, document in EXPECTED["documents"].items():
        for quote in document["quotes"]:
            yield pytest.param(name, quote, id=f"{name[:3]}:{quote['quote'][:30]}")


def _norm(name: str | None) -> str:
    return re.sub(r"^the\s+", "", (name or "").strip(), flags=re.IGNORECASE).lower()


def _mention(doc: Doc, quote: dict):
    """The occurrence of the quote's mention words nearest the quote, as a Span."""
    text = doc.text
    anchor = text.find(quote["quote"])
    pattern = r"(?<!\w)" + re.escape(quote["mention"]) + r"(?!\w)"
    starts = [match.start() for match in re.finditer(pattern, text)]
    assert starts, f"mention {quote['mention']!r} not in the seed text"
    start = min(starts, key=lambda position: abs(position - anchor))
    return doc.char_span(start, start + len(quote["mention"]), alignment_mode="expand")


@pytest.fixture(scope="module")
def seed_docs(nlp: Language) -> dict[str, Doc]:
    return {name: nlp((SEEDS / name).read_text(encoding="utf-8")) for name in EXPECTED["documents"]}


@pytest.mark.parametrize("name, quote", list(_cases()))
def test_seed_speaker_name_role_and_mention(seed_docs, name, quote):
    doc = seed_docs[name]
    mention = _mention(doc, quote)
    speaker = resolve_speaker(prepare_article(doc), mention)
    assert speaker is not None
    assert _norm(speaker.proper_name) == _norm(quote["speaker"])  # null: never named
    assert _norm(speaker.role) == _norm(quote["role"])
    assert speaker.mention.text == quote["mention"]
    assert doc.text[speaker.mention.start : speaker.mention.end] == quote["mention"]


@pytest.fixture(scope="module")
def parse(nlp: Language):
    return lambda text: nlp(text)


def _span(doc: Doc, words: str, occurrence: int = 0):
    start = [
        match.start() for match in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", doc.text)
    ]
    return doc.char_span(start[occurrence], start[occurrence] + len(words), alignment_mode="expand")


def test_no_mention_gives_no_speaker(parse):
    assert resolve_speaker(parse("It rained."), None) is None


def test_fullest_name_without_honorific(parse):
    doc = parse("Senator Elizabeth Warren spoke first. Later Ms Warren said the bank had failed.")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "Ms Warren"))
    assert speaker.name == "Elizabeth Warren"
    assert speaker.role == "Senator"
    assert speaker.kind is SpeakerKind.PERSON


def test_unknown_surname_keeps_surname_only(parse):
    doc = parse("Mr Kuzio added: “The army is tired.”")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "Mr Kuzio"))
    assert speaker.name == "Kuzio"
    assert speaker.role is None


def test_pronoun_follows_the_subject_not_the_name_in_the_quote(parse):
    doc = parse(
        "Angela Merkel met reporters in Berlin on Monday.\n\n"
        "“Vladimir Putin has made a grave mistake,” she said.\n\n"
        "She added that talks would go on."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "she")).name == "Angela Merkel"
    assert resolve_speaker(prepare_article(doc), _span(doc, "She")).name == "Angela Merkel"


def test_pronoun_gender_picks_between_two_people(parse):
    # first names whose gender the name lists agree on ("Hillary" is listed for both: there the
    # article's own pronouns and honorifics decide)
    doc = parse(
        "Nancy Pelosi debated Donald Trump on Monday night. "
        "He said the polls were rigged, and she said the economy was strong."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "He")).name == "Donald Trump"
    assert resolve_speaker(prepare_article(doc), _span(doc, "she")).name == "Nancy Pelosi"


def test_description_matches_a_stated_role(parse):
    doc = parse(
        "Mayor Bill de Blasio visited the site on Sunday. "
        "Police cleared the street. The mayor said the city was safe."
    )
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "The mayor"))
    assert speaker.name == "Bill de Blasio"
    assert speaker.role == "Mayor"


def test_organisation_description_and_acronym(parse):
    doc = parse(
        "The International Monetary Fund cut its forecast on Tuesday. "
        "The fund said growth would slow. The IMF also said trade was weak."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The fund")).name == "International Monetary Fund"
    imf = resolve_speaker(prepare_article(doc), _span(doc, "The IMF"))
    assert imf.name == "International Monetary Fund"
    assert imf.kind is SpeakerKind.ORGANISATION


def test_campaign_description_names_the_campaign(parse):
    doc = parse(
        "The Trump campaign declined to comment on Friday. Later the campaign said the report was false."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "the campaign")).name == "Trump campaign"


def test_unresolvable_description_is_its_own_unnamed_name(parse):
    doc = parse("Senator Ted Cruz spoke on Monday. A source said the deal was dead.")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "A source"))
    assert (speaker.name, speaker.named, speaker.proper_name) == ("A source", False, None)
    assert speaker.kind is SpeakerKind.PERSON
    assert speaker.to_dict()["named"] is False


def test_plural_description_is_not_one_speaker(parse):
    doc = parse("The White House denied the report. Human rights groups said it was true.")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "Human rights groups"))
    assert (speaker.name, speaker.proper_name) == ("Human rights groups", None)


def test_unresolvable_pronoun_has_no_name(parse):
    doc = parse("It was late. They said the deal was dead.")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "They"))
    assert (speaker.name, speaker.named, speaker.to_dict()["named"]) == (None, False, False)


def test_headline_words_do_not_join_the_name(parse):
    doc = parse("Obama Says Museum Will Tell A Story\n\nPresident Barack Obama spoke on Saturday.")
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "Obama", 0))
    assert speaker.name == "Barack Obama"


def test_per_article_work_is_kept_in_the_context_not_on_the_doc(parse):
    doc = parse("Boris Johnson spoke. He said: “We will act.”")
    ctx = prepare_article(doc)
    first = ctx.cast
    assert resolve_speaker(ctx, _span(doc, "He")).name == "Boris Johnson"
    assert ctx.cast is first and ctx.pronouns  # the pronoun's answer is remembered
    assert not doc.user_data


def test_offsets_point_into_the_original_text(parse):
    text = "\u00a0 Defence Secretary Ben Wallace said it was “almost impossible”."
    doc = parse(text)
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "Defence Secretary Ben Wallace"))
    assert text[speaker.mention.start : speaker.mention.end] == "Defence Secretary Ben Wallace"
    assert (speaker.name, speaker.role) == ("Ben Wallace", "Defence Secretary")


def test_coreferee_window_maps_back_to_article_tokens(parse):
    doc = parse(
        "The weather was mild. Markets were calm. Angela Merkel arrived in Paris on Monday. "
        "She met Emmanuel Macron there."
    )
    she = _span(doc, "She").root.i
    partners = CorefWindows(doc).partners(she)
    assert partners is not None, "coreferee is configured but gave no answer"
    merkel = {token.i for token in _span(doc, "Angela Merkel")}
    assert any(set(mention) & merkel for mention in partners)
    assert all(0 <= index < len(doc) for mention in partners for index in mention)


def test_whole_document_chains_are_used_when_present(nlp):
    doc = nlp("Angela Merkel arrived in Paris. She met Emmanuel Macron.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # W007: _sm models have no word vectors
        nlp.get_pipe("coreferee")(doc)  # as with nlp.enable_pipe("coreferee")
    she = _span(doc, "She").root.i
    windows = CorefWindows(doc)
    assert any(1 in mention for mention in windows.partners(she))  # "Merkel"
    assert not windows.windows  # no window annotated: the whole Doc's chains served


def test_surname_alone_joins_the_full_name(parse):
    doc = parse(
        "Retired Gen. Norman Ham spoke to a radio host on Friday. "
        "According to Ham, morale is low. “We are tired,” he said."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "Ham", 1)).name == "Norman Ham"
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Norman Ham"


def test_quote_dicts_round_trip_with_an_unnamed_speaker():
    """Celery tasks carry quotes as JSON: an unnamed speaker must stay unnamed on the way."""
    from quoteapi.extract.model import Quote, QuoteType, Speaker, TextSpan

    quote = Quote(
        "the deal was dead", QuoteType.INDIRECT, ((20, 37),), TextSpan("said", 15, 19),
        Speaker("A source", None, TextSpan("A source", 6, 14), SpeakerKind.PERSON, named=False),
        confidence=0.8,
    )
    again = Quote.from_dict(quote.to_dict())
    assert again == quote and again.speaker.proper_name is None


def test_description_renames_the_person_the_text_is_about(parse):
    doc = parse(
        "Donald Trump spoke at a rally in Ohio on Friday. Trump attacked the trade deal again. "
        "The New York businessman said the deal had cost jobs."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The New York businessman")).name == "Donald Trump"


def test_description_takes_the_subject_before_it_in_its_sentence(parse):
    doc = parse(
        "Bernie Sanders spoke on Monday. Asked whether Sanders still felt anger, "
        "the Vermont senator said that most of his voters had moved on."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "the Vermont senator")).name == "Bernie Sanders"


def test_description_thread_passes_sentences_led_by_descriptions(parse):
    doc = parse(
        "Mike Pence says the tweets do not matter. "
        "The Republican running mate was speaking on Friday in Fort Wayne after Donald Trump "
        "sent more tweets. The Indiana governor said the press was to blame."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The Indiana governor")).name == "Mike Pence"


def test_description_thread_needs_a_fitting_person(parse):
    doc = parse(
        "Nancy Pelosi spoke in Iowa on Monday. Pelosi praised the farmers there. "
        "The businessman said the farms were failing."
    )
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "The businessman"))
    assert (speaker.proper_name, speaker.named) == (None, False)  # she is no businessman


def test_description_thread_breaks_on_another_topic(parse):
    doc = parse(
        "Tom Baker spoke at the plant on Friday. The factory closed a week later. "
        "The lawyer said the town would recover."
    )
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "The lawyer"))
    assert (speaker.proper_name, speaker.named) == (None, False)


def test_role_of_another_rank_or_party_does_not_fit(parse):
    doc = parse(
        "Republican presidential nominee Donald Trump held a rally on Monday. "
        "Democratic vice presidential nominee Tim Kaine spoke in Ohio. "
        "Hillary Clinton spoke in Iowa. The Democratic presidential nominee said the economy was strong."
    )
    speaker = resolve_speaker(prepare_article(doc), _span(doc, "The Democratic presidential nominee"))
    assert speaker.name == "Hillary Clinton"


def test_generic_organisation_noun_prefers_a_name_of_its_class(parse):
    doc = parse(
        "The United Mine Workers of America sued Alpha Natural Resources in May. "
        "Alpha Natural Resources closed two mines on Monday. "
        "The union said the closures broke the contract."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The union")).name == "United Mine Workers of America"


def test_generic_organisation_noun_takes_the_organisation_just_named(parse):
    doc = parse(
        "In the Wells Fargo scandal, customers were charged fees they never agreed to. "
        "The bank said it had fired the employees involved."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The bank")).name == "Wells Fargo"


def test_the_state_is_the_place_just_named(parse):
    doc = parse(
        "The Justice Department joined the case in July. Advocates cite the 2000 election in "
        "Florida, when the state wrongly said that thousands of voters were felons."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "the state")).name == "Florida"


def test_a_document_speaks_for_the_organisation_that_issued_it(parse):
    doc = parse(
        "The International Monetary Fund met in Washington on Tuesday. "
        "The IMF report said growth would slow next year."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "The IMF report")).name == "International Monetary Fund"


def test_lower_case_adjective_is_not_part_of_an_organisation_name(parse):
    from spacy.tokens import Span

    from quoteapi.extract.attribute.cast import clean_name

    doc = parse("The case went to the federal Securities and Exchange Commission in May.")
    start = _span(doc, "federal").start
    entity = Span(doc, start - 1, _span(doc, "Commission").end, label="ORG")  # as the tagger may
    assert clean_name(entity).text == "Securities and Exchange Commission"


def test_surname_the_tagger_took_for_a_place_is_the_person(parse):
    from spacy.tokens import Span

    doc = parse(
        "Governor Terry Vance spoke to donors in Richmond. "
        "Vance has said that many people want the seat, but he refuses to name them."
    )
    vance = _span(doc, "Vance", 1)
    doc.ents = [ent for ent in doc.ents if ent.end <= vance.start or ent.start >= vance.end] + [
        Span(doc, vance.start, vance.end, label="LOC")  # as the tagger may
    ]
    assert prepare_article(doc).cast.by_token.get(vance.start) is not None
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Terry Vance"


def test_untagged_full_name_is_not_the_other_person_with_that_surname(parse):
    from spacy.tokens import Span

    doc = parse(
        "Donald Grant and Ivy Grant spoke on Monday. Donald Grant announced the plan. Later, "
        "Ivy Grant noted the rule in a magazine interview. She said fathers would not be eligible."
    )
    tagged, untagged = _span(doc, "Ivy Grant", 0), _span(doc, "Ivy Grant", 1)
    doc.ents = [ent for ent in doc.ents if ent.end <= tagged.start or ent.start >= tagged.end] + [
        Span(doc, tagged.start, tagged.end, label="PERSON")  # the tagger names her once only
    ]
    assert untagged.start not in {token.i for ent in doc.ents for token in ent}
    assert prepare_article(doc).cast.by_token.get(untagged.end - 1).name == "Ivy Grant"
    assert resolve_speaker(prepare_article(doc), _span(doc, "She")).name == "Ivy Grant"


def test_pronoun_takes_the_person_in_apposition_to_the_subject(parse):
    doc = parse(
        "Peter Novak, the finance minister, met bankers on Monday. "
        "The minister of trade, Mr. Tomas Ruiz, argues there is little point in acting now. "
        "“We must not overreact,” he told reporters."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Tomas Ruiz"


def test_a_plural_subject_is_not_the_first_person_in_apposition(parse):
    doc = parse(
        "Mark Olsen spoke first at the hearing on Tuesday. "
        "My parents, James Carver and Ruth Carver, were farmers in Iowa. "
        "“We never had much,” he said."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Mark Olsen"


def test_they_is_people_named_together_not_one_of_them(parse):
    doc = parse(
        "Senator Paul Hale met Senator Robert Ortiz in March. "
        "The bill passed the House in May. Fraud has grown since then. "
        "But Mr. Hale and Mr. Ortiz say other changes are needed. "
        "The program has grown well beyond its aims, they say."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "they")).name == "Paul Hale and Robert Ortiz"


def test_they_is_not_a_lone_person(parse):
    doc = parse("Paul Hale met the farmers in March. The program has grown too big, they say.")
    assert resolve_speaker(prepare_article(doc), _span(doc, "they")).name is None


def test_stale_subject_gives_way_to_a_person_named_in_the_pronouns_sentence(parse):
    doc = parse(
        "Daniel Price met voters in Ohio on Monday. "
        "“We will win,” Price said.\n\nThe polls closed early. Turnout was high. Rain fell all day.\n\n"
        "Critics seized upon Mr. Walter Grant's radio interview, in which he said the count was "
        "rigged."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Walter Grant"


def test_first_person_of_an_opinion_piece_is_the_author_in_the_closing_note(parse):
    text = (
        "I grew up on a farm in Iowa. My father never trusted banks.\n\n"
        "When a banker called, I said, “We keep our money at home.”\n\n"
    )
    doc = parse(text + "Ruth Carver is a nurse and writer in Des Moines.")
    assert resolve_speaker(prepare_article(doc), _span(doc, "I", 1)).name == "Ruth Carver"
    doc = parse(text + "The bank closed in 1990.")  # no author's note: no name
    assert resolve_speaker(prepare_article(doc), _span(doc, "I", 1)).name is None


def test_stale_subject_gives_way_to_a_person_just_introduced_with_a_role(parse):
    doc = parse(
        "Daniel Price met voters in Ohio on Monday. "
        "“We will win,” Price said.\n\nThe polls closed early. Turnout was high.\n\n"
        "The delay is something that worries Walter Grant, president of the county party.\n\n"
        "“Nobody voted. Nobody cared. The lines were empty,” he said."
    )
    assert resolve_speaker(prepare_article(doc), _span(doc, "he")).name == "Walter Grant"
