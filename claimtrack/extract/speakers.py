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
# The leading class lets the regex engine skip positions that cannot start a verb.
_SPEECH_VERB = re.compile(rf"(?=[a-z])\b(?:{_SPEECH_VERBS})\b")
_OTHER_VERB = re.compile(rf"(?=[a-z])\b(?:{_OTHER_VERBS})\b")
_PASSIVE_VERBS = (
    "announced|stated|revealed|said|made|reported|confirmed|disclosed|claimed|"
    "presented|unveiled|declared|proposed|outlined|published|released"
)
_PASSIVE_BY = re.compile(rf"(?=[a-z])\b(?:{_PASSIVE_VERBS})\s+by\s+")
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:new|recent|latest|official|preliminary)\s+)?"
    r"(?:(?:statement|report|data|figures|estimates?|survey|study|analysis|post|interview|"
    r"comments|remarks|spokesperson|spokesman|spokeswoman)\s+(?:from|by|of|released\s+by|"
    r"published\s+by|issued\s+by)\s+)?"
)
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w’'\-]*\.?|\d(?:[\d.,]*\d)?|[^\w\s]")
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
_VERBS_PATTERN = word_trie((_SPEECH_VERBS + "|" + _OTHER_VERBS).replace("\\s+", " ").split("|"))
_CUE = rf"{_VERBS_PATTERN}\b|{word_trie(_PASSIVE_VERBS.split('|'))}\s+by\s+|[Aa]ccording\s+to\s+"
_CUE_OR_TITLE = re.compile(rf"(?=[A-Za-z])\b(?:(?P<cue>{_CUE})|{_TITLES_PATTERN})")
_ANY_CUE = re.compile(rf"(?=[A-Za-z])\b(?:{_CUE})")
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


@dataclass(slots=True)
class _Token:
    """A word or punctuation mark with its offsets in the sentence."""

    text: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        """Starts with an upper-case letter (a name, title or acronym)."""
        return self.text[0].isupper()

    @property
    def is_connector(self) -> bool:
        """A lower-case joiner allowed inside a name or role ("and", "of", "von")."""
        return self.text.lower() in _CONNECTORS


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
    tokens = [_word_token(match) for match in _TOKEN.finditer(sentence)]
    # Every pattern below starts from a cue: without one, only titled names are learnt.
    speaker = (
        (_according_to(sentence, tokens) or _passive_by(sentence, tokens)) if has_cue else None
    )
    for verbs in (_SPEECH_VERB, _OTHER_VERB) if has_cue else ():
        speaker = (
            speaker
            or _appositive(sentence, tokens, verbs)
            or _subject_of_verb(sentence, tokens, context, verbs)
            or _after_verb(sentence, tokens, verbs)
        )
    if context is not None:
        if speaker is not None and speaker.name.lower() not in _PRONOUNS:
            speaker = context.resolve(speaker)
            context.remember(speaker)
        if _ANY_TITLE.search(sentence):
            _learn_titled_names(sentence, tokens, context)
    if speaker is None or speaker.name.lower() in _PRONOUNS:
        return None
    return _shift(speaker, offset)


def _shift(speaker: Speaker, offset: int) -> Speaker:
    """The speaker with its span moved into document offsets."""
    if speaker.start is None or speaker.end is None:
        return speaker
    return Speaker(speaker.name, speaker.role, speaker.start + offset, speaker.end + offset)


def _word_token(match: re.Match[str]) -> _Token:
    """A token of the sentence, without a sentence-final period on a plain word.

    The period stays on initials and abbreviations ("J.", "U.S.", "Dr.").
    """
    text = match.group()
    start, end = match.span()
    if len(text) > 1 and text[-1] == ".":
        core = text[:-1]
        if not (len(core) == 1 or "." in core or text.lower() in _TITLE_WORDS):
            return _Token(core, start, end - 1)
    return _Token(text, start, end)


def _index_at(tokens: list[_Token], position: int) -> int:
    """Index of the first token starting at or after `position` (a bisect: no quadratic scans)."""
    return bisect.bisect_left(tokens, position, key=_token_start)


def _token_start(token: _Token) -> int:
    """Sort key of a token: where it starts."""
    return token.start


