"""Validate JSON-LD against the schema.org vocabulary shipped in tests/fixtures/schemaorg.

Checks what the vocabulary states: every `@type` is a known class; every
property exists, is used on a type within its domain (`domainIncludes`, with
subclasses), and holds values within its range (`rangeIncludes`): a node of a
class in range, or a literal of a data type in range (Text, URL, Date,
DateTime, Number, Integer, Boolean) in that type's lexical form.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

FIXTURE = (
    Path(__file__).parent.parent / "fixtures" / "schemaorg" / "schemaorg-12.0-vocabulary.jsonld"
)


def _ids(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return {v["@id"].removeprefix("schema:") for v in values}


class Vocabulary:
    """Classes with their parents, properties with their domains and ranges."""

    def __init__(self, graph: list[dict[str, Any]]) -> None:
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdf:Property" in kinds:
                self.domains[name] = _ids(node.get("schema:domainIncludes"))
                self.ranges[name] = _ids(node.get("schema:rangeIncludes"))
            else:
                self.parents[name] = _ids(node.get("rdfs:subClassOf"))

    @cache  # noqa: B019 - one vocabulary for the session
    def ancestors(self, name: str) -> frozenset[str]:
        found = {name}
        for parent in self.parents.get(name, ()):
            found |= self.ancestors(parent)
        return frozenset(found)

    def validate(self, node: dict[str, Any], path: str = "$") -> list[str]:
        """Every way `node` (and what it holds) breaks the vocabulary."""
        errors: list[str] = []
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        unknown = [k for k in kinds if k not in self.parents]
        if not kinds or unknown:
            return [f"{path}: unknown or missing @type {unknown or kinds}"]
        lineage = frozenset().union(*(self.ancestors(k) for k in kinds))
        for key, value in node.items():
            if key.startswith("@"):
                continue
            where = f"{path}.{key}"
            if key not in self.domains:
                errors.append(f"{where}: no such property")
                continue
            if not self.domains[key] & lineage:
                errors.append(f"{where}: not a property of {kinds}")
            for item in value if isinstance(value, list) else [value]:
                errors += self._value(key, item, where)
        return errors

    def _value(self, key: str, value: Any, where: str) -> list[str]:
        ranges = self.ranges[key]
        if isinstance(value, dict):
            kinds = value.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            lineage = frozenset().union(*(self.ancestors(k) for k in kinds if k in self.parents))
            if not lineage & ranges:
                return [f"{where}: {kinds} is not in the range {sorted(ranges)}"]
            return self.validate(value, where)
        for datatype in sorted(ranges):
            if _literal(datatype, value):
                return []
        return [f"{where}: {value!r} is not a literal of {sorted(ranges)}"]


def _literal(datatype: str, value: Any) -> bool:
    if isinstance(value, bool):
        return datatype == "Boolean"
    if isinstance(value, int | float):
        return datatype in ("Number", "Integer", "Float") and (
            datatype != "Integer" or float(value).is_integer()
        )
    if not isinstance(value, str):
        return False
    if datatype == "URL":
        parsed = urlparse(value)
        return parsed.scheme in ("http", "https") and bool(parsed.netloc)
    if datatype == "Date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if datatype == "DateTime":
        try:
            return dt.datetime.fromisoformat(value).tzinfo is not None
        except ValueError:
            return False
    return datatype == "Text"


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once."""
    return Vocabulary(json.loads(FIXTURE.read_text(encoding="utf-8"))["@graph"])


# Google's fact-check (ClaimReview) documentation: what is required and what is recommended.
def google_problems(review: dict[str, Any]) -> list[str]:
    """The required and recommended ClaimReview properties `review` lacks."""
    problems = []
    if review.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    for key in ("claimReviewed", "reviewRating", "url"):
        if not review.get(key):
            problems.append(f"required {key} missing")
    rating = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        problems.append("required reviewRating.alternateName missing")
    if not rating.get("name"):
        problems.append("recommended reviewRating.name missing")
    if "ratingValue" in rating:
        for key in ("bestRating", "worstRating"):
            if key not in rating:
                problems.append(f"recommended reviewRating.{key} missing")
        if not rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]:
            problems.append("ratingValue outside worstRating..bestRating")
    author = review.get("author") or {}
    if author.get("@type") != "Organization" or not author.get("name"):
        problems.append("recommended author (an Organization with a name) missing")
    if not author.get("url"):
        problems.append("recommended author.url missing")
    if not review.get("datePublished"):
        problems.append("recommended datePublished missing")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("recommended itemReviewed (a Claim) missing")
    return problems
