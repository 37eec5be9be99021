"""Speaker attribution, titles into roles, and short forms resolved through the article."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extract.segment import split_sentences
from claimtrack.extract.speakers import SpeakerContext, find_speaker
from claimtrack.extract.types import Speaker

SEED = Path(__file__).parents[2] / "seeds" / "ukraine-defense-export-offices.txt"


def name_and_role(sentence: str) -> tuple[str | None, str | None]:
    """(name, role) of the speaker of a sentence read on its own."""
    speaker = find_speaker(sentence)
    return (speaker.name, speaker.role) if speaker else (None, None)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Zelensky said the offices would open soon.", "Zelensky", None),
        ("“We will win,” said Jane Doe.", "Jane Doe", None),
        (
            "Inflation is easing, the chancellor says, but Olaf Scholz says otherwise.",
            "Olaf Scholz",
            None,
        ),
        ("Growth slowed, according to the World Bank.", "World Bank", None),
        ("Zelensky revealed plans to produce drones.", "Zelensky", None),
        ("Zelensky announced a new package.", "Zelensky", None),
        ("Rutte told reporters that NATO was ready.", "Rutte", None),
        ("Scholz emphasised that the aid would continue.", "Scholz", None),
        ("The Kremlin claimed that the strike failed.", "Kremlin", None),
        ("Pistorius warned that Russia could attack.", "Pistorius", None),
        ("Ukraine asserts it has thwarted Russian advances.", "Ukraine", None),
        ("Reuters reported that talks had stalled.", "Reuters", None),
        (
            "Emissions rose 9% last year, Transport & Environment said.",
            "Transport & Environment",
            None,
        ),
        (
            "The plan was announced by Prime Minister Keir Starmer on Monday.",
            "Keir Starmer",
            "Prime Minister",
        ),
        ("President Volodymyr Zelensky said the war must end.", "Volodymyr Zelensky", "President"),
        ("U.S. President Donald Trump said so.", "Donald Trump", "U.S. President"),
        (
            "Meanwhile Chancellor Friedrich Merz told reporters that aid would grow.",
            "Friedrich Merz",
            "Chancellor",
        ),
        ("Dr. Anna Berg stated that cases had doubled.", "Anna Berg", "Dr."),
        ("Mr. Zelensky said it would end.", "Zelensky", None),
        (
            "Jane Doe, the head of the agency, said the figures were final.",
            "Jane Doe",
            "head of the agency",
        ),
        (
            "“It is over,” said Jane Doe, a spokeswoman for the ministry.",
            "Jane Doe",
            "spokeswoman for the ministry",
        ),
        (
            "In an interview with German outlet RND, Economy and Energy Minister Katherina Reiche "
            "stated that Germany must emerge as a leader in drone manufacturing.",
            "Katherina Reiche",
            "Economy and Energy Minister",
        ),
        (
            "Troops massed near Pokrovsk, according to Ukraine’s commander-in-chief Oleksandr Syrskyi.",
            "Oleksandr Syrskyi",
            "Ukraine’s commander-in-chief",
        ),
        ("Two bombers were destroyed, the General Staff said.", "General Staff", None),
        (
            "President of the European Commission Ursula von der Leyen said so.",
            "Ursula von der Leyen",
            "President of the European Commission",
        ),
        (
            "Secretary of State Marco Rubio said talks would resume.",
            "Marco Rubio",
            "Secretary of State",
        ),
        (
            "Bank of England Governor Andrew Bailey said rates would fall.",
            "Andrew Bailey",
            "Bank of England Governor",
        ),
        (
            "Former president Barack Obama said democracy was at stake.",
            "Barack Obama",
            "Former president",
        ),
        ("Putin, speaking in Moscow, said the West was to blame.", "Putin", None),
        ("“We will win,” said Zelensky on Monday.", "Zelensky", None),
        ("The Premier League said clubs had spent £3bn.", "Premier League", None),
        ("Cases rose in 17 US states since March, the CDC said.", "CDC", None),
        ("Output fell, the federal statistics office (Destatis) said.", "Destatis", None),
        (
            "The Office for National Statistics (ONS) said inflation fell.",
            "Office for National Statistics",
            None,
        ),
        ("Emissions may have peaked, an analysis for Carbon Brief found.", "Carbon Brief", None),
        (
            "Germany has pledged €9 billion in aid, Defence Minister Boris Pistorius said on Tuesday.",
            "Boris Pistorius",
            "Defence Minister",
        ),
    ],
)
def test_attribution_patterns_give_the_name_and_the_role(
    sentence: str, name: str, role: str | None
) -> None:
    # given a sentence read on its own / when / then titles go to the role
    assert name_and_role(sentence) == (name, role)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine has expressed its readiness to assist allies.",
        "Zelensky visited Berlin on Monday.",
        "Officials said the road was closed.",
        "The ministry said 40 people died.",
        "Doctors warned that the clinic was full.",
        "A senior official told Reuters the jets would arrive.",
        "Germany will deliver systems by December, the defence ministry in Berlin said.",
        "“It is over,” he said.",
        "The situation remains fluid.",
        "",
    ],
)
def test_no_named_attribution_gives_no_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


def test_offset_moves_the_mention_span_into_the_document() -> None:
    # given a sentence that starts at character 50 of its document
    speaker = find_speaker("Zelensky said so.", offset=50)
    # then
    assert speaker == Speaker("Zelensky", None, 50, 58)


def test_a_short_form_resolves_to_the_full_name_seen_earlier() -> None:
    # given an article that named the president in full
    context = SpeakerContext()
    find_speaker("The plan was announced by President Volodymyr Zelensky.", context=context)
    # when a later sentence uses the surname
    speaker = find_speaker("Zelensky said the offices would open.", context=context)
    # then
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Volodymyr Zelensky", "President")


@pytest.mark.parametrize("pronoun", ["He", "She"])
def test_a_pronoun_resolves_to_the_most_recent_person(pronoun: str) -> None:
    # given two people named in turn
    context = SpeakerContext()
    find_speaker("Chancellor Friedrich Merz said aid would grow.", context=context)
    find_speaker("Economy Minister Katherina Reiche said costs would fall.", context=context)
    # when
    speaker = find_speaker(f"{pronoun} noted that prices were high.", offset=10, context=context)
    # then
    assert speaker == Speaker("Katherina Reiche", "Economy Minister", 10, 10 + len(pronoun))


def test_a_pronoun_without_context_gives_no_speaker() -> None:
    assert find_speaker("He noted that prices were high.", context=SpeakerContext()) is None


def test_countries_are_not_the_person_a_pronoun_means() -> None:
    # given a person, then a country speaking
    context = SpeakerContext()
    find_speaker("President Volodymyr Zelensky said the war must end.", context=context)
    find_speaker("Ukraine asserts it has thwarted advances.", context=context)
    # when / then
    speaker = find_speaker("He added that talks would resume.", context=context)
    assert speaker is not None and speaker.name == "Volodymyr Zelensky"


def test_a_titled_mention_without_speech_is_remembered() -> None:
    # given a sentence that names a minister without quoting him
    context = SpeakerContext()
    assert find_speaker("Defence Minister Boris Pistorius visited Kyiv.", context=context) is None
    # when he is quoted by surname later / then
    speaker = find_speaker("Pistorius said more aid would follow.", context=context)
    assert speaker is not None and speaker.name == "Boris Pistorius"


def seed_speakers() -> dict[str, Speaker | None]:
    """The speaker of each seed sentence, read in order with one context."""
    text = SEED.read_text(encoding="utf-8")
    context = SpeakerContext()
    found = {}
    for sentence in split_sentences(text):
        speaker = find_speaker(sentence.text, offset=sentence.start, context=context)
        if speaker is not None:
            assert speaker.start is not None and speaker.end is not None
            assert text[speaker.start : speaker.end] in sentence.text
        found[sentence.text[:30]] = speaker
    return found


@pytest.mark.parametrize(
    ("opening", "name", "role"),
    [
        ("This move, announced by Presid", "Volodymyr Zelensky", "President"),
        ("Zelensky emphasized that the n", "Volodymyr Zelensky", "President"),
        ("He noted that Ukraine plans to", "Volodymyr Zelensky", "President"),
        ("Zelensky revealed plans to pro", "Volodymyr Zelensky", "President"),
        ("In an interview with German ou", "Katherina Reiche", "Economy and Energy Minister"),
        ("The situation remains fluid as", "Ukraine", None),
    ],
)
def test_seed_article_speakers(opening: str, name: str, role: str | None) -> None:
    # given the seed article read sentence by sentence / when / then
    speaker = seed_speakers()[opening]
    assert speaker is not None
    assert (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize(
    "opening",
    ["Ukraine will establish defense", "Ukraine has expressed its read", "Scaling Up Air Defense"],
)
def test_seed_article_sentences_without_attribution_have_no_speaker(opening: str) -> None:
    assert seed_speakers()[opening] is None


@pytest.mark.parametrize(
    "text",
    [
        "According to Olaf Scholz,   . the rate rose",
        "Olaf Scholz said,  ; it rose",
        "said Reiche, ”",
    ],
)
def test_a_comma_after_the_name_with_nothing_before_the_next_stop_is_no_role(text: str) -> None:
    # given a name followed by a comma and only spaces before a stop / when / then no crash, no role
    speaker = find_speaker(text, context=SpeakerContext())
    assert speaker is None or speaker.role is None


@given(st.text(), st.integers(min_value=0, max_value=10_000))
def test_never_raises_and_the_span_is_the_mention(text: str, offset: int) -> None:
    speaker = find_speaker(text, offset=offset, context=SpeakerContext())
    if speaker is not None and speaker.start is not None and speaker.end is not None:
        assert 0 <= speaker.start - offset <= speaker.end - offset <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,
        "Zelensky said " * 70_000,
        "President Joe Biden " * 50_000,
        ", said X" * 100_000,
        "according to " * 80_000,
    ],
    ids=["no-punctuation", "many-verbs", "many-titles", "many-inversions", "many-according"],
)
def test_adversarial_megabyte_sentences_stay_linear(text: str) -> None:
    # given about a megabyte in one "sentence" / when / then it finishes quickly
    started = time.perf_counter()
    find_speaker(text, context=SpeakerContext())
    assert time.perf_counter() - started < 60  # generous: CI shares 2 cores
