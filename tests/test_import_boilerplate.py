"""Issue 11, point 3: importing a web page stores its news claims and none of its furniture.

One page, written three ways (HTML through trafilatura, Markdown, plain text),
holds a news paragraph with a clear claim and the furniture real pages carry:
a figure caption, a table, a recipe (ingredients and method), a contact block
with an address and a phone line, a reference list and a footnote. Several of
those parts read like claims on their own (a reference titled "Poland will
double steel output…", "Bake for 90 minutes…"). Imported through the CLI,
every stored claim must come from the news paragraph.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

CLAIM = (
    "The Polish government said on Tuesday that the new plant in Gdansk will produce"
    " 2 million tonnes of steel a year by 2028, creating 3,000 jobs in the region."
)
COST = (
    "Industry minister Marta Zielinska told reporters the project would cost"
    " 4.5 billion zlotys, half of it paid by the state."
)
NEWS = f"{CLAIM} {COST}"
REFERENCE = (
    "Kowalski, J. (2023). Poland will double steel output to 4 million tonnes by 2030."
    " Journal of Metals, 12(3), 45–67. doi:10.1000/jm.2023.123"
)
RETRIEVED = (
    "Ministry of Industry (2024). Steel production rose 12% in 2023 to 1.9 million tonnes."
    " Retrieved 3 March 2024 from https://example.gov.pl/steel"
)
FOOTNOTE = "[1] Output figures for 2024 are provisional and were revised in May."
CAPTION = "Workers at the Gdansk site, where 1,200 people are employed. Photo: Jan Kowalski/Reuters"
ADDRESS = "Example Times, 12 Harbour Street, Gdansk 80-001, Poland"
PHONE = "Tel: +48 58 123 45 67"
INGREDIENTS = ["2 cups flour", "1 tbsp olive oil", "500 g beef, diced", "3 carrots"]
METHOD = [
    "Preheat the oven to 180C.",
    "Brown the beef in a large pan with the oil for 5 minutes.",
    "Stir in the flour and cook for 2 minutes.",
    "Bake for 90 minutes until tender.",
]
TABLE = [("Year", "Output (Mt)", "Jobs"), ("2026", "0.5", "1,200"), ("2027", "1.2", "2,100")]


def _items(tag: str, lines: list[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{line}</li>" for line in lines) + f"</{tag}>"


HTML = f"""<!DOCTYPE html><html><head><title>Steel plant to open in Gdansk | Example Times</title>
<meta name="author" content="Anna Nowak">
<meta property="article:published_time" content="2025-10-01T09:00:00Z">
<meta property="og:site_name" content="Example Times"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Steel plant to open in Gdansk</h1>
<p class="byline">By Anna Nowak, Economics Correspondent</p>
<figure><img src="plant.jpg" alt="The plant"><figcaption>{CAPTION}</figcaption></figure>
<p>{CLAIM}<sup class="reference"><a href="#cite-1">[1]</a></sup> {COST}</p>
<table>{"".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)}</table>
<h2>Try it at home: steelworker's stew</h2>
<h3>Ingredients</h3>{_items("ul", INGREDIENTS)}
<h3>Method</h3>{_items("ol", METHOD)}
<h2>Contact</h2>
<p>{ADDRESS}<br>{PHONE}</p>
<h2>References</h2>{_items("ol", [REFERENCE, RETRIEVED])}
<div class="footnotes"><p>{FOOTNOTE}</p></div>
</article>
<footer>Read more: subscribe to our newsletter | © 2025 Example Times</footer></body></html>
"""
MARKDOWN = "\n".join(
    [
        "---",
        "title: Steel plant to open in Gdansk",
        "outlet: Example Times",
        "published: 2025-10-01",
        "---",
        "# Steel plant to open in Gdansk",
        "",
        "By Anna Nowak, Economics Correspondent",
        "",
        "![The plant](plant.jpg)",
        CAPTION,
        "",
        NEWS,
        "",
        *("| " + " | ".join(row) + " |" for row in TABLE[:1]),
        "|---|---|---|",
        *("| " + " | ".join(row) + " |" for row in TABLE[1:]),
        "",
        "## Try it at home: steelworker's stew",
        "",
        "### Ingredients",
        "",
        *(f"- {line}" for line in INGREDIENTS),
        "",
        "### Method",
        "",
        *(f"{number}. {line}" for number, line in enumerate(METHOD, start=1)),
        "",
        "## Contact",
        "",
        ADDRESS,
        PHONE,
        "",
        "## References",
        "",
        f"1. {REFERENCE}",
        f"2. {RETRIEVED}",
        "",
        FOOTNOTE,
        "",
    ]
)
# Plain text as a copy from a browser leaves it: no markup, one part per line.
TEXT = "\n".join(
    [
        "Steel plant to open in Gdansk",
        "By Anna Nowak | Example Times",
        CAPTION,
        NEWS,
        *("\t".join(row) for row in TABLE),
        "Ingredients",
        *INGREDIENTS,
        "Method",
        " ".join(METHOD),
        "Contact us",
        ADDRESS,
        PHONE,
        "Sources",
        REFERENCE,
        RETRIEVED,
        FOOTNOTE,
        "Home | World | Business | Sport",
        "",
    ]
)
PAGES = {"page.html": HTML, "page.md": MARKDOWN, "page.txt": TEXT}


def _stored_claims(db: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "claims", "list", "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["text"] for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("name", PAGES)
def test_only_the_news_paragraph_becomes_claims(tmp_path: Path, name: str) -> None:
    db, page = tmp_path / "a.db", tmp_path / name
    page.write_text(PAGES[name], encoding="utf-8")

    result = CliRunner().invoke(cli, ["--db", str(db), "--user", "ana", "import", str(page)])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 document, ")
    claims = _stored_claims(db)
    assert CLAIM in claims
    furniture = [claim for claim in claims if claim not in NEWS]
    assert furniture == []


def test_the_html_furniture_never_reaches_the_article_text(tmp_path: Path) -> None:
    # Cut from the markup before the text exists: the caption, the table, the
    # footnotes block, the inline "[1]"; what is left (the reference list) is
    # skipped as text.
    from claimtrack.importers.files import read_article

    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")

    text = read_article(str(page)).text

    assert NEWS in text
    for furniture in (CAPTION, FOOTNOTE, "1,200", "Home"):
        assert furniture not in text
    assert "Poland will double steel output" in text  # the unmarked reference list is kept


def test_a_page_laid_out_in_a_table_still_reads(tmp_path: Path) -> None:
    # Tables are left out of the text, but an old page's layout table holds its article.
    db, page = tmp_path / "a.db", tmp_path / "old.html"
    cell = f"<h1>Steel plant to open</h1><p>{NEWS}</p><p>{COST} {CLAIM}</p>"
    page.write_text(
        f"<html><body><table><tr><td>Menu</td><td>{cell}</td></tr></table></body></html>",
        encoding="utf-8",
    )

    result = CliRunner().invoke(cli, ["--db", str(db), "--user", "ana", "import", str(page)])

    assert result.exit_code == 0, result.output
    assert CLAIM in _stored_claims(db)
