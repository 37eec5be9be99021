"""How check-worthy a sentence is, and what kind of claim it makes.

The score is deliberately transparent: a base value plus one weight per
feature that fired, clamped to [0, 1]. `CheckWorthiness.features` holds every
weight that was added, so a reviewer can read why a sentence scored as it did
("quantity +0.30, opinion -0.45"). The features follow what fact-checkers look
for (ClaimBuster, Full Fact): numbers, dates and deadlines, named entities,
attribution, comparisons, commitments, predictions, past events; and what they
skip: opinions, questions, headings, boilerplate, fragments.

`classify_kind` orders the kinds as tests/extract/cases/README.md documents:
rule > opinion > quantity > commitment > prediction > causation > comparison >
attribution > event > other. A commitment or forecast that carries a number is
a *quantity*: the figure is what a fact-checker will verify ("plans to produce
between 600 and 800 interceptor drones daily").

The wording features come from one pass over the sentence's words: each word
starts a lookup of the next one to five words in a table of cue phrases, so the
cost is linear in the sentence length and independent of how many cues exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from claimtrack.extract.types import ClaimKind, DateMention, Quantity, Speaker

__all__ = ["DEFAULT_THRESHOLD", "WEIGHTS", "CheckWorthiness", "classify_kind", "score_sentence"]

DEFAULT_THRESHOLD = 0.5

# One weight per feature; positive features raise the score, penalties lower it.
WEIGHTS: dict[str, float] = {
    "base": 0.2,
    "quantity": 0.3,
    "more_quantities": 0.05,
    "date": 0.1,
    "deadline": 0.1,
    "named_entity": 0.1,
    "multiword_entity": 0.05,
    "speaker": 0.1,
    "attribution": 0.1,
    "contested": 0.2,
    "comparison": 0.25,
    "ranking": 0.2,
    "commitment": 0.2,
    "prediction": 0.2,
    "causation": 0.2,
    "rule": 0.2,
    "past_event": 0.1,
    "scheduled": 0.0,
    "opinion": -0.45,
    "first_person": -0.15,
    "scare_quote": -0.3,
    "direct_quote": -0.15,
    "question": -0.6,
    "exclamation": -0.3,
    "fragment": -0.3,
    "short": -0.1,
    "boilerplate": -1.0,
    "boilerplate_lead": -0.15,
    "vague": -0.25,
    "heading": -1.0,
}


def _lexicon(phrases: str) -> frozenset[str]:
    """Cue phrases written `|`-separated, lower-case, words separated by one space."""
    return frozenset(phrases.split("|"))


# Each wording feature's cue phrases, matched on whole lower-cased words.
CUES: dict[str, frozenset[str]] = {
    "opinion": _lexicon(
        "must|should|shouldn't|shouldn’t|ought to|need to|needs to|have to|believe|"
        "believes|i think|we think|deserve|deserves|disgrace|disgraceful|shameful|"
        "too late|fit for purpose|the best|the greatest|brilliant|terrible|what a|"
        "the only way|never seen|is needed|are needed|simply the"
    ),
    "commitment": _lexicon(
        "will|would|plan to|plans to|planned to|planning to|pledge|pledged|pledges|"
        "promise|promised|promises|vow|vowed|vows|aim to|aims to|aiming to|intend to|"
        "intends to|intended to|committed to|commits to|is set to|are set to|is due to|"
        "are due to|to launch|to establish|plans|is to|are to"
    ),
    "prediction": _lexicon(
        "expected to|expects|expect|forecast|forecasts|projected|predicted|predicts|"
        "likely to|unlikely to|could|might|set to reach|on track to|estimated to|"
        "poised to|suggest|suggests|warn that|warned that"
    ),
    # Subjects that cannot promise anything: "will" after them is a forecast.
    "impersonal": _lexicon(
        "inflation|prices|rates|temperature|temperatures|rain|snow|growth|economy|"
        "demand|sea level|sea levels|emissions|unemployment|the heatwave|heat|the storm|"
        "market|markets|the ruling party|turnout|cost|costs"
    ),
    # A scheduled event rather than a promise ("will go to the polls").
    "scheduled": _lexicon(
        "will be held|will take place|will go to the polls|will open|will begin|"
        "will start|will face|will play|will return|will address|will meet|will visit|"
        "will host|will run|will close"
    ),
    "causation": _lexicon(
        "caused|causes|cause of|because of|due to|led to|leads to|leading to|"
        "as a result of|resulted in|results in|driven by|linked to|blamed on|fuelled by|"
        "fueled by|triggered|contributes to|contributed to|is driving|are driving|"
        "pushed up|pushing up|drove up"
    ),
    # A rule asserted, not merely mentioned: "violating the league's rules" is
    # not a rule claim; "requires" and "under the new rules" are (see _is_rule).
    "rule": _lexicon(
        "require|requires|required to|illegal|mandatory|obliged to|have until|has until|"
        "outlawed|prohibit|prohibits|banned|ban|bans|legislation|new law|new rules|"
        "new regulations|a tax on|the tax on|levy on"
    ),
    "comparison": _lexicon(
        "higher than|lower than|more than any|less than any|bigger than|smaller than|"
        "larger than|greater than|worse than|better than|fewer than any|largest|highest|"
        "lowest|biggest|smallest|worst|record|doubled|tripled|halved|overtook|overtaken|"
        "outpaced|compared with|compared to|up from|down from|the most|the least|"
        "first time|on record|unchanged from|consecutive|in a row"
    ),
    "ranking": _lexicon(
        "ranked|ranks|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    ),
    "attribution": _lexicon(
        "said|says|say|told|stated|states|announced|announces|revealed|noted|emphasized|"
        "emphasised|assert|asserts|asserted|claimed|claims|denies|denied|accused|alleged|"
        "alleges|confirmed|confirms|insisted|warned|reported|according to|estimates|"
        "found|show|showed|suggest|suggests|wrote"
    ),
    "contested": _lexicon(
        "assert|asserts|asserted|claimed|claims|denies|denied|accused|alleged|alleges|"
        "insisted|disputed|rejected"
    ),
    # Lines that are boilerplate wherever they start: navigation, credits, promotion.
    "boilerplate": _lexicon(
        "read more|subscribe|sign up|follow us|follow our|reporting by|editing by|"
        "additional reporting|writing by|photo|image|click here|thank you for reading|"
        "related|advertisement|share this article"
    ),
    # Stock phrases: boilerplate alone, a mild penalty when a real claim follows.
    "stock": _lexicon(
        "the situation remains fluid|continuous updates on|stay tuned|all rights reserved|"
        "live coverage|newsletter|for the latest updates|more to follow|"
        "this is a developing story"
    ),
    "vague": _lexicon(
        "monitoring the situation|remains to be seen|remain jittery|through the night|"
        "fully focused|watching closely|time will tell"
    ),
    "past": _lexicon(
        "won|lost|beat|fell|rose|grew|made|met|held|hit|cut|paid|set|shot|struck|sent|"
        "went|took|gave|became|began|spent|sold|bought|stood|drew|left|burnt|shrank|"
        "overtook|was|were|had been|has been|have been"
    ),
}


def _index(cues: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Phrase → the features it signals, for lookup while scanning the words."""
    index: dict[str, set[str]] = {}
    for feature, phrases in cues.items():
        for phrase in phrases:
            index.setdefault(phrase, set()).add(feature)
    return {phrase: frozenset(features) for phrase, features in index.items()}


