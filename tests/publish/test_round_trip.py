"""The round trip: publish the demo, import its claimreview.json afresh, the ratings come back,
and the seed article's drones claim is flagged as already checked."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from publish_setup import DRONES, ready_to_publish
from sqlalchemy import select

from claimtrack.cli import cli
from claimtrack.db import open_database
from claimtrack.demo import seeds_dir
from claimtrack.importers.claimreview import claimreviews
from claimtrack.models import FactCheck

SEED = seeds_dir() / "ukraine-defense-export-offices.txt"


def run(db: Path, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), "--user", "olena", *args])
    assert result.exit_code == 0, result.output
    return result


def test_publish_the_demo_import_its_feed_and_the_drones_claim_is_already_checked(
    tmp_path, demo_copy
):
    # given the demo, ready to publish, published as a site
    demo_db = tmp_path / "demo.db"
    ready_to_publish(demo_copy(demo_db)).dispose()
    site = tmp_path / "site"
    run(demo_db, "publish", str(site))
    published = list(claimreviews(json.loads((site / "claimreview.json").read_text("utf-8"))))
    ratings = {r["url"]: r["reviewRating"]["alternateName"] for r in published}
    assert len(ratings) == 2
    # when its data feed is imported into a fresh database
    fresh = tmp_path / "fresh.db"
    imported = run(fresh, "import", "--claimreview", str(site / "claimreview.json"))
    assert "2 fact checks added" in imported.stdout
    # then the fact checks come back with the same ratings
    database = open_database(f"sqlite:///{fresh}")
    try:
        with database.read() as session:
            stored = {f.url: (f.rating, f.rating_value) for f in session.scalars(select(FactCheck))}
    finally:
        database.dispose()
    assert stored == {
        r["url"]: (r["reviewRating"]["alternateName"], r["reviewRating"].get("ratingValue"))
        for r in published
    }
    # when the seed article is imported there
    article = run(fresh, "import", str(SEED), "--published", "2025-11-03")
    assert "already checked" in article.stdout
    # then the drones claim is flagged, with the rating the demo gave it
    lines = run(fresh, "claims", "checked", "--json").stdout.splitlines()
    checked = {json.loads(line)["text"][: len(DRONES)]: json.loads(line) for line in lines}
    drones = checked[DRONES]["checked_by"][0]
    assert drones["organisation"] == "Example Checks"
    assert drones["rating"] == ratings[drones["url"]] == "Half true"
    for row in checked.values():
        for match in row["checked_by"]:
            assert match["rating"] == ratings[match["url"]]
