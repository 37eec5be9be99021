"""What start-up loads: the models must not pull in the extractor (issue 17, start-up)."""

from __future__ import annotations

import subprocess
import sys


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