def _chain_forward(tokens: list[_Token], index: int) -> list[_Token]:
    """The capitalised name/title chain starting at tokens[index] (connectors inside)."""
    chain: list[_Token] = []
    position = index
    if position < len(tokens) and tokens[position].text.lower() == "the":
        position += 1  # "according to the Health Ministry"
    while position < len(tokens) and len(chain) < _MAX_NAME_TOKENS:
        token = tokens[position]
        if (token.is_capitalised and token.text[0].isalpha()) or (
            token.is_connector and chain and _next_is_capitalised(tokens, position)
        ):
            chain.append(token)
        else:
            break
        position += 1
    return chain


def _chain_backward(tokens: list[_Token], index: int) -> list[_Token]:
    """The capitalised chain ending just before tokens[index]."""
    chain: list[_Token] = []
    position = index - 1
    while position >= 0 and len(chain) < _MAX_NAME_TOKENS:
        token = tokens[position]
        if (token.is_capitalised and token.text[0].isalpha()) or (
            token.is_connector
            and chain
            and position > 0
            and (tokens[position - 1].is_capitalised or tokens[position - 1].is_connector)
        ):
            chain.insert(0, token)
        else:
            break
        position -= 1
    while chain and (chain[0].is_connector or chain[0].text.lower() in _NOT_NAMES):
        chain.pop(0)  # "Meanwhile Zelensky said", "The ministry"
    return chain


def _next_is_capitalised(tokens: list[_Token], position: int) -> bool:
    """Whether a capitalised word follows tokens[position] (through more connectors)."""
    for token in tokens[position + 1 : position + 3]:
        if token.is_capitalised:
            return True
        if not token.is_connector:
            return False
    return False


def _speaker_from_chain(sentence: str, chain: list[_Token]) -> Speaker | None:
    """Split a chain into role (titles) and name; None when nothing name-like is left."""
    while chain and chain[-1].is_connector:
        chain = chain[:-1]
    if not chain:
        return None
    last_title = -1
    for index, token in enumerate(chain[:-1]):
        if token.text.lower() in _TITLE_WORDS:
            last_title = index
    name_tokens = chain[last_title + 1 :]
    if len(name_tokens) == 1 and name_tokens[0].text.lower() in _ORG_WORDS:
        name_tokens, last_title = chain, -1  # "General Staff" is a body, not General Staff
    if name_tokens and name_tokens[0].text.lower() in {"of", "for"}:
        # "Minister for Foreign Affairs Penny Wong": the of-phrase belongs to the role.
        person = _trailing_person(name_tokens)
        last_title += len(name_tokens) - len(person)
        name_tokens = person
    while name_tokens and name_tokens[0].is_connector:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    role_tokens = chain[: last_title + 1]
    role: str | None = None
    if role_tokens:
        role = sentence[role_tokens[0].start : role_tokens[-1].end]
        if role.lower() in _HONORIFICS:
            role = None
    start, end = name_tokens[0].start, name_tokens[-1].end
    return Speaker(sentence[start:end], role, start, end)


def _trailing_person(tokens: list[_Token]) -> list[_Token]:
    """The last two names of a chain, with any particles between ("Ursula von der Leyen")."""
    names = 0
    start = len(tokens)
    while start > 0 and names < 2:
        start -= 1
        if not tokens[start].is_connector:
            names += 1
        elif tokens[start].text.lower() in {"of", "for", "and", "&", "the"}:
            start += 1
            break
    while start < len(tokens) and tokens[start].text.lower() in {"of", "for", "and", "&", "the"}:
        start += 1
    return tokens[start:]


def _according_to(sentence: str, tokens: list[_Token]) -> Speaker | None:
    """According to X."""
    match = _ACCORDING.search(sentence)
    if not match:
        return None
    index = _index_at(tokens, match.end())
    described = _skip_descriptor(tokens, index)
    speaker = _speaker_from_chain(sentence, _chain_forward(tokens, described))
    if speaker and described > index and not speaker.role:
        # "the think tank Ember", "Ukraine’s commander-in-chief Oleksandr Syrskyi"
        first = index + (tokens[index].text.lower() == "the")
        role = (
            sentence[tokens[first].start : tokens[described - 1].end] if described > first else None
        )
        return Speaker(speaker.name, role, speaker.start, speaker.end)
    return _with_appositive_role(sentence, speaker)


