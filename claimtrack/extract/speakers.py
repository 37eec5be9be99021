"""Who a sentence attributes its statement to, and whether that is a person or a body.

`find_speaker` tries attribution patterns from the most to the least specific:

1. ``according to X`` (also "according to a statement from X")
2. ``X, the <role> of Y, said`` and ``The <role>, X, said`` — appositives
3. ``announced by X`` / ``stated by X``
4. ``X said|says|stated|noted|…`` — the capitalised chain right before the verb
   (``In an interview with RND, Minister Katherina Reiche stated`` works because
   the chain stops at the comma)
5. ``said X`` / ``said commissioner X`` — the inverted form after a quotation
6. ``He|She said`` — a pronoun resolved through `SpeakerContext`
7. ``That was the message from X`` and ``X was blunt: “…”`` — sentences that
   frame a quotation without a verb of speech

Titles in front of a name become the role ("Economy and Energy Minister
Katherina Reiche" → name "Katherina Reiche", role "Economy and Energy
Minister"). A role is at most six words, ends on a word and holds no clause.
A `SpeakerContext` passed from sentence to sentence of one article
remembers full names, so "Zelensky" and "He" resolve to "Volodymyr Zelensky".
"He" and "she" bind only to a person whose gender fits (from a title, a given
name or an earlier pronoun) and stay unresolved when that is unsure; "it" and
"they" bind to an organisation only when it was the latest speaker.

The speaker's `kind` is "organisation" when the name is a body, a place or a
company (a cue word such as Ministry or Bank, a known name, an acronym, "the"
or "the charity" in front), otherwise "person".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, islice
from typing import Literal

from claimtrack.extract.given_names import Gender, gender_of
from claimtrack.extract.organisations import is_known_organisation, is_place
from claimtrack.extract.patterns import word_trie
from claimtrack.extract.types import Speaker, SpeakerKind

__all__ = ["SpeakerContext", "attributes_alone", "find_speaker"]

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
    "forecasts|projected|projects|recalled|found|finds|showed|shows|mentioned|mentions|"
    "lamented|laments|informed|advised|urged|urges|refuted|refutes|expressed\\s+that|condemned|"
    "condemns|criticised|criticized|alleged|alleges|commented|opined|"
    "disputed|rebutted"
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
# What a pronoun can stand for: a man, a woman, or (it/they) an organisation.
_PRONOUNS: dict[str, Gender | Literal["organisation"]] = {
    "he": "male",
    "she": "female",
    "they": "organisation",
    "it": "organisation",
}
_MAX_NAME_TOKENS = 12
_PRONOUN_REACH = 8  # people a he/she may mean: the last ones named
# Words between a subject and its verb ("Zelensky also said", "the ministry has said").
_ADVERBS = frozenset(
    ["also", "has", "have", "had", "later", "previously", "further", "again", "repeatedly",
     "once", "recently", "publicly", "reportedly", "then", "already", "separately", "earlier",
     "firmly", "clearly", "subsequently", "similarly", "likewise"]
)  # fmt: skip
# An inverted speaker ("…,” said X") follows a quotation mark or a comma.
_BEFORE_INVERSION = frozenset([",", "”", '"', "’", "'"])
# Words of a role, never of the person after it ("Minister for Foreign Affairs Penny Wong").
_ROLE_JOINERS = frozenset(["of", "for", "and", "&", "the"])
# ", the <role>," after a name: a period before a word ("U.S. Department") does not end it, and
# a phrase that runs on past 120 characters is no role (never cut mid-word).
_APPOSITIVE_ROLE = re.compile(
    r",\s+((?:[^,.;:!?()“”\"]|\.(?=\s*\w)){2,120})(?=[,;:!?()“”\"]|\.(?!\s*\w)|$)"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_MAX_ROLE_WORDS = 6
# A role ends before these: what follows is a clause, not part of a title.
_CLAUSE_WORDS = frozenset(
    ["who", "whom", "whose", "which", "that", "where", "when", "while", "because", "although",
     "since", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
     "can", "could", "should", "may", "might", "must", "did", "does", "do", "said", "says", "told",
     "added", "warned", "stated", "noted", "announced", "explained", "insisted"]
)  # fmt: skip
# Where an over-long role may be cut: before its of-/for-phrase ("head of …").
_ROLE_BREAKS = frozenset(["of", "for", "at", "in", "on", "with", "from", "to"])
# Words a role must not end on.
_ROLE_TAIL = frozenset(["of", "for", "at", "in", "on", "with", "from", "to", "the", "a", "an",
                        "and", "&", "or"])  # fmt: skip
_ROLE_PUNCTUATION = ",;:()“”\"'‘’"
# Titles and nouns that say a person's gender: evidence for "he" and "she".
_MALE_WORDS = frozenset(
    ["mr", "mr.", "sir", "lord", "king", "prince", "duke", "earl", "baron", "spokesman",
     "chairman", "congressman", "councilman", "businessman", "father", "son", "brother",
     "husband"]
)  # fmt: skip
_FEMALE_WORDS = frozenset(
    ["ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "queen", "princess", "duchess",
     "countess", "baroness", "spokeswoman", "chairwoman", "congresswoman", "councilwoman",
     "businesswoman", "mother", "daughter", "sister", "wife"]
)  # fmt: skip
_GENDERED_WORDS = _MALE_WORDS | _FEMALE_WORDS
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$")
# Honorifics that are no title word (so the title scan skips "Missile"), dropped from names.
_NAME_HONORIFICS = frozenset(
    ["miss", "mx", "mx.", "alhaji", "alhaja", "hajia", "mallam", "datuk", "dato", "datin",
     "shri", "smt", "smt.", "sri", "hon", "hon.", "engr", "engr.", "rev", "rev.", "pastor",
     "imam", "ustaz"]
)  # fmt: skip
# Words that make a name a body ("Carbon Brief", "Capital Economics") — for the
# kind only; the chain parsing keeps to `_ORG_WORDS`.
_ORG_NAME_WORDS = _ORG_WORDS | frozenset(
    ["brief", "economics", "research", "analytics", "partners", "capital", "insights", "watch",
     "international", "labs", "media", "holdings", "systems", "technologies", "airlines",
     "airways", "motors", "energy", "republic", "kingdom", "states", "nations", "emirates",
     "embassy", "consulate", "secretariat", "directorate", "inspectorate", "regulator",
     "watchdog", "exchange", "observatory", "hospital", "clinic", "school", "college", "academy",
     "society", "institution", "programme", "program", "initiative", "platform", "forum",
     "united", "city", "guard", "ministries", "agencies", "unions", "parties", "council",
     "corporation", "company", "co", "co.", "plc", "llc", "ag", "gmbh", "sa", "nv", "bv", "re",
     "securities", "associates", "advisors", "advisers", "consulting", "investments",
     "management", "strategies"]
)  # fmt: skip
# Nouns that, right before a name, say it is a body ("the charity Healthwatch",
# "the think tank Ember", "carmaker Volkswagen"); "the" alone says so too.
_ORG_DESCRIPTORS = frozenset(
    ["the", "charity", "tank", "group", "firm", "company", "agency", "regulator", "watchdog",
     "consultancy", "bank", "lender", "insurer", "broadcaster", "newspaper", "daily", "outlet",
     "ministry", "union", "party", "organisation", "organization", "institute", "foundation",
     "nonprofit", "non-profit", "ngo", "airline", "carrier", "retailer", "manufacturer", "maker",
     "carmaker", "automaker", "giant", "startup", "start-up", "operator", "provider", "network",
     "channel", "magazine", "website", "platform", "body", "authority", "association", "club",
     "team", "side", "league", "federation", "government", "council", "committee",
     "commission", "court", "office", "department", "service", "army", "military", "forces",
     "broadcaster", "publisher", "supplier", "producer", "developer", "exporter", "importer",
     "conglomerate", "chain", "brand", "pollster", "university", "college", "school",
     "hospital", "trust", "campaign", "movement", "coalition", "alliance", "bloc", "militia"]
)  # fmt: skip
# An acronym of three or more capitals, or a capital inside a word that no name
# prefix explains (Mc, Mac, De, Di, Le, La, Van, O'…).
_ACRONYM_OR_CAMEL = re.compile(
    r"\b[A-Z]{3,}\b|\b(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)[A-Z])[A-Z][a-z]+[A-Z][a-z]"
)
_LAST_WORD = re.compile(r"([A-Za-z][\w-]*)\s+$")
# Nouns for a person, beyond titles, that end a role before a name ("The
# country's top diplomat, Jane Doe, said").
_PERSON_NOUNS = _TITLE_WORDS | frozenset(
    ["diplomat", "negotiator", "lawyer", "adviser", "advisor", "aide", "expert", "strategist",
     "historian", "doctor", "surgeon", "epidemiologist", "virologist", "author", "activist",
     "campaigner", "organiser", "organizer", "journalist", "reporter", "editor", "candidate",
     "nominee", "lawmaker", "legislator", "politician", "councillor", "councilor", "member",
     "teacher", "nurse", "resident", "witness", "survivor", "father", "mother", "son",
     "daughter", "wife", "husband", "brother", "sister", "colleague", "partner", "player",
     "striker", "goalkeeper", "midfielder", "defender", "winger", "champion", "spokesperson",
     "negotiator", "regulator", "governor", "boss", "chief", "farmer", "specialist",
     "consultant", "student", "lecturer", "engineer", "physician", "psychologist", "pilot",
     "owner", "mother-of-two", "entrepreneur", "shopkeeper", "trader", "vendor", "driver",
     "worker", "employee", "volunteer", "pastor", "priest", "imam", "rabbi", "elder"]
)  # fmt: skip
# "experts from NASA", "a source at the CBN", "an economist of ING Bank": a person of a body.
_OF_A_BODY = frozenset(["of", "from", "at", "within", "in", "with", "for", "inside"])
# A spokesperson speaks for the body ("a spokesperson for the Department of Health said").
_SPOKES = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen",
                     "spokeswomen", "representative", "representatives"])  # fmt: skip
_PEOPLE_OF = (
    _PERSON_NOUNS
    | {f"{noun}s" for noun in _PERSON_NOUNS}
    | frozenset(["sources", "source", "experts", "staff", "members", "officials", "people",
                 "someone", "insiders"])
) - _SPOKES  # fmt: skip
# Words after a body's name that make it an unnamed person's or side's ("the Russian side").
# Not a spokesperson: "the Health Ministry spokesman" speaks for the ministry.
_UNNAMED_OF = _PEOPLE_OF | frozenset(
    ["side", "authorities", "government", "media", "military", "forces", "delegation",
     "leadership", "camp", "team"]
)  # fmt: skip
_POSSESSIVE_OPENERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])
# "That was the message from X": a sentence that names who said the quotation before it.
_ECHO_OPENERS = ("That ", "This ", "Those ", "These ", "Such ")
_ECHO = re.compile(
    r"(?:That|This|Those|These|Such)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:message|words?|warning|verdict|view|assessment|response|reply|promise|pledge|reaction|"
    r"position|argument|stance|line|conclusion|answer|point|tone|sentiment)\s+(?:from|of|by)\s+"
)
# A framing predicate that ends the sentence on a colon ("Kowal was blunt:").
_BEFORE_SUBJECT = _NOT_NAMES | _TITLE_WORDS  # "Meanwhile Kowal", "the minister Anna Kowal"
_COLON_PREDICATES = frozenset(
    ["was", "were", "is", "are", "put", "struck", "sounded", "spoke", "wrote", "tweeted",
     "posted", "summed", "did", "went", "kept", "remained", "had", "offered", "gave"]
)  # fmt: skip
# A colon that can frame a quotation: before an opening quote, or at the end.
_FRAMING_COLON = re.compile(r":\s*(?:[“\"‘«„']|$)")
# Words that make the words before a colon a clause ("… said that:"), not a frame.
_FRAME_BREAKERS = _CLAUSE_WORDS - _COLON_PREDICATES
_OPENING_QUOTES = frozenset(["“", '"', "‘", "«", "„", "'"])
_QUOTE_MARK = re.compile(r"[“”\"«»„]")
# What may follow the verb in a sentence that only attributes ("Kowal said on Monday.").
_ALONE_AFTER = frozenset(
    ["on", "in", "at", "during", "yesterday", "today", "tonight", "last", "this", "earlier",
     "later", "late", "afterwards", "then", "again", "also", "simply", "flatly", "firmly",
     "bluntly", "reporters", "journalists", "when", "after", "before", "as"]
)  # fmt: skip
# Words that give an attribution a content of its own ("Kowal said the army would hold").
_CONTENT_WORDS = frozenset(
    ["that", "would", "will", "was", "were", "is", "are", "had", "has", "have", "could",
     "should", "must", "can", "may", "might", "to", "it", "they", "we", "there", "not"]
)  # fmt: skip


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
    """What one article has said so far about people and organisations.

    People are remembered by full name with what tells their gender (a title,
    a given name, a pronoun bound to them), in the order they were last named,
    so a pronoun finds the latest person it can mean.
    """

    people: dict[str, Speaker] = field(default_factory=dict)  # full name → first sighting
    genders: dict[str, Gender] = field(default_factory=dict)
    recent: dict[str, None] = field(default_factory=dict)  # people, latest mention last
    last_org: Speaker | None = None
    last_kind: SpeakerKind | None = None  # of the latest speaker, person or organisation

    def remember(self, speaker: Speaker, gender: Gender | None = None) -> None:
        """Note a speaker so later short forms and pronouns resolve to them."""
        if speaker.kind == "organisation":
            self.last_org = speaker
        else:
            self.mention(speaker, gender)
        self.last_kind = speaker.kind

    def mention(self, person: Speaker, gender: Gender | None = None) -> None:
        """Note a person named in the article, speaking or not, as the latest one named."""
        name = person.name
        known = self.people.get(name)
        if known is None or (known.role is None and person.role):
            self.people[name] = person
        self.recent.pop(name, None)
        self.recent[name] = None
        if name not in self.genders:
            words = name.split()
            # A given name counts only in front of a surname: "Paul said" may be Rand Paul.
            found = gender or (gender_of(words[0]) if len(words) > 1 else None)
            if found:
                self.genders[name] = found

    def resolve(self, speaker: Speaker) -> Speaker | None:
        """The known person a name or short form ("Zelensky") means, or None."""
        name = speaker.name
        if name in self.people:
            known = self.people[name]
            return Speaker(name, speaker.role or known.role, speaker.start, speaker.end)
        words = name.split()
        for full_name in reversed(self.recent):
            parts = full_name.split()
            if len(parts) > len(words) and parts[-len(words) :] == words:
                role = speaker.role or self.people[full_name].role
                return Speaker(full_name, role, speaker.start, speaker.end)
        return None

    def pronoun(self, word: str, start: int, end: int) -> Speaker | None:
        """Whom a pronoun means, or None when the article leaves that unsure.

        "He"/"she": the latest person not known to be of the other gender,
        provided that person is known to fit or is the only one it can be.
        "It"/"they": the latest organisation, only when it was the latest speaker.
        """
        wanted = _PRONOUNS.get(word.lower())
        if wanted is None:
            return None
        if wanted == "organisation":
            body = self.last_org if self.last_kind == "organisation" else None
            return Speaker(body.name, body.role, start, end, "organisation") if body else None
        name = self._person_for(wanted)
        if name is None:
            return None
        self.genders.setdefault(name, wanted)  # evidence for the next pronoun
        return Speaker(name, self.people[name].role, start, end)

    def _person_for(self, gender: Gender) -> str | None:
        """The latest person "he" or "she" can mean, if that is sure.

        Only the last few people named are candidates: a pronoun reaches back a
        few sentences, and the look-up stays constant-time in a long article.
        """
        window = islice(reversed(self.recent), _PRONOUN_REACH)
        candidates = [name for name in window if self.genders.get(name, gender) == gender]
        if not candidates:
            return None
        latest = candidates[0]
        if latest in self.genders or len(candidates) == 1:
            return latest
        return None  # unknown gender and someone else it could be


def find_speaker(
    sentence: str, *, offset: int = 0, context: SpeakerContext | None = None
) -> Speaker | None:
    """The speaker a sentence attributes its statement to, or None.

    With a `context`, short forms and pronouns resolve to full names seen
    earlier, and the context learns from this sentence (so pass the sentences
    of one article in order, sharing one context).
    """
    first = _CUE_OR_TITLE.search(sentence)
    has_cue = first is not None and (
        first.lastgroup == "cue" or _ANY_CUE.search(sentence, first.end()) is not None
    )
    # Framing without a verb ("That was the message from X", "X was blunt: “…”")
    # is rare: a substring test keeps the colon scan off the common path.
    framed = (sentence.startswith(_ECHO_OPENERS) and _ECHO.match(sentence) is not None) or (
        ":" in sentence and _FRAMING_COLON.search(sentence) is not None
    )
    # A transcript label or a signed-off quotation names the speaker of all the sentence says.
    labelled = _transcript_label(sentence) or _sign_off(sentence)
    if labelled is not None:
        return _shift(_finish(sentence, labelled, context), offset)
    if not has_cue and not framed and (first is None or context is None):
        return None  # the common case, decided without tokenising
    tokens = _tokenise(sentence)
    # Every cue pattern starts from a cue: without one, only titled names are learnt.
    speaker = _attributed(sentence, tokens, context) if has_cue else None
    if speaker is None and framed:
        speaker = _echo(sentence, tokens) or _colon_intro(sentence, tokens, context)
    # A title found by the first scan is one `_ANY_TITLE` would find. Names are
    # learnt only around a title word: without one, skip the scan.
    if (
        context is not None
        and first is not None
        and (
            first.lastgroup != "cue"
            or (not _TITLE_WORDS.isdisjoint(tokens.lowers) and _ANY_TITLE.search(sentence))
        )
    ):
        _learn_titled_names(sentence, tokens, context)
    if speaker is None or speaker.name.lower() in _PRONOUNS or _is_generic(speaker.name):
        return None
    return _shift(_finish(sentence, speaker, context), offset)


# Bodies named only by what they are ("the Ministry reported"): a description, not a name.
_GENERIC_BODIES = frozenset(
    ["ministry", "department", "agency", "government", "office", "council", "commission",
     "committee", "court", "authority", "board", "bureau", "administration", "cabinet", "army",
     "navy", "union", "bank", "company", "group", "party", "service", "institute", "university",
     "command", "military", "forces", "embassy", "secretariat", "tribunal", "directorate",
     "regulator", "watchdog", "police", "federation", "association", "club", "team", "side"]
)  # fmt: skip


def _is_generic(name: str) -> bool:
    """A title or a kind of body with no name: "the Secretary-General added", "the Ministry said"."""
    words = name.lower().split()
    if len(words) == 1 and words[0] in _GENERIC_BODIES:
        return True
    return all(word in _TITLE_WORDS or word in _ROLE_MODIFIERS for word in words)


# "Mao Ning: China welcomes…" — a transcript's speaker label: two or three capitalised
# words and a colon opening the sentence. Labels of page furniture are not names.
_LABEL = re.compile(r"([A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){1,2}):[ \u00a0]+(?=[A-Z“\"‘])")
_NOT_LABELS = frozenset(
    ["breaking", "news", "update", "updates", "live", "editor", "editor's", "editor’s", "note",
     "fact", "check", "key", "points", "read", "more", "photo", "photos", "credit", "image",
     "source", "sources", "watch", "video", "opinion", "analysis", "exclusive", "related",
     "see", "also", "warning", "summary", "background", "question", "answer", "disclaimer",
     "correction", "top", "story", "stories", "latest", "full", "text", "quick", "facts",
     "what", "why", "how", "when", "where", "who", "step", "part", "chapter", "section",
     "table", "figure", "notes", "tip", "tips", "bottom", "line", "our", "view", "your",
     "money", "weather", "sport", "sports", "business", "health", "world", "politics", "local"]
)  # fmt: skip
# "‘They consider activism a crime’ - Lynn Maalouf": a quotation signed off with a dash.
_SIGN_OFF = re.compile(
    r"[’'”\"][ \u00a0]*[-–—][ \u00a0]*([A-Z][\w.’'-]+(?:[ \u00a0][A-Z][\w.’'-]+){0,3})[ .]*$"
)


def _transcript_label(sentence: str) -> Speaker | None:
    """The speaker a transcript's label names ("Mao Ning: …"), or None."""
    if sentence.find(":", 0, 40) < 0:
        return None  # no slice copied: this runs on every sentence
    label = _LABEL.match(sentence)
    if label is None:
        return None
    words = label.group(1).lower().split()
    if any(w in _NOT_LABELS or w in _NOT_NAMES or w in _TITLE_WORDS for w in words):
        return None
    return Speaker(label.group(1), None, 0, label.end(1))


