"""An article's country from its address: which dollar "$" is, which way "03/04" reads."""

from __future__ import annotations

import pytest

from claimtrack.extract.locale import DocumentLocale, locale_of


@pytest.mark.parametrize(
    ("url", "country", "dollar", "date_locale"),
    [
        ("https://www.cbc.ca/news/budget", "CA", "CAD", "en_GB"),
        ("https://www.theglobeandmail.ca/x", "CA", "CAD", "en_GB"),
        ("https://www.abc.net.au/news/1", "AU", "AUD", "en_GB"),
        ("https://www.nytimes.com/2025/11/03/x.html", "US", "USD", "en_US"),
        ("https://www.bls.gov/news.release", "US", "USD", "en_US"),
        ("https://www.bbc.co.uk/news/1", "GB", None, "en_GB"),
        ("https://www.spiegel.de/politik", "DE", None, "en_GB"),
        ("https://news.example.com/drones", None, None, None),
        (None, None, None, None),
        ("not a url at all", None, None, None),
    ],
)
def test_locale_of_an_address(
    url: str | None, country: str | None, dollar: str | None, date_locale: str | None
) -> None:
    locale = locale_of(url)
    assert locale == DocumentLocale(country)
    assert (locale.dollar, locale.date_locale) == (dollar, date_locale)
