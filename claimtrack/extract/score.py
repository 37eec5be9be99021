"""How check-worthy a sentence is, and what kind of claim it makes.

The score is a calibrated probability from a learned linear model
(checkworthy.py, trained by scripts/train_checkworthy.py on ClaimBuster's
debate sentences and claimtrack's labelled news). Its inputs are the
sentence's terms and the hand-made features read here, which follow what
fact-checkers look for (ClaimBuster, Full Fact): numbers, dates and deadlines,
named entities, attribution, comparisons, commitments, predictions, past
events; and what they skip: opinions, questions, headings, boilerplate,
fragments. `CheckWorthiness.features` lists the features that fired and the
strongest terms with their weights, so a reviewer can read why a sentence
scored as it did. Headings and boilerplate score 0 whatever the model says.

`classify_kind` orders the kinds as tests/extract/cases/README.md documents:
rule > opinion > commitment > prediction > quantity > causation > comparison >
attribution > event > other. A commitment or forecast that carries a number is
a commitment or a prediction, its quantities attached ("plans to produce
between 600 and 800 interceptor drones daily" is a commitment). A bare "will"
commits only an agent to an action ("Ukraine will establish offices"); "readers
will find" is neither.

The wording features come from one pass over the sentence's words: each word
starts a lookup of the next one to five words in a table of cue phrases, so the
cost is linear in the sentence length and independent of how many cues exist.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from claimtrack.extract.checkworthy import Explanation, load_model, sentence_terms
from claimtrack.extract.types import ClaimKind, DateMention, Quantity, Speaker

__all__ = [
    "FEATURES",
    "CheckWorthiness",
    "Signals",
    "claim_threshold",
    "classify_kind",
    "explain",
    "probability",
    "score_sentence",
    "sentence_signals",
]


# The hand-made features the scorer can fire. Their weights are learned with
# the terms' (checkworthy.py); headings and boilerplate are never claims.
FEATURES: tuple[str, ...] = (
    "quantity",
    "more_quantities",
    "date",
    "deadline",
    "named_entity",
    "multiword_entity",
    "speaker",
    "attribution",
    "contested",
    "comparison",
    "ranking",
    "commitment",
    "prediction",
    "causation",
    "rule",
    "past_event",
    "scheduled",
    "opinion",
    "first_person",
    "scare_quote",
    "direct_quote",
    "question",
    "exclamation",
    "unterminated",
    "fragment",
    "short",
    "boilerplate",
    "boilerplate_lead",
    "vague",
    "heading",
)
_TERMINATORS = (".", "!", "?", "…", ":", ";")
# The weight shown for a heading or boilerplate, which score 0 whatever else fired.
NEVER_A_CLAIM_WEIGHT = -1.0


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
        "poised to|suggest|suggests"
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
        "will host|will run|will close|will end|will finish|will resume|will kick off"
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
_BARE_FUTURE = _lexicon("will|would|is set to|are set to|is due to|are due to|is to|are to")
# Words that can head a subject able to commit to an action (singular forms too).
_AGENT_WORDS = _lexicon(
    "we|i|he|she|they|government|governments|ministry|minister|president|prime|chancellor|"
    "administration|authority|authorities|council|city|state|country|company|firm|group|"
    "party|bank|board|committee|commission|agency|department|office|army|military|police|"
    "union|university|school|hospital|club|team|league|federation|official|officials|"
    "ministers|leaders|leader|mayor|governor|parliament|congress|senate|lawmakers|court|"
    "regulator|operator|manufacturer|airline|retailer|developer|owner|ceo|chief|executive"
)
# Subjects that cannot promise anything (the readers of the piece, dummy pronouns).
_NOT_AGENTS = _lexicon(
    "readers|reader|visitors|viewers|users|fans|customers|consumers|passengers|travellers|"
    "travelers|residents|people|you|it|this|that|these|those|there|everyone|anyone|nobody|"
    "many|most|some|few|others|what|which|who"
)
_ORGANISATION_PRONOUNS = _lexicon("it")
# Words after "is due to" that start a cause, not an infinitive.
_NOT_A_VERB = _lexicon(
    "a|an|the|its|their|his|her|our|this|that|these|those|high|low|poor|bad|heavy|strong|"
    "weak|lower|higher|more|less|rising|falling|increased|reduced|lack|concerns|fears"
)
_SCHEDULING_FUTURE = _lexicon("is set to|are set to|is due to|are due to")
_NOT_FORECASTING = _lexicon(
    "beating|beat|beats|missed|missing|than|above|below|of|the|analysts|economists|with"
)
_CALENDAR_WORDS = _lexicon(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
# Verbs after "will" that describe a state or an experience, not an action.
_STATIVE_VERBS = _lexicon(
    "find|see|feel|notice|enjoy|love|like|know|remember|get|need|want|seem|look|become|"
    "remain|have|hear|learn|understand|agree|depend|matter|happen|come|go|continue|help|"
    "probably|likely|also|still|always|never"
)
_PARTICIPLES = _lexicon(
    "built|made|set|given|taken|sent|paid|held|spent|sold|cut|shut|put|run|won|lost|"
    "drawn|shown|known|led|kept|brought|bought|begun|done|met"
)
# Words that end the subject of a "will" clause when walking back from it.
_CLAUSE_OPENERS = _lexicon("that|and|but|or|because|while|if|when|as|so|said|says|which|who")
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
# After rule, opinion, commitment, prediction and quantity: each kind and the features that make it, first wins.
_KINDS_AFTER_QUANTITY: tuple[tuple[ClaimKind, frozenset[str]], ...] = (
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
    """A calibrated probability in [0, 1] and what pushed it up or down.

    `features` holds every hand-made feature that fired, every pair of them the
    model weighs (`"pair:commitment+deadline"`) and the strongest terms
    (`"term:plans to"`), each with its weight in the model.
    """

    score: float
    features: Mapping[str, float]


class Signals(NamedTuple):
    """What the scorer reads from one sentence: the features that fired, and its terms."""

    fired: list[str]
    terms: list[str]

    @property
    def never_a_claim(self) -> bool:
        """A heading or boilerplate: score 0 whatever the model says."""
        return "heading" in self.fired or "boilerplate" in self.fired


def score_sentence(
    text: str,
    *,
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    speaker: Speaker | None = None,
    is_heading: bool = False,
    domain: str = "news",
) -> CheckWorthiness:
    """Score how check-worthy `text` is, with the reasons.

    `domain` is "news" for articles; "debate" scores transcript sentences the
    way the model saw them in training (ClaimBuster).
    """
    signals = sentence_signals(text, quantities, dates, speaker, is_heading)
    score = probability(signals, domain)
    return CheckWorthiness(score, explain(signals, domain))


def sentence_signals(
    text: str,
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    speaker: Speaker | None = None,
    is_heading: bool = False,
) -> Signals:
    """The features that fired (structure first, then wording) and the model's terms."""
    fired = _structure_features(quantities, dates, speaker)
    wording, terms = _text_features(text)
    fired.extend(wording)
    if is_heading:
        fired.append("heading")
    return Signals(fired, terms)


