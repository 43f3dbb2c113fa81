"""Raw bytes -> text, or a reason why the bytes are not a text source."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# C0/C1 controls except tab and newline, plus bidi overrides/isolates and zero-width
# marks: they can hide or reorder text on the page, and never carry meaning here.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
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


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding). Text has only \\n line ends and no invisible controls."""
    if not raw.strip():
        raise NotText("empty file")
    encoding = _sniff_encoding(raw)
    text = raw.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 50):
        raise NotText(f"undecodable bytes (tried {encoding})")
    return normalise_text(text), encoding


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def _sniff_encoding(raw: bytes) -> str:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name + ("-sig" if name == "utf-8" else "")
    if b"\x00" in raw[:4096]:
        # Without a BOM, NUL bytes mean UTF-16/32 or binary; let the detector decide.
        best = from_bytes(raw[:65536]).best()
        if best is None or not best.encoding.startswith("utf_16") and not best.encoding.startswith("utf_32"):
            raise NotText("binary file (NUL bytes)")
        return best.encoding.replace("_", "-")
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:262144]).best()
    if best is None:
        raise NotText("binary file or unknown encoding")
    return _prefer_superset(best.encoding)


def _prefer_superset(encoding: str) -> str:
    """GB2312 and GBK detections decode more text correctly as GB18030, their superset."""
    name = encoding.lower().replace("-", "_")
    if name in ("gb2312", "gbk", "hz", "gb18030"):
        return "gb18030"
    return name
