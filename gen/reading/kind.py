"""A document's type (law, regulation, normative_document, tender, news, digest, other) and
the level of government that issued it (central, provincial, municipal, county, none).

The rules are data (gen/data/doctypes.yml); a division named in the issuer's name gives
its level from the official division codes (gen.understanding.places).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gen.models import Block, Meta
from gen.rules import read_yaml

TYPES = ("law", "regulation", "normative_document", "tender", "news", "digest", "other")
LEVELS = ("central", "provincial", "municipal", "county", "none")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条")


@dataclass(frozen=True)
class TypeRule:
    type: str
    formats: frozenset[str] | None
    fields: tuple[tuple[str, re.Pattern[str]], ...]  # (meta field, pattern searched in it)
    articles: bool


@dataclass(frozen=True)
class KindRules:
    types: tuple[TypeRule, ...]
    default_type: str
    title_suffixes: re.Pattern[str]
    public_body: re.Pattern[str]
    central: re.Pattern[str]
    by_suffix: tuple[tuple[str, re.Pattern[str]], ...]  # most local first
    title_types: frozenset[str]
    type_labels: dict[str, str]
    level_labels: dict[str, str]


@cache
def kind_rules() -> KindRules:
    raw = read_yaml("doctypes.yml")
    types = []
    for item in raw["types"]:
        if item["type"] not in TYPES:
            raise ValueError(f"doctypes.yml: unknown type {item['type']!r}")
        fields = tuple((name, re.compile(item[name])) for name in ("title", "doc_number", "publisher") if name in item)
        formats = frozenset(item["formats"]) if "formats" in item else None
        types.append(TypeRule(item["type"], formats, fields, bool(item.get("articles", False))))
    levels = raw["levels"]
    return KindRules(
        types=tuple(types),
        default_type=raw["default_type"],
        title_suffixes=re.compile(raw["title_suffixes"]),
        public_body=re.compile(levels["public_body"]),
        central=re.compile(levels["central"]),
        by_suffix=tuple((level, re.compile(levels[level])) for level in ("county", "municipal", "provincial")),
        title_types=frozenset(levels["title_types"]),
        type_labels={t: str(raw["type_labels"][t]) for t in TYPES},
        level_labels={level: str(raw["level_labels"][level]) for level in LEVELS},
    )


def type_label(doc_type: str) -> str:
    """"新闻报道 News" for "news"; the id itself for a type the labels do not know."""
    return kind_rules().type_labels.get(doc_type, doc_type)


def level_label(level: str) -> str:
    return kind_rules().level_labels.get(level, level)


def document_type(meta: Meta, family: str, blocks: tuple[Block, ...], rules: KindRules | None = None) -> str:
    rules = rules or kind_rules()
    values = {"title": rules.title_suffixes.sub("", meta.title.strip()), "doc_number": meta.doc_number,
              "publisher": meta.publisher}
    has_articles = None
    for rule in rules.types:
        if rule.formats is not None and family not in rule.formats:
            continue
        if not all(pattern.search(values[name]) for name, pattern in rule.fields):
            continue
        if rule.articles:
            if has_articles is None:
                has_articles = sum(1 for b in blocks[:40] if b.kind == "p" and _ARTICLE.match(b.text)) >= 2
            if not has_articles:
                continue
        return rule.type
    return rules.default_type


def issuer_level(meta: Meta, doc_type: str, rules: KindRules | None = None) -> str:
    """The issuer's level from its name; official documents with no named issuer by their title."""
    rules = rules or kind_rules()
    name = meta.publisher.strip()
    if name:
        return _level_of(name, rules) if rules.public_body.search(name) else "none"
    if doc_type in rules.title_types and meta.title:
        return _level_of(meta.title, rules)
    return "none"


def _level_of(name: str, rules: KindRules) -> str:
    from gen.understanding.places import gazetteer  # the division list loads once, and only when needed

    codes = [place.adcode for place in gazetteer().find(name)]
    if codes:
        return max((_code_level(code) for code in codes), key=LEVELS.index)
    if rules.central.search(name):
        return "central"
    for level, pattern in rules.by_suffix:
        if pattern.search(name):
            return level
    return "none"


def _code_level(code: str) -> str:
    if code.endswith("0000"):
        return "provincial"
    if code.endswith("00") and code[2:4] != "90":
        return "municipal"
    return "county"
