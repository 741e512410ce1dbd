"""The check's sequence: stub and proxy up, SDK imported, the three steps, the summary."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .demo_world import ANALYST_TOKEN
from .recording_proxy import RecordingProxy
from .results import Results, printable
from .seed_rows import read_seed
from .stub_server import PAGE_CAP, StubServer, write_paging_world
from .verdicts import Validators
from .wire import EXECUTE_ROUTE


def run_check(
    *,
    root: Path,
    scratch: Path,
    demo_world: Path,
    demo_seed: Path,
    stub_cli: Path,
    drop_environment: Iterable[str],
    request_timeout: float,
    started: float,
) -> int:
    results = Results()
    stub = StubServer(stub_cli, write_paging_world(demo_world, scratch), scratch / "stub-access.log")
    try:
        stub.start(timeout=60)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    proxy = RecordingProxy(stub.url).start()
    try:
        _prepare_sdk_environment(scratch, proxy.url, drop_environment)
        print(f"server-stub {stub.url} (demo world, page_cap {PAGE_CAP}), recording proxy {proxy.url}", flush=True)
        importlib.import_module("mainsequence.client")
        print(_versions(), flush=True)
        results.expect_equal("import", "importing the SDK made no backend call", _calls(proxy.since(0)), [])

        # Imported only now: they import the SDK, which reads the environment.
        from . import sdk_envelopes
        from .step_probes import Probes
        from .step_run_query import RunQuery
        from .step_selects import Selects
        from .step_writes import Writes
        from .wire import Wire

        validators = Validators(root, request_timeout)
        seed = read_seed(demo_seed)
        wire = Wire(proxy, validators, results)

        print("1. SDK envelopes -> our validators (TypeScript CLI, Python jsonschema)", flush=True)
        sdk_envelopes.run(results, validators)
        results.expect_equal("envelopes", "building them made no backend call", _calls(proxy.since(0)), [])

        print("2. SDK execution -> server-stub", flush=True)
        protocol_mark = proxy.mark()
        Selects(wire, results, seed, request_timeout).run()
        Writes(wire, results, request_timeout).run()
        RunQuery(wire, results, seed, request_timeout).run()
        other = [c for c in _calls(proxy.since(protocol_mark)) if EXECUTE_ROUTE not in c and "/run_query/" not in c]
        results.expect_equal("execute", "no call outside execute-operation and run_query", other, [])

        print("3. Probes: SDK calls outside the protocol (informational)", flush=True)
        probes_mark = proxy.mark()
        Probes(proxy, results, request_timeout).run()
        extra_routes = sorted({c for c in _calls(proxy.since(probes_mark)) if EXECUTE_ROUTE not in c})

        total = len(proxy.since(0))
        log = stub.access_log()
        results.expect_equal("log", "the stub logged every request the proxy forwarded", len(log), total)
        not_found = sorted({f"{e['method']} {e['path']}" for e in log if e.get("code") == "route_not_found"})
    finally:
        proxy.stop()
        stub.stop()

    return _summary(results, total, not_found, extra_routes, time.monotonic() - started)


def _prepare_sdk_environment(scratch: Path, endpoint: str, drop: Iterable[str]) -> None:
    """Points the SDK at the proxy, before it is imported, and keeps it out of the user's files.

    The SDK reads ``.env`` in the working directory and its CLI login from
    ``~/.config``, and writes logs under ``~/.tdag``: a scratch HOME and
    working directory make the run independent of whoever runs it.
    """
    home = scratch / "home"
    home.mkdir()
    for name in drop:
        os.environ.pop(name, None)
    os.environ.update(
        {"HOME": str(home), "MAINSEQUENCE_ENDPOINT": endpoint, "MAINSEQUENCE_ACCESS_TOKEN": ANALYST_TOKEN}
    )
    os.chdir(scratch)


def _versions() -> str:
    names = ("mainsequence", "SQLAlchemy", "pydantic", "requests", "pandas", "jsonschema")
    return (
        "versions: "
        + ", ".join(f"{n} {importlib.metadata.version(n)}" for n in names)
        + f", Python {sys.version.split()[0]}"
    )


def _calls(exchanges: Iterable[object]) -> list[str]:
    return [f"{e.method} {e.path} -> {e.status}" for e in exchanges]  # type: ignore[attr-defined]


def _summary(results: Results, requests: int, not_found: list[str], extra_routes: list[str], seconds: float) -> int:
    failures = results.failures()
    print("\nSummary")
    for step in ("import", "envelopes", "execute", "run_query", "log"):
        passed, total = results.counts(step)
        print(f"  {step:<10} {passed}/{total} checks passed")
    print(
        f"  requests   {requests} forwarded to the stub; routes it does not serve (404 route_not_found): {not_found or 'none'}"
    )
    print(f"  probes     routes called by SDK paths outside the protocol: {extra_routes or 'none'}")
    print(f"  time       {seconds:.1f}s")
    if failures:
        print(f"\nFAILED: {len(failures)} incompatibilit{'y' if len(failures) == 1 else 'ies'}:")
        for check in failures:
            print(f"  - {check.step}: {check.name}: {printable(check.detail)}")
        return 1
    print("\nOK: mainsequence's envelopes pass our validators and its MetaTable calls work against the server-stub.")
    return 0
