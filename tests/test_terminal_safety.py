"""Claims, speakers and titles from web pages never reach the terminal as commands or markup."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from textual.pilot import Pilot

from claimtrack import service
from claimtrack.cli import cli
from claimtrack.config import database_url
from claimtrack.db import Database, open_database
from claimtrack.importers.documents import import_text
from claimtrack.terminal import json_line, shown
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.widgets.article_text import ArticleText
from claimtrack.tui.widgets.claim_list import ClaimList

RETITLE = "\x1b]0;pwned\x07"  # OSC 0: sets the window title
CLEAR = "\x1b[2J"  # CSI 2 J: clears the screen
HYPERLINK = "\x1b]8;;http://evil.example\x1b\\official\x1b]8;;\x1b\\"  # OSC 8
C1 = "\x9b2J\x9d0;t\x9c"  # one-byte CSI, OSC and ST
LINK_MARKUP = "[link=http://evil.example]official[/link]"
STYLE_MARKUP = "[bold red]x[/bold red]"

# One claim per attack, short enough that the table never folds it.
TEMPLATES = {
    "retitle": "Retitle {} the window",
    "clear": "Clear {} the screen",
    "hyperlink": "Link {} here",
    "c1": "C1 {} controls",
    "link": "Read the {} figures",
    "style": "Styled {} words",
}
ATTACKS = {
    "retitle": RETITLE,
    "clear": CLEAR,
    "hyperlink": HYPERLINK,
    "c1": C1,
    "link": LINK_MARKUP,
    "style": STYLE_MARKUP,
}
CLAIMS = {name: template.format(ATTACKS[name]) for name, template in TEMPLATES.items()}
SPEAKER = f"[bold]Evil[/bold]{RETITLE}"
TITLE = f"T{CLEAR}{HYPERLINK}{STYLE_MARKUP}"
OUTLET = f"Out{RETITLE}"

# What the reviewer sees instead.
VISIBLE = {
    "retitle": "␛]0;pwned␇",
    "clear": "␛[2J",
    "hyperlink": "␛]8;;http://evil.example␛\\official␛]8;;␛\\",
    "c1": "\\x9b2J\\x9d0;t\\x9c",
    "link": LINK_MARKUP,
    "style": STYLE_MARKUP,
}
SEEN = {name: template.format(VISIBLE[name]) for name, template in TEMPLATES.items()}
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\x9c", "\x9d")


def assert_safe(output: str) -> None:
    for raw in RAW_CONTROLS:
        assert raw not in output, (raw, output)


# ---------------------------------------------------------------- the function


def test_shown_makes_every_control_visible_and_keeps_the_rest() -> None:
    assert shown(RETITLE) == "␛]0;pwned␇"
    assert shown(CLEAR) == "␛[2J"
    assert shown("\x00\x08\x0b\x0c\x0d\x7f") == "␀␈␋␌␍␡"
    assert shown("\x80\x9b\x9f") == "\\x80\\x9b\\x9f"
    # Tab, newline, ordinary text and non-Latin letters stay as they are.
    assert shown("a\tb\nc — Київ ½ \xa0") == "a\tb\nc — Київ ½ \xa0"
    assert shown("line\r\nnext") == "line\nnext"  # a CRLF is one line break


def test_shown_puts_newlines_as_asked_and_escapes_rich_markup() -> None:
    assert shown("one\ntwo", newline=" ") == "one two"
    assert shown("one\r\ntwo", newline="⏎") == "one⏎two"
    assert shown(STYLE_MARKUP) == STYLE_MARKUP  # plain text: markup left alone
    escaped = shown(LINK_MARKUP + RETITLE, markup=True)
    assert escaped == "\\[link=http://evil.example]official\\[/link]␛]0;pwned␇"
    from rich.text import Text

    assert Text.from_markup(escaped).plain == LINK_MARKUP + "␛]0;pwned␇"


def test_json_line_escapes_del_and_c1_which_json_dumps_leaves_raw() -> None:
    value = {"text": f"{CLEAR}{C1}\x7f"}
    dumped = json.dumps(value, ensure_ascii=False)
    assert "\x9b" in dumped and "\x1b" not in dumped  # why json_line exists
    safe = json_line(dumped)
    assert not any(chr(c) in safe for c in (0x7F, *range(0x80, 0xA0)))
    assert json.loads(safe) == value


# ---------------------------------------------------------------- the command line


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    monkeypatch.setenv("CLAIMTRACK_USER", "alice")
    return tmp_path / "cli.db"


@pytest.fixture
def run(db_path: Path):
    """Run `claimtrack --db <tmp file> ARGS…`; click keeps escape codes (color=True)."""
    runner = CliRunner()
    ok(runner.invoke(cli, ["--db", str(db_path), "db", "upgrade"]))

    def invoke(*args: str) -> Result:
        # color=True: click would otherwise strip CSI sequences itself, hiding a leak.
        return runner.invoke(cli, ["--db", str(db_path), *args], color=True)

    return invoke


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


@pytest.fixture
def hostile(run, db_path: Path) -> dict[str, int]:
    """A claim per attack (the first with a hostile speaker) and a hostile document."""
    ids = {}
    for name, text in CLAIMS.items():
        record = json.loads(ok(run("claims", "add", text, "--json")).stdout)
        ids[name] = record["id"]
    ok(run("claims", "set", str(ids["retitle"]), "--speaker", SPEAKER))
    database = open_database(database_url(str(db_path)))
    try:
        with database.transaction() as session:
            import_text(
                session,
                "alice",
                "The ministry said exports rose 12% in 2024.",
                title=TITLE,
                outlet=OUTLET,
            )
    finally:
        database.dispose()
    return ids


def test_claims_list_shows_controls_and_markup_as_text(run, hostile) -> None:
    output = ok(run("claims", "list")).output
    assert_safe(output)
    for name, visible in VISIBLE.items():
        assert visible in output, (name, output)
    assert "[bold]Evil[/bold]␛" in output  # the speaker, cut to its column


def test_claims_show_shows_controls_and_markup_as_text(run, hostile) -> None:
    for name, claim_id in hostile.items():
        output = ok(run("claims", "show", str(claim_id))).output
        assert_safe(output)
        assert f"\n  {SEEN[name]}\n" in output, output
    output = ok(run("claims", "show", str(hostile["retitle"]))).output
    assert f"speaker: [bold]Evil[/bold]{VISIBLE['retitle']}" in output


def test_history_shows_controls_and_markup_as_text(run, hostile) -> None:
    for name, claim_id in hostile.items():
        output = ok(run("history", str(claim_id))).output
        assert_safe(output)
        assert VISIBLE[name] in output, output
    output = ok(run("history", str(hostile["retitle"]))).output
    assert "[bold]Evil[/bold]" in output  # the speaker edit, markup as text


def test_documents_shows_controls_and_markup_as_text(run, hostile) -> None:
    output = ok(run("documents")).output
    assert_safe(output)
    assert f"T␛[2J{VISIBLE['hyperlink']}{STYLE_MARKUP}" in output, output
    assert "Out␛]0;pwned␇" in output


def test_json_keeps_the_exact_text_with_every_control_escaped(run, hostile) -> None:
    for name, claim_id in hostile.items():
        output = ok(run("claims", "show", str(claim_id), "--json")).output
        assert_safe(output)
        assert json.loads(output)["text"] == CLAIMS[name]
    lines = ok(run("claims", "list", "--json")).output.splitlines()
    assert set(CLAIMS.values()) <= {json.loads(line)["text"] for line in lines}
    (document,) = [json.loads(line) for line in ok(run("documents", "--json")).output.splitlines()]
    assert document["title"] == TITLE


def test_an_error_quoting_a_file_name_shows_its_controls(run, tmp_path: Path) -> None:
    # A folder import names each unreadable file; a file name can hold escapes too.
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / f"evil{CLEAR}{RETITLE}.txt").write_bytes(b"\xff not UTF-8")
    result = run("import", str(folder))
    assert result.exit_code == 1, result.output
    assert_safe(result.output)
    assert "evil␛[2J␛]0;pwned␇.txt: line 1: not UTF-8" in result.output


# ---------------------------------------------------------------- the workbench


def strip_text(claims: ClaimList, y: int) -> str:
    """Line `y` of the queue as it is sent to the terminal."""
    return "".join(segment.text for segment in claims.render_line(y))


def static_text(screen: ClaimScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def test_workbench_queue_and_claim_show_controls_and_markup_as_text(hostile, db_path: Path) -> None:
    database: Database = open_database(database_url(str(db_path)))
    with database.transaction() as session:
        service.add_note(session, "alice", hostile["link"], f"note {STYLE_MARKUP}{CLEAR}")
    app = ClaimtrackApp(database, "alice")

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        claims = pilot.app.screen.query_one(ClaimList)
        queue = "\n".join(strip_text(claims, y) for y in range(claims.size.height))
        assert_safe(queue)
        for name, visible in VISIBLE.items():
            assert visible in queue, (name, queue)
        assert "[bold]Evil[/bold]␛" in queue

        for name, claim_id in hostile.items():
            screen = ClaimScreen(database, "alice", claim_id)
            await pilot.app.push_screen(screen)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            text = static_text(screen, "#claim-text")
            meta = static_text(screen, "#claim-meta")
            history = static_text(screen, "#claim-history")
            shown_all = "\n".join((text, meta, history))
            assert_safe(shown_all)
            assert VISIBLE[name] in text, text
            if name == "retitle":
                assert f"[bold]Evil[/bold]{VISIBLE['retitle']}" in meta, meta
            if name == "link":
                notes = static_text(screen, "#claim-notes")
                assert_safe(notes)
                assert f"note {STYLE_MARKUP}␛[2J" in notes, notes
            assert_safe(screen.query_one(ArticleText).plain)
            pilot.app.pop_screen()
            await pilot.pause()

    async def main() -> None:
        async with app.run_test(size=(200, 40)) as pilot:
            await steps(pilot)

    try:
        asyncio.run(main())
    finally:
        database.dispose()