def _skip_descriptor(tokens: list[_Token], index: int) -> int:
    """Past a lower-case description before a name ("the think tank", "Ukraine’s top general")."""
    position = index + (index < len(tokens) and tokens[index].text.lower() == "the")
    limit = min(len(tokens), position + 5)
    start = position
    while position < limit:
        token = tokens[position]
        possessive = token.text.endswith(("’s", "'s")) and token.is_capitalised
        if possessive or (token.text[0].islower() and token.text.lower() not in _STOP_DESCRIPTOR):
            position += 1
            continue
        break
    if position == start or position >= len(tokens) or not tokens[position].is_capitalised:
        return index
    return position


def _passive_by(sentence: str, tokens: list[_Token]) -> Speaker | None:
    """Announced by X."""
    for match in _PASSIVE_BY.finditer(sentence):
        chain = _chain_forward(tokens, _index_at(tokens, match.end()))
        speaker = _speaker_from_chain(sentence, chain)
        if speaker:
            return speaker
    return None


def _subject_of_verb(
    sentence: str, tokens: list[_Token], context: SpeakerContext | None, verbs: re.Pattern[str]
) -> Speaker | None:
    """X said / Ukraine asserts / He noted: the subject just before an attribution verb."""
    for match in verbs.finditer(sentence):
        index = _index_at(tokens, match.start())
        index = _skip_adverbs_backward(tokens, index)
        if index > 0 and tokens[index - 1].text.lower() in _PRONOUNS:
            pronoun = tokens[index - 1]
            if context is not None:
                resolved = context.pronoun(pronoun.text, pronoun.start, pronoun.end)
                if resolved:
                    return resolved
            continue
        if index > 1 and tokens[index - 1].text == ")":
            index = _before_parenthesis(tokens, index - 1)
        chain = _chain_backward(tokens, index)
        if chain and _inside_noun_phrase(tokens, chain, match.group()):
            continue  # "17 US states": "states" is a noun here
        speaker = _speaker_from_chain(sentence, chain)
        if speaker and _is_plausible_subject(speaker):
            return _with_role_before(sentence, tokens, chain, speaker)
    return None


def _inside_noun_phrase(tokens: list[_Token], chain: list[_Token], verb: str) -> bool:
    """Whether the chain modifies a noun ("17 US states", "across EU member states")."""
    first = _index_at(tokens, chain[0].start)
    if first == 0:
        return False
    previous = tokens[first - 1].text
    if previous[0].isdigit() or previous.lower() in _PREPOSITIONS:
        return True  # "the ministry in Berlin said": a place is not the subject
    return verb in _NOUN_LIKE_VERBS and previous.lower() in _NOUN_PHRASE_OPENERS


def _with_role_before(
    sentence: str, tokens: list[_Token], chain: list[_Token], speaker: Speaker
) -> Speaker:
    """Add a role written partly in lower case before the name ("Former president X")."""
    first = _index_at(tokens, chain[0].start)
    if speaker.role or first == 0 or tokens[first - 1].text.lower() not in _TITLE_WORDS:
        return speaker
    if tokens[first - 1].is_capitalised:
        return speaker
    start = first - 1
    while start > 0:
        token = tokens[start - 1]
        word = token.text.lower()
        if word in _TITLE_WORDS or word in _ROLE_MODIFIERS or token.is_capitalised:
            start -= 1
        else:
            break
    while start < first - 1 and tokens[start].text.lower() in _NOT_NAMES:
        start += 1  # "The former president" → "former president"
    role = sentence[tokens[start].start : tokens[first - 1].end]
    return Speaker(speaker.name, role, speaker.start, speaker.end)


def _before_parenthesis(tokens: list[_Token], closing: int) -> int:
    """Where a subject chain ends when the verb follows "(…)".

    "The Office for National Statistics (ONS) said" keeps the full name before
    the acronym; "the statistics office (Destatis) said" takes the name inside.
    """
    opening = closing - 1
    while opening > 0 and closing - opening < 8 and tokens[opening].text != "(":
        opening -= 1
    if tokens[opening].text != "(":
        return closing
    if len(_chain_backward(tokens, opening)) >= 2:
        return opening
    return closing


def _skip_adverbs_backward(tokens: list[_Token], index: int) -> int:
    """Step back over "also", "has", "later" between a subject and its verb."""
    adverbs = {"also", "has", "have", "had", "later", "previously", "further", "again",
               "repeatedly", "once", "recently", "publicly", "reportedly", "then", "already", "separately", "earlier", "firmly", "clearly"}  # fmt: skip
    while index > 0 and tokens[index - 1].text.lower() in adverbs:
        index -= 1
    return index


