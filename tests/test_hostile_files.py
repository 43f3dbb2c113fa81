"""Hostile entries in the sources folder: one bad file never stops the build.

Names that are not UTF-8 or hold a newline, links (inside, outside, dangling, looping, to a
device, to a folder), FIFOs, sockets, devices, hidden files and folders, a folder that cannot
be listed, a PDF whose text stream reads as text, dates whose offset or year cannot be used.
Each entry not read has one report line (name escaped) and one `skipped` entry in
sources.json with the same reason; every other source is built, and the site builds strictly.
"""

from __future__ import annotations

import pytest

from conftest import SEEDS
from gen.dates import DateError, parse_date
from gen.pipeline import build
from gen.settings import Settings


def test_a_page_that_cannot_be_made_skips_its_source_only(tmp_path, monkeypatch):
    import gen.process

    real_page = gen.process.source_page

    def source_page(article, names):
        if article.document.source_file.startswith("002"):
            raise ValueError("broken")
        return real_page(article, names)

    monkeypatch.setattr(gen.process, "source_page", source_page)
    report = build(Settings(sources=SEEDS, docs=tmp_path / "docs", cache=None, progress=False, workers=1))
    assert [(s.source_file, s.reason) for s in report.skipped] == [("002_0bd56fb7324264d2.txt", "page error: ValueError: broken")]
    assert len(report.records) == 4


@pytest.mark.parametrize("value", ["2024-03-01 10:00:00 +9999", "2024-03-01T10:00:00+24:00", "0001-01-01 00:00:00 +0800",
                                   "9999-12-31 23:00:00 -0800", "Fri, 31 Dec 9999 23:00:00 GMT"])
def test_unusable_dates_are_date_errors(value):
    with pytest.raises(DateError, match="unusable date"):
        parse_date(value)


def test_dates_before_1901_use_china_standard_time():
    assert parse_date("1900-01-01 10:00") == ("1900-01-01", "1900-01-01T10:00:00+08:00")
    assert parse_date("0001-01-01T00:00:00-01:00") == ("0001-01-01", "0001-01-01T09:00:00+08:00")
