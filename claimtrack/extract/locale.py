"""Where an article comes from, as far as its figures and dates care.

A bare "$" is a US dollar in a US paper and a Canadian one in a Canadian
paper; "03/04" is the 4th of March in the US and the 3rd of April in Britain.
The country is read from the article's web address (its country-code domain,
or a few well-known national outlets on .com); when nothing says, it stays
unknown and the extractor flags what it had to guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from claimtrack.extract.date_words import month_first

__all__ = ["DocumentLocale", "locale_of"]

# Country-code domains whose dollar is not the US one, and the US itself.
_DOLLARS = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}
# Generic domains that belong to one country.
_DOMAINS = {"gov": "US", "mil": "US", "edu": "US", "uk": "GB"}
# National outlets on .com/.org whose country the domain does not say.
_OUTLETS = {
    "apnews.com": "US",
    "cnn.com": "US",
    "foxnews.com": "US",
    "latimes.com": "US",
    "npr.org": "US",
    "nytimes.com": "US",
    "politico.com": "US",
    "usatoday.com": "US",
    "washingtonpost.com": "US",
    "wsj.com": "US",
    "theguardian.com": "GB",
    "independent.co.uk": "GB",
    "cbc.ca": "CA",
    "abc.net.au": "AU",
    "straitstimes.com": "SG",
    "scmp.com": "HK",
}


@dataclass(frozen=True, slots=True)
class DocumentLocale:
    """The article's country (ISO 3166 alpha-2), or None when nothing says."""

    country: str | None = None

    @property
    def dollar(self) -> str | None:
        """The ISO code a bare "$" stands for here; None when unknown (read as USD, flagged)."""
        return _DOLLARS.get(self.country or "")

    @property
    def date_locale(self) -> str | None:
        """`en_US` (month first) or `en_GB` (day first) for numeric dates; None when unknown."""
        if self.country is None:
            return None
        return "en_US" if month_first(f"en_{self.country}") else "en_GB"


def locale_of(url: str | None) -> DocumentLocale:
    """The locale an article's address implies."""
    if not url:
        return DocumentLocale()
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for domain, country in _OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return DocumentLocale(country)
    suffix = host.rsplit(".", 1)[-1] if "." in host else ""
    if suffix in _DOMAINS:
        return DocumentLocale(_DOMAINS[suffix])
    if len(suffix) == 2 and suffix.isalpha():
        return DocumentLocale(suffix.upper())
    return DocumentLocale()
