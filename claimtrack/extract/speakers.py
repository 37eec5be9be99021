"""Who a sentence attributes its statement to.

`find_speaker` tries attribution patterns from the most to the least specific:

1. ``according to X`` (also "according to a statement from X")
2. ``X, the <role> of Y, said`` — an appositive between the name and the verb
3. ``announced by X`` / ``stated by X``
4. ``X said|says|stated|noted|…`` — the capitalised chain right before the verb
   (``In an interview with RND, Minister Katherina Reiche stated`` works because
   the chain stops at the comma)
5. ``said X`` — the inverted form after a quotation
6. ``He|She said`` — a pronoun resolved through `SpeakerContext`

Titles in front of a name become the role ("Economy and Energy Minister
Katherina Reiche" → name "Katherina Reiche", role "Economy and Energy
Minister"). A `SpeakerContext` passed from sentence to sentence of one article
remembers full names, so "Zelensky" and "He" resolve to "Volodymyr Zelensky".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from claimtrack.extract.patterns import word_trie
from claimtrack.extract.types import Speaker

__all__ = ["SpeakerContext", "find_speaker"]

# Verbs of speech: the subject (or the inverted name after them) is the speaker.
_SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stated|states|announced|announces|"
    "revealed|reveals|emphasized|emphasised|emphasizes|emphasises|asserted|asserts|assert|"
    "claimed|claims|warned|warns|insisted|insists|explained|explains|argued|argues|wrote|writes|"
    "confirmed|confirms|declared|declares|stressed|stresses|acknowledged|acknowledges|"
    "admitted|admits|denied|denies|maintained|maintains|cautioned|cautions|contended|contends|"
    "countered|counters|replied|responded|remarked|affirmed|affirms|reiterated|reiterates|"
    "called|calls|accused|accuses|"
    "pointed\\s+out|points\\s+out|made\\s+clear|has\\s+said|have\\s+said|had\\s+said"
)
# Weaker verbs, tried only when no verb of speech gives a speaker ("Germany has
# pledged €9 billion…, Minister X said" is X's statement).
_OTHER_VERBS = (
    "estimated|estimates|predicted|predicts|pledged|pledges|vowed|vows|promised|promises|"
    "reported|reports|disclosed|discloses|signalled|signaled|suggested|suggests|indicated|"
    "indicates|observed|highlighted|highlights|underlined|underscored|underscores|forecast|"
    "forecasts|projected|projects|recalled|found|finds|showed|shows"
)


def _verb_trie(verbs: str) -> str:
    """A verb alternation as a prefix trie: the same words, one branch tried per character."""
    return word_trie(verbs.replace("\\s+", " ").split("|"))


# The word boundary comes first: inside a word, where most positions are, it
# fails sooner than the class, which then skips positions that cannot start a verb.
_SPEECH_VERB = re.compile(rf"\b(?=[a-z]){_verb_trie(_SPEECH_VERBS)}\b")
_OTHER_VERB = re.compile(rf"\b(?=[a-z]){_verb_trie(_OTHER_VERBS)}\b")
_PASSIVE_VERBS = (
    "announced|stated|revealed|said|made|reported|confirmed|disclosed|claimed|"
    "presented|unveiled|declared|proposed|outlined|published|released"
)
_PASSIVE_BY = re.compile(rf"\b(?=[a-z]){_verb_trie(_PASSIVE_VERBS)}\s+by\s+")
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:new|recent|latest|official|preliminary)\s+)?"
    r"(?:(?:statement|report|data|figures|estimates?|survey|study|analysis|post|interview|"
    r"comments|remarks|spokesperson|spokesman|spokeswoman)\s+(?:from|by|of|released\s+by|"
    r"published\s+by|issued\s+by)\s+)?"
)
# Initials ("U.S."), a word with an optional period, a number, or one mark. The
# two letter branches share their first letter, so a plain word does not enter
# the (costlier) repeat of initials. One capturing group: `split` returns the
# tokens between the text that separates them, in one flat list.
_TOKEN_SPLIT = re.compile(r"([^\W\d_](?:\.(?:[^\W\d_]\.)+|[\w’'\-]*\.?)|\d(?:[\d.,]*\d)?|[^\w\s])")
_CONNECTORS = frozenset(
    ["and", "&", "of", "for", "the", "de", "del", "della", "da", "dos", "das", "van", "von", "der",
     "den", "la", "le", "al", "bin", "ibn", "el"]
)  # fmt: skip
_TITLE_WORDS = frozenset(
    ["president", "vice-president", "minister", "chancellor", "secretary", "secretary-general",
     "general", "gen", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "major",
     "maj.", "captain", "capt.", "commander", "sergeant", "senator", "sen.", "sen",
     "representative", "rep.", "rep", "governor", "gov.", "gov", "mayor", "ceo", "cfo", "coo",
     "cto", "chief", "executive", "chairman", "chairwoman", "chair", "chairperson", "spokesperson",
     "spokesman", "spokeswoman", "director", "ambassador", "commissioner", "envoy", "king",
     "queen", "prince", "princess", "pope", "judge", "justice", "dr.", "dr", "prof.", "prof",
     "professor", "premier", "speaker", "leader", "head", "founder", "analyst", "economist",
     "deputy", "prosecutor", "attorney", "minister-president", "mp", "mep", "sheikh", "emir",
     "sultan", "chancellor", "lord", "lady", "sir", "dame", "mr.", "mr", "mrs.", "mrs", "ms.",
     "ms", "officer", "official", "inspector", "superintendent", "coach", "manager", "boss",
     "owner", "researcher", "scientist", "president-elect"]
)  # fmt: skip
# Honorifics are stripped but are not a role.
_HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "sir", "dame"])
# Capitalised words that open a sentence without being part of a name.
_NOT_NAMES = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "them", "their",
     "we", "our", "i", "you", "he", "she", "his", "her", "yesterday", "today", "tomorrow",
     "meanwhile", "however", "but", "and", "also", "then", "still", "now", "later", "earlier",
     "separately", "speaking", "in", "on", "at", "as", "after", "before", "when", "while", "if",
     "for", "with", "from", "by", "of", "so", "yet", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "officials", "experts", "analysts", "critics", "observers",
     "sources", "reports", "data", "figures", "studies", "researchers", "people", "residents",
     "many", "some", "most", "others", "several", "both", "all", "each", "authorities", "police",
     "doctors", "nurses", "scientists", "economists", "lawmakers", "legislators", "investors",
     "traders", "residents", "witnesses", "activists", "campaigners", "workers", "unions",
     "voters", "fans", "players", "teachers", "diplomats", "ministers", "leaders", "scientists",
     "engineers", "forecasters", "meteorologists", "manufacturers", "companies", "firms", "banks",
     "governments"]
)  # fmt: skip
_ORG_WORDS = frozenset(
    ["ministry", "agency", "union", "bank", "office", "council", "commission", "department",
     "committee", "organization", "organisation", "institute", "university", "company", "inc",
     "inc.", "corp", "corp.", "ltd", "ltd.", "group", "party", "forces", "army", "navy",
     "government", "parliament", "court", "service", "authority", "news", "times", "post",
     "reuters", "associated", "press", "fund", "board", "bureau", "administration", "cabinet",
     "kremlin", "pentagon", "nato", "un", "eu", "who", "imf", "opec", "police", "command", "staff",
     "federation", "association", "league", "club", "fc", "conference", "assembly", "senate",
     "congress", "tribunal", "foundation", "trust", "network", "alliance", "coalition", "movement",
     "centre", "center"]
)  # fmt: skip
# Words that end a description: a name after them is not the one described.
_STOP_DESCRIPTOR = frozenset(
    ["in", "on", "at", "of", "for", "from", "by", "with", "to", "and", "or", "that", "which", "who"]
)
# Capitalised title words ("President", "CEO"): a prefix, so "Presidential" counts too.
_TITLES_PATTERN = word_trie(
    {w[0].upper() + w[1:] for w in _TITLE_WORDS if w[0].isalpha()}
    | {w.upper() for w in _TITLE_WORDS if len(w) <= 3 and w.isalpha()}
)
# Any attribution cue (the union of the four patterns above), or a title word:
# one trie scan decides most sentences without tokenising them.
_VERBS_PATTERN = _verb_trie(_SPEECH_VERBS + "|" + _OTHER_VERBS)
_CUE = rf"{_VERBS_PATTERN}\b|{_verb_trie(_PASSIVE_VERBS)}\s+by\s+|[Aa]ccording\s+to\s+"
_CUE_OR_TITLE = re.compile(rf"\b(?=[A-Za-z])(?:(?P<cue>{_CUE})|{_TITLES_PATTERN})")
_ANY_CUE = re.compile(rf"\b(?=[A-Za-z])(?:{_CUE})")
# A capitalised token that is a title word in any case ("PRESIDENT", "Gen."): without
# one, a sentence has no titled name to learn. No \b, so "5President" counts too.
_ANY_TITLE = re.compile(rf"(?=[A-Z])(?i:{word_trie(_TITLE_WORDS)})")
# Words that may follow an inverted speaker ("said Zelensky on Monday").
_AFTER_INVERSION = frozenset(
    ["on", "in", "at", "during", "yesterday", "today", "tonight", "last", "this", "earlier",
     "later", "who", "when", "after", "before", "adding", "while", "as", "in"]
)  # fmt: skip
# Lower-case words that may sit in a role in front of a name ("former president").
_ROLE_MODIFIERS = frozenset(
    ["former", "acting", "interim", "deputy", "vice", "foreign", "defence", "defense", "finance",
     "health", "economy", "interior", "prime", "chief", "senior", "junior", "top", "lead", "then",
     "outgoing", "incoming", "climate", "military", "intelligence", "trade", "energy", "security",
     "justice", "education", "transport", "environment", "opposition", "party", "central", "bank",
     "army", "police", "football", "team", "club", "state", "national", "regional", "local",
     "federal"]
)  # fmt: skip
# Verb forms that are also plural nouns ("US states", "EU claims").
_NOUN_LIKE_VERBS = frozenset(
    ["states", "notes", "claims", "reports", "calls", "estimates", "forecasts", "projects",
     "promises", "pledges", "vows", "highlights", "indicates", "suggests", "underscores",
     "counters", "cautions"]
)  # fmt: skip
_NOUN_PHRASE_OPENERS = frozenset(
    ["across", "in", "of", "from", "for", "with", "by", "to", "among", "all", "both", "many",
     "several", "some", "other", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten"]
)  # fmt: skip
# Places: a name after these is where something is, not who speaks. Authors
# ("an analysis for Carbon Brief found", "data from the ONS showed") stay.
_PREPOSITIONS = frozenset(
    ["in", "at", "near", "across", "to", "into", "on", "among", "outside", "inside", "within",
     "via"]
)  # fmt: skip
_PRONOUNS = {"he": "person", "she": "person", "they": "org", "it": "org"}
_MAX_NAME_TOKENS = 12
# Words between a subject and its verb ("Zelensky also said", "the ministry has said").
_ADVERBS = frozenset(
    ["also", "has", "have", "had", "later", "previously", "further", "again", "repeatedly",
     "once", "recently", "publicly", "reportedly", "then", "already", "separately", "earlier",
     "firmly", "clearly"]
)  # fmt: skip
# An inverted speaker ("…,” said X") follows a quotation mark or a comma.
_BEFORE_INVERSION = frozenset([",", "”", '"', "’", "'"])
# Words of a role, never of the person after it ("Minister for Foreign Affairs Penny Wong").
_ROLE_JOINERS = frozenset(["of", "for", "and", "&", "the"])
_APPOSITIVE_ROLE = re.compile(r",\s+([^,.;”\"]{2,80})")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@dataclass(slots=True)
class _Tokens:
    """A sentence's words and punctuation marks as parallel lists, indexed by token.

    Lists rather than one object per token: tokenising is the stage's main cost,
    and most tokens are never looked at. A span of tokens (a name chain, a role)
    is a `range` of indices.
    """

    texts: list[str]
    lowers: list[str]  # texts in lower case, for the word-list lookups
    starts: list[int]
    ends: list[int]

    def is_capitalised(self, index: int) -> bool:
        """Starts with an upper-case letter (a name, title or acronym)."""
        return self.texts[index][0].isupper()

    def is_connector(self, index: int) -> bool:
        """A lower-case joiner allowed inside a name or role ("and", "of", "von")."""
        return self.lowers[index] in _CONNECTORS


@dataclass
class SpeakerContext:
    """What one article has said so far about people: full names, roles, the latest person."""

    people: dict[str, Speaker] = field(default_factory=dict)  # full name → first sighting
    last_person: Speaker | None = None
    last_org: Speaker | None = None

    def remember(self, speaker: Speaker) -> None:
        """Note a speaker so later short forms and pronouns resolve to them."""
        if _is_person(speaker):
            known = self.people.get(speaker.name)
            if known is None or (known.role is None and speaker.role):
                self.people[speaker.name] = speaker
            self.last_person = self.people[speaker.name]
        else:
            self.last_org = speaker

    def resolve(self, speaker: Speaker) -> Speaker:
        """The full name for a short form ("Zelensky", "Mr Zelensky"), else `speaker`."""
        if " " in speaker.name and speaker.name in self.people:
            known = self.people[speaker.name]
            return Speaker(speaker.name, speaker.role or known.role, speaker.start, speaker.end)
        words = speaker.name.split()
        for full_name, known in reversed(list(self.people.items())):
            parts = full_name.split()
            if len(parts) > len(words) and parts[-len(words) :] == words:
                return Speaker(full_name, speaker.role or known.role, speaker.start, speaker.end)
        return speaker

    def pronoun(self, word: str, start: int, end: int) -> Speaker | None:
        """The person (he/she) or organisation (it/they) a pronoun most likely means."""
        kind = _PRONOUNS.get(word.lower())
        target = self.last_person if kind == "person" else self.last_org if kind else None
        if target is None:
            return None
        return Speaker(target.name, target.role, start, end)


def find_speaker(
    sentence: str, *, offset: int = 0, context: SpeakerContext | None = None
) -> Speaker | None:
    """The speaker a sentence attributes its statement to, or None.

    With a `context`, short forms and pronouns resolve to full names seen
    earlier, and the context learns from this sentence (so pass the sentences
    of one article in order, sharing one context).
    """
    first = _CUE_OR_TITLE.search(sentence)
    if first is None:
        return None  # the common case, decided without tokenising
    has_cue = first.lastgroup == "cue" or _ANY_CUE.search(sentence, first.end()) is not None
    if not has_cue and context is None:
        return None
    tokens = _tokenise(sentence)
    # Every pattern below starts from a cue: without one, only titled names are learnt.
    speaker = (
        (_according_to(sentence, tokens) or _passive_by(sentence, tokens)) if has_cue else None
    )
    for verbs in (_SPEECH_VERB, _OTHER_VERB) if has_cue else ():
        if speaker is not None:
            break
        # One scan per verb list, shared by the three patterns that start from a verb.
        matches = list(verbs.finditer(sentence))
        if matches:
            speaker = (
                _appositive(sentence, tokens, matches)
                or _subject_of_verb(sentence, tokens, context, matches)
                or _after_verb(sentence, tokens, matches)
            )
    if context is not None:
        if speaker is not None and speaker.name.lower() not in _PRONOUNS:
            speaker = context.resolve(speaker)
            context.remember(speaker)
        # A title found by the first scan is one `_ANY_TITLE` would find. Names are
        # learnt only around a title word: without one, skip the scan.
        if first.lastgroup != "cue" or (
            not _TITLE_WORDS.isdisjoint(tokens.lowers) and _ANY_TITLE.search(sentence)
        ):
            _learn_titled_names(sentence, tokens, context)
    if speaker is None or speaker.name.lower() in _PRONOUNS:
        return None
    return _shift(speaker, offset)


def _shift(speaker: Speaker, offset: int) -> Speaker:
    """The speaker with its span moved into document offsets."""
    if speaker.start is None or speaker.end is None:
        return speaker
    return Speaker(speaker.name, speaker.role, speaker.start + offset, speaker.end + offset)


def _tokenise(sentence: str) -> _Tokens:
    """The sentence's tokens, without a sentence-final period on a plain word.

    The period stays on initials and abbreviations ("J.", "U.S.", "Dr.").
    """
    # The pieces alternate gap, token, gap, …, gap and tile the sentence: running
    # sums of their lengths are the token offsets, computed in C, not per token.
    pieces = _TOKEN_SPLIT.split(sentence)
    texts = pieces[1::2]
    bounds = list(accumulate(map(len, pieces)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    # Only a word ending in a period loses it: visit the periods, not the tokens.
    period = sentence.find(".")
    index = 0
    while period >= 0:
        index = bisect.bisect_left(ends, period + 1, index)
        if index < len(ends) and ends[index] == period + 1:
            text = texts[index]
            if len(text) > 2 and "." not in text[:-1] and text.lower() not in _TITLE_WORDS:
                texts[index] = text[:-1]
                ends[index] = period
        period = sentence.find(".", period + 1)
    # Lower-casing the space-joined texts equals lowering each one: no text
    # holds a space, and a space cuts the only context lower() reads (final sigma).
    lowers = " ".join(texts).lower().split(" ") if texts else []
    return _Tokens(texts, lowers, starts, ends)


def _index_at(tokens: _Tokens, position: int) -> int:
    """Index of the first token starting at or after `position` (a bisect: no quadratic scans)."""
    return bisect.bisect_left(tokens.starts, position)


def _chain_forward(tokens: _Tokens, index: int) -> range:
    """The capitalised name/title chain starting at token `index` (connectors inside)."""
    texts, count = tokens.texts, len(tokens.texts)
    position = index
    if position < count and tokens.lowers[position] == "the":
        position += 1  # "according to the Health Ministry"
    first = position
    while position < count and position - first < _MAX_NAME_TOKENS:
        initial = texts[position][0]
        if (initial.isupper() and initial.isalpha()) or (
            position > first
            and tokens.is_connector(position)
            and _next_is_capitalised(tokens, position)
        ):
            position += 1
        else:
            break
    return range(first, position)


def _chain_backward(tokens: _Tokens, index: int) -> range:
    """The capitalised chain ending just before token `index`."""
    texts = tokens.texts
    position = index - 1
    while position >= 0 and index - 1 - position < _MAX_NAME_TOKENS:
        initial = texts[position][0]
        if (initial.isupper() and initial.isalpha()) or (
            position < index - 1
            and tokens.is_connector(position)
            and position > 0
            and (tokens.is_capitalised(position - 1) or tokens.is_connector(position - 1))
        ):
            position -= 1
        else:
            break
    first = position + 1
    while first < index and (tokens.is_connector(first) or tokens.lowers[first] in _NOT_NAMES):
        first += 1  # "Meanwhile Zelensky said", "The ministry"
    return range(first, index)


def _next_is_capitalised(tokens: _Tokens, position: int) -> bool:
    """Whether a capitalised word follows token `position` (through more connectors)."""
    for index in range(position + 1, min(position + 3, len(tokens.texts))):
        if tokens.is_capitalised(index):
            return True
        if not tokens.is_connector(index):
            return False
    return False


def _speaker_from_chain(sentence: str, tokens: _Tokens, chain: range) -> Speaker | None:
    """Split a chain into role (titles) and name; None when nothing name-like is left."""
    while chain and tokens.is_connector(chain[-1]):
        chain = chain[:-1]
    if not chain:
        return None
    lowers = tokens.lowers
    last_title = -1  # position in the chain
    for place, index in enumerate(chain[:-1]):
        if lowers[index] in _TITLE_WORDS:
            last_title = place
    name = chain[last_title + 1 :]
    if len(name) == 1 and lowers[name[0]] in _ORG_WORDS:
        name, last_title = chain, -1  # "General Staff" is a body, not General Staff
    if name and lowers[name[0]] in {"of", "for"}:
        # "Minister for Foreign Affairs Penny Wong": the of-phrase belongs to the role.
        person = _trailing_person(tokens, name)
        last_title += len(name) - len(person)
        name = person
    while name and tokens.is_connector(name[0]):
        name = name[1:]
    if not name:
        return None
    role_span = chain[: last_title + 1]
    role: str | None = None
    if role_span:
        role = sentence[tokens.starts[role_span[0]] : tokens.ends[role_span[-1]]]
        if role.lower() in _HONORIFICS:
            role = None
    start, end = tokens.starts[name[0]], tokens.ends[name[-1]]
    return Speaker(sentence[start:end], role, start, end)


def _trailing_person(tokens: _Tokens, span: range) -> range:
    """The last two names of a span, with any particles between ("Ursula von der Leyen")."""
    names = 0
    start = len(span)
    while start > 0 and names < 2:
        start -= 1
        if not tokens.is_connector(span[start]):
            names += 1
        elif tokens.lowers[span[start]] in _ROLE_JOINERS:
            start += 1
            break
    while start < len(span) and tokens.lowers[span[start]] in _ROLE_JOINERS:
        start += 1
    return span[start:]


def _according_to(sentence: str, tokens: _Tokens) -> Speaker | None:
    """According to X."""
    if "ccording" not in sentence:
        return None  # a substring test is far cheaper than the regex scan
    match = _ACCORDING.search(sentence)
    if not match:
        return None
    index = _index_at(tokens, match.end())
    described = _skip_descriptor(tokens, index)
    speaker = _speaker_from_chain(sentence, tokens, _chain_forward(tokens, described))
    if speaker and described > index and not speaker.role:
        # "the think tank Ember", "Ukraine’s commander-in-chief Oleksandr Syrskyi"
        first = index + (tokens.lowers[index] == "the")
        role = (
            sentence[tokens.starts[first] : tokens.ends[described - 1]]
            if described > first
            else None
        )
        return Speaker(speaker.name, role, speaker.start, speaker.end)
    return _with_appositive_role(sentence, speaker)


def _skip_descriptor(tokens: _Tokens, index: int) -> int:
    """Past a lower-case description before a name ("the think tank", "Ukraine’s top general")."""
    count = len(tokens.texts)
    position = index + (index < count and tokens.lowers[index] == "the")
    limit = min(count, position + 5)
    start = position
    while position < limit:
        text = tokens.texts[position]
        possessive = text.endswith(("’s", "'s")) and text[0].isupper()
        if possessive or (text[0].islower() and tokens.lowers[position] not in _STOP_DESCRIPTOR):
            position += 1
            continue
        break
    if position == start or position >= count or not tokens.is_capitalised(position):
        return index
    return position


def _passive_by(sentence: str, tokens: _Tokens) -> Speaker | None:
    """Announced by X."""
    if "by" not in sentence:
        return None  # a substring test is far cheaper than the regex scan
    for match in _PASSIVE_BY.finditer(sentence):
        chain = _chain_forward(tokens, _index_at(tokens, match.end()))
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker:
            return speaker
    return None


def _subject_of_verb(
    sentence: str,
    tokens: _Tokens,
    context: SpeakerContext | None,
    verbs: list[re.Match[str]],
) -> Speaker | None:
    """X said / Ukraine asserts / He noted: the subject just before an attribution verb."""
    for verb in verbs:
        index = _skip_adverbs_backward(tokens, _index_at(tokens, verb.start()))
        if index > 0 and tokens.lowers[index - 1] in _PRONOUNS:
            if context is not None:
                pronoun = index - 1
                resolved = context.pronoun(
                    tokens.texts[pronoun], tokens.starts[pronoun], tokens.ends[pronoun]
                )
                if resolved:
                    return resolved
            continue
        if index > 1 and tokens.texts[index - 1] == ")":
            index = _before_parenthesis(tokens, index - 1)
        chain = _chain_backward(tokens, index)
        if chain and _inside_noun_phrase(tokens, chain, verb.group()):
            continue  # "17 US states": "states" is a noun here
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker and _is_plausible_subject(speaker):
            return _with_role_before(sentence, tokens, chain, speaker)
    return None


def _inside_noun_phrase(tokens: _Tokens, chain: range, verb: str) -> bool:
    """Whether the chain modifies a noun ("17 US states", "across EU member states")."""
    if chain[0] == 0:
        return False
    previous = chain[0] - 1
    if tokens.texts[previous][0].isdigit() or tokens.lowers[previous] in _PREPOSITIONS:
        return True  # "the ministry in Berlin said": a place is not the subject
    return verb in _NOUN_LIKE_VERBS and tokens.lowers[previous] in _NOUN_PHRASE_OPENERS


def _with_role_before(sentence: str, tokens: _Tokens, chain: range, speaker: Speaker) -> Speaker:
    """Add a role written partly in lower case before the name ("Former president X")."""
    first = chain[0]
    lowers = tokens.lowers
    if speaker.role or first == 0 or lowers[first - 1] not in _TITLE_WORDS:
        return speaker
    if tokens.is_capitalised(first - 1):
        return speaker
    start = first - 1
    while start > 0:
        word = lowers[start - 1]
        if word in _TITLE_WORDS or word in _ROLE_MODIFIERS or tokens.is_capitalised(start - 1):
            start -= 1
        else:
            break
    while start < first - 1 and lowers[start] in _NOT_NAMES:
        start += 1  # "The former president" → "former president"
    role = sentence[tokens.starts[start] : tokens.ends[first - 1]]
    return Speaker(speaker.name, role, speaker.start, speaker.end)


def _before_parenthesis(tokens: _Tokens, closing: int) -> int:
    """Where a subject chain ends when the verb follows "(…)".

    "The Office for National Statistics (ONS) said" keeps the full name before
    the acronym; "the statistics office (Destatis) said" takes the name inside.
    """
    opening = closing - 1
    while opening > 0 and closing - opening < 8 and tokens.texts[opening] != "(":
        opening -= 1
    if tokens.texts[opening] != "(":
        return closing
    if len(_chain_backward(tokens, opening)) >= 2:
        return opening
    return closing


def _skip_adverbs_backward(tokens: _Tokens, index: int) -> int:
    """Step back over "also", "has", "later" between a subject and its verb."""
    while index > 0 and tokens.lowers[index - 1] in _ADVERBS:
        index -= 1
    return index


def _appositive(sentence: str, tokens: _Tokens, verbs: list[re.Match[str]]) -> Speaker | None:
    """X, the <role> of Y, said: a name, a comma-enclosed role, then the verb."""
    texts = tokens.texts
    for verb in verbs:
        index = _skip_adverbs_backward(tokens, _index_at(tokens, verb.start()))
        if index < 2 or texts[index - 1] != ",":
            continue
        opening = index - 2
        while opening >= 0 and texts[opening] != "," and index - opening < 16:
            opening -= 1
        if opening < 1 or texts[opening] != ",":
            continue
        role_span = range(opening + 1, index - 1)
        if not role_span:
            continue
        # "Putin, speaking in Moscow, said": a participle clause, not a role.
        participle = tokens.lowers[role_span[0]].endswith("ing")
        if not participle and not _looks_like_role(tokens, role_span):
            continue
        speaker = _speaker_from_chain(sentence, tokens, _chain_backward(tokens, opening))
        if speaker and _is_plausible_subject(speaker):
            if participle:
                return speaker
            role = sentence[tokens.starts[role_span[0]] : tokens.ends[role_span[-1]]]
            return Speaker(speaker.name, _clean_role(role), speaker.start, speaker.end)
    return None


def _after_verb(sentence: str, tokens: _Tokens, verbs: list[re.Match[str]]) -> Speaker | None:
    """“…,” said X: the inverted form, with an optional appositive role."""
    for verb in verbs:
        previous = _index_at(tokens, verb.start()) - 1
        if previous < 0 or tokens.texts[previous] not in _BEFORE_INVERSION:
            continue  # inversion follows a quotation or a comma
        chain = _chain_forward(tokens, _index_at(tokens, verb.end()))
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker and _is_plausible_subject(speaker) and _ends_inversion(tokens, chain):
            return _with_appositive_role(sentence, speaker)
    return None


def _ends_inversion(tokens: _Tokens, chain: range) -> bool:
    """Whether the name after "said" closes the clause ("said X." / "said X, the…").

    "…, said the West was to blame" has a verb after the name: the name is the
    object of the reported clause, not the speaker.
    """
    following = chain[-1] + 1
    if following >= len(tokens.texts):
        return True
    return not tokens.texts[following][0].isalnum() or tokens.lowers[following] in _AFTER_INVERSION


def _with_appositive_role(sentence: str, speaker: Speaker | None) -> Speaker | None:
    """Add the role from "X, the <role> of Y," after a name when there is none."""
    if speaker is None or speaker.role or speaker.end is None:
        return speaker
    match = _APPOSITIVE_ROLE.match(sentence, speaker.end)
    words = match.group(1).split() if match else []
    if not words:
        return speaker  # no phrase, or only spaces before the next stop: ",   ."
    first_word = words[0].lower()
    if first_word not in {"the", "a", "an"} and first_word not in _TITLE_WORDS:
        return speaker
    return Speaker(speaker.name, _clean_role(match.group(1)), speaker.start, speaker.end)


def _looks_like_role(tokens: _Tokens, span: range) -> bool:
    """A comma-enclosed phrase that describes a person: "the head of X", "a spokeswoman"."""
    lowers = tokens.lowers
    first = lowers[span[0]]
    return (
        first in {"the", "a", "an", "who"}
        or first in _TITLE_WORDS
        or (len(span) <= 6 and any(lowers[index] in _TITLE_WORDS for index in span))
    )


def _clean_role(role: str) -> str:
    """Drop the article in front of a role ("the head of X" → "head of X")."""
    return _LEADING_ARTICLE.sub("", role.strip())


def _is_plausible_subject(speaker: Speaker) -> bool:
    """Reject chains that are not names: a lone generic word or a very long phrase."""
    words = speaker.name.split()
    if not words or len(words) > 6:
        return False
    return not (len(words) == 1 and words[0].lower() in _NOT_NAMES)


def _is_person(speaker: Speaker) -> bool:
    """Whether a speaker is a person (for he/she) rather than a country or organisation."""
    words = speaker.name.split()
    if any(word.lower().strip(".") in _ORG_WORDS for word in words):
        return False
    if speaker.role:
        return True
    return len(words) >= 2 and not speaker.name.isupper()


def _learn_titled_names(sentence: str, tokens: _Tokens, context: SpeakerContext) -> None:
    """Remember "Title First Last" mentions even when they are not attributed speech."""
    texts = tokens.texts
    index = 0
    while index < len(texts):
        chain = _chain_forward(tokens, index) if texts[index][0].isupper() else None
        if not chain:
            index += 1
            continue
        if len(chain) > 1 and any(tokens.lowers[place] in _TITLE_WORDS for place in chain[:-1]):
            speaker = _speaker_from_chain(sentence, tokens, chain)
            if speaker and len(speaker.name.split()) >= 2 and speaker.name not in context.people:
                context.people[speaker.name] = speaker
        index = chain[-1] + 1
