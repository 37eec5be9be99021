"""Text from web pages and imports, made safe to print on a reviewer's terminal.

A claim, speaker or title can hold escape sequences (ESC ] 0 ; … BEL retitles
the window, ESC [ 2 J clears the screen, OSC 8 makes a hidden hyperlink) or C1
controls (U+009B is a one-byte CSI on some terminals). `shown` prints each
control character as a visible stand-in instead, so nothing reaches the
terminal as a command and the reviewer sees that the text holds one.
"""

from __future__ import annotations

ESC = 0x1B
DEL = 0x7F

# C0 (but tab and newline) as the Unicode control pictures U+2400 + code: ␛ ␇ ␀ …;
# DEL as ␡; C1 (U+0080–U+009F, invisible in most fonts) as a Python-style `\x9b`.
_VISIBLE: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    DEL: "\u2421",
    **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)},
}

# In JSON only the C0 controls are escaped by json.dumps; DEL and C1 pass raw
# with ensure_ascii=False. `\u009b` keeps the exact text for a JSON reader.
_JSON_ESCAPES: dict[int, str] = {code: f"\\u{code:04x}" for code in (DEL, *range(0x80, 0xA0))}


def shown(text: str, *, newline: str = "\n", markup: bool = False) -> str:
    """`text` with every control character visible, ready to print.

    `newline` replaces each line break (a CRLF counts as one): keep "\\n" for
    free text, give " " or "⏎" for a table cell or a one-line field. With
    `markup`, Rich markup in the text is escaped too, for a string that Rich
    renders as markup (a table cell given as str, a progress description).
    """
    text = text.replace("\r\n", "\n").translate(_VISIBLE)
    if newline != "\n":
        text = text.replace("\n", newline)
    if not markup:
        return text
    from rich.markup import escape  # only Rich output needs it; plain output starts faster

    return escape(text)


def json_line(dumped: str) -> str:
    """A `json.dumps` result with DEL and C1 escaped too (they are legal raw in JSON).

    Such characters can only stand inside JSON strings, so the escape keeps the
    value exact.
    """
    return dumped.translate(_JSON_ESCAPES)
