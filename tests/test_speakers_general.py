"""Speakers and quotes on general constructs the seeds do not show.

Inverted and appositive attributions, ages in parentheses, colon-introduced quotes,
outlets in the chain, organisation subjects, rank titles, short quotes someone is said
to have used, split quotes and indirect-speech fragments. The excerpts are invented.
"""

from __future__ import annotations

from provenance.extract.quotes import find_quotes
from provenance.extract.speakers import attribute
from provenance.models import Document, Quote


def quotes_of(text: str) -> list[Quote]:
    doc = Document(id="t", text=text)
    return attribute(doc, find_quotes(doc))


def pairs(text: str) -> list[tuple[str, str | None]]:
    return [(q.span.text, q.speaker) for q in quotes_of(text)]


# -- inverted attributions with appositives -------------------------------------------

def test_inverted_cue_with_lowercase_descriptor_and_age() -> None:
    text = ("The boat capsized near Port Kellam late on Friday.\n\n"
            "\"The hull cracked like an egg,\" said fisherman Tomas Reyes, 41, a father of "
            "three from Batangas. He said he clung to a cooler for two hours.")
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Tomas Reyes"]
    assert qs[0].speaker_role == "fisherman"


def test_inverted_cue_role_with_complement_then_name() -> None:
    text = ("The agency sent two teams to the valley. – We will need more boats and more "
            "divers – said the minister for civil protection, Karin Holm, quoted by local radio.")
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Karin Holm"]
    assert qs[0].speaker_role == "minister for civil protection"


def test_name_with_age_in_parentheses_told_an_outlet() -> None:
    text = ("Rescue work went on through the night.\n\n"
            "– The roof fell without any warning – one of the workers who escaped, "
            "Pavel Novak (37), told the TV channel Nova Plus.")
    assert [q.speaker for q in quotes_of(text)] == ["Pavel Novak"]


def test_told_never_makes_the_listener_the_speaker() -> None:
    text = ("\"We saw the water coming over the wall,\" a local resident, Ilse Vogt (52), "
            "told the broadcaster Radio Tirol.")
    assert [q.speaker for q in quotes_of(text)] == ["Ilse Vogt"]


def test_colon_quote_after_an_appositive_with_a_place() -> None:
    text = ("Anna Berg, a 65-year-old farmer from Lindvik, told the local newspaper: "
            "\"The river took everything we had in one night.\"")
    assert [q.speaker for q in quotes_of(text)] == ["Anna Berg"]


def test_appositive_between_commas_before_the_cue() -> None:
    text = "Okonjo, the head of the local council, said: \"Nobody will be left behind here.\""
    assert [q.speaker for q in quotes_of(text)] == ["Okonjo"]


def test_aside_between_commas_before_a_naming_verb() -> None:
    text = ("The mayor backed the plan.\n\nCouncillor Ruth Amadi, for her part, is calling the "
            "plan \"a reckless gamble with public money.\"")
    assert [q.speaker for q in quotes_of(text)] == ["Ruth Amadi"]


def test_cue_ending_the_previous_paragraph() -> None:
    text = ("The weekly paper printed the claims in March, and the Harbour Gazette "
            "responded:\n\n\"If there are errors in the report, nobody has shown us a single "
            "one of them.\"")
    assert [q.speaker for q in quotes_of(text)] == ["Harbour Gazette"]


def test_a_thing_called_by_a_name_is_not_a_quote() -> None:
    text = ("A podcast, called the \"Dispatch,\" is hosted by two reporters. The troupe staged "
            "a play called \"Sons of the Mayor\" last year. She coined the term \"flood "
            "tourism\" in 2019.")
    assert quotes_of(text) == []


# -- speakers not taken from outlets or earlier paragraphs -----------------------------

def test_outlet_after_the_sentence_is_not_the_speaker() -> None:
    text = ("Inspector Luis Prado told the newspaper El Diario that the wall had been "
            "\"cracked for many months\" before it fell, writes Andes Weekly.")
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Luis Prado"]
    assert qs[0].speaker_role == "Inspector"


def test_organisation_subject_of_the_sentence_is_the_speaker() -> None:
    text = ("Regional broadcaster TV Sul said the dam had failed overnight.\n\n"
            "The national water agency said it had followed \"every step of the protocol\" "
            "during the storm.")
    assert [q.speaker for q in quotes_of(text)] == ["national water agency"]


