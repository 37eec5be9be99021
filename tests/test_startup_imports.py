"""What start-up loads (issue 17, start-up): each command only the modules it uses.

`claimtrack --help` loads no SQLAlchemy; `claims list` the read side and not the
service, the extractor, the workbench or the importers, nor the ORM (it reads
through Core); the models not the extractor. Each check runs the command in a
fresh interpreter and reads its sys.modules at exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Loaded by commands that write, extract, import, report or open the workbench.
NOT_FOR_READING = {
    "claimtrack.service",
    "claimtrack.extract.pipeline",
    "claimtrack.extract.quantities",
    "claimtrack.extract.dates",
    "claimtrack.matching",
    "claimtrack.schedule",
    "claimtrack.importers",
    "claimtrack.reports",
    "claimtrack.tui",
    "rapidfuzz",
    "textual",
    "jinja2",
    "alembic",
    "yaml",
    "trafilatura",
    "lxml",
    "dateutil",
}
# What `--help` does without, on top: the database and every table drawing.
NOT_FOR_HELP = NOT_FOR_READING | {
    "sqlalchemy",
    "claimtrack.db",
    "claimtrack.models",
    "claimtrack.queries",
    "claimtrack.reads",
    "claimtrack.views",
    "rich",
    "platformdirs",
}
# What `claims list` does without, on top of NOT_FOR_READING: the ORM, whose import
# alone costs more CPU than sqlite-utils' whole run (benchmarks/startup.py).
NOT_FOR_LISTING = NOT_FOR_READING | {
    "sqlalchemy.orm",
    "claimtrack.models",
    "claimtrack.queries",
    "claimtrack.views",
}

# Runs `claimtrack ARGS` and writes the names in sys.modules, at exit, to PATH.
PROBE = """
import json, sys
path = sys.argv.pop(1)
from claimtrack.cli import main
try:
    main()
finally:
    with open(path, "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)
"""


def _modules_after_command(tmp_path: Path, *args: str) -> set[str]:
    """The modules `claimtrack ARGS` has loaded when it exits (it must succeed)."""
    listing = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k != "CLAIMTRACK_DB"} | {
        "CLAIMTRACK_USER": "alice"
    }
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    return set(json.loads(listing.read_text(encoding="utf-8")))


def _loaded(modules: set[str], names: set[str]) -> set[str]:
    """Which of `names` are loaded, as packages or as any of their submodules."""
    return {name for name in names if any(m == name or m.startswith(name + ".") for m in modules)}


def _loaded_after(statement: str, module: str) -> bool:
    probe = f"import sys; {statement}; print({module!r} in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip() == "True"


def test_the_models_load_the_extractors_types_but_not_the_extractor() -> None:
    assert not _loaded_after("import claimtrack.models", "claimtrack.extract.quantities")
    assert _loaded_after("import claimtrack.models", "claimtrack.extract.types")


def test_the_extractor_still_loads_on_first_use() -> None:
    assert _loaded_after(
        "from claimtrack.extract import extract_claims", "claimtrack.extract.quantities"
    )


def test_help_loads_neither_the_database_nor_any_command_s_work(tmp_path: Path) -> None:
    modules = _modules_after_command(tmp_path, "--help")
    assert "claimtrack.cli" in modules
    assert _loaded(modules, NOT_FOR_HELP) == set()


def test_a_group_s_help_loads_no_models_nor_service(tmp_path: Path) -> None:
    modules = _modules_after_command(tmp_path, "claims", "--help")
    assert _loaded(modules, NOT_FOR_HELP - {"sqlalchemy"}) == set()


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["table", "json"])
def test_claims_list_loads_the_read_side_only(tmp_path: Path, demo_copy, output) -> None:
    path = tmp_path / "demo.db"
    demo_copy(path).dispose()
    modules = _modules_after_command(
        tmp_path, "--db", str(path), "claims", "list", "--limit", "5", *output
    )
    assert {"claimtrack.reads", "claimtrack.serialise", "sqlalchemy"} <= modules
    assert _loaded(modules, NOT_FOR_LISTING) == set()
    # Rich draws the table; JSON needs none of it.
    assert ("rich.table" in modules) == (not output)


@pytest.mark.parametrize(
    "filters",
    [
        ["--status", "new", "--kind", "quantity"],
        ["--tag", "drones", "--document", "1"],
        ["--search", "drones"],
        ["--overdue", "--assignee", "ana"],
    ],
    ids=["columns", "tag-document", "search", "overdue"],
)
def test_claims_list_filtered_loads_no_orm(tmp_path: Path, demo_copy, filters) -> None:
    path = tmp_path / "demo.db"
    demo_copy(path).dispose()
    modules = _modules_after_command(
        tmp_path, "--db", str(path), "claims", "list", "--json", *filters
    )
    assert _loaded(modules, NOT_FOR_LISTING) == set()


@pytest.mark.parametrize(
    "command",
    [["claims", "show", "1", "--json"], ["history", "1"], ["followups", "list", "1"]],
    ids=["show", "history", "followups"],
)
def test_reading_one_claim_loads_the_read_side_only(tmp_path: Path, demo_copy, command) -> None:
    path = tmp_path / "demo.db"
    demo_copy(path).dispose()
    modules = _modules_after_command(tmp_path, "--db", str(path), *command)
    assert "claimtrack.queries" in modules
    assert _loaded(modules, NOT_FOR_READING) == set()


def test_the_values_written_out_for_help_match_their_sources() -> None:
    from claimtrack import cli, queries, team, team_commands

    assert cli.DOCUMENTS_LIMIT == queries.DOCUMENTS_LIMIT
    assert tuple(role.value for role in team.Role) == team_commands.ROLE_NAMES
