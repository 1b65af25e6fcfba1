"""The schema validators zzip ships pre-compiled (zzip/schemas/compiled/) are those of today's
schemas: a schema changed without `python -m zzip.schemas.compile_validators` fails here, and
zzip itself would compile the schema at run time rather than use the stale module."""

from __future__ import annotations

import importlib

import pytest

from zzip import schema
from zzip.schemas.compile_validators import digest


@pytest.mark.parametrize("kind", schema.SCHEMA_KINDS)
def test_shipped_validator_matches_its_schema(kind):
    module = importlib.import_module(f"zzip.schemas.compiled.{kind}")
    assert module.SCHEMA_SHA256 == digest(kind), "run: python -m zzip.schemas.compile_validators"
    assert schema._compiled(kind) is module.validate


def test_a_stale_module_is_not_used(monkeypatch):
    module = importlib.import_module("zzip.schemas.compiled.status")
    monkeypatch.setattr(module, "SCHEMA_SHA256", "0" * 64)
    assert schema._compiled("status") is None


def test_the_schema_digest_is_sha256():
    """The digest that decides whether a compiled validator is used is SHA-256, whichever
    implementation computes it."""
    import hashlib

    for data in (b"", b"abc", "计划".encode() * 1000):
        assert schema._sha256(data) == hashlib.sha256(data).hexdigest()
