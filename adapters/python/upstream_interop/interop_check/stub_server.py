"""Starts the repository's server-stub on the demo world, with a page cap of 2.

The demo world's page cap is the default 1000, so no demo query would ever
page. A copy of the world with ``"limits": {"page_cap": 2}`` makes every
select of more than two rows exercise the SDK's pagination loop. The copy
lives in a temporary directory, so its seed paths are made absolute.
"""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path
from typing import Any

PAGE_CAP = 2


def write_paging_world(demo_world: Path, directory: Path) -> Path:
    """Writes the demo world with ``page_cap`` 2 into ``directory``; returns its path."""
    world = json.loads(demo_world.read_text(encoding="utf-8"))
    base = demo_world.parent
    for source in world["data_sources"]:
        if "seed" in source:
            source["seed"] = [str((base / seed).resolve()) for seed in source["seed"]]
    world["limits"] = {**world.get("limits", {}), "page_cap": PAGE_CAP}
    path = directory / "world.json"
    path.write_text(json.dumps(world, indent=2), encoding="utf-8")
    return path


class StubServer:
    """``node packages/server-stub/dist/cli.js --config WORLD --port 0``, its access log kept in a file."""

    def __init__(self, cli: Path, world: Path, log_file: Path) -> None:
        self._command = ["node", str(cli), "--config", str(world), "--port", "0"]
        self._log_file = log_file
        self._process: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self, timeout: float) -> StubServer:
        log = self._log_file.open("w", encoding="utf-8")
        self._process = subprocess.Popen(self._command, stdout=subprocess.PIPE, stderr=log, text=True)
        log.close()
        line: list[str] = []
        # readline() blocks; a thread lets a stub that never prints fail in time.
        reader = threading.Thread(target=lambda: line.append(self._process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout)
        if not line or not line[0].strip():
            self.stop()
            raise RuntimeError(
                f"server-stub did not print its address within {timeout:.0f}s; stderr: {self._stderr_tail()}"
            )
        self.url = json.loads(line[0])["listening"]
        return self

    def stop(self) -> None:
        """Ends the stub this object started (by its own pid, never by name)."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)

    def access_log(self) -> list[dict[str, Any]]:
        """The stub's JSON access log lines (one per request) written so far."""
        entries = []
        for line in self._log_file.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # start-up messages, warnings
            if isinstance(entry, dict) and "path" in entry:
                entries.append(entry)
        return entries

    def _stderr_tail(self) -> str:
        try:
            return self._log_file.read_text(encoding="utf-8")[-2000:]
        except OSError:
            return "(unreadable)"