def probability(signals: Signals, domain: str = "news") -> float:
    """The model's calibrated probability; 0 for headings and boilerplate."""
    if signals.never_a_claim:
        return 0.0
    model = load_model()
    return model.probability(model.margin(signals.terms, signals.fired, domain), domain)


def claim_threshold(domain: str = "news") -> float:
    """The score from which a sentence is a claim: the best F1 on the model's dev data."""
    return load_model().thresholds[domain]


def explain(signals: Signals, domain: str = "news") -> Mapping[str, float]:
    """Why a sentence scored as it did: the fired features and strongest terms, weighted.

    The weights are those `probability` used for `domain`: each domain has its
    own. Worked out when first read: most sentences' reasons never are.
    """
    if signals.never_a_claim:
        return {name: NEVER_A_CLAIM_WEIGHT for name in signals.fired if name in _NEVER_A_CLAIM}
    return Explanation(load_model(), signals.terms, signals.fired, domain)


def _structure_features(
    quantities: Sequence[Quantity], dates: Sequence[DateMention], speaker: Speaker | None
) -> list[str]:
    """Features from what the other extractors found in the sentence."""
    fired = []
    if quantities:
        fired.append("quantity")
        if len(quantities) > 1:
            fired.append("more_quantities")
    if dates:
        fired.append("date")
        if any(mention.role == "deadline" for mention in dates):
            fired.append("deadline")
    if speaker is not None:
        fired.append("speaker")
    return fired


def _text_features(text: str) -> tuple[list[str], list[str]]:
    """Features read from the wording of the sentence, in a fixed order, and the model's terms."""
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
    future = _future_reading(words, lowers, hits, cues) if "commitment" in cues else None
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
    if not ending.endswith(_TERMINATORS):
        fired.append("unterminated")  # a headline, caption, list item or menu line
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
    if future == "commitment" and "scheduled" not in cues:
        fired.append("commitment")
    if (
        ("prediction" in cues and _predicts(lowers, hits))
        or future == "prediction"
        or "may" in words
    ):
        fired.append("prediction")
    if "causation" in cues and _causes(words, lowers, hits):
        fired.append("causation")
    if "rule" in cues or _is_rule(words, lowers):
        fired.append("rule")
    if "past" in cues or _has_past_tense(spaced):
        fired.append("past_event")
    if "scheduled" in cues:
        fired.append("scheduled")
    return fired, sentence_terms(lowered, lowers)


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
                phrase_features = _CUE_INDEX.get(phrase)
                if phrase_features:
                    hits.append((index, length, phrase_features))
    return hits


