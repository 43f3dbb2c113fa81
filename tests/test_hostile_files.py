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
from gen.decode import NotText, binary_type, decode_bytes
from gen.pipeline import build
from gen.settings import Settings


PDF = (b"%PDF-1.4\n1 0 obj << /Length 200 >>\nstream\nBT /F1 12 Tf 72 712 Td ("
       + "某市财政局全面推行远程异地评标，政府采购授予中小企业合同金额12.5亿元。".encode() * 3
       + b") Tj ET\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
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


@pytest.mark.parametrize("raw, kind", [
    (PDF, "PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" * 20, "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "Office 97-2003 document"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a" + b"\x01" * 50, "GIF image"),
    (b"\x1f\x8b\x08\x00" + bytes(range(200)), "gzip archive"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}" + "政府采购".encode(), "RTF document"),
])
def test_document_and_image_formats_are_named_by_their_signature(raw, kind):
    assert binary_type(raw) == kind
    with pytest.raises(NotText, match=kind):
        decode_bytes(raw)


@pytest.mark.parametrize("text", ["PKU 北京大学政府采购中心公告", "BM 公司中标公告\n\n政府采购", "%PD 开头的文字", "GIF 动图说明"])
def test_text_that_starts_like_a_signature_is_still_text(text):
    assert binary_type(text.encode()) is None
    assert decode_bytes(text.encode())[0] == text


@pytest.mark.parametrize("value", ["2024-03-01 10:00:00 +9999", "2024-03-01T10:00:00+24:00", "0001-01-01 00:00:00 +0800",
                                   "9999-12-31 23:00:00 -0800", "Fri, 31 Dec 9999 23:00:00 GMT"])
def test_unusable_dates_are_date_errors(value):
    with pytest.raises(DateError, match="unusable date"):
        parse_date(value)


def test_dates_before_1901_use_china_standard_time():
    assert parse_date("1900-01-01 10:00") == ("1900-01-01", "1900-01-01T10:00:00+08:00")
    assert parse_date("0001-01-01T00:00:00-01:00") == ("0001-01-01", "0001-01-01T09:00:00+08:00")