def _sign_off(sentence: str) -> Speaker | None:
    """The name after a dash that closes a quotation ("‘…’ - Kate Allen"), or None."""
    found = _SIGN_OFF.search(sentence, max(0, len(sentence) - 60))
    if found is None or found.group(1).lower() in _NOT_NAMES:
        return None
    name, start = found.group(1).rstrip("."), found.start(1)
    return Speaker(name, None, start, start + len(name))


def attributes_alone(sentence: str) -> bool:
    """Whether a sentence only says who spoke: "Kowal said.", "That was the message from X."

    Such a sentence attributes the quotation before it. A verb with its own
    content ("Kowal said the army would hold") or a quotation of its own does not.
    """
    if _QUOTE_MARK.search(sentence):
        return False
    if sentence.startswith(_ECHO_OPENERS) and _ECHO.match(sentence):
        return True
    verbs = list(_SPEECH_VERB.finditer(sentence))
    if not verbs:
        return False
    verb = verbs[-1]  # the attribution closes the sentence
    before = sentence[: verb.start()].split()
    after = sentence[verb.end() :].strip(" .!…").split()
    if len(before) > 7 or len(after) > 6:
        return False
    if not all(_names_or_titles(word) for word in before):
        return False
    if after and not (after[0][0].isupper() or after[0].lower() in _ALONE_AFTER):
        return False
    return not any(word.lower() in _CONTENT_WORDS for word in after)


