"""The typed front matter our pages carry.

`PageFrontMatter` declares the keys and their order; `dump` writes them in that order
with YAML quoting that round-trips any title (colons, "#", "---", quotes, braces).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field, fields

from gen.reading.frontmatter import FrontMatterError, split
from gen.reading.kind import LEVELS, TYPES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


SUMMARY_MAX = 120  # characters of text (before HTML escaping)


_YAML_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\x85"})


@dataclass(frozen=True)
class PageFrontMatter:
    title: str
    date: str = ""
    datetime: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    doc_number: str = ""
    provenance: str = ""
    doc_type: str = ""
    issuer_level: str = ""
    effective: str = ""
    history: list[dict] = field(default_factory=list)  # {"date": YYYY-MM-DD, "event": text}, oldest first
    source_file: str = ""
    format: str = ""
    summary: str = ""
    on_topic: bool = False
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def validate(self) -> None:
        if not self.title.strip():
            raise FrontMatterError("empty title")
        if self.date and not _DATE.match(self.date):
            raise FrontMatterError(f"date not YYYY-MM-DD: {self.date}")
        if self.datetime and not _DATETIME.match(self.datetime):
            raise FrontMatterError(f"datetime not ISO 8601 with offset: {self.datetime}")
        if self.doc_type and self.doc_type not in TYPES:
            raise FrontMatterError(f"unknown doc_type: {self.doc_type}")
        if self.issuer_level and self.issuer_level not in LEVELS:
            raise FrontMatterError(f"unknown issuer_level: {self.issuer_level}")
        if self.effective and not _DATE.match(self.effective):
            raise FrontMatterError(f"effective not YYYY-MM-DD: {self.effective}")
        for item in self.history:
            if not (isinstance(item, dict) and set(item) == {"date", "event"} and _DATE.match(str(item["date"]))
                    and isinstance(item["event"], str)):
                raise FrontMatterError(f"history entry not {{date, event}}: {item!r}")
        if len(html.unescape(self.summary)) > SUMMARY_MAX:
            raise FrontMatterError(f"summary longer than {SUMMARY_MAX} characters")
        for name in ("themes", "regions", "tags"):
            if not all(isinstance(v, str) for v in getattr(self, name)):
                raise FrontMatterError(f"{name} must be a list of strings")


KEY_ORDER = tuple(f.name for f in fields(PageFrontMatter))


def dump(front: PageFrontMatter) -> str:
    """YAML block with keys in schema order; empty optional values are left out.

    Every string is written double-quoted in JSON syntax (a subset of YAML), so no title
    can be read back as another type, a comment, a document marker or a flow collection.
    """
    front.validate()
    lines = ["---"]
    for key in KEY_ORDER:
        value = getattr(front, key)
        if value in ("", [], None) and key not in ("title", "on_topic"):
            continue
        if isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif key == "history":
            items = (f"{{\"date\": {_quoted(i['date'])}, \"event\": {_quoted(i['event'])}}}" for i in value)
            lines.append(f"{key}: [{', '.join(items)}]")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_quoted(v) for v in value)}]")
        else:
            lines.append(f"{key}: {_quoted(value)}")
    return "\n".join(lines) + "\n---\n"


def _quoted(value: str) -> str:
    # YAML folds U+2028/U+2029/U+0085 inside quotes as line breaks; JSON leaves them raw.
    return json.dumps(value, ensure_ascii=False).translate(_YAML_BREAKS)


def load(page_text: str) -> PageFrontMatter:
    """Parse a page we wrote back into the schema (used by tests and the briefing layer)."""
    data, _ = split(page_text)
    if data is None:
        raise FrontMatterError("no front matter")
    unknown = set(data) - set(KEY_ORDER)
    if unknown:
        raise FrontMatterError(f"unknown keys: {sorted(unknown)}")
    front = PageFrontMatter(**data)
    front.validate()
    return front
