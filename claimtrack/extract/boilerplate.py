"""Recognise the parts of a web page that are never claims: pure, no I/O.

Imported pages carry more than the article: reference lists, footnotes,
bylines, captions, addresses and phone lines, navigation, tables, recipes and
product specifications. `boilerplate_reasons` names, for each sentence, why it
is boilerplate ("reference", "recipe", …) or None for prose. It reads three
levels, in order:

1. the sentence alone: a reference line, a `[1]` footnote, "By Anna Nowak",
   "Photo: …", a phone number, a street address, "2 cups flour",
   "Preheat the oven to 180C", "Weight: 1.2 kg", a pipe- or tab-separated row;
2. its block: a caption credit or a reference piece marks its whole (short)
   paragraph, and a run of consecutive list lines mostly of one boilerplate
   shape ("3 carrots" among ingredients) is that shape throughout;
3. its section: everything under a "References", "Ingredients", "Method",
   "Specifications"… heading, up to the next heading of the article.

Speed matters (the extractor's budget is ≥ 1 MB/s): most sentences are long
prose, and for those every test below stops at a character or word check in C
before any regex runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claimtrack.extract.types import Sentence

__all__ = ["boilerplate_reasons", "ends_with_photo_credit", "mark_boilerplate", "sentence_reason"]

# Lines up to this many words get the tests that only make sense on short
# lines (phone numbers, addresses, ingredients, numeric table rows).
_SHORT_WORDS = 20
# …and up to this many characters: the longest such line in the labelled sets has
# 165. A megabyte without a space is one "word", and no phone, address or table row;
# its regexes would try a match at every one of its characters.
_SHORT_CHARS = 1000
# A label before a colon ("Weight:", "Photo credit:") sits within this many characters.
_LABEL_CHARS = 32
# Labelled lines longer than this are prose after a kicker, not a label and a value.
_LABELLED_WORDS = 40

# --- sentence features -------------------------------------------------------------------

# What a label before a colon says the line is.
_LABELS: dict[str, str] = {
    **dict.fromkeys(
        ["photo", "photos", "photograph", "photography", "image", "images", "picture",
         "pictures", "pictured", "illustration", "graphic", "caption", "credit", "credits",
         "photo credit", "image credit", "image source", "main image", "top image", "video"],
        "caption",
    ),
    **dict.fromkeys(
        ["tel", "tel.", "telephone", "phone", "ph", "fax", "mobile", "mob", "cell", "call",
         "hotline", "whatsapp", "helpline"],
        "phone",
    ),
    **dict.fromkeys(
        ["address", "email", "e-mail", "web", "website", "contact", "location", "venue",
         "hours", "opening hours", "open", "office", "headquarters"],
        "address",
    ),
    **dict.fromkeys(
        ["source", "sources", "reference", "references", "citation", "cited", "via",
         "data source", "sources and notes"],
        "reference",
    ),
    **dict.fromkeys(
        ["note", "notes", "editor's note", "editor’s note", "correction", "corrections",
         "clarification", "disclaimer", "disclosure", "footnote"],
        "footnote",
    ),
    **dict.fromkeys(
        ["author", "authors", "by", "written by", "reporting", "reporter", "correspondent",
         "words", "posted", "published", "updated", "last updated", "first published",
         "date", "dateline"],
        "byline",
    ),
    **dict.fromkeys(
        ["tags", "topics", "filed under", "categories", "category", "share", "related",
         "see also", "read more", "read also", "also read", "more", "follow us", "read next",
         "full report", "full story", "recommended", "trending", "most read"],
        "navigation",
    ),
    **dict.fromkeys(
        ["ingredients", "method", "directions", "instructions", "prep time", "prep",
         "cook time", "cooking time", "total time", "preparation time", "preparation",
         "yield", "serves", "servings", "difficulty", "calories", "nutrition"],
        "recipe",
    ),
}  # fmt: skip
# Kickers that head real news prose ("Exclusive: Russia plans to…"): never a spec label.
_KICKERS = frozenset(
    ["update", "updated", "analysis", "exclusive", "breaking", "opinion", "live", "comment",
     "explainer", "factcheck", "fact check", "interview", "review", "watch", "listen", "read"]
)  # fmt: skip
# Finite verbs and modals: their presence makes a short line prose, not a list item.
_PROSE_VERBS = frozenset(
    ["is", "are", "was", "were", "will", "would", "has", "have", "had", "said", "says", "can",
     "could", "must", "should", "may", "might", "did", "does", "plans", "costs", "cost",
     "rose", "fell", "found", "sold", "paid", "killed", "seized", "produces", "produced",
     "reached", "became", "remains"]
)  # fmt: skip
_NAVIGATION_PHRASES = frozenset(
    ["skip to content", "skip to main content", "back to top", "menu", "main menu", "search",
     "sign in", "log in", "login", "register", "subscribe", "share", "share this",
     "share this article", "share on facebook", "share on twitter", "share on x", "print",
     "email", "next", "previous", "next article", "previous article", "advertisement",
     "sponsored", "sponsored content", "related", "related articles", "related stories",
     "most read", "most popular", "trending", "recommended", "more stories", "more from",
     "you may also like", "comments", "leave a comment", "accept cookies", "cookie settings",
     "terms of use", "privacy policy", "contact us", "about us", "home",
     "newsletter", "see also", "read more", "continue reading", "load more", "show more",
     "connect with us", "leave a reply", "leave a comment", "no comments", "no comments yet",
     "suggested articles", "hide ad", "published on", "breaking news", "latest news",
     "get instant news updates", "for daily alerts", "related posts", "popular posts",
     "your email address will not be published", "required fields are marked",
     "post a comment", "join the conversation", "view comments", "show comments"]
)  # fmt: skip
# How a credit in brackets opens: "(Getty Images)", "(Photo by …)", "(Image: NASA)";
# not "(pictured)", which ends prose.
_CREDIT_OPENINGS = (
    "getty", "afp", "reuters", "ap photo", "ap)", "associated press", "epa", "shutterstock",
    "alamy", "pa media", "pa wire", "bloomberg", "file photo", "handout", "courtesy", "photo",
    "image", "picture:", "credit",
)  # fmt: skip
# A photographer's credit after a slash, at the end: "Jan Kowalski/Reuters".
_CREDIT_AFTER_SLASH = re.compile(
    r" ?/ ?(?:Getty Images|AFP|Reuters|AP|EPA(?:-EFE)?|Shutterstock|Alamy|PA(?: Media| Wire)?|"
    r"Bloomberg|Sipa|Xinhua|Anadolu)(?: via Getty Images)?\)?\.?$",
    re.IGNORECASE,
)
_AGENCY_FIRST = ("REUTERS/", "Reuters/", "AFP/", "AP/", "AP Photo/", "EPA/", "Getty Images/")
_NAME_SLASH_NAME = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)* ?/ ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
)

# Imperative cooking verbs: a line opening with one of these is a method step.
_COOKING_ALWAYS = frozenset(
    ["preheat", "pre-heat", "whisk", "knead", "simmer", "sift", "sauté", "saute", "marinate",
     "garnish", "drizzle", "sprinkle", "grease", "parboil", "deglaze", "caramelise",
     "caramelize", "blanch", "braise"]
)  # fmt: skip
# Verbs also common in news ("Cut oil output…", "Add to that…"): a method step
# only when the line also names something found only in a kitchen.
_COOKING_VERBS = frozenset(
    ["stir", "bake", "mix", "combine", "season", "chop", "dice", "mince", "slice", "fold",
     "toss", "blend", "drain", "melt", "fry", "roast", "grill", "boil", "poach", "add", "heat",
     "place", "pour", "cook", "serve", "transfer", "remove", "bring", "let", "spread", "beat",
     "cut", "put", "divide", "roll", "peel", "rinse", "soak", "brush", "spoon", "arrange",
     "scatter", "chill", "refrigerate", "flip", "crack", "squeeze", "stuff", "wrap", "steam",
     "strain", "mash", "grate", "crush", "pulse", "puree", "purée", "stir-fry", "shred",
     "trim", "halve", "zest"]
)  # fmt: skip
_KITCHEN_THINGS = frozenset(
    ["oven", "pan", "pans", "pot", "saucepan", "skillet", "wok", "bowl", "tray", "baking",
     "dough", "batter", "mixture", "sauce", "flour", "butter", "garlic", "onion", "onions",
     "minutes", "mins", "golden", "tender", "simmer", "lid", "foil", "whisk", "fridge",
     "spoon", "dressing", "marinade", "browned", "softened", "tablespoon", "teaspoon", "tbsp",
     "tsp", "pinch", "boil", "colander", "griddle", "oiled", "greased", "lined"]
)  # fmt: skip
_WORD = re.compile(r"[a-z]+")
_OVEN_TEMPERATURE = re.compile(r"\d ?°|\d ?[cf]\b|gas mark")
# "2 cups flour", "1 tbsp olive oil", "2 large eggs"; a spelled-out amount
# ("a pinch of salt") only with a real measure.
_MEASURES = (
    r"cups?|c\.|tbsps?|tbs|tablespoons?|tsps?|teaspoons?|g|gr|grams?|kg|kilos?|ml|mls|l|"
    r"litres?|liters?|cl|dl|oz|ounces?|lbs?|pounds?|pinch(?:es)?|dash(?:es)?|cloves?|cans?|"
    r"tins?|slices?|sprigs?|bunch(?:es)?|handfuls?|sticks?|packets?|knobs?|stalks?|sheets?|"
    r"jars?|drops?|splash"
)
_INGREDIENT = re.compile(
    rf"(?:(?:\d+(?:[.,/]\d+)?(?: \d/\d)?(?: ?[-–] ?\d+)?|\d* ?[½⅓⅔¼¾⅛])[ -]?(?:x ?)?"
    rf"(?:{_MEASURES}|large|medium|small|whole|ripe|fresh)"
    rf"|(?:a|an|one|two|three|half a|a few)[ -](?:{_MEASURES}))\b",
    re.IGNORECASE,
)
# Participles an ingredient line may hold; any other "-ed" word makes the line prose.
_KITCHEN_PARTICIPLES = frozenset(
    ["diced", "chopped", "minced", "sliced", "grated", "melted", "softened", "peeled",
     "crushed", "sifted", "toasted", "drained", "rinsed", "halved", "quartered", "shredded",
     "cubed", "trimmed", "deseeded", "cooked", "boiled", "roasted", "smoked", "dried",
     "packed", "heaped", "levelled", "leveled", "rounded", "unsalted", "salted", "tinned",
     "canned", "crumbled", "pitted", "skinned", "boned", "whipped", "mixed", "thawed",
     "warmed", "chilled", "blanched", "shelled", "soaked", "cored", "flaked", "seeded",
     "unsweetened", "sweetened", "reduced", "shaved", "torn", "beaten", "frozen", "ground"]
)  # fmt: skip
_TO_TASTE = ("to taste", "(optional)", "for frying", "for greasing", "to serve", "for dusting")

# "[1]", "[a]", "^", "↑", "†", "¹", or "*Figures are…" (one asterisk, not markdown emphasis).
_FOOTNOTE = re.compile(
    r"\[(?:\d{1,3}|[a-z]|[ivx]{1,4})\]|\^|↑|†|‡|\*(?=[A-Z][a-z]+ )|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
)
_FOOTNOTE_STARTS = frozenset("[^↑†‡*¹²³⁴⁵⁶⁷⁸⁹⁰")
_LINE_MARKS = _FOOTNOTE_STARTS | frozenset("!©C")
_DIGIT = re.compile(r"\d")
# Starts only where a run of name characters starts: one pass over a long word.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")

# Phone numbers: international, "(555) 123-4567", "555-123-4567", "0800 555 111".
_PHONE = re.compile(
    r"\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}"
    r"|\(\d{2,5}\)[ .-]?\d{3,4}[ .-]?\d{3,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
    r"|\b0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}\b"
)
_PHONE_DIGITS = range(7, 16)

# A street with its number ("12 Harbour Street", "Jägerstraße 22", "P.O. Box 1234"),
# and the postcodes of a few postal systems (UK, US, Poland, the Netherlands, a
# 4–5 digit code before a town).
_STREET_WORDS = (
    r"(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Drive|Court|Place|"
    r"Square|Terrace|Crescent|Highway|Parkway|Plaza|Way|Straße|Strasse)"
)
_STREET = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,? (?:[A-Z][\w'’.-]* ){{1,3}}{_STREET_WORDS}(?!\w)"
    r"|(?:straße|strasse|weg|platz|gasse|allee|gracht|straat|vej|gade) \d{1,5}\b"
    r"|\b(?:rue|Rue|Via|Calle|Avenida|ul\.) [^,]{2,30}\d|\b(?:Suite|Unit|Floor) \d"
    r"|\bP\.? ?O\.? Box \d|\b\d+(?:st|nd|rd|th) Floor\b"
)
_POSTCODE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{2},? \d{5}(?:-\d{4})?\b|\b\d{2}-\d{3}\b"
    r"|\b\d{4} ?[A-Z]{2}\b|\b\d{4,5} [A-Z][a-zäöüéè]+"
)

# A table cell that is a number: "1,200", "33.7%", "+211", "£4.5bn", "2-1".
_NUMERIC_CELL = re.compile(r"[-+±~<>]?[$€£¥]?\d[\d.,:/–-]*(?:%|[kKmMbB]n?|bn|pp)?")
_MARKDOWN_RULE = re.compile(r"\|? ?:?-{3,}")
_NAVIGATION_SEPARATORS = ("|", "›", "»", " > ", " • ", " · ", " / ")
# A word starting in lower case: prose has many, addresses and table rows almost none.
_LOWERCASE_WORD = re.compile(r"(?<![^ ])[a-z]")

# Reference cues, weighted: a line reaching _REFERENCE_POINTS is a reference.
_REFERENCE_POINTS = 3
_AUTHOR_START = re.compile(
    r"[A-Z][\w'’-]+,? (?:[A-Z]\.[ -]?){1,3}(?=,|&| and | ?\(|\d| [A-Z]|$)"  # Kowalski, J.
    r"|[A-Z][\w'’-]+ [A-Z]{1,3}, [A-Z][\w'’-]+ [A-Z]{1,3}[,.]"  # Smith J, Jones K.
)
_YEAR_IN_PARENTHESES = re.compile(r"\((?:1[6-9]|20)\d\d[a-z]?(?:, [A-Z][a-z]+(?: \d{1,2})?)?\)")
_DOI = re.compile(r"\bdoi\b|doi\.org|\b10\.\d{4,9}/", re.IGNORECASE)
_VOLUME_PAGES = re.compile(
    r"(?<!\d)\d+ ?\(\d+\) ?[:,] ?\d+|\bpp?\. ?\d+|\b[Vv]ol\. ?\d+|\b(?:19|20)\d\d ?; ?\d+"
)
# Vancouver style's "2020;395(10223):497" (year; volume (issue): pages).
_YEAR_VOLUME_PAGES = re.compile(r"\b(?:1[89]|20)\d\d(?: [A-Z][a-z]{2})?; ?\d+(?:\(\d+\))?: ?\d+")
_RETRIEVED = re.compile(r"(?:Retrieved|Accessed|Archived from)\b.{0,30}?(?:\d|from\b)")
_VENUE = re.compile(
    r"\b(?:Journal|Proceedings|Review|Quarterly|Press|Publishing|Publishers|Bulletin|"
    r"Transactions|Letters|Annals)\b"
)


def sentence_reason(text: str) -> str | None:
    """Why `text` alone is boilerplate, or None: the sentence-level features."""
    if not text:
        return None
    # Each family's test runs only when a character or word test in C lets it:
    # most sentences are prose and pass none of them.
    words = text.count(" ") + 1
    if text[0] in _LINE_MARKS and (reason := _marked(text, words)):
        return reason
    colon = text.find(":", 1, _LABEL_CHARS)
    if colon > 0 and words <= _LABELLED_WORDS and (reason := _labelled(text, colon)):
        return reason
    space = text.find(" ")
    lead = (text if space < 0 else text[:space]).lower().lstrip("([").rstrip(",")
    if lead in _LEADS and (reason := _led(text, lead, space, words)):
        return reason
    if (_may_cite(text) or _AUTHOR_START.match(text)) and (reason := _reference(text)):
        return reason
    if _may_separate(text) and (reason := _separated(text)):
        return reason
    if ("/" in text[-40:] or ")" in text[-2:]) and (reason := _credited(text, words)):
        return reason
    return _short_line(text, words) if words <= _SHORT_WORDS and len(text) <= _SHORT_CHARS else None


def _marked(text: str, words: int) -> str | None:
    """A footnote marker, a markdown image or a copyright sign opens the line."""
    first = text[0]
    if first == "!" and text.startswith("!["):
        return "caption"  # a markdown image
    if first in _FOOTNOTE_STARTS and _FOOTNOTE.match(text) and text.count("*") < 2:
        return "footnote"
    if first == "©" or (text.startswith("Copyright") and words <= 15 and _DIGIT.search(text)):
        return "copyright"
    return None


def _labelled(text: str, colon: int) -> str | None:
    """A "Label: value" line: a caption, contact, source, note or a specification."""
    if colon + 1 < len(text) and not text[colon + 1].isspace():
        return None  # "10:30", "3:1", "https://"
    label = text[:colon].strip(" *").lower()
    if label.count(" ") > 3:
        return None  # "The minister said on Tuesday:" introduces prose
    known = _LABELS.get(label)
    if known is not None:
        return known
    if label.startswith("step ") and label[5:].isdigit():
        return "recipe"
    return "spec-list" if _is_specification(label, text[colon + 1 :]) else None


def _is_specification(label: str, value: str) -> bool:
    """ "Weight: 1.2 kg", "Colour: Midnight Black": a short value, no verb, not a kicker."""
    value_words = value.split()
    if not value_words or len(value_words) > 8 or label in _KICKERS:
        return False
    if not _PROSE_VERBS.isdisjoint(word.lower() for word in value_words):
        return False  # "Zelensky: Ukraine will build more drones"
    return len(value_words) <= 3 or _DIGIT.search(value) is not None


def _led(text: str, first: str, space: int, words: int) -> str | None:
    """A line whose first word (lower-cased) gives it away: "By …", "Preheat …", "Published …"."""
    if first == "by":
        return "byline" if _is_byline(text[space + 1 :], words) else None
    if first in _COOKING_ALWAYS:
        return "recipe"
    if first in _COOKING_VERBS:
        # An imperative takes an object or a preposition: "Transfer Deadline Day" is a name.
        following = text[space + 1 : space + 2] if space > 0 else ""
        if following.isupper() or not _names_cooking_thing(text):
            return None
        return "recipe"
    if first in _DATELINE_WORDS and words <= 14:
        return "byline" if _is_dateline(text) else None
    if first in _WEEKDAYS:
        # "Monday, April 6, 2009" alone on its line
        return (
            "byline"
            if words <= 6 and _DIGIT.search(text) and _LOWERCASE_WORD.search(text) is None
            else None
        )
    if first == "file" and text[4:7] in (" - ", " – ", " — "):
        return "caption"  # "FILE - A woman walks past…" (AP's file-photo captions)
    second = text[space + 1 :].split(" ", 1)[0].lower() if space > 0 else ""
    if second == "by" and first in _CREDIT_LEADS and words <= 20:
        return "caption" if first in _PHOTO_LEADS else "byline"
    if words <= 12 and (first, second) in _NAVIGATION_LEADS:
        return "navigation"
    if first in _YIELD_WORDS and words <= 5 and _DIGIT.search(text):
        return "recipe"  # "Serves 4", "Makes 12 cookies"
    return None


_DATELINE_WORDS = frozenset(["published", "updated", "posted", "modified", "last", "first"])
_PHOTO_LEADS = frozenset(["photo", "photos", "photograph", "photographs", "image", "images",
                          "picture", "pictures", "illustration", "illustrations", "video"])  # fmt: skip
_CREDIT_LEADS = _PHOTO_LEADS | frozenset(
    ["reporting", "writing", "editing", "compiled", "written", "words", "interview",
     "photography", "graphics", "research", "produced", "edited"]
)  # fmt: skip
_NAVIGATION_LEADS = frozenset(
    [("follow", "us"), ("follow", "our"), ("see", "also"), ("see", "more"), ("share", "this"),
     ("share", "on"), ("share", "via"), ("read", "more"), ("read", "next"), ("read", "also"),
     ("sign", "up"), ("sign", "in"), ("skip", "to"), ("back", "to"), ("click", "here"),
     ("subscribe", "to"), ("subscribe", "now"), ("more", "from"), ("more", "on")]
)  # fmt: skip
_YIELD_WORDS = frozenset(["serves", "makes", "yield", "yields", "servings"])
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
     "wed", "thu", "fri", "sat", "sun"]
)  # fmt: skip
# Every first word `_led` reads further.
_LEADS = (
    frozenset(["by"])
    | _COOKING_ALWAYS
    | _COOKING_VERBS
    | _DATELINE_WORDS
    | _CREDIT_LEADS
    | frozenset(first for first, _ in _NAVIGATION_LEADS)
    | _YIELD_WORDS
    | _WEEKDAYS
    | frozenset(["file"])
)
_BYLINE_JOINS = frozenset(["and", "in", "for", "at", "the", "of", "de", "van", "von", "da", "&"])


def _is_byline(rest: str, words: int) -> bool:
    """ "By Anna Nowak, Economics Correspondent": names only after "By"."""
    if words > 12 or not rest[:1].isupper():
        return False  # "By 2030…", "By the end of the year…"
    for word in rest.replace(",", " ").replace("|", " ").split():
        if not (word[0].isupper() or word[0].isdigit() or word in _BYLINE_JOINS):
            return False
    return True


def _is_dateline(text: str) -> bool:
    """ "Published 3 hours ago", "Last updated: 3 March 2025 10:32 GMT"."""
    lowered = text.lower()
    if lowered.startswith(("last ", "first ")) and not lowered.startswith(
        ("last updated", "last modified", "first published", "last published")
    ):
        return False
    return " ago" in lowered or _DIGIT.search(text) is not None


def _names_cooking_thing(text: str) -> bool:
    """Whether a line, after its first word, names a kitchen thing or an oven temperature."""
    lowered = text.lower()
    if _OVEN_TEMPERATURE.search(lowered):
        return True
    return not _KITCHEN_THINGS.isdisjoint(_WORD.findall(lowered, text.find(" ") + 1))


def ends_with_photo_credit(line: str) -> bool:
    """Whether a line ends on a photo credit: a caption, complete without a full stop."""
    return _credited(line, line.count(" ") + 1) is not None


def _may_cite(text: str) -> bool:
    """Whether `text` holds a literal some reference cue needs (faster than one regex)."""
    return (
        "(" in text
        or "/" in text
        or ";" in text
        or "p." in text
        or "ol." in text
        or "doi" in text
        or "ISBN" in text
        or "ISSN" in text
        or "etrieved" in text
        or "ccessed" in text
        or "rchived" in text
        or "et al" in text
    )


def _reference(text: str) -> str | None:
    """A reference line: authors, a year, a title, a venue, volume and pages, a DOI."""
    if "ISBN" in text or "ISSN" in text:
        return "reference"
    if ("etrieved" in text or "ccessed" in text or "rchived" in text) and _RETRIEVED.search(text):
        return "reference"
    if ";" in text and _YEAR_VOLUME_PAGES.search(text):
        return "reference"
    # Each cue is looked for only when a literal it needs is there: most prose has none.
    strong = _AUTHOR_START.match(text) is not None
    points = 2 if strong else 0
    if ("doi" in text or "DOI" in text or "10." in text) and _DOI.search(text):
        points, strong = points + 2, True
    has_parenthesis = "(" in text
    if (has_parenthesis or "p." in text or "ol." in text or ";" in text) and _VOLUME_PAGES.search(
        text
    ):
        points, strong = points + 2, True
    if has_parenthesis and _YEAR_IN_PARENTHESES.search(text):
        points += 1
    if "et al" in text:
        points += 1
    if "://" in text or "www." in text:
        points += 1
    if points and points < _REFERENCE_POINTS and _VENUE.search(text):
        points += 1
    if points < _REFERENCE_POINTS:
        return None
    # Weak cues alone ("a study in the Journal of X (2023) by Smith et al.") are
    # a claim citing its source when the line reads as prose.
    if strong or _PROSE_VERBS.isdisjoint(_WORD.findall(text)):
        return "reference"
    return None


def _may_separate(text: str) -> bool:
    """Whether `text` holds a cell or menu separator."""
    return (
        "|" in text
        or "\t" in text
        or "›" in text
        or "»" in text
        or " > " in text
        or " • " in text
        or " · " in text
        or " / " in text
    )


def _separated(text: str) -> str | None:
    """Cells split by tabs or pipes (a table row), or a menu split by separators."""
    if "\t" in text:
        return "table"
    if text[0] == "|" or _MARKDOWN_RULE.match(text):
        return "table"
    items = [text]
    for separator in _NAVIGATION_SEPARATORS:
        items = [part for item in items for part in item.split(separator)]
    items = [item.strip() for item in items if item.strip()]
    if len(items) < 3:
        return None
    if sum(1 for item in items if _NUMERIC_CELL.fullmatch(item)) * 2 >= len(items):
        return "table"
    if all(item.count(" ") < 4 for item in items) and _all_titles(items):
        return "navigation"
    return "table" if text.count("|") >= 2 else None


def _all_titles(items: list[str]) -> bool:
    """Every item starts with a capital: a menu, not table cells."""
    return all(item[0].isupper() for item in items)


def _credited(text: str, words: int) -> str | None:
    """A caption that ends on its photo credit: "(Getty Images)", "Jan Kowalski/Reuters"."""
    if words > 60:
        return None
    tail = text.rstrip(".")
    if tail.endswith(")"):
        opening = tail.rfind("(")
        inside = tail[opening + 1 :].lower() if opening >= 0 else ""
        if inside.startswith(_CREDIT_OPENINGS) and len(inside) < 60:
            return "caption"
    if "/" not in tail[-40:]:
        return None
    if _CREDIT_AFTER_SLASH.search(tail) or tail.startswith(_AGENCY_FIRST):
        return "caption"  # "Jan Kowalski/Reuters", "REUTERS/Olivia Acland"
    if words <= 6 and _LOWERCASE_WORD.search(text) is None and _NAME_SLASH_NAME.fullmatch(tail):
        return "caption"  # "Austin Svehla/Daily News": a photographer and an outlet
    return None


def _short_line(text: str, words: int) -> str | None:
    """The tests that only short lines get: phone, address, ingredient, numbers, menu items."""
    if words <= 12 and (reason := _tiny_line(text, words)):
        return reason
    if _is_ingredient(text, words):
        return "recipe"  # before the digit test: "½ tsp salt", "a pinch of salt"
    if _DIGIT.search(text) is None:
        return None
    if words >= 6 and text[-1] in ".!?":
        # A prose sentence: only an international number makes it a contact line.
        return "phone" if "+" in text and _has_phone(text) else None
    if _has_phone(text):
        return "phone"
    lowercase_words = len(_LOWERCASE_WORD.findall(text))
    if _is_address(text, words, lowercase_words):
        return "address"
    if lowercase_words <= 1 and _is_numeric_row(text):
        return "table"
    return None


def _tiny_line(text: str, words: int) -> str | None:
    """A menu item, a "3 min read" byline or "salt, to taste"."""
    lowered = text.lower()
    if words <= 8 and lowered.strip(" .:!*—–-") in _NAVIGATION_PHRASES:
        return "navigation"
    if "all rights reserved" in lowered or "cc by" in lowered or "creative commons" in lowered:
        return "copyright"  # "(CC BY-SA 3.0)"
    if "@" in text and _EMAIL.search(text):
        return "address"  # "Laura Kelly can be reached at lkelly@example.com."
    if "min read" in lowered:
        return "byline"  # "Reuters · 3 min read"
    if words <= 8 and lowered.endswith(_TO_TASTE):
        return "recipe"
    return None


def _has_phone(text: str) -> bool:
    """A phone number of 7 to 15 digits."""
    if _PHONE.search(text) is None:
        return False  # one scan in C for most lines
    for match in _PHONE.finditer(text):
        digits = sum(1 for char in match.group() if char.isdigit())
        if digits in _PHONE_DIGITS:
            return True
    return False


def _is_address(text: str, words: int, lowercase_words: int) -> bool:
    """A numbered street with a postcode or among capitalised parts, or a bare postcode line."""
    if lowercase_words > 1 and _POSTCODE.search(text) is None:
        return False  # prose: "A fire broke out at 12 Harbour Street on Tuesday."
    # Every form of _STREET holds a space: a line with none ("1-1-1-…") skips the scan.
    if " " in text and _STREET.search(text) is not None:
        return True
    return words <= 6 and lowercase_words == 0 and _POSTCODE.search(text) is not None


def _is_ingredient(text: str, words: int) -> bool:
    """ "2 cups flour", "1 tbsp olive oil", "500 g beef, diced": a measure, no verb."""
    if words > 10 or not _INGREDIENT.match(text):
        return False
    tokens = _WORD.findall(text.lower())
    if not _PROSE_VERBS.isdisjoint(tokens):
        return False  # "1 kg of rice costs more than a day's wages"
    return all(not token.endswith("ed") or token in _KITCHEN_PARTICIPLES for token in tokens)


def _is_numeric_row(text: str) -> bool:
    """Mostly numeric cells and few words: "2026 0.5 1,200", "Arsenal 38 26 6 6 84"."""
    if text.endswith("."):
        return False  # a sentence, however many figures it holds
    cells = text.split()
    if len(cells) < 3:
        return False
    numeric = sum(1 for cell in cells if _NUMERIC_CELL.fullmatch(cell))
    return numeric >= 3 and numeric * 2 >= len(cells)


# --- block and section features -----------------------------------------------------------

# Reasons that mark the whole short paragraph they occur in: a caption is one
# paragraph, a reference is split into sentences at its periods. Each with the
# longest paragraph (in words) it takes over: prose next to a caption stays prose.
_PARAGRAPH_WIDE: dict[str, int] = {
    "reference": 80,
    "footnote": 80,
    "table": 80,
    "caption": 40,
    "address": 40,
    "phone": 40,
}
# Reasons a run of list lines shares: ingredients, specifications, references…
_LIST_SHAPES = frozenset(
    ["recipe", "spec-list", "reference", "table", "address", "phone", "navigation", "footnote"]
)
_LIST_LINE_WORDS = 12
# A sentence this long after a heading is article prose: the heading starts a section.
_PROSE_WORDS = 10

# Section headings whose whole section is boilerplate, by what the section holds.
# Only names a news article would not give its own sections ("Equipment",
# "Latest news" and "Methods" may head reporting).
_SECTIONS: dict[str, str] = {
    **dict.fromkeys(
        ["references", "reference list", "sources", "source", "bibliography", "works cited",
         "citations", "further reading", "external links", "see also",
         "notes and references", "sources and notes", "references and notes", "sources cited"],
        "reference",
    ),
    **dict.fromkeys(
        ["notes", "footnotes", "endnotes", "notes to editors", "notes for editors",
         "editor's notes", "editor’s notes"],
        "footnote",
    ),
    **dict.fromkeys(
        ["ingredients", "method", "directions", "instructions", "you will need",
         "what you need", "what you'll need", "what you’ll need", "nutrition",
         "nutrition facts", "nutritional information", "to serve", "recipe", "the recipe"],
        "recipe",
    ),
    **dict.fromkeys(
        ["specifications", "specs", "tech specs", "technical specifications", "key specs",
         "product details", "product specifications", "in the box", "what's in the box",
         "what’s in the box", "technical data", "technical details",
         "specifications and features", "full specifications"],
        "spec-list",
    ),
    **dict.fromkeys(["plot", "synopsis", "plot summary"], "plot"),
    **dict.fromkeys(
        ["contact", "contact us", "contact details", "contacts", "address", "find us",
         "opening hours", "visit us", "getting there", "media contact", "press contact",
         "media contacts", "press office"],
        "address",
    ),
    **dict.fromkeys(
        ["related", "related articles", "related stories", "related content", "read more",
         "more from", "most read", "most popular", "trending", "recommended",
         "you may also like", "more stories", "more on this story", "tags", "topics", "share",
         "share this article", "comments", "follow us"],
        "navigation",
    ),
    **dict.fromkeys(
        ["about the author", "about the authors", "author", "authors", "author bio",
         "contributors", "credits"],
        "byline",
    ),
}  # fmt: skip
_FRACTIONS = "½⅓⅔¼¾⅛"


def boilerplate_reasons(sentences: Sequence[Sentence]) -> list[str | None]:
    """For each sentence of an article, in order, why it is boilerplate, or None."""
    alone = [sentence_reason(sentence.text) for sentence in sentences]
    reasons = list(alone)
    _spread_over_paragraphs(sentences, reasons)
    _spread_over_list_runs(sentences, alone, reasons)
    _mark_sections(sentences, alone, reasons)
    return reasons


def mark_boilerplate(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with `is_boilerplate` and its reason set; the same list when none is."""
    reasons = boilerplate_reasons(sentences)
    if not any(reasons):
        return sentences
    return [
        sentence if reason is None else replace(sentence, boilerplate=reason)
        for sentence, reason in zip(sentences, reasons, strict=True)
    ]