def _names_or_titles(word: str) -> bool:
    """A word that may stand in the subject of a bare attribution ("Defence Minister X")."""
    lower = word.lower().strip(",")
    return (
        word[0].isupper()
        or lower in _TITLE_WORDS
        or lower in _ROLE_MODIFIERS
        or lower in _CONNECTORS
        or lower in _ADVERBS
    )


def _attributed(sentence: str, tokens: _Tokens, context: SpeakerContext | None) -> Speaker | None:
    """The speaker named around a cue: according to, announced by, a verb of speech."""
    speaker = _according_to(sentence, tokens)
    if speaker is not None and speaker.end is not None:
        # "According to Reuters, Lane said …": the outlet relays; the one who said it speaks.
        relayed = _subject_of_verb(sentence, tokens, None, _relayed_verbs(sentence, speaker.end))
        if relayed is not None and relayed.name.lower() not in _PRONOUNS:
            return relayed
    speaker = speaker or _passive_by(sentence, tokens)
    quoted = _quoted_spans(sentence) if _QUOTE_MARK.search(sentence) else []
    for verbs in (_SPEECH_VERB, _OTHER_VERB):
        if speaker is not None:
            break
        # One scan per verb list, shared by the three patterns that start from a verb.
        # A verb inside a quotation is the quoted speaker's ("“Refugees have told us…,”
        # the spokesman said"), never the attribution.
        matches = [m for m in verbs.finditer(sentence) if not _inside(quoted, m.start())]
        if matches:
            speaker = (
                _appositive(sentence, tokens, matches)
                or _subject_of_verb(sentence, tokens, context, matches)
                or _after_verb(sentence, tokens, matches)
            )
    return speaker