_CUE_INDEX = _index(CUES)


class _CueStart(NamedTuple):
    """What a word that begins a cue can lead to."""

    features: frozenset[str]  # signalled by the word alone (empty if it is no cue alone)
    next_words: frozenset[str]  # second words of the longer cues it begins


def _cue_starts(phrases: Iterable[str]) -> dict[str, _CueStart]:
    """Each word that begins a cue phrase, and what it can lead to."""
    next_words: dict[str, set[str]] = {}
    for phrase in phrases:
        first, *rest = phrase.split()
        next_words.setdefault(first, set()).update(rest[:1])
    return {
        first: _CueStart(_CUE_INDEX.get(first, frozenset()), frozenset(following))
        for first, following in next_words.items()
    }


def _lengths_by_first_pair(phrases: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each pair of words that begins a multi-word cue, the word counts of its cues."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) > 1:
            lengths.setdefault(" ".join(words[:2]), set()).add(len(words))
    return {pair: tuple(sorted(counts)) for pair, counts in lengths.items()}


# Only words in _CUE_STARTS start a lookup; a longer one only when the next
# word can follow, and only for lengths that exist.
_CUE_STARTS = _cue_starts(_CUE_INDEX)
_CUE_LENGTHS = _lengths_by_first_pair(_CUE_INDEX)

_COPULAS = _lexicon("is|are|was|were|be|been|remain|remains|become|becomes|became")
_INTENSIFIERS = _lexicon("so|very|truly|absolutely|also|now|more|most")
# Evaluative adjectives count only as a predicate ("is essential"), not as a
# modifier ("essential military goods").
_EVALUATIVE = _lexicon(
    "essential|vital|crucial|imperative|significant|important|unacceptable|remarkable|"
    "outrageous|wrong|right|necessary"
)
_RULE_WORDS = _lexicon("law|rules|regulations")
_RULE_NAMES = _lexicon("Act|Bill|Directive|Regulation")  # "act" alone is a verb
_FIRST_PERSON = _lexicon("I|we|We|our|Our|us|my|My")  # case-sensitive: not "US"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# "-ed" words that are adjectives far more often than past tenses.
_NOT_PAST = _lexicon(
    "limited|based|concerned|interested|required|unidentified|unauthorized|unauthorised|"
    "advanced|united|red|need|feed|speed|indeed|hundred|embed|seed|bed|shed|wed"
)
# A short quote right after these words characterises rather than reports
# ("was 'broken'"); after "act as" it names something ("export capitals").
_CHARACTERISING = _lexicon("is|are|was|were|called|described|branded|labelled|dubbed")
_SCARE_QUOTE = re.compile(r"[“\"‘]([^”\"’“‘]{1,60})[”\"’]")
_TOKEN = re.compile(r"[\w’'&-]+")
# In ASCII text an ASCII-only `\w` finds the same words, faster.
_ASCII_TOKEN = re.compile(_TOKEN.pattern, re.ASCII)
# A regular past tense: a whole lower-case word ending in "-ed", not one of
# _NOT_PAST, among words joined by spaces. Starting on a literal space lets the
# regex engine jump from word start to word start; each word is scanned once.
_PAST_TENSE = re.compile(rf" (?=[a-z]{{3,}}ed(?: |$))(?!(?:{'|'.join(sorted(_NOT_PAST))})(?: |$))")
# Two capitalised words separated by one space: a multi-word name. Anchored at
# a word start so a long run of capitals is scanned once, not per letter; the
# capital comes first so the regex engine can skip ahead to the next one.
_MULTIWORD_NAME = re.compile(r"[A-Z](?<![\w’'&-][A-Z])[\w’'&-]* [A-Z]")
# A word after the first that starts with an ASCII capital, other than "I", in
# the words joined by single spaces.
_CAPITALISED_WORD = re.compile(r" (?!I(?: |$))[A-Z]")
_QUOTE_MARKS = '“"‘'
# After rule, opinion and quantity: each kind and the features that make it, first wins.
_KINDS_AFTER_QUANTITY: tuple[tuple[ClaimKind, frozenset[str]], ...] = (
    ("commitment", frozenset(["commitment"])),
    ("prediction", frozenset(["prediction"])),
    ("causation", frozenset(["causation"])),
    ("comparison", frozenset(["comparison", "ranking"])),
    ("event", frozenset(["scheduled"])),
    ("attribution", frozenset(["attribution"])),
    ("event", frozenset(["past_event", "date"])),
)
# Features of sentences that are never claims, whatever else fired.
_NEVER_A_CLAIM = frozenset(["heading", "boilerplate", "question", "vague", "fragment"])


# A cue phrase found: the index of its first word, its length in words, and
# the features it signals. A plain tuple: a NamedTuple costs more to build.
_Hit = tuple[int, int, frozenset[str]]


class CheckWorthiness(NamedTuple):
    """A score in [0, 1] and the weight each fired feature contributed to it."""

    score: float
    features: dict[str, float]


def score_sentence(
    text: str,
    *,
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    speaker: Speaker | None = None,
    is_heading: bool = False,
) -> CheckWorthiness:
    """Score how check-worthy `text` is from its features and extracted structure."""
    features = _structure_features(quantities, dates, speaker)
    fired = _text_features(text)
    if is_heading:
        fired.append("heading")
    for name in fired:
        features[name] = WEIGHTS[name]  # each fires at most once: set, not summed
    if "heading" in features or "boilerplate" in features:
        return CheckWorthiness(0.0, features)  # never a claim, whatever else fired
    total = sum(features.values())
    # Clamped to [0, 1] as min(1.0, max(0.0, total)) would, without two calls.
    return CheckWorthiness(1.0 if total >= 1.0 else total if total > 0.0 else 0.0, features)


def _structure_features(
    quantities: Sequence[Quantity], dates: Sequence[DateMention], speaker: Speaker | None
) -> dict[str, float]:
    """The base weight, then features from what the other extractors found in the sentence."""
    features = {"base": WEIGHTS["base"]}
    if quantities:
        features["quantity"] = WEIGHTS["quantity"]
        if len(quantities) > 1:  # one weight per further quantity, two at most
            features["more_quantities"] = WEIGHTS["more_quantities"] * min(len(quantities) - 1, 2)
    if dates:
        features["date"] = WEIGHTS["date"]
        if any(mention.role == "deadline" for mention in dates):
            features["deadline"] = WEIGHTS["deadline"]
    if speaker is not None:
        features["speaker"] = WEIGHTS["speaker"]
    return features


def _text_features(text: str) -> list[str]:
    """Features read from the wording of the sentence itself, in a fixed order."""
    words = (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)
    spaced = " ".join(words)
    # Lower-casing the joined words equals lowering each one: no word holds a
    # space, and a space cuts the only context lower() reads (final sigma).
    lowered = spaced.lower()
    lowers = lowered.split(" ") if words else []
    hits = _hits(lowers)
    cues: set[str] = set()
    for _, _, features in hits:
        cues |= features
    word_count = len(words)
    # Each test below runs only when a cheap one (a cue, a character) allows it.
    boilerplate = ("boilerplate" in cues or "stock" in cues) and _is_boilerplate(word_count, hits)
    will_at = (
        next(index for index, _, features in hits if "commitment" in features)
        if "commitment" in cues
        else None
    )
    impersonal_will = (
        will_at is not None
        and "impersonal" in cues
        and any("impersonal" in features and index < will_at for index, _, features in hits)
    )
    # Whether any of _QUOTE_MARKS occurs: three scans in C. Most sentences
    # quote nothing, and the tests on quotes below then stop at once.
    quoted = "“" in text or '"' in text or "‘" in text
    ending = text.rstrip(" ”\"’')")
    fired: list[str] = []
    if boilerplate:
        fired.append("boilerplate")
    elif "stock" in cues:
        fired.append("boilerplate_lead")
    if "vague" in cues:
        fired.append("vague")
    if ending.endswith("?"):
        fired.append("question")
    if ending.endswith("!"):
        fired.append("exclamation")
    if word_count <= 3:
        fired.append("fragment")
    elif word_count <= 5:
        fired.append("short")
    if "opinion" in cues or _is_evaluative(lowers):
        fired.append("opinion")
    if _is_first_person(text, words, "opinion" in cues, quoted):
        fired.append("first_person")
    if quoted and _has_scare_quote(text):
        fired.append("scare_quote")
    if text[:1] in _QUOTE_MARKS:
        fired.append("direct_quote")  # an opening quote is more often a view (ClaimBuster)
    if _has_named_entity(spaced, words):
        fired.append("named_entity")
    if _MULTIWORD_NAME.search(text, len(words[0]) if words else 0) is not None:
        fired.append("multiword_entity")
    if "attribution" in cues:
        fired.append("attribution")
    if "contested" in cues:
        fired.append("contested")
    if "comparison" in cues:
        fired.append("comparison")
    if _is_ranking(lowered, lowers, cues):
        fired.append("ranking")
    if will_at is not None and "scheduled" not in cues and not impersonal_will:
        fired.append("commitment")
    if "prediction" in cues or impersonal_will or "may" in words:
        fired.append("prediction")
    if "causation" in cues:
        fired.append("causation")
    if "rule" in cues or _is_rule(words, lowers):
        fired.append("rule")
    if "past" in cues or _has_past_tense(spaced):
        fired.append("past_event")
    if "scheduled" in cues:
        fired.append("scheduled")
    return fired


def _hits(lowers: list[str]) -> list[_Hit]:
    """Every cue phrase among the lower-cased words, in order, overlapping ones included."""
    hits: list[_Hit] = []
    last = len(lowers) - 1
    for index, first in enumerate(lowers):
        if first not in _CUE_STARTS:
            continue  # most words: one lookup
        features, next_words = _CUE_STARTS[first]
        if features:
            hits.append((index, 1, features))
        if index < last and lowers[index + 1] in next_words:
            pair = f"{first} {lowers[index + 1]}"
            for length in _CUE_LENGTHS[pair]:
                phrase = pair if length == 2 else " ".join(lowers[index : index + length])
                features = _CUE_INDEX.get(phrase)
                if features:
                    hits.append((index, length, features))
    return hits


def _is_boilerplate(word_count: int, hits: list[_Hit]) -> bool:
    """Boilerplate that is the whole sentence, not a lead-in to a real claim."""
    for index, length, features in hits:
        if "boilerplate" in features and (index == 0 or word_count <= 8):
            return True
        if "stock" in features and word_count - (index + length) < 4:
            return True
    return False


def _is_evaluative(lowers: list[str]) -> bool:
    """A copula followed by an evaluative adjective: "is essential", "was so important"."""
    if _COPULAS.isdisjoint(lowers):
        return False  # one set operation in C for most sentences
    for index, lower in enumerate(lowers[:-1]):
        if lower not in _COPULAS:
            continue
        following = lowers[index + 1]
        if following in _INTENSIFIERS and index + 2 < len(lowers):
            following = lowers[index + 2]
        if following in _EVALUATIVE:
            return True
    return False


def _is_first_person(text: str, words: list[str], has_opinion: bool, quoted: bool) -> bool:
    """The writer or a quoted speaker talks about themselves ("we", "our")."""
    if text[:1] in _QUOTE_MARKS and has_opinion:
        return True  # a sentence opening on a quoted view
    if _FIRST_PERSON.isdisjoint(words):
        return False
    if quoted:
        # Only first-person words outside short quotes: a quoted "we" is not the writer's.
        words = _TOKEN.findall(_SCARE_QUOTE.sub(" ", text))
    return not _FIRST_PERSON.isdisjoint(words)


def _has_scare_quote(text: str) -> bool:
    """A short quoted characterisation ("was 'broken'", "called it 'a code red'")."""
    for match in _SCARE_QUOTE.finditer(text):
        quoted = match.group(1)
        if len(quoted.split()) > 6 or any(ch.isdigit() for ch in quoted):
            continue
        lead_in = text[max(0, match.start() - 40) : match.start()].lower().split()[-3:]
        if _CHARACTERISING.intersection(lead_in):
            return True
    return False


def _has_named_entity(spaced: str, words: list[str]) -> bool:
    """A capitalised word other than the first and "I": likely part of a name."""
    if _CAPITALISED_WORD.search(spaced) is not None:
        return True  # in C, for the common case
    # Only another script's capital is left to find, word by word.
    return not spaced.isascii() and any(word[:1].isupper() and word != "I" for word in words[1:])


def _is_ranking(lowered: str, lowers: list[str], cues: set[str]) -> bool:
    """An ordinal position stated as a fact ("ranked fourth", "the second-largest")."""
    # `lowered` is the lower-cased words joined by spaces: "rank" cannot span a
    # joining space, so this is "rank" in any word.
    if "comparison" not in cues and "rank" not in lowered:
        return False
    return "ranking" in cues or any(_ORDINAL.fullmatch(lower) for lower in lowers)


def _is_rule(words: list[str], lowers: list[str]) -> bool:
    """A named instrument ("the Climate Protection Act") or "under the (new) law/rules"."""
    if not _RULE_NAMES.isdisjoint(words):
        return True
    if "under" not in lowers:
        return False  # the common case, one scan in C
    return any(
        lower == "under" and _RULE_WORDS.intersection(lowers[index + 1 : index + 4])
        for index, lower in enumerate(lowers)
    )


def _has_past_tense(spaced: str) -> bool:
    """A regular past-tense verb ("launched", "approved"), lower-case as verbs are.

    `spaced` is the sentence's words joined by single spaces; one more in front
    lets the regex find every word by its leading space.
    """
    return _PAST_TENSE.search(" " + spaced) is not None


def classify_kind(
    text: str,
    *,
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    speaker: Speaker | None = None,
    features: dict[str, float] | None = None,
) -> ClaimKind:
    """The claim's kind, first matching rule wins (see the module docstring)."""
    fired = (
        features
        if features is not None
        else score_sentence(text, quantities=quantities, dates=dates, speaker=speaker).features
    )
    if not _NEVER_A_CLAIM.isdisjoint(fired):
        return "other"
    if "rule" in fired:
        return "rule"
    if "opinion" in fired or "scare_quote" in fired or "exclamation" in fired:
        return "opinion"
    if quantities:
        return "quantity"
    for kind, signals in _KINDS_AFTER_QUANTITY:
        if not signals.isdisjoint(fired):
            return kind
    return "other"