def test_bare_organisation_word_without_an_earlier_match() -> None:
    text = ("Mayor Olga Stan visited the camp on Sunday.\n\n"
            "The opposition said the plan was \"far too little and far too late\".")
    assert [q.speaker for q in quotes_of(text)] == ["opposition"]


# -- rank and honorific titles belong in the role --------------------------------------

def test_rank_titles_go_to_the_role() -> None:
    cases = [
        ("Rear Admiral Lena Sorensen said: \"The search area is now very large.\"",
         "Lena Sorensen", "Rear Admiral"),
        ("Colonel Ivan Petrov said: \"Our units reached the village at dawn.\"",
         "Ivan Petrov", "Colonel"),
        ("Prefect Dana Moraru said: \"The evacuation will continue all night.\"",
         "Dana Moraru", "Prefect"),
    ]
    for text, name, role in cases:
        q = quotes_of(text)[0]
        assert (q.speaker, q.speaker_role) == (name, role), text


def test_rank_title_dropped_when_the_name_is_repeated_short() -> None:
    text = ("Fire service spokesman Lieutenant Colonel Mark Haas said the blaze was "
            "contained.\n\n\"We expect to leave the site tomorrow,\" Haas told reporters.")
    assert [q.speaker for q in quotes_of(text)] == ["Mark Haas"]


# -- short quotes someone is said to have used -----------------------------------------

def test_spoke_of_a_short_quote() -> None:
    text = ("Prime Minister Elena Duca spoke of „a black day“ and declared a day of "
            "mourning.")
    assert pairs(text) == [("a black day", "Elena Duca")]


def test_calls_object_then_a_one_word_quote() -> None:
    text = ("The government offered 2,000 crowns per family. The opposition calls the offer "
            "„insulting“.")
    assert pairs(text) == [("insulting", "opposition")]


def test_called_object_then_a_guillemet_quote() -> None:
    text = ("Union leader Marek Wolny called the pit «a death trap» and demanded the "
            "resignation of the board.")
    assert pairs(text) == [("a death trap", "Marek Wolny")]


def test_called_for_is_not_naming_something() -> None:
    text = "The party called for \"calm\" after the verdict on Sunday."
    assert quotes_of(text) == []


# -- split quotes -----------------------------------------------------------------------

def test_second_half_of_a_split_dash_quote() -> None:
    text = ("The riot ended before dawn.\n\n"
            "– The fire is out. We are now counting the damage – Ortega said. – The families "
            "will be informed tonight.")
    assert pairs(text) == [
        ("The fire is out. We are now counting the damage", "Ortega"),
        ("The families will be informed tonight.", "Ortega"),
    ]


def test_short_second_half_of_a_split_marked_quote() -> None:
    text = ("The nurses' union rejected that. \"We asked for help for months,\" union leader "
            "Ana Ruiz said. \"Nobody came.\"")
    assert pairs(text) == [
        ("We asked for help for months", "Ana Ruiz"),
        ("Nobody came.", "Ana Ruiz"),
    ]


# -- fragments in indirect speech stay non-quotes --------------------------------------

def test_two_word_fragment_in_indirect_speech_is_not_a_quote() -> None:
    text = ("The ministry said the operation had been \"fully legal\" and that it would "
            "continue on Monday.")
    assert quotes_of(text) == []


def test_one_word_fragment_after_a_said_clause_is_not_a_quote() -> None:
    text = "Residents said the rescue had been \"chaotic\" from the start."
    assert quotes_of(text) == []


# -- names after an inverted role phrase; sentence-initial capitals ------------------------

def test_inverted_role_phrase_then_the_name_after_a_comma() -> None:
    text = ("“The port stays closed until Monday”, said the spokeswoman of the harbour "
            "authority in Varna, Elena Dimova.")
    q = quotes_of(text)[0]
    assert (q.speaker, q.speaker_role) == ("Elena Dimova", "spokeswoman of the harbour "
                                           "authority")


def test_sentence_initial_the_or_a_number_never_starts_a_person() -> None:
    text = ("Mayor Ilse Brandt visited the shelter on Sunday. The Kessel valley was cut off "
            "for days. Three Austrians were rescued by helicopter.\n\n"
            "\"We will rebuild the bridge first,\" she said.")
    assert pairs(text) == [("We will rebuild the bridge first", "Ilse Brandt")]
