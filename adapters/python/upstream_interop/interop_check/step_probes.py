"""Step 3 (informational): SDK paths that call backend routes outside the protocol.

The stub serves execute-operation and run_query only. These probes run the
SDK's other documented entry points once and record every route they call
and what the SDK made of the stub's 404, so that docs/conformance can say
which calls a harness must answer or avoid. They never fail the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mainsequence.client import MetaTable

from . import sdk_operations as ops
from .demo_world import ASSET_UID
from .recording_proxy import RecordingProxy
from .results import Results

STEP = "probe"


class Probes:
    def __init__(self, proxy: RecordingProxy, results: Results, timeout: float) -> None:
        self._proxy = proxy
        self._results = results
        self._timeout = timeout

    def run(self) -> None:
        self._probe(
            "MetaTable.get(uid=...) (upstream docs' way to get a MetaTable)",
            lambda: MetaTable.get(uid=ASSET_UID, timeout=self._timeout),
        )
        self._probe("MetaTable.get_by_uid(uid)", lambda: MetaTable.get_by_uid(ASSET_UID, timeout=self._timeout))
        self._probe(
            "build_operation without data_source_uid",
            lambda: ops.loose(scope={"tables": [{"metaTableUid": ASSET_UID}]}),
        )
        self._probe("META_TABLES_CONSTANTS (lazy constants)", _read_constants)
        self._probe("CLI: mainsequence meta-table run_query", self._cli)

    def _probe(self, name: str, action: Callable[[], Any]) -> None:
        mark = self._proxy.mark()
        try:
            outcome = f"returned {_short(action())}"
        except Exception as error:  # every outcome is recorded, none is a failure
            outcome = f"raised {type(error).__name__}: {_short(str(error))}"
        calls = [f"{e.method} {e.path} -> {e.status}" for e in self._proxy.since(mark)]
        self._results.add(STEP, name, True, f"calls: {calls or 'none'}; {outcome}", informational=True)

    def _cli(self) -> str:
        cli = Path(sys.executable).parent / "mainsequence"
        completed = subprocess.run(
            [str(cli), "meta-table", "run_query", ASSET_UID, "SELECT uid FROM public.asset ORDER BY uid"],
            capture_output=True,
            text=True,
            timeout=self._timeout * 3,
            env=os.environ.copy(),
        )
        last = (completed.stdout + completed.stderr).strip().splitlines()[-1:] or [""]
        return f"exit {completed.returncode}, last line {last[0]!r}"


def _read_constants() -> Any:
    from mainsequence.client import META_TABLES_CONSTANTS

    return META_TABLES_CONSTANTS.SCHEDULER_HEART_BEAT_FREQUENCY_SECONDS


def _short(value: Any, limit: int = 240) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 3] + "..."
