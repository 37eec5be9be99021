"""URL import against a local server that misbehaves (tests/hostile/server.py).

Timeouts are set far below their defaults with `--limit`, so no test waits
long; what is asserted is the outcome (refused, one line, nothing written),
never a duration.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile.server import GIB, HostileServer, hostile_server

from claimtrack import limits
from claimtrack.cli import cli
from claimtrack.importers.fetch import USER_AGENT, FetchRefused, fetch

QUICK = ("--limit", "read_timeout_s=0.3", "--limit", "fetch_total_s=3")


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def _import(tmp_path: Path, url: str, *options: str):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "f.db"), *options, "import", url])


def _refused(result, reason: str) -> None:
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    assert reason in line and "Traceback" not in result.output
    assert result.stdout.startswith("0 documents")


def test_a_good_page_is_imported_with_a_clear_user_agent(tmp_path, server):
    result = _import(tmp_path, server.base + "/article")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 document")
    assert server.user_agents[-1] == USER_AGENT and USER_AGENT.startswith("claimtrack/")


def test_a_redirect_to_http_is_followed(tmp_path, server):
    assert _import(tmp_path, server.base + "/redirect-article").exit_code == 0


@pytest.mark.parametrize(
    ("path", "reason", "options"),
    [
        ("/hang", "no response within 0.3 s", QUICK),
        ("/stall", "stalled", QUICK),
        ("/drip", "longer than 0.5 s", ("--limit", "fetch_total_s=0.5")),
        ("/redirect-file", "not file:", ()),
        ("/redirect-ftp", "not ftp:", ()),
        ("/loop", "more than 5 redirects", ()),
        ("/loop", "more than 1 redirects", ("--limit", "redirects=1")),
        ("/bomb?size=100000000", "counted after decompression", ()),
        ("/pdf", "application/pdf, not HTML or text", ()),
        ("/image", "image/png, not HTML or text", ()),
        ("/big?size=2000000", "over the limit of 1,000,000", ("--limit", "fetch_mb=1")),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_misbehaving_server_is_refused_in_one_line(tmp_path, server, path, reason, options):
    _refused(_import(tmp_path, server.base + path, *options), reason)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.txt"])
def test_a_url_other_than_http_is_never_opened(tmp_path, url):
    _refused(_import(tmp_path, url), "only http and https")


def test_the_size_cap_counts_decompressed_bytes_not_the_wire(server):
    # A 30 MB deflate body is about 30 KB on the wire: far below the cap, refused all the same.
    with limits.using(limits.Limits(fetch_mb=10)), pytest.raises(FetchRefused) as refused:
        fetch(server.base + "/deflate-bomb?size=30000000")
    assert "after decompression" in str(refused.value)
    with limits.using(limits.Limits(fetch_mb=40)):
        assert len(fetch(server.base + "/deflate-bomb?size=30000000").text) == 30_000_000


def test_a_gigabyte_gzip_bomb_is_refused_in_under_100_mb(tmp_path, server):
    # Given: a 1 GiB gzip bomb. A small launcher runs the import as its child and reads the
    # child's peak RSS with getrusage(RUSAGE_CHILDREN): Linux counts the memory a process had
    # before exec in its peak, so forking from the (large) test process directly would not do.
    command = [
        sys.executable,
        "-m",
        "claimtrack",
        "--db",
        str(tmp_path / "b.db"),
        "import",
        server.base + f"/bomb?size={GIB}",
    ]
    launcher = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        done = subprocess.run({command!r}, capture_output=True, text=True, timeout=300)
        sys.stderr.write(done.stderr)
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        sys.exit(done.returncode)
        """
    )
    # When
    done = subprocess.run(
        [sys.executable, "-c", launcher],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CLAIMTRACK_LOG_DIR": str(tmp_path)},
    )
    # Then: one line, exit 1, and the peak resident size (kB on Linux) under 100 MB
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.splitlines()
    assert "counted after decompression" in line
    assert int(done.stdout) < 100 * 1024