def _paragraphs(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """(first, last + 1) indices of each paragraph's sentences, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(sentences) + 1):
        if index == len(sentences) or sentences[index].paragraph != sentences[start].paragraph:
            spans.append((start, index))
            start = index
    return spans


def _spread_over_paragraphs(sentences: Sequence[Sentence], reasons: list[str | None]) -> None:
    """A caption credit, a reference piece, a footnote marker… marks its whole short paragraph."""
    for start, end in _paragraphs(sentences):
        if end - start < 2:
            continue
        found = next((r for r in reasons[start:end] if r in _PARAGRAPH_WIDE), None)
        if found is None:
            continue
        if found == "footnote" and reasons[start] != "footnote":
            continue  # a footnote's marker opens its paragraph
        words = sum(sentences[i].text.count(" ") + 1 for i in range(start, end))
        if words <= _PARAGRAPH_WIDE[found]:
            for index in range(start, end):
                reasons[index] = reasons[index] or found


def _is_list_line(
    sentences: Sequence[Sentence], alone: list[str | None], start: int, end: int
) -> bool:
    """A paragraph that is one list-like line: a bullet, a short line, an item read as a heading.

    A real heading ends a list: the run must not carry its shape into the next section.
    """
    if end - start != 1:
        return False
    sentence = sentences[start]
    if sentence.is_heading:
        return _is_item_heading(sentence.text, alone[start])
    return sentence.is_bullet or sentence.text.count(" ") < _LIST_LINE_WORDS


def _spread_over_list_runs(
    sentences: Sequence[Sentence], alone: list[str | None], reasons: list[str | None]
) -> None:
    """A run of list lines mostly of one boilerplate shape takes that shape throughout."""
    run: list[int] = []
    previous = -2
    for start, end in _paragraphs(sentences):
        paragraph = sentences[start].paragraph
        is_item = _is_list_line(sentences, alone, start, end)
        if is_item and paragraph == previous + 1:
            run.append(start)
        else:
            _settle_run(run, reasons)
            run = [start] if is_item else []
        previous = paragraph
    _settle_run(run, reasons)


def _settle_run(run: list[int], reasons: list[str | None]) -> None:
    """Give the run's unmarked lines its majority shape, if at least half share one."""
    if len(run) < 3:
        return
    shapes: dict[str, int] = {}
    for index in run:
        reason = reasons[index]
        if reason in _LIST_SHAPES:
            shapes[reason] = shapes.get(reason, 0) + 1
    if not shapes:
        return
    shape, count = max(shapes.items(), key=lambda item: item[1])
    if count >= 2 and sum(shapes.values()) * 2 >= len(run):
        for index in run:
            reasons[index] = reasons[index] or shape


def _mark_sections(
    sentences: Sequence[Sentence], alone: list[str | None], reasons: list[str | None]
) -> None:
    """Everything under a boilerplate section heading, up to the next heading of the article."""
    section: str | None = None
    for index, sentence in enumerate(sentences):
        if sentence.is_heading:
            starts = _section_reason(sentence.text) if sentence.paragraph else None
            if starts is not None:
                section = starts
                continue
            if (
                section is not None
                and _is_item_heading(sentence.text, alone[index], section)
                and not _prose_follows(sentences, alone, index)
            ):
                reasons[index] = reasons[index] or section
                continue
            section = None
        elif section is not None:
            reasons[index] = reasons[index] or section


def _prose_follows(sentences: Sequence[Sentence], alone: list[str | None], index: int) -> bool:
    """Whether article prose follows the heading at `index`: it heads a section of its own."""
    if index + 1 >= len(sentences):
        return False
    following = sentences[index + 1]
    if following.is_heading or following.is_bullet or alone[index + 1] is not None:
        return False
    return following.text.count(" ") >= _PROSE_WORDS


def _section_reason(heading: str) -> str | None:
    """What a heading's section holds, when it is boilerplate."""
    key = heading.strip(" #*:").lower()
    if "(" in key:
        key = key[: key.index("(")].strip()  # "Ingredients (serves 4)"
    found = _SECTIONS.get(key)
    if found is None and key.startswith("ingredients for") and key.count(" ") < 5:
        return "recipe"
    return found


def _is_item_heading(heading: str, reason: str | None, section: str | None = None) -> bool:
    """A line the splitter read as a heading that is really a list item or a sub-heading."""
    if reason is not None:
        return True  # "Tel: +48 …", "Weight: 1.2 kg" without a full stop
    first = heading[:1]
    if first.isdigit() or first in _FRACTIONS:
        return True  # "3 carrots"
    # A recipe's part: "For the sauce", "For the dough".
    return section == "recipe" and heading.startswith(("For the ", "for the "))
