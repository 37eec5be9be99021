"""Article text with claims highlighted; the colours come from claimtrack.tcss."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from claimtrack.views.passages import Passage

ELLIPSIS = "…"


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
                out.append(passage.heading + "\n", heading)
            if passage.cut_before:
                out.append(ELLIPSIS, cut)
            body = Text(passage.text)
            for start, end in passage.spans:
                body.stylize(claim, start, end)
            if passage.current is not None:
                body.stylize(current, *passage.current)
            out.append_text(body)
            if passage.cut_after:
                out.append(ELLIPSIS, cut)
        return out

    def _style(self, name: str) -> Style | str:
        # Before the widget is mounted there is no stylesheet to ask.
        return self.get_component_rich_style(name) if self.is_mounted else ""