def _future_reading(
    words: list[str], lowers: list[str], hits: list[_Hit], cues: set[str]
) -> str | None:
    """Whether the sentence's first future cue is a commitment, a prediction, or neither.

    A plan or pledge word ("plans to", "pledged", "vowed") commits its actor.
    A bare future ("will", "would", "is set to", "is due to") commits only an
    agent (a name, a government, a company, "we") to an action ("will open"),
    or anyone to a passive action ("will be offered"); a future state is a
    forecast ("would be out for weeks"), and so is anything an impersonal
    subject will do ("inflation will ease"). After anyone else ("readers will
    find") it is neither.
    """
    index, length, _ = next(hit for hit in hits if "commitment" in hit[2])
    if "impersonal" in cues and any(
        "impersonal" in features and at < index for at, _, features in hits
    ):
        return "prediction"
    cue = " ".join(lowers[index : index + length])
    if cue not in _BARE_FUTURE:
        return "commitment"
    if any("prediction" in f and index <= at < index + length for at, _, f in hits):
        return "prediction"  # "is set to reach"
    subject = _subject_before(words, lowers, index)
    if not subject or (lowers[subject[-1]] in _NOT_AGENTS and lowers[subject[-1]] != "it"):
        return None
    at = index + length
    verb = lowers[at] if at < len(lowers) else ""
    if verb in ("not", "also", "now", "soon", "then"):
        at += 1
        verb = lowers[at] if at < len(lowers) else ""
    if verb == "be":
        after = lowers[at + 1] if at + 1 < len(lowers) else ""
        # "will be offered" is a promised action; "will be the first" a forecast.
        return "commitment" if after.endswith("ed") or after in _PARTICIPLES else "prediction"
    if verb in _STATIVE_VERBS:
        return None
    # A thing scheduled ("the centre is due to open") needs no agent; "will" does.
    if cue in _SCHEDULING_FUTURE or _is_agent(subject, words):
        return "commitment"
    return None


def _predicts(lowers: list[str], hits: list[_Hit]) -> bool:
    """A forecast cue that forecasts: not "could remember", "estimated to have saved",
    "beating forecasts"."""
    last = len(lowers) - 1
    for index, length, features in hits:
        if "prediction" not in features:
            continue
        after = lowers[index + length] if index + length <= last else ""
        before = lowers[index - 1] if index else ""
        cue = lowers[index]
        if cue in ("could", "might") and after in _STATIVE_VERBS:
            continue
        if after == "have" and length > 1:
            continue  # an estimate of the past
        if cue.startswith("forecast") and before in _NOT_FORECASTING:
            continue  # the noun: "beating forecasts"
        return True
    return False


def _causes(words: list[str], lowers: list[str], hits: list[_Hit]) -> bool:
    """A causal cue that is one: "is due to open" schedules, "is due to rain" explains."""
    for index, length, features in hits:
        if "causation" not in features:
            continue
        if lowers[index] != "due" or index == 0 or lowers[index - 1] not in _COPULAS:
            return True
        after = words[index + length] if index + length < len(words) else ""
        if not after or after[:1].isupper() or after.lower() in _NOT_A_VERB:
            return True
        if after.endswith(("s", "ing", "ed")):
            return True
    return False


def _subject_before(words: list[str], lowers: list[str], index: int) -> list[int]:
    """Indexes of the words before `index` back to a clause break ("that", "and", a start)."""
    start = index
    while start > 0 and index - start < 6 and lowers[start - 1] not in _CLAUSE_OPENERS:
        start -= 1
    return list(range(start, index))


def _is_agent(subject: list[int], words: list[str]) -> bool:
    """Someone who can commit: a name, an institution, a first- or third-person pronoun."""
    if len(subject) == 1 and words[subject[0]].lower() in _ORGANISATION_PRONOUNS:
        # "The ministry said it will": "it" stands for an agent named before it.
        earlier = list(range(subject[0]))
        return bool(earlier) and _is_agent(earlier[-6:], words)
    for position in subject:
        word = words[position]
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if lower in _NOT_AGENTS:
            return False
        if lower in _AGENT_WORDS or lower.rstrip("s") in _AGENT_WORDS:
            return True
        is_name = word[:1].isupper() and lower not in _CALENDAR_WORDS
        if is_name and (position > subject[0] or len(subject) == 1):
            return True  # a name ("Ukraine will", "the Bundeswehr will")
    return False


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
    features: Collection[str] | None = None,
) -> ClaimKind:
    """The claim's kind, first matching rule wins (see the module docstring).

    `features` are the names of the features that fired (a `Signals.fired`
    list or a `CheckWorthiness.features` dict); scored afresh when absent.
    """
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
    # A promise or forecast is what gets checked, figures and all ("plans to
    # produce 600 to 800 drones a day"); its quantities stay attached.
    if "commitment" in fired:
        return "commitment"
    if "prediction" in fired:
        return "prediction"
    if quantities:
        return "quantity"
    for kind, signals in _KINDS_AFTER_QUANTITY:
        if not signals.isdisjoint(fired):
            return kind
    return "other"
