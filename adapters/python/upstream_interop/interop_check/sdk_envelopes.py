"""Step 1: envelopes from the SDK's builders, judged by our validators.

Every envelope the SDK builds from ordinary input must be valid. Where our
schema is deliberately stricter than the SDK's Pydantic model (documented in
operation.schema.json and docs/conformance/upstream-interop.md), the case
expects the rejection our schema specifies: if that ever changes, on either
side, the check says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from . import sdk_operations as ops
from .demo_world import ACCOUNT_UID, ASSET_UID, DATA_SOURCE_UID, account, asset
from .results import Results
from .verdicts import ACCEPT, Expectation, Validators, reject

STEP = "envelopes"


@dataclass(frozen=True)
class EnvelopeCase:
    name: str
    build: Callable[[], ops.Operation]
    expect: Expectation
    #: For an expected rejection: which looseness of the SDK it is.
    why: str = ""
    #: When set, the SDK's bytes must be exactly these.
    exact_text: str | None = None


def cases() -> list[EnvelopeCase]:
    utc_2020 = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    return [
        EnvelopeCase("contract-example-bytes", ops.contract_example, ACCEPT, exact_text=ops.CONTRACT_EXAMPLE_TEXT),
        EnvelopeCase("docs-build-operation-select", ops.docs_manual_select, ACCEPT),
        EnvelopeCase("docs-build-operation-upsert", lambda: ops.docs_upsert("INTEROP"), ACCEPT),
        EnvelopeCase("sqlalchemy-join-date-in-limit", ops.sqlalchemy_join, ACCEPT),
        EnvelopeCase("sqlalchemy-select-all-assets", lambda: ops.sqlalchemy_all(asset, ASSET_UID, 5), ACCEPT),
        EnvelopeCase("sqlalchemy-select-all-accounts", lambda: ops.sqlalchemy_all(account, ACCOUNT_UID), ACCEPT),
        EnvelopeCase("sqlalchemy-percent-literal-empty-parameter-types", ops.sqlalchemy_percent_literal, ACCEPT),
        EnvelopeCase("sqlalchemy-insert", ops.sqlalchemy_insert, ACCEPT),
        EnvelopeCase("sqlalchemy-update-returning-date", lambda: ops.sqlalchemy_update("INTEROP2"), ACCEPT),
        EnvelopeCase("sqlalchemy-delete-returning", ops.sqlalchemy_delete, ACCEPT),
        EnvelopeCase("timestamp-with-time-zone-named", ops.typed_timestamp, ACCEPT),
        EnvelopeCase("untyped-decimal-uuid-nan-int64", ops.untyped_values, ACCEPT),
        EnvelopeCase(
            "positional-parameters", lambda: ops.positional([utc_2020], {"0": "timestamp with time zone"}), ACCEPT
        ),
        EnvelopeCase(
            "looser-whitespace-only-sql",
            lambda: ops.loose(sql="   "),
            reject(("invalid_format", "/statement/sql")),
            "the SDK only rejects the empty string",
        ),
        EnvelopeCase(
            "looser-empty-meta-table-uid",
            lambda: ops.loose(scope={"data_source_uid": DATA_SOURCE_UID, "tables": [{"metaTableUid": ""}]}),
            reject(("too_small", "/scope/tables/0/meta_table_uid")),
            "the SDK accepts an empty meta_table_uid",
        ),
        EnvelopeCase(
            "looser-empty-alias",
            lambda: ops.loose(
                scope={"data_source_uid": DATA_SOURCE_UID, "tables": [{"metaTableUid": ASSET_UID, "alias": ""}]}
            ),
            reject(("too_small", "/scope/tables/0/alias")),
            "the SDK accepts an empty alias",
        ),
        EnvelopeCase(
            "looser-unknown-type-token",
            lambda: ops.loose(
                sql="SELECT uid FROM public.asset WHERE %(x)s IS NOT NULL",
                parameters={"x": "1 day"},
                parameter_types={"x": "interval"},
            ),
            reject(("invalid_value", "/statement/parameter_types/x")),
            "the SDK passes unknown type tokens through",
        ),
        EnvelopeCase(
            "looser-max-rows-2-53",
            lambda: ops.loose(limits={"max_rows": 2**53}),
            reject(("too_big", "/limits/max_rows")),
            "the SDK has no upper bound on max_rows",
        ),
        EnvelopeCase(
            "looser-statement-timeout-2-31",
            lambda: ops.loose(limits={"statement_timeout_ms": 2**31}),
            reject(("too_big", "/limits/statement_timeout_ms")),
            "the SDK has no upper bound on statement_timeout_ms",
        ),
    ]


def run(results: Results, validators: Validators) -> None:
    """Builds each case with the SDK and checks both validators' verdicts on its wire text."""
    for case in cases():
        try:
            text = ops.wire_text(case.build())
        except Exception as error:  # the SDK refusing its own documented input is a finding
            results.add(STEP, case.name, False, f"the SDK did not build it: {type(error).__name__}: {error}")
            continue
        if case.exact_text is not None and text != case.exact_text:
            results.add(STEP, case.name, False, f"SDK bytes differ from the upstream notes: {text}")
            continue
        verdicts = validators.both(text, "operation")
        met = all(case.expect.met_by(v) for v in verdicts.values())
        if met and case.why:
            detail = f"{case.expect.describe()} for TypeScript and Python, as specified ({case.why})"
        elif met:
            detail = "valid for TypeScript and Python" + (
                "; bytes equal the upstream notes'" if case.exact_text else ""
            )
        else:
            seen = "; ".join(f"{name}: {v.describe()}" for name, v in verdicts.items())
            detail = f"expected {case.expect.describe()}; {seen}; text: {text}"
        results.add(STEP, case.name, met, detail)