_LOWER_WORDS = re.compile(r"(?:\s+[a-z][\w-]*){0,4}\s*")


def _relayed_verbs(sentence: str, end: int) -> list[re.Match[str]]:
    """A verb of speech opening the main clause right after "According to X,"."""
    comma = sentence.find(",", end, end + 40)
    if comma == -1 or not _LOWER_WORDS.fullmatch(sentence, end, comma):
        return []  # the according-to phrase runs on: "according to X data from …"
    verb = _SPEECH_VERB.search(sentence, comma, comma + 60)
    return [verb] if verb is not None else []


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """The stretches of the sentence inside quotation marks, opening to closing.

    A closing mark with no opening one before it closes a quotation opened in an
    earlier sentence: the sentence is quoted from its start. A straight quote
    closes when it follows a word and is followed by a space, a mark or the end.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(sentence):
        at, char = mark.start(), mark.group()
        if char in "“«„":
            opened = at
            continue
        if char == '"' and opened is None:
            after = sentence[at + 1 : at + 2]
            closes = (
                at > 0 and not sentence[at - 1].isspace() and (not after or not after.isalnum())
            )
            if not closes or spans:
                opened = at
                continue
        spans.append((0 if opened is None else opened, at))
        opened = None
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start < position < end for start, end in spans)


def _finish(sentence: str, speaker: Speaker, context: SpeakerContext | None) -> Speaker:
    """The speaker with a clean role, its full name and its kind; the context learns it.

    Offsets are still the sentence's.
    """
    mention = sentence[speaker.start : speaker.end] if speaker.start is not None else ""
    if mention.lower() in _PRONOUNS:
        if context is not None:  # a pronoun the context bound: name and kind are set
            context.remember(speaker)
        return speaker
    role = _role_phrase(speaker.role) if speaker.role else None
    speaker = Speaker(speaker.name, role, speaker.start, speaker.end)
    known = context.resolve(speaker) if context is not None else None
    typed = known or Speaker(
        speaker.name, role, speaker.start, speaker.end, _kind_of(sentence, speaker)
    )
    if context is not None:
        context.remember(typed, _gender_cue(sentence, speaker))
    return typed


def _shift(speaker: Speaker, offset: int) -> Speaker:
    """The speaker with its span moved into document offsets."""
    if speaker.start is None or speaker.end is None:
        return speaker
    start, end = speaker.start + offset, speaker.end + offset
    return Speaker(speaker.name, speaker.role, start, end, speaker.kind)


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
    while len(name) > 1 and lowers[name[0]] in _NAME_HONORIFICS:
        name = name[1:]  # "Miss Jones": the honorific is neither name nor role
    if len(name) > 1 and _owned_by_a_body(sentence, tokens, name):
        name = name[1:]  # "NASA’s Paul Chodas", "The ECB’s Philip Lane": the person
    if len(name) > 3:
        name = _without_affiliation(sentence, tokens, name)
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


def _owned_by_a_body(sentence: str, tokens: _Tokens, name: range) -> bool:
    """Whether a name opens with a body's or a place's possessive before a person."""
    owner = tokens.texts[name[0]]
    if not owner.endswith(("’s", "'s")):
        return False
    person = sentence[tokens.starts[name[1]] : tokens.ends[name[-1]]]
    if _names_a_body(person):
        return False  # "Russia's Foreign Ministry" is the ministry's name
    owner = owner[:-2]
    return _names_a_body(owner) or is_place(owner)


def _without_affiliation(sentence: str, tokens: _Tokens, name: range) -> range:
    """The person of "Brendan Barnicle of Pacific Crest Securities", not their employer.

    Only a two- or three-word name before "of", and a body after it: "Bank of
    England" and "Duke of Edinburgh" stay whole.
    """
    for place in (2, 3):
        if place + 1 >= len(name) or tokens.lowers[name[place]] != "of":
            continue
        person = name[:place]
        if any(tokens.lowers[index] in _ORG_NAME_WORDS for index in person):
            return name
        employer = sentence[tokens.starts[name[place + 1]] : tokens.ends[name[-1]]]
        return person if _names_a_body(employer) else name
    return name


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
    if 0 < start < len(span) and gender_of(tokens.texts[span[start - 1]]):
        start -= 1  # "… Protection Rosa Icela Rodríguez": a given name opens a three-part name
    return span[start:]


def _according_to(sentence: str, tokens: _Tokens) -> Speaker | None:
    """According to X."""
    if "ccording" not in sentence:
        return None  # a substring test is far cheaper than the regex scan
    match = _ACCORDING.search(sentence)
    return _named_after(sentence, tokens, match.end()) if match else None


def _echo(sentence: str, tokens: _Tokens) -> Speaker | None:
    """That was the message from X: a sentence naming who said the quotation before it."""
    match = _ECHO.match(sentence)
    if match is None:
        return None
    index = _index_at(tokens, match.end())
    if index < len(tokens.texts) and (
        tokens.lowers[index] in _NOUN_PHRASE_OPENERS or tokens.texts[index][0].isdigit()
    ):
        return None  # "the words of two Republicans": a group, not a named speaker
    return _named_after(sentence, tokens, match.end())


def _named_after(sentence: str, tokens: _Tokens, position: int) -> Speaker | None:
    """The name from `position` on, a lower-case description before it as its role."""
    index = _index_at(tokens, position)
    described = _skip_descriptor(tokens, index)
    chain = _chain_forward(tokens, described)
    if _names_someone_of(tokens, chain):
        return None  # "according to the spokesperson of the Russian president"
    speaker = _speaker_from_chain(sentence, tokens, chain)
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


def _colon_intro(sentence: str, tokens: _Tokens, context: SpeakerContext | None) -> Speaker | None:
    """X was blunt: “…” — a subject and a few words before a colon that opens a quotation.

    A colon ending the sentence ("Kowal was blunt:") counts after a framing
    verb. A lone capitalised word at the start ("Protesters were angry:")
    counts only as a person the article has named in full.
    """
    position = sentence.find(":")
    while position >= 0:
        start = _framing_words(tokens, _index_at(tokens, position))
        if start is not None:
            speaker = _colon_subject(sentence, tokens, start, context)
            if speaker is not None:
                return speaker
        position = sentence.find(":", position + 1)
    return None


def _framing_words(tokens: _Tokens, colon: int) -> int | None:
    """Where the lower-case words before a framing colon start, or None if it frames nothing."""
    texts, lowers = tokens.texts, tokens.lowers
    at_end = colon + 1 >= len(texts)
    if not at_end and texts[colon + 1] not in _OPENING_QUOTES:
        return None  # a list or a time ("10:30"), not a quotation
    start = colon
    while start > 0 and colon - start < 5 and texts[start - 1][0].islower():
        start -= 1
    if start == colon or (at_end and lowers[start] not in _COLON_PREDICATES):
        return None
    if any(lowers[index] in _FRAME_BREAKERS for index in range(start, colon)):
        return None  # "… said that:" is a clause, not a frame
    return start


def _colon_subject(
    sentence: str, tokens: _Tokens, end: int, context: SpeakerContext | None
) -> Speaker | None:
    """The subject ending at token `end` of a framing clause: a pronoun or a name at its start."""
    if end == 0:
        return None
    if tokens.lowers[end - 1] in ("he", "she") and (
        end == 1 or not tokens.texts[end - 2][0].isalnum()
    ):
        pronoun = end - 1
        if context is None:
            return None
        return context.pronoun(tokens.texts[pronoun], tokens.starts[pronoun], tokens.ends[pronoun])
    chain = _chain_backward(tokens, end)
    if not chain:
        return None
    before = chain[0] - 1
    opener = before < 0 or tokens.texts[before] in (",", ";")
    if not opener and tokens.lowers[before] not in _BEFORE_SUBJECT:
        return None  # the chain must open the clause ("Meanwhile", "the minister" may precede)
    speaker = _speaker_from_chain(sentence, tokens, chain)
    if speaker is None or not _is_plausible_subject(speaker):
        return None
    if " " not in speaker.name and not speaker.role and not _names_a_body(speaker.name):
        known = context.resolve(speaker) if context is not None else None
        if known is None:
            return None  # "Protesters were angry:" is nobody the article named
    return _with_role_before(sentence, tokens, chain, speaker)


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


_SPEECH_NOUN_BEFORE = re.compile(
    r"\b(?:remarks?|comments?|statements?|announcements?|claims?|allegations?|pledges?|promises?"
    r"|speech|observations?|assertions?|accusations?|proposals?|predictions?)\s+(?:were\s+|was\s+)?$",
    re.IGNORECASE,
)


def _passive_by(sentence: str, tokens: _Tokens) -> Speaker | None:
    """Announced by X."""
    if "by" not in sentence:
        return None  # a substring test is far cheaper than the regex scan
    for match in _PASSIVE_BY.finditer(sentence):
        if match.group().startswith("made") and not _SPEECH_NOUN_BEFORE.search(
            sentence, max(0, match.start() - 30), match.start()
        ):
            continue  # "efforts made by the newsroom": no statement
        chain = _chain_forward(tokens, _index_at(tokens, match.end()))
        if _names_someone_of(tokens, chain):
            continue  # "as claimed by the Russian side"
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker:
            return speaker
    return None


def _names_someone_of(tokens: _Tokens, chain: range) -> bool:
    """Whether a name is followed by a noun it qualifies: "the Russian president", "the
    Russian side" (an unnamed person or side of it, not the body itself)."""
    following = chain[-1] + 1 if chain else -1
    return 0 < following < len(tokens.texts) and tokens.lowers[following] in _UNNAMED_OF


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
        if not chain:
            body = _described_body(sentence, tokens, index)
            if body is not None:
                return body
            continue
        if _inside_noun_phrase(tokens, chain, verb.group()):
            continue  # "17 US states": "states" is a noun here
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker and _is_plausible_subject(speaker):
            return _with_role_before(sentence, tokens, chain, speaker)
    return None


