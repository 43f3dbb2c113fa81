"""Front matter: split it from a source, and the typed schema our pages carry.

`PageFrontMatter` declares the keys and their order; `dump` writes them in that order
with YAML quoting that round-trips any title (colons, "#", "---", quotes, braces).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field, fields

import yaml

_FENCE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


SUMMARY_MAX = 120  # characters of text (before HTML escaping)
FRONT_MATTER_MAX_DEPTH = 50  # collections inside collections; real front matter has two or three


class FrontMatterError(ValueError):
    pass


_YAML_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\x85"})


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading (libyaml when present) that keeps timestamps as text: we parse dates ourselves."""


_TextLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_hostile_structure(source: str) -> None:
    """Checked on the event stream, before anything is built (libyaml composes in C, where
    a loader subclass cannot intervene):

    - aliases let a few hundred bytes name a structure of billions of items ("billion
      laughs"): loading shares the repeats, but the first str() or walk over the value
      expands them;
    - deep nesting overflows the C stack of libyaml's composer and kills the process.

    Front matter needs neither.
    """
    depth = 0
    for event in yaml.parse(source, Loader=_TextLoader):
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError("front matter uses YAML aliases")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > FRONT_MATTER_MAX_DEPTH:
                raise FrontMatterError(f"front matter nested deeper than {FRONT_MATTER_MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def split(text: str) -> tuple[dict | None, str]:
    """(front matter mapping, body); (None, text) when there is no front matter fence.

    Raises FrontMatterError when a fence is there but its YAML is not a mapping, uses
    aliases or nests too deeply.
    """
    match = _FENCE.match(text)
    if not match:
        return None, text
    body = text[match.end():]
    try:
        _refuse_hostile_structure(match.group(1))
        data = yaml.load(match.group(1), Loader=_TextLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise FrontMatterError(f"malformed front matter: {str(error).splitlines()[0]}") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping")
    return data, body


@dataclass(frozen=True)
class PageFrontMatter:
    title: str
    date: str = ""
    datetime: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    doc_number: str = ""
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
