"""What a deadline follow-up asks a reviewer to check, worded from the claim.

"The company will open offices in Berlin and Copenhagen by the end of the
year, its chief executive said" due 2025-12-31 becomes "Check: offices in
Berlin and Copenhagen opened (deadline 2025-12-31)". The deadline phrase and
the attribution go; a promise of "will VERB OBJECT" reads as "OBJECT VERBed";
anything else keeps the claim's words. Pure string work: no database.
"""

from __future__ import annotations

import datetime as dt
import re

# How a promise is phrased before its verb: "will open", "plans to build", "is set to hire".
_PROMISE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:going|set|due|expected)\s+to|"
    r"(?:plans?|planned|pledged?|promised?|vowed?|aims?|aimed|intends?|intended|"
    r"expects?|expected|hopes?|hoped|wants?|wanted|commits?|committed|"
    r"undertakes?|undertook|is\s+committed)\s+to)\s+(?:also\s+|now\s+|soon\s+)?"
    r"(?P<verb>[a-z]+)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# Attribution around the claim: "…, he said." / "…, according to the ministry." / "X said that …"
_SAID_AFTER = re.compile(
    r",\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|added|told\s+\w+|announced|stated|wrote)"
    r"(?:\s+on\s+\w+)?\s*[.!]?$|,?\s+according\s+to\s+[^,]+[.!]?$"
)
_SAID_BEFORE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5})\s+(?:said|says|announced|added|stated)"
    r"(?:\s+on\s+\w+)?(?:\s+that)?[,:]?\s+"
)
# Words that open no object: "will rise to 5%", "will take effect".
_NO_OBJECT = frozenset(
    [
        "to",
        "by",
        "from",
        "below",
        "above",
        "under",
        "over",
        "into",
        "at",
        "in",
        "of",
        "for",
        "with",
        "up",
        "down",
        "back",
        "effect",
        "place",
    ]
)
# Clauses joined in one sentence: each deadline belongs to its own.
_CLAUSES = re.compile(r";\s*|,?\s+and\s+(?=(?:the|a|an|it|we|they|he|she|its|their)\b)")
# Short verbs that double their last letter: plan → planned (open → opened does not).
_DOUBLING = frozenset(
    ["ban", "cap", "plan", "ship", "stop", "drop", "scrap", "admit", "commit", "permit", "submit"]
)
_IRREGULAR = {
    "build": "built",
    "make": "made",
    "cut": "cut",
    "set": "set",
    "put": "put",
    "shut": "shut",
    "give": "given",
    "take": "taken",
    "send": "sent",
    "pay": "paid",
    "hold": "held",
    "spend": "spent",
    "sell": "sold",
    "buy": "bought",
    "bring": "brought",
    "begin": "begun",
    "do": "done",
    "meet": "met",
    "keep": "kept",
    "lead": "led",
    "win": "won",
    "lose": "lost",
    "draw": "drawn",
    "show": "shown",
    "write": "written",
    "raise": "raised",
    "lay": "laid",
    "run": "run",
    "grow": "grown",
    "find": "found",
    "rebuild": "rebuilt",
    "withdraw": "withdrawn",
    "overtake": "overtaken",
}
# Verbs after "will" that make no object-first reading ("will be", "will rise to 5%").
_NOT_TRANSITIVE = frozenset(
    [
        "be",
        "become",
        "remain",
        "rise",
        "fall",
        "grow",
        "stay",
        "reach",
        "go",
        "come",
        "arrive",
        "return",
        "happen",
        "continue",
        "start",
        "end",
        "double",
        "triple",
        "halve",
    ]
)
_VOWELS = "aeiou"


def participle(verb: str) -> str:
    """The past participle of an English verb: open → opened, plan → planned, build → built."""
    verb = verb.lower()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if verb in _DOUBLING:
        return verb + verb[-1] + "ed"
    return verb + "ed"


# The preposition before a deadline phrase, taken out with it.
_BEFORE_DEADLINE = r"\s*,?\s*\b(?:by|before|until|till|no\s+later\s+than|in|within|at|on|for)?\s*"
# The same search for every phrase, compiled once: "PHRASE\0TEXT", the phrase matched
# again by a backreference. Compiling a pattern for each phrase cost more than the rest
# of the claim's preparation (the phrases rarely repeat, so re's cache missed).
_DEADLINE_IN = re.compile(
    r"(?P<phrase>[^\x00]*)\x00(?P<before>[\s\S]*?)" + _BEFORE_DEADLINE + r"(?P=phrase)",
    re.IGNORECASE,
)
# Letters that a literal matches without case but a backreference does not (the long s,
# the Kelvin sign, the Turkish i's): a text holding one is searched as before.
_FOLDED_APART = frozenset("\u017f\u212a\u0130\u0131")


def _without_deadline(text: str, phrase: str) -> str:
    """The claim with its deadline phrase (and the preposition before it) taken out."""
    if not phrase:
        return text
    if not phrase.isascii() or "\x00" in text or not _FOLDED_APART.isdisjoint(text):
        pattern = re.compile(_BEFORE_DEADLINE + re.escape(phrase), re.IGNORECASE)
        return pattern.sub("", text, count=1)
    found = _DEADLINE_IN.match(f"{phrase}\x00{text}")
    if found is None:
        return text
    skip = len(phrase) + 1
    return text[: found.end("before") - skip] + text[found.end() - skip :]


def deadline_check(text: str, deadline_text: str, due: dt.date) -> str:
    """The follow-up text for one deadline a claim sets."""
    what = _SAID_BEFORE.sub("", " ".join(text.split()))
    clauses = _CLAUSES.split(what)
    what = next((c for c in clauses if deadline_text.lower() in c.lower()), what)
    what = _without_deadline(what, deadline_text)
    what = _SAID_AFTER.sub("", what).strip().rstrip(".!;:,").strip()
    promise = _PROMISE.search(what)
    if promise is not None:
        verb, rest = promise["verb"].lower(), promise["rest"].strip()
        first = rest.split(maxsplit=1)[0].lower() if rest else ""
        if verb not in _NOT_TRANSITIVE and rest and first not in _NO_OBJECT:
            what = f"{rest} {participle(verb)}"
    return f"Check: {what} (deadline {due.isoformat()})"