def _described_body(sentence: str, tokens: _Tokens, index: int) -> Speaker | None:
    """ "the Russian defence ministry said", "the Israeli military said": a body named by
    its country and what it is, in lower case, right before the verb (token `index`)."""
    head = index - 1
    if head < 1 or tokens.lowers[head] not in _GENERIC_BODIES or tokens.is_capitalised(head):
        return None
    start = head
    while start > head - 3 and start > 0 and tokens.texts[start - 1][0].islower():
        start -= 1  # "defence", "foreign affairs"
    country = start - 1
    if country < 1 or not tokens.is_capitalised(country):
        return None
    if tokens.lowers[country - 1] != "the" or not tokens.texts[country].isalpha():
        return None  # "the" in front, a single word of a country: "the Russian …"
    if tokens.lowers[country] in _NOT_NAMES or tokens.lowers[country] in _TITLE_WORDS:
        return None
    if any(tokens.lowers[place] in _STOP_DESCRIPTOR for place in range(start, head)):
        return None
    begin, end = tokens.starts[country], tokens.ends[head]
    return Speaker(sentence[begin:end], None, begin, end, "organisation")


def _inside_noun_phrase(tokens: _Tokens, chain: range, verb: str) -> bool:
    """Whether the chain modifies a noun ("17 US states", "across EU member states"), or
    is the body of an unnamed person who speaks ("experts from NASA say")."""
    if chain[0] == 0:
        return False
    previous = chain[0] - 1
    if tokens.texts[previous][0].isdigit() or tokens.lowers[previous] in _PREPOSITIONS:
        return True  # "the ministry in Berlin said": a place is not the subject
    of = previous - (tokens.lowers[previous] == "the")
    if of > 0 and tokens.lowers[of] in _OF_A_BODY and tokens.lowers[of - 1] in _PEOPLE_OF:
        return True  # "sources within the CBN confirmed", "an economist of ING Bank said"
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
            named = _role_then_name(sentence, tokens, opening, role_span)
            if named is not None:
                return named
            continue
        speaker = _speaker_from_chain(sentence, tokens, _chain_backward(tokens, opening))
        if speaker and _is_plausible_subject(speaker):
            if participle:
                return speaker
            role = sentence[tokens.starts[role_span[0]] : tokens.ends[role_span[-1]]]
            return Speaker(speaker.name, _clean_role(role), speaker.start, speaker.end)
    return None


