"""Golden pages per source format: tests/golden/<format>/<case>.<ext> -> <case>.expected.md.

Refresh with `make golden` (UPDATE_GOLDEN=1), then read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gen.pipeline import page_for_text
from gen.reading.decode import decode_bytes
from gen.reading.detect import detect

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.glob("*/*") if not p.name.endswith(".expected.md"))


@pytest.mark.parametrize("source", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_page(source: Path):
    text, _ = decode_bytes(source.read_bytes())
    assert detect(text) == source.parent.name, "format detected from content"
    page = page_for_text(text, source.name)
    expected = source.with_name(source.stem + ".expected.md")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(page, encoding="utf-8")
    assert expected.exists(), f"no golden file: run `make golden` to create {expected.name}"
    assert page == expected.read_text(encoding="utf-8")


def test_every_format_has_a_golden_case():
    from gen.reading.detect import FORMATS

    covered = {p.parent.name for p in CASES}
    assert covered >= set(FORMATS) - {"text"}


def test_every_reader_keeps_the_contract():
    """name, score(source) -> float, read(source) -> RawDocument; listed once, in the schema too."""
    import json

    from gen.reading.detect import FORMATS, READERS
    from gen.site.export import SCHEMA_PATH

    for reader in READERS:
        assert isinstance(reader.NAME, str) and callable(reader.score) and callable(reader.read), reader.__name__
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert set(schema["properties"]["sources"]["items"]["properties"]["format"]["enum"]) == set(FORMATS)