def _appositive(sentence: str, tokens: list[_Token], verbs: re.Pattern[str]) -> Speaker | None:
    """X, the <role> of Y, said: a name, a comma-enclosed role, then the verb."""
    for match in verbs.finditer(sentence):
        index = _skip_adverbs_backward(tokens, _index_at(tokens, match.start()))
        if index < 2 or tokens[index - 1].text != ",":
            continue
        opening = index - 2
        while opening >= 0 and tokens[opening].text != "," and index - opening < 16:
            opening -= 1
        if opening < 1 or tokens[opening].text != ",":
            continue
        role_tokens = tokens[opening + 1 : index - 1]
        if not role_tokens:
            continue
        # "Putin, speaking in Moscow, said": a participle clause, not a role.
        participle = role_tokens[0].text.lower().endswith("ing")
        if not participle and not _looks_like_role(role_tokens):
            continue
        speaker = _speaker_from_chain(sentence, _chain_backward(tokens, opening))
        if speaker and _is_plausible_subject(speaker):
            if participle:
                return speaker
            role = sentence[role_tokens[0].start : role_tokens[-1].end]
            return Speaker(speaker.name, _clean_role(role), speaker.start, speaker.end)
    return None


def _after_verb(sentence: str, tokens: list[_Token], verbs: re.Pattern[str]) -> Speaker | None:
    """“…,” said X: the inverted form, with an optional appositive role."""
    for match in verbs.finditer(sentence):
        index = _index_at(tokens, match.end())
        previous = _index_at(tokens, match.start()) - 1
        if previous < 0 or tokens[previous].text not in {",", "”", '"', "’", "'"}:
            continue  # inversion follows a quotation or a comma
        chain = _chain_forward(tokens, index)
        speaker = _speaker_from_chain(sentence, chain)
        if speaker and _is_plausible_subject(speaker) and _ends_inversion(tokens, chain):
            return _with_appositive_role(sentence, speaker)
    return None


def _ends_inversion(tokens: list[_Token], chain: list[_Token]) -> bool:
    """Whether the name after "said" closes the clause ("said X." / "said X, the…").

    "…, said the West was to blame" has a verb after the name: the name is the
    object of the reported clause, not the speaker.
    """
    following = _index_at(tokens, chain[-1].end)
    if following >= len(tokens):
        return True
    word = tokens[following].text
    return not word[0].isalnum() or word.lower() in _AFTER_INVERSION


def _with_appositive_role(sentence: str, speaker: Speaker | None) -> Speaker | None:
    """Add the role from "X, the <role> of Y," after a name when there is none."""
    if speaker is None or speaker.role or speaker.end is None:
        return speaker
    match = re.match(r",\s+([^,.;”\"]{2,80})", sentence[speaker.end :])
    if not match:
        return speaker
    first_word = match.group(1).split()[0].lower()
    if first_word not in {"the", "a", "an"} and first_word not in _TITLE_WORDS:
        return speaker
    return Speaker(speaker.name, _clean_role(match.group(1)), speaker.start, speaker.end)


def _looks_like_role(tokens: list[_Token]) -> bool:
    """A comma-enclosed phrase that describes a person: "the head of X", "a spokeswoman"."""
    first = tokens[0].text.lower()
    return (
        first in {"the", "a", "an", "who"}
        or first in _TITLE_WORDS
        or (len(tokens) <= 6 and any(token.text.lower() in _TITLE_WORDS for token in tokens))
    )


def _clean_role(role: str) -> str:
    """Drop the article in front of a role ("the head of X" → "head of X")."""
    return re.sub(r"^(?:the|a|an)\s+", "", role.strip())


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


def _learn_titled_names(sentence: str, tokens: list[_Token], context: SpeakerContext) -> None:
    """Remember "Title First Last" mentions even when they are not attributed speech."""
    index = 0
    while index < len(tokens):
        chain = _chain_forward(tokens, index) if tokens[index].is_capitalised else []
        if not chain:
            index += 1
            continue
        if any(token.text.lower() in _TITLE_WORDS for token in chain[:-1]):
            speaker = _speaker_from_chain(sentence, chain)
            if speaker and len(speaker.name.split()) >= 2 and speaker.name not in context.people:
                context.people[speaker.name] = speaker
        index = _index_at(tokens, chain[-1].end)
