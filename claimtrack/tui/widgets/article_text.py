"""Article text with claims highlighted; the colours come from claimtrack.tcss."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from claimtrack.terminal import shown
from claimtrack.views.passages import Passage

ELLIPSIS = "…"


def _shown_body(passage: Passage) -> tuple[str, dict[int, int]]:
    """The passage's text made safe to show, and where each span offset moved to.

    A control shown as `\\x9b` is longer than the character it stands for, so
    the text is cut at every span boundary and each piece shown on its own.
    """
    text = passage.text
    bounds = {0, len(text)}
    for start, end in (*passage.spans, *([passage.current] if passage.current else [])):
        bounds.update((start, end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    pieces: list[str] = []
    moved = {0: 0}
    for start, end in pairwise(cuts):
        pieces.append(shown(text[start:end]))
        moved[end] = moved[start] + len(pieces[-1])
    return "".join(pieces), moved


class ArticleText(Widget):
    """One or more passages of an article, each claim's sentence picked out.

    It renders on demand from component styles, so a theme change repaints it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-text--heading",
        "article-text--claim",
        "article-text--current",
        "article-text--cut",
    }

    def __init__(
        self, passages: Iterable[Passage] = (), *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.passages = list(passages)

    def show(self, passages: Iterable[Passage]) -> None:
        """Replace what is shown."""
        self.passages = list(passages)
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The text as shown, without styles (for tests and copying)."""
        return self._build().plain

    def render(self) -> Text:
        return self._build()

    def _build(self) -> Text:
        if not self.passages:
            return Text("—")
        heading = self._style("article-text--heading")
        claim = self._style("article-text--claim")
        current = self._style("article-text--current")
        cut = self._style("article-text--cut")
        out = Text()
        for number, passage in enumerate(self.passages):
            if number:
                out.append("\n\n")
            if passage.heading:
                out.append(shown(passage.heading, newline=" ") + "\n", heading)
            if passage.cut_before:
                out.append(ELLIPSIS, cut)
            safe, moved = _shown_body(passage)
            body = Text(safe)
            for start, end in passage.spans:
                body.stylize(claim, moved.get(start, start), moved.get(end, end))
            if passage.current is not None:
                start, end = passage.current
                body.stylize(current, moved.get(start, start), moved.get(end, end))
            out.append_text(body)
            if passage.cut_after:
                out.append(ELLIPSIS, cut)
        return out

    def _style(self, name: str) -> Style | str:
        # Before the widget is mounted there is no stylesheet to ask.
        return self.get_component_rich_style(name) if self.is_mounted else ""