def _role_then_name(sentence: str, tokens: _Tokens, opening: int, span: range) -> Speaker | None:
    """The spokesman, Mark Ellison, said: a role, then the name between commas."""
    chain = _chain_forward(tokens, span[0])
    if not chain or chain[-1] != span[-1]:
        return None  # the commas must hold a name and nothing else
    start = opening
    while start > 0 and opening - start < _MAX_ROLE_WORDS and tokens.texts[start - 1][0].isalnum():
        start -= 1
    if start > 0 and tokens.texts[start - 1] not in (",", ";", "“", '"', "("):
        return None  # the role must open the clause
    lowers = tokens.lowers
    if start == opening or lowers[start] not in _POSSESSIVE_OPENERS:
        return None
    # The role names a person: "The Minister of Information and Culture", "His spokesman in Geneva".
    described = sentence[tokens.starts[start] : tokens.ends[opening - 1]]
    if lowers[opening - 1] not in _PERSON_NOUNS and _role_head(described) not in _PERSON_NOUNS:
        return None
    speaker = _speaker_from_chain(sentence, tokens, chain)
    if speaker is None or not _is_plausible_subject(speaker):
        return None
    role = speaker.role or sentence[tokens.starts[start] : tokens.ends[opening - 1]]
    return Speaker(speaker.name, _clean_role(role), speaker.start, speaker.end)


