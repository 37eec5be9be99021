"""The demo made ready to publish: an organisation, a site URL, the drones claim concluded."""

from __future__ import annotations

from sqlalchemy import select

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim

ORGANISATION = "Example Checks"
SITE_URL = "https://checks.example.org/"
DRONES = "Zelensky revealed plans to produce between 600 and 800 interceptor drones daily"


def drones_claim_id(database: Database) -> int:
    """The demo's drones claim."""
    with database.read() as session:
        return session.scalars(select(Claim.id).where(Claim.text.startswith(DRONES))).one()


def ready_to_publish(database: Database) -> Database:
    """Set the desk's name and URL, and conclude the drones claim (half true, two sources)."""
    with database.transaction() as session:
        service.set_setting(session, "olena", "organisation", ORGANISATION)
        service.set_setting(session, "olena", "site_url", SITE_URL)
    with database.transaction() as session:
        service.update_claim(session, "olena", drones_claim_id(database), status="concluded")
    return database
