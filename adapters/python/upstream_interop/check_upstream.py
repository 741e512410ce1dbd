#!/usr/bin/env python3
"""Optional interop check: the upstream Python SDK (``mainsequence``) against our validators and server-stub.

    npm run setup:upstream-interop   # once: creates .venv-upstream
    npm run interop:upstream         # this script

1. Envelopes built with the SDK's ``build_operation`` and
   ``compile_sqlalchemy_statement`` are judged by our TypeScript and Python
   validators.
2. The SDK's ``MetaTable.execute_operation`` (selects that page, writes,
   errors) and ``MetaTable.run_query`` run against the server-stub on the demo
   world with a page cap of 2, through a recording proxy; rows are compared
   with the demo seed.
3. Informational probes record the SDK's calls to routes the stub does not
   serve.

Exit status: 0 when everything matched, or with a ``skipped: <reason>`` line
when .venv-upstream is absent; 1 on an incompatibility; 2 when the check
cannot run (packages not built, stub does not start, time limit reached).
See docs/conformance/upstream-interop.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VENV = ROOT / ".venv-upstream"
STUB_CLI = ROOT / "packages/server-stub/dist/cli.js"
CLIENT_CLI = ROOT / "packages/client/dist/cli.js"
DEMO_WORLD = ROOT / "packages/server-stub/worlds/demo/world.json"
DEMO_SEED = ROOT / "packages/server-stub/worlds/demo/seed.sql"

#: Variables that would make the SDK log in, refresh tokens, or fetch a job's
#: start-up state from a real backend: the check runs without them.
_SDK_ENVIRONMENT_TO_DROP = (
    "JOB_RUN_UID",
    "MAINSEQUENCE_REFRESH_TOKEN",
    "MAINSEQUENCE_AUTH_MODE",
    "MAIN_SEQUENCE_PROJECT_UID",
    "MAIN_SEQUENCE_PROJECT_ID",
    "MAINSEQUENCE_RUNTIME_CREDENTIAL_ID",
    "MAINSEQUENCE_RUNTIME_CREDENTIAL_SECRET",
    "LOGGER_FILE_PATH",
    "TDAG_ROOT_PATH",
)


class Deadline(BaseException):
    """The time limit. A BaseException, so that the SDK's ``except Exception`` retry loops cannot swallow it."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--timeout", type=float, default=300, help="hard limit for the whole check, seconds (default 300)"
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=20,
        help="limit per HTTP request and per validator run, seconds (default 20)",
    )
    args = parser.parse_args()

    skipped = _enter_venv()
    if skipped:
        print(f"skipped: {skipped}")
        return 0
    missing = [str(p.relative_to(ROOT)) for p in (STUB_CLI, CLIENT_CLI) if not p.exists()]
    if missing:
        print(f"error: {', '.join(missing)} missing: run `npm run build` first", file=sys.stderr)
        return 2

    def expire(signum: int, frame: object) -> None:
        raise Deadline(f"the check did not finish within {args.timeout:.0f}s")

    signal.signal(signal.SIGALRM, expire)
    signal.alarm(max(1, int(args.timeout)))
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="upstream-interop-") as scratch:
            from interop_check.run import run_check

            return run_check(
                root=ROOT,
                scratch=Path(scratch),
                demo_world=DEMO_WORLD,
                demo_seed=DEMO_SEED,
                stub_cli=STUB_CLI,
                drop_environment=_SDK_ENVIRONMENT_TO_DROP,
                request_timeout=args.request_timeout,
                started=started,
            )
    except Deadline as deadline:
        print(f"error: {deadline}", file=sys.stderr)
        return 2
    finally:
        signal.alarm(0)


def _enter_venv() -> str | None:
    """Re-executes under .venv-upstream's Python; returns why the check is skipped, if it is."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return None
    python = VENV / "bin/python"
    if not python.exists():
        return ".venv-upstream is absent (run `npm run setup:upstream-interop` to install mainsequence==4.4.32)"
    stamp = VENV / ".requirements.sha256"
    if not stamp.exists():
        return ".venv-upstream is incomplete: its set-up did not finish (run `npm run setup:upstream-interop`)"
    requirements = Path(__file__).resolve().parent / "requirements.txt"
    if stamp.read_text(encoding="utf-8") != hashlib.sha256(requirements.read_bytes()).hexdigest():
        return ".venv-upstream is stale: requirements.txt changed since it was set up (run `npm run setup:upstream-interop`)"
    # No __pycache__ next to the sources: the check is run from a git checkout.
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
    return None  # not reached


if __name__ == "__main__":
    sys.exit(main())