def _after_verb(sentence: str, tokens: _Tokens, verbs: list[re.Match[str]]) -> Speaker | None:
    """“…,” said X: the inverted form, with an optional appositive role."""
    for verb in verbs:
        previous = _index_at(tokens, verb.start()) - 1
        if previous < 0 or tokens.texts[previous] not in _BEFORE_INVERSION:
            continue  # inversion follows a quotation or a comma
        after = _index_at(tokens, verb.end())
        named = _skip_lower_role(tokens, after)
        chain = _chain_forward(tokens, named)
        speaker = _speaker_from_chain(sentence, tokens, chain)
        if speaker and _is_plausible_subject(speaker) and _ends_inversion(tokens, chain):
            if named == after:
                return _with_appositive_role(sentence, speaker)
            # "said commissioner Julia Meyer", "said former European Commissioner X"
            prefix = sentence[tokens.starts[after] : tokens.ends[named - 1]]
            if speaker.role:
                return Speaker(speaker.name, f"{prefix} {speaker.role}", speaker.start, speaker.end)
            if tokens.lowers[named - 1] in _TITLE_WORDS:
                return Speaker(speaker.name, prefix, speaker.start, speaker.end)
    return None


def _skip_lower_role(tokens: _Tokens, index: int) -> int:
    """Past a lower-case title before a name ("commissioner", "former finance minister")."""
    lowers, count = tokens.lowers, len(tokens.texts)
    position = index
    while (
        position < count
        and position - index < 4
        and tokens.texts[position][0].islower()
        and (lowers[position] in _TITLE_WORDS or lowers[position] in _ROLE_MODIFIERS)
    ):
        position += 1
    if position == index or position >= count or not tokens.is_capitalised(position):
        return index
    return position


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
    phrase = match.group(1) if match else ""
    words = phrase.split()
    if not words:
        return speaker  # no phrase, or only spaces before the next stop: ",   ."
    first_word = words[0].lower()
    if first_word not in {"the", "a", "an"} and first_word not in _TITLE_WORDS:
        return speaker
    return Speaker(speaker.name, _clean_role(phrase), speaker.start, speaker.end)


