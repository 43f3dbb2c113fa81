"""Raw bytes -> text, or a reason why the bytes are not a text source."""

from __future__ import annotations

import codecs
import re

# C0/C1 controls except tab and newline, plus bidi overrides/isolates and zero-width
# marks: they can hide or reorder text on the page, and never carry meaning here. Unicode
# noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF) and lone surrogates go too: XML forbids
# them, so one in a title would make the RSS feed ill-formed.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)
_IMPLAUSIBLE = re.compile(
    "[^\\s\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u3040-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\ufffd\u25a0-\u25ff\u2460-\u24ff]"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not a readable text source; the message is the report reason."""


# Document, image and archive formats, by their leading bytes. Without this a PDF whose
# text stream is not compressed decodes as plausible text and becomes an article of PDF
# operators; RTF (text, but markup) would be published control words and all.
_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office 97-2003 document"),
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
)


def binary_type(raw: bytes) -> str | None:
    """The kind of binary document `raw` is, by its signature; None if it has none."""
    head = raw[:16].lstrip(b" \t\r\n").removeprefix(codecs.BOM_UTF8)  # PDF readers accept a little before %PDF-
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return None if kind == "bzip2 archive" and raw[4:10] != b"1AY&SY" else kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP image"
    if head[:2] == b"BM" and raw[6:10] == b"\0\0\0\0":
        return "BMP image"
    return None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding). Text has only \\n line ends and no invisible controls.

    The encoding is "utf-8+replaced" when a UTF-8 file had a few invalid bytes: they
    become U+FFFD and the caller reports it.
    """
    if not raw.strip():
        raise NotText("empty file")
    kind = binary_type(raw)
    if kind:
        raise NotText(f"{kind} (not text)" if kind == "RTF document" else f"binary file: {kind} (not text)")
    encoding = _sniff_encoding(raw)
    text = raw.decode(encoding.removesuffix("+replaced"), errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 50):
        raise NotText(f"undecodable bytes (tried {encoding})")
    text = normalise_text(text)
    if not text.strip():
        raise NotText("blank file")
    if _implausible_share(text) > 0.15:
        raise NotText(f"binary file (not text in {encoding})")
    return text, encoding


def _implausible_share(text: str) -> float:
    """Share of characters that no Chinese or English article would contain."""
    sample = text[:20000]
    return len(_IMPLAUSIBLE.findall(sample)) / max(1, len(sample))


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def _sniff_encoding(raw: bytes) -> str:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name + ("-sig" if name == "utf-8" else "")
    nul_share = raw[:65536].count(0) / min(len(raw), 65536)
    if 0 < nul_share < 0.02:
        # A few stray NULs in otherwise valid UTF-8 are control characters, not binary.
        try:
            raw.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            pass
    if nul_share:
        # Without a BOM, NUL bytes mean UTF-16/32 or binary; let the detector decide.
        best = _detect(raw[:65536])
        if best is None or not best.encoding.startswith("utf_16") and not best.encoding.startswith("utf_32"):
            raise NotText("binary file (NUL bytes)")
        return best.encoding.replace("_", "-")
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        damaged = raw.decode("utf-8", errors="replace").count("\ufffd")
        if damaged <= max(8, len(raw) // 500) and _mostly_utf8(raw):
            return "utf-8+replaced"
    best = _detect(raw[:262144])
    if best is None:
        raise NotText("binary file or unknown encoding")
    return _prefer_superset(best.encoding)


def _detect(raw: bytes):
    from charset_normalizer import (
        from_bytes,  # only non-UTF-8 files need the detector (slow import)
    )

    return from_bytes(raw).best()


def _mostly_utf8(raw: bytes) -> bool:
    """Multi-byte UTF-8 sequences dominate: a UTF-8 file with a few bad bytes, not GBK."""
    valid = len(re.findall(rb"[\xe0-\xef][\x80-\xbf]{2}", raw[:65536]))
    high = sum(1 for b in raw[:65536] if b >= 0x80)
    return high == 0 or 3 * valid >= 0.9 * high


def _prefer_superset(encoding: str) -> str:
    """GB2312 and GBK detections decode more text correctly as GB18030, their superset."""
    name = encoding.lower().replace("-", "_")
    if name in ("gb2312", "gbk", "hz", "gb18030"):
        return "gb18030"
    return name
