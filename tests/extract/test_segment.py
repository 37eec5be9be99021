"""Sentence splitting: offsets, abbreviations, quotes, bullets, headings, titles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from work_meter import growth

from claimtrack.extract.segment import document_title, split_sentences

SEED = Path(__file__).parents[2] / "seeds" / "ukraine-defense-export-offices.txt"


def texts(text: str) -> list[str]:
    """The sentence texts of `text`."""
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. economy grew. It slowed later.", ["The U.S. economy grew.", "It slowed later."]),
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("He lives at No. 5 Downing St. in London.", ["He lives at No. 5 Downing St. in London."]),
        (
            "It began on Jan. 3 in Kyiv. Then it ended.",
            ["It began on Jan. 3 in Kyiv.", "Then it ended."],
        ),
        ("Gen. Syrskyi spoke. He left.", ["Gen. Syrskyi spoke.", "He left."]),
        (
            "Fruit, e.g. apples, i.e. food, etc. are sold.",
            ["Fruit, e.g. apples, i.e. food, etc. are sold."],
        ),
        (
            "J. R. R. Tolkien wrote it. Fans read it.",
            ["J. R. R. Tolkien wrote it.", "Fans read it."],
        ),
        (
            "Growth hit 2.5% and 1,200.50 euros. Prices fell.",
            ["Growth hit 2.5% and 1,200.50 euros.", "Prices fell."],
        ),
        ("U.K. Prime Minister Keir Starmer spoke.", ["U.K. Prime Minister Keir Starmer spoke."]),
        ("He flew to the U.S. The trip was short.", ["He flew to the U.S.", "The trip was short."]),
        ("“We will win.” He left.", ["“We will win.”", "He left."]),
        ("He said “we will win.” Then he left.", ["He said “we will win.”", "Then he left."]),
        ("“Will we win?” she asked. Nobody knew.", ["“Will we win?” she asked.", "Nobody knew."]),
        (
            "He paused... and went on. Then... Silence.",
            ["He paused... and went on.", "Then...", "Silence."],
        ),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ],
)
def test_sentences_split_only_at_real_boundaries(text: str, expected: list[str]) -> None:
    # given news text with abbreviations, numbers and quotes / when split / then
    assert texts(text) == expected


@given(st.text())
def test_offsets_always_slice_the_text_to_the_stripped_sentence(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "2) "])
def test_bullet_lines_are_flagged_and_their_marker_dropped(marker: str) -> None:
    # given a paragraph followed by a bullet
    text = f"Officials listed the plans.\n{marker}Opening offices by year's end\n"
    # when
    sentences = split_sentences(text)
    # then
    bullet = sentences[-1]
    assert bullet.is_bullet and not bullet.is_heading
    assert bullet.text == "Opening offices by year's end"


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("Scaling Up Air Defense", True),
        ("Emerging Security Concerns in Europe", True),
        ("Ukraine is enhancing its air defense.", False),
        ("Is this a question?", False),
    ],
)
def test_a_short_line_without_closing_punctuation_is_a_heading(line: str, is_heading: bool) -> None:
    # given a line between two paragraphs
    text = f"The talks ended on time.\n{line}\nThe next round starts soon.\n"
    # when
    sentences = split_sentences(text)
    # then the line is its own sentence, flagged as a heading or not
    middle = [s for s in sentences if s.text == line]
    assert len(middle) == 1
    assert middle[0].is_heading is is_heading
    assert len(sentences) == 3


def test_a_heading_is_never_merged_with_the_next_line() -> None:
    # given a heading followed by a paragraph that starts with a capital
    text = "Scaling Up Air Defense\nZelensky revealed plans to produce drones."
    # when / then
    assert texts(text) == ["Scaling Up Air Defense", "Zelensky revealed plans to produce drones."]


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    # given prose wrapped at a fixed width
    text = "Ukraine will establish defence production offices in Berlin\nand Copenhagen by the end of the year.\n"
    # when
    sentences = split_sentences(text)
    # then
    assert len(sentences) == 1
    assert not sentences[0].is_heading
    assert sentences[0].text.endswith("end of the year.")


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine will open offices in Berlin and\nCopenhagen by the end of the year.",
        "Ukraine will establish two new defence production offices in the large cities of Berlin\n"
        "Copenhagen and Oslo by the end of the year.",
    ],
)
def test_a_wrapped_line_continues_even_before_a_capital(text: str) -> None:
    # given prose wrapped before a name, after an opening sentence (a first
    # line without punctuation would be the title)
    document = "Talks ended.\n" + text
    # when
    sentences = split_sentences(document)
    # then the wrapped sentence stays whole
    assert [s.text for s in sentences] == ["Talks ended.", text]
    assert not sentences[1].is_heading


def test_each_line_is_its_own_paragraph() -> None:
    # given two paragraphs of two sentences and one
    text = "One fact. Two facts.\n\nThree facts.\n"
    # when / then
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]


def test_front_matter_is_skipped_and_gives_the_title() -> None:
    # given a Markdown article with YAML front matter
    text = "---\ntitle: Drones Over Europe\npublished: 2025-11-03\n---\nAirports closed. Flights resumed.\n"
    # when / then
    assert document_title(text) == "Drones Over Europe"
    assert texts(text) == ["Airports closed.", "Flights resumed."]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ukraine to Open Offices\nUkraine will open offices.", "Ukraine to Open Offices"),
        ("\n\n  Headline Here  \nBody.", "Headline Here"),
        ("# Markdown Headline\nBody.", "Markdown Headline"),
        ("", None),
        (" ".join(["word"] * 40) + ".", None),
    ],
)
def test_the_first_short_line_is_the_title(text: str, title: str | None) -> None:
    assert document_title(text) == title


def test_seed_article_headline_headings_and_bullets() -> None:
    # given the seed article
    text = SEED.read_text(encoding="utf-8")
    # when
    sentences = split_sentences(text)
    # then the headline is the title and a heading, and there are five section headings
    headings = [s.text for s in sentences if s.is_heading]
    assert document_title(text) == headings[0]
    assert headings[0].startswith("Ukraine to Launch Defense Production Offices")
    assert headings[1:] == [
        "Establishing Export Capitals",
        "Collaborative Efforts in Defense",
        "Scaling Up Air Defense",
        "Germany’s Commitment to Drone Production",
        "Emerging Security Concerns in Europe",
    ]
    bullets = [s.text for s in sentences if s.is_bullet]
    assert bullets[0] == "Opening in Berlin and Copenhagen by year’s end"
    assert len(bullets) == 6


def test_seed_article_last_sentence_runs_to_the_end_of_file() -> None:
    # given the seed article, which has no trailing newline
    text = SEED.read_text(encoding="utf-8")
    # when
    last = split_sentences(text)[-1]
    # then
    assert last.end == len(text.rstrip())
    assert last.text.startswith("Continuous updates on the conflict")


def test_seed_article_body_sentences_are_whole() -> None:
    text = SEED.read_text(encoding="utf-8")
    body = [s.text for s in split_sentences(text) if not s.is_heading]
    assert (
        "This move, announced by President Volodymyr Zelensky on November 3, aims to enhance "
        "Ukraine’s weapons exports." in body
    )
    assert "As the conflict escalates, Ukraine is enhancing its air defense mechanisms." in body


@pytest.mark.parametrize(
    "build",
    [
        lambda n: "word " * (n // 5),
        lambda n: "a" * n,
        lambda n: ". " * (n // 2),
        lambda n: "U.S." * (n // 4),
        lambda n: "- " * (n // 2),
        lambda n: "\n" * n + "x",
    ],
    ids=["no-punctuation", "one-word", "only-periods", "dotted", "dashes", "blank-lines"],
)
def test_adversarial_inputs_split_in_linear_time(build: Callable[[int], str]) -> None:
    # given pathological text of 20 000 and 80 000 characters / when split / then 4× the
    # input costs well under 16× the work (what a quadratic splitter would need); the work
    # is counted by work_meter (lines run, regex characters scanned, lengths returned)
    ratios = growth(lambda n: split_sentences(build(n)), 20_000)
    assert max(ratios.values()) < 6, ratios


def test_a_wire_story_keeps_byline_lead_in_and_sign_off_out_of_the_prose() -> None:
    # given a wire story with a byline, a dateline, a lead-in and a sign-off
    text = (
        "Germany's economy shrinks 0.3% in Q2\n\nBy Maria Martinez\n\n"
        "BERLIN, July 30 (Reuters) - The economy contracted, Destatis said. "
        '"It is struggling," said Dr. J. Schmidt of ING.\n'
        "Key figures:\n* GDP: -0.3% q/q\n\n"
        "Reporting by Maria Martinez; Editing by Rachel More"
    )
    # when
    sentences = split_sentences(text)
    # then
    assert [(s.text, s.is_heading, s.is_bullet) for s in sentences] == [
        ("Germany's economy shrinks 0.3% in Q2", True, False),
        ("By Maria Martinez", True, False),
        ("BERLIN, July 30 (Reuters) - The economy contracted, Destatis said.", False, False),
        ('"It is struggling," said Dr. J. Schmidt of ING.', False, False),
        ("Key figures:", True, False),
        ("GDP: -0.3% q/q", False, True),
        ("Reporting by Maria Martinez; Editing by Rachel More", True, False),
    ]