def _looks_like_role(tokens: _Tokens, span: range) -> bool:
    """A comma-enclosed phrase that describes a person: "the head of X", "a spokeswoman"."""
    lowers = tokens.lowers
    first = lowers[span[0]]
    if (first in _HONORIFICS or first in _NAME_HONORIFICS) and len(span) > 1:
        return False  # "Mr Adeyinka Adeleke": a name, after a role ("The Commissioner, Mr A, said")
    return (
        first in {"the", "a", "an", "who", "another", "his", "her", "their", "its", "our"}
        or first in _TITLE_WORDS
        or (len(span) <= 6 and any(lowers[index] in _PERSON_NOUNS for index in span))
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


def _kind_of(sentence: str, speaker: Speaker) -> SpeakerKind:
    """An organisation on any cue that the name is a body, place or company; else a person."""
    name = speaker.name
    if _names_a_body(name):
        return "organisation"
    if speaker.role:  # a title is a person's, unless it is a kind of body ("the think tank")
        return "organisation" if _role_head(speaker.role) in _ORG_DESCRIPTORS else "person"
    words = name.split()
    if len(words) > 1:
        if gender_of(words[0]) or words[0].lower() in _GENDERED_WORDS:
            return "person"  # "Anna Kowal", "Duke of Edinburgh"
        if is_place(words[-1]):
            return "organisation"  # "Public Health Scotland", "Cancer Research UK"
    if speaker.start:
        before = _LAST_WORD.search(sentence, max(0, speaker.start - 40), speaker.start)
        if before and before.group(1).lower() in _ORG_DESCRIPTORS:
            return "organisation"  # "the CDC", "the charity Healthwatch"
    return "person"


def _role_head(role: str) -> str:
    """The noun a role is about: a title at its end ("Bank of England Governor"), else its
    last word before any of-/for-phrase ("spokesman for the ministry", "think tank")."""
    words = role.lower().split()
    if words[-1] in _PERSON_NOUNS:
        return words[-1]
    head = ""
    for word in words:
        if word in _ROLE_BREAKS and head:
            break
        head = word
    return head


def _is_role_tail(word: str) -> bool:
    """A word a role must not end on: a joiner, or an adjective that needs more ("responsible")."""
    word = word.lower().strip(_ROLE_PUNCTUATION)
    return word in _ROLE_TAIL or word.endswith(("ible", "able"))


@lru_cache(maxsize=4096)  # an article names the same speakers again and again
def _names_a_body(name: str) -> bool:
    """A known body or place, an acronym ("CDC", "U.S."), or a name with a body word in it."""
    if is_known_organisation(name) or "&" in name:
        return True
    if name.isupper() and sum(character.isalpha() for character in name) > 1:
        return True
    if _ACRONYM_OR_CAMEL.search(name):
        return True  # "NHS England", "YouGov" (not "JD Vance", "McDonald")
    return any(word.lower().strip(".,’'") in _ORG_NAME_WORDS for word in name.split())


def _gender_cue(sentence: str, speaker: Speaker) -> Gender | None:
    """What the mention itself says of a person's gender: "Mrs", "Lord", "spokeswoman"."""
    for word in speaker.role.lower().split() if speaker.role else ():
        if word in _MALE_WORDS:
            return "male"
        if word in _FEMALE_WORDS:
            return "female"
    if not speaker.start:
        return None
    honorific = _HONORIFIC_BEFORE.search(sentence, max(0, speaker.start - 7), speaker.start)
    if honorific is None:
        return None
    word = honorific.group(1).lower()
    return "male" if word in _MALE_WORDS else "female"


@lru_cache(maxsize=4096)
def _role_phrase(role: str) -> str | None:
    """A role as a title or short noun phrase: no clause, at most six words, whole words.

    "who has led the agency" → None; "head of the agency since 2019" → "head of
    the agency"; an over-long phrase is cut before its last of-/for-phrase that
    fits, or dropped.
    """
    role = _LEADING_ARTICLE.sub("", role.strip())
    words = list(_WORD.finditer(role))
    count = len(words)
    for place, word in enumerate(words):
        if word.group().lower().strip(_ROLE_PUNCTUATION) in _CLAUSE_WORDS:
            count = place
            break
    if count > _MAX_ROLE_WORDS:
        breaks = [
            place
            for place in range(1, _MAX_ROLE_WORDS + 1)
            if words[place].group().lower() in _ROLE_BREAKS
        ]
        count = breaks[-1] if breaks else 0
    while count and _is_role_tail(words[count - 1].group()):
        count -= 1
    if not count:
        return None
    phrase = role[: words[count - 1].end()].rstrip(_ROLE_PUNCTUATION)
    return phrase or None


def _learn_titled_names(sentence: str, tokens: _Tokens, context: SpeakerContext) -> None:
    """Remember "Title First Last" mentions even when they are not attributed speech.

    They count as the latest people named, so "He" after "Defence Minister Boris
    Pistorius visited Kyiv." means Pistorius.
    """
    texts = tokens.texts
    index = 0
    while index < len(texts):
        chain = _chain_forward(tokens, index) if texts[index][0].isupper() else None
        if not chain:
            index += 1
            continue
        if len(chain) > 1 and any(tokens.lowers[place] in _TITLE_WORDS for place in chain[:-1]):
            speaker = _speaker_from_chain(sentence, tokens, chain)
            if (
                speaker
                and len(speaker.name.split()) >= 2
                and _kind_of(sentence, speaker) == "person"
            ):
                context.mention(speaker, _gender_cue(sentence, speaker))
        index = chain[-1] + 1
