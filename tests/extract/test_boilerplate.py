"""Boilerplate is never a claim (issue 11, point 3): claimtrack/extract/boilerplate.py.

Each family of page furniture met when importing real web pages is recognised
on its own line and inside an article, where it scores 0 and says why; lists
and sections take their shape from their items and headings; and the news
prose around them (figures, addresses mentioned in passing, the seed
article's claims and bullets) stays prose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.extract import extract_claims, split_sentences
from claimtrack.extract.boilerplate import boilerplate_reasons, mark_boilerplate, sentence_reason

SEED = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-defense-export-offices.txt"
CASES = Path(__file__).parent / "cases"
NEWS = (
    "The Polish government said on Tuesday that the new plant in Gdansk will produce"
    " 2 million tonnes of steel a year by 2028, creating 3,000 jobs in the region."
)

# One line of each family, as it comes out of a web page, and the reason given.
FAMILIES = [
    ("Kowalski, J. (2023). Steel in Poland. Journal of Metals, 12(3), 45–67.", "reference"),
    ("Smith J, Jones K. Steel output in Europe. Lancet. 2020;395(10223):497-506.", "reference"),
    ("Ministry of Industry (2024). Annual report. Retrieved 3 March 2024.", "reference"),
    (
        "Orwell, G. (1949). Nineteen Eighty-Four. London: Secker & Warburg. ISBN 978-0-452",
        "reference",
    ),
    ("[1] Figures from the ministry's 2024 annual report.", "footnote"),
    ("^ Output rose to 2 million tonnes in 2024, according to the ministry.", "footnote"),
    ("By Anna Nowak, Economics Correspondent", "byline"),
    ("Reporting by Tom Balmforth; Editing by Alex Richardson", "byline"),
    ("Published 1 October 2025, 09:00 GMT", "byline"),
    ("Monday, April 6, 2009", "byline"),
    ("Photo: Jan Kowalski/Reuters", "caption"),
    ("Image: Getty Images", "caption"),
    ("Workers at the plant in Gdansk on Tuesday (Getty Images)", "caption"),
    ("Workers at the plant in Gdansk on Tuesday. Jan Kowalski/AFP", "caption"),
    ("FILE - A worker walks past the blast furnace in Gdansk, Poland.", "caption"),
    ("Example Times, 12 Harbour Street, Gdansk 80-001, Poland", "address"),
    ("1600 Pennsylvania Avenue NW, Washington, DC 20500", "address"),
    ("Laura Kelly can be reached at lkelly@example.com.", "address"),
    ("Tel: +48 58 123 45 67", "phone"),
    ("+44 20 7946 0958", "phone"),
    ("Call (555) 123-4567", "phone"),
    ("Home | World | Business | Sport", "navigation"),
    ("Home › News › Business", "navigation"),
    ("Skip to main content", "navigation"),
    ("Read more: How Ukraine’s drone industry outgrew its army", "navigation"),
    ("| 2026 | 0.5 | 1,200 |", "table"),
    ("|---|---|---|", "table"),
    ("2026\t0.5\t1,200", "table"),
    ("Arsenal 38 26 6 6 88 43 84", "table"),
    ("Preheat the oven to 180C.", "recipe"),
    ("Stir in the flour and cook for 2 minutes.", "recipe"),
    ("Bake for 90 minutes until tender.", "recipe"),
    ("Whisk the eggs with the sugar until pale.", "recipe"),
    ("2 cups flour", "recipe"),
    ("1 tbsp olive oil", "recipe"),
    ("500 g beef, diced", "recipe"),
    ("½ tsp salt", "recipe"),
    ("Salt and pepper, to taste", "recipe"),
    ("Serves 4", "recipe"),
    ("Weight: 1.2 kg", "spec-list"),
    ("Battery: 5000 mAh", "spec-list"),
    ("Display: 6.1-inch OLED, 120Hz", "spec-list"),
    ("Colour: Midnight Black", "spec-list"),
    ("© 2025 Example Times. All rights reserved.", "copyright"),
]

# News prose that must stay prose: figures, names, places, kickers and imperatives' look-alikes.
PROSE = [
    NEWS,
    "The plant will produce 2 million tonnes of steel a year.",
    "Opening in Berlin and Copenhagen by year’s end",
    "By 2030, the plant will employ 3,000 people.",
    "By the end of the year, Ukraine will open offices in Berlin.",
    "A fire broke out at 12 Harbour Street in Gdansk on Tuesday, police said.",
    "The Supreme Court ruled 5-4 on Tuesday.",
    "Heat waves killed more than 3,000 people in Europe in 2022.",
    "Cut oil output by 2 million barrels a day, the minister told OPEC.",
    "Top officials met for 90 minutes on Tuesday.",
    "Transfer Deadline Day Live Tickets for the opening game sold out within 19 minutes.",
    "Cook County officials said 1,200 homes were flooded.",
    "Add to that the 3,000 jobs lost in the steel sector last year.",
    "1 kg of rice now costs 3 euros in Lagos, up from 2 euros in May.",
    "A study in the Journal of Metals (2023) by Smith et al. found that output fell 12%.",
    "Zelensky: Ukraine will produce 800 interceptor drones a day.",
    "Exclusive: Russia plans to double drone output by 2026.",
    "The hotline received 5,000 calls in its first week.",
    "Turnout was 67.3%, up from 61.2% in 2019.",
    "Scores were 3-1, 2-0 and 1-1.",
    "Getty Images said it would cut 100 jobs.",
    "Unemployment fell to 5.2% in March (seasonally adjusted).",
    "Arsenal beat Manchester City 2-1 at the Emirates on Sunday.",
    "The law (2008) requires emissions to fall 80% by 2050.",
]


def article(*lines: str) -> str:
    """A small article: a headline, a news paragraph, then `lines` one per paragraph."""
    return "\n\n".join(["Steel plant to open in Gdansk", NEWS, *lines]) + "\n"


# --- one line at a time -------------------------------------------------------------------


@pytest.mark.parametrize(("line", "reason"), FAMILIES, ids=[line for line, _ in FAMILIES])
def test_each_family_is_recognised_on_its_own_line(line: str, reason: str) -> None:
    sentences = split_sentences(line)

    assert set(boilerplate_reasons(sentences)) == {reason}


@pytest.mark.parametrize(("line", "reason"), FAMILIES, ids=[line for line, _ in FAMILIES])
def test_each_family_in_an_article_is_no_claim_and_says_why(line: str, reason: str) -> None:
    text = article(line)

    claims = extract_claims(text)
    every = extract_claims(text, include_all=True)

    assert [claim.text for claim in claims] == [NEWS]
    furniture = [s for s in every if s.start >= text.index(line)]
    assert furniture and all(s.score == 0 and s.kind == "other" for s in furniture)
    assert all(s.features[f"boilerplate:{reason}"] == -1.0 for s in furniture)


@pytest.mark.parametrize("sentence", PROSE)
def test_news_prose_is_not_boilerplate(sentence: str) -> None:
    assert sentence_reason(sentence) is None


def test_no_check_worthy_labelled_case_is_boilerplate() -> None:
    texts = [
        case["text"]
        for path in sorted(CASES.glob("*.jsonl"))
        for case in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if case["checkworthy"]
    ]

    flagged = [(text, sentence_reason(text)) for text in texts if sentence_reason(text)]

    assert len(texts) > 250
    assert flagged == []


def test_the_seed_article_has_no_boilerplate_and_keeps_its_claims() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)

    assert boilerplate_reasons(sentences) == [None] * len(sentences)
    assert mark_boilerplate(sentences) is sentences  # nothing to mark, nothing copied


# --- blocks: paragraphs and list runs -------------------------------------------------------


def test_a_reference_split_at_its_periods_is_a_reference_throughout() -> None:
    sentences = split_sentences("Kowalski, J. (2023). Steel in Poland. Journal of Metals, 12(3).")

    assert len(sentences) == 3
    assert boilerplate_reasons(sentences) == ["reference"] * 3


def test_a_caption_paragraph_takes_its_credit() -> None:
    text = article("The new plant under construction in Gdansk. Photo: Jan Kowalski/Reuters")

    assert [claim.text for claim in extract_claims(text)] == [NEWS]


def test_prose_next_to_a_caption_is_not_swallowed_by_it() -> None:
    long_paragraph = f"{NEWS} {NEWS.replace('Tuesday', 'Monday')} Photo: Jan Kowalski/Reuters"
    sentences = split_sentences(long_paragraph)

    assert boilerplate_reasons(sentences) == [None, None, "caption"]


def test_an_item_without_a_measure_takes_the_shape_of_its_list() -> None:
    text = article("- 2 cups flour\n- 1 tbsp olive oil\n- 3 carrots\n- 500 g beef, diced")
    sentences = split_sentences(text)

    reasons = dict(zip((s.text for s in sentences), boilerplate_reasons(sentences), strict=True))

    assert reasons["3 carrots"] == "recipe"
    assert reasons[NEWS] is None


def test_the_seed_bullets_are_no_list_of_boilerplate() -> None:
    text = article(
        "- Opening in Berlin and Copenhagen by year’s end",
        "- Focus on exporting less demanded weapons",
        "- Introduction of Flamingo and Ruta missiles",
    )

    assert not any(s.is_boilerplate for s in mark_boilerplate(split_sentences(text)))


# --- sections -------------------------------------------------------------------------------


def test_everything_under_a_references_heading_is_boilerplate_up_to_the_next_heading() -> None:
    text = article(
        "References",
        "Output in 2024 was the highest since 1989, the ministry reported.",
        "- The steel industry employs 120,000 people in Poland.",
        "Reaction in Brussels",
        "The European Commission said it would examine the subsidy within 30 days.",
    )

    claims = [claim.text for claim in extract_claims(text)]

    assert NEWS in claims
    assert "The European Commission said it would examine the subsidy within 30 days." in claims
    assert not any("1989" in claim or "120,000" in claim for claim in claims)


@pytest.mark.parametrize(
    ("heading", "reason"),
    [
        ("## Sources", "reference"),
        ("Bibliography", "reference"),
        ("Notes:", "footnote"),
        ("### Ingredients (serves 4)", "recipe"),
        ("Method", "recipe"),
        ("Specifications", "spec-list"),
        ("Plot summary", "plot"),
        ("Contact us", "address"),
    ],
)
def test_section_headings_name_what_their_section_holds(heading: str, reason: str) -> None:
    text = article(heading, "The plant will produce 2 million tonnes of steel a year.")
    sentences = split_sentences(text)

    assert boilerplate_reasons(sentences)[-1] == reason


def test_lines_read_as_headings_stay_inside_their_section() -> None:
    # Plain text without bullets: each short line is a "heading" to the splitter.
    text = article("Ingredients", "2 cups flour", "3 carrots", "For the sauce", "1 tbsp butter")
    sentences = split_sentences(text)

    assert boilerplate_reasons(sentences)[-4:] == ["recipe"] * 4


def test_a_heading_followed_by_prose_ends_the_section_even_if_it_has_a_colon() -> None:
    prose = "The European Commission said it would examine the subsidy within 30 days."
    text = article(
        "References", "- Kowalski, J. (2023). Steel in Poland.", "Brussels: Reaction", prose
    )

    assert prose in [claim.text for claim in extract_claims(text)]


@pytest.mark.parametrize("heading", ["For the record", "Equipment", "Latest news", "Summary"])
def test_ordinary_subheadings_start_no_section(heading: str) -> None:
    prose = "The army will receive 200 new tanks by 2027, the ministry said on Tuesday."

    claims = [claim.text for claim in extract_claims(article(heading, prose))]

    assert prose in claims


def test_a_title_named_like_a_section_is_still_the_title() -> None:
    text = "Sources\n\n" + NEWS + "\n"

    assert [claim.text for claim in extract_claims(text)] == [NEWS]


# --- the pipeline ---------------------------------------------------------------------------


def test_boilerplate_never_feeds_the_speaker_context() -> None:
    text = article(
        "[1] Economy Minister Maria Schmidt said the figures were provisional.",
        "She said the plan would cost €5 billion by 2030.",
    )

    last = extract_claims(text, include_all=True)[-1]

    assert last.text.startswith("She said the plan")
    assert last.speaker is None  # not the minister named in the footnote


def test_a_boilerplate_heading_shows_both_reasons() -> None:
    every = extract_claims(article("Tel: +48 58 123 45 67"), include_all=True)

    assert every[-1].is_heading
    assert every[-1].features == {"boilerplate:phone": -1.0, "heading": -1.0}
    assert every[-1].to_json()["features"] == {"boilerplate:phone": -1.0, "heading": -1.0}
