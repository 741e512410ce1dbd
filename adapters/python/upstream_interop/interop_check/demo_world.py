"""The server-stub demo world as the SDK's users would see it: uids and SQLAlchemy Core tables.

The uids are those of packages/server-stub/worlds/demo/world.json (the same
as the upstream protocol examples). The tables mirror its seed.sql; they are
declared with SQLAlchemy types so that compile_sqlalchemy_statement derives
``parameter_types`` (``date``) the way it would for a real model.
"""

from __future__ import annotations

import sqlalchemy as sa

DATA_SOURCE_UID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd"
ASSET_UID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
ACCOUNT_UID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
#: Owns both tables (read and write).
ANALYST_TOKEN = "demo-analyst-token-0001"
#: The account row of the upstream examples (``Acme Capital``).
ACME_ACCOUNT = "cccccccc-cccc-4ccc-8ccc-cccccccccccc"

metadata = sa.MetaData()

account = sa.Table(
    "account",
    metadata,
    sa.Column("uid", sa.Uuid, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True)),
    schema="public",
)

asset = sa.Table(
    "asset",
    metadata,
    sa.Column("uid", sa.Uuid, primary_key=True),
    sa.Column("account_uid", sa.Uuid, sa.ForeignKey("public.account.uid"), nullable=False),
    sa.Column("symbol", sa.Text, nullable=False),
    sa.Column("decimals", sa.Integer),
    sa.Column("as_of", sa.Date),
    sa.Column("meta", sa.JSON),
    schema="public",
)


def scope_table(meta_table_uid: str, alias: str | None = None, access: str = "read") -> dict[str, str]:
    """A scope entry in the camelCase spelling the upstream docs use (the SDK accepts both)."""
    entry = {"metaTableUid": meta_table_uid, "access": access}
    if alias is not None:
        entry["alias"] = alias
    return entry
