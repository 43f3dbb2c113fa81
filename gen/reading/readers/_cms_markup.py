"""What a CMS page's server template leaves behind, and its publication line.

Server markup (JSP/ASP directives `<%@ … %>`, `<c:import>`, EL `${…}`, PHP) is template
code, not text: it is cut out before the HTML is parsed. The publication line
("发布时间：2011-06-17 发布人：-上海证券报", "2011年09月27 来源：www.ebid360.com") gives the
date, the source and the author.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from gen.cleaning.dates import SHANGHAI
from gen.rules import read_yaml

_PREFIXED_TAG = re.compile(r"</?(?:c|jsp|fmt|fn|s|sx|spring|sec|form|tiles|html|bean|logic|ww):[A-Za-z][^<>]{0,2000}>")
_PARAM = re.compile(r"<(c|jsp):param\b[^<>]{0,500}>[^<]{0,500}</\1:param>")
_EXPRESSION = re.compile(r"\$\{[^}\n]{0,200}\}")
_PERSON = re.compile(r"[\u4e00-\u9fa5]{2,3}")  # a personal name; outlets and bodies are longer or end in 报, 网 …
_LOOSE_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)


@dataclass(frozen=True)
class CmsRules:
    chrome_words: frozenset[str]
    tail_markers: re.Pattern[str]
    drop_lines: re.Pattern[str]
    publication_line: re.Pattern[str]
    source: re.Pattern[str]
    poster: re.Pattern[str]
    author: re.Pattern[str]
    placeholder_names: re.Pattern[str]
    title_separator: re.Pattern[str]


@cache
def cms_rules() -> CmsRules:
    raw = read_yaml("boilerplate.yml")["cms_page"]
    labels = raw["publication_line"]

    def value_after(label: str) -> re.Pattern[str]:
        # a value runs to the next label, a wide space or a separator
        return re.compile(label + r"\s*[:：]\s*(?P<value>.{1,60}?)(?=\s{2,}|[|｜\u3000【\[]|" + labels + r"|$)")

    return CmsRules(
        chrome_words=frozenset(word.lower() for word in raw["chrome_words"]),
        tail_markers=re.compile("|".join(f"(?:{p})" for p in raw["tail_markers"])),
        drop_lines=re.compile("|".join(f"(?:{p})" for p in raw["drop_lines"])),
        publication_line=re.compile(labels),
        source=value_after(raw["source_labels"]),
        poster=value_after(raw["poster_labels"]),
        author=value_after(raw["author_labels"]),
        placeholder_names=re.compile(raw["placeholder_names"]),
        title_separator=re.compile(raw["title_separator"]),
    )


def without_server_markup(text: str) -> str:
    """`<% … %>` blocks (found with str.find, so an unclosed one costs one scan and keeps the
    text after it), JSTL
    parameters with their values, other prefixed tags, and EL expressions."""
    pieces: list[str] = []
    at = 0
    while True:
        start = text.find("<%", at)
        if start < 0:
            pieces.append(text[at:])
            break
        pieces.append(text[at:start])
        end = text.find("%>", start + 2)
        if end < 0:
            # no directive closes after this one, so none after it does either: the rest is text
            pieces.append(text[start + 2:].replace("<%", ""))
            break
        at = end + 2
    text = "".join(pieces)
    text = _PARAM.sub("", text)
    text = _PREFIXED_TAG.sub("", text)
    return _EXPRESSION.sub("", text)


@dataclass(frozen=True)
class Publication:
    date: str = ""
    datetime: str = ""
    source: str = ""
    author: str = ""


def publication_of(line: str, rules: CmsRules) -> Publication | None:
    """The line's date, source and author, when it is a publication line."""
    if len(line) > 160:
        return None
    found = _LOOSE_DATE.search(line)
    if not rules.publication_line.search(line) and not (found and len(line) <= 40):
        return None
    date = moment = ""
    if found:
        date, moment = _date_of(found)
    source = _name(rules.source, line, rules)
    author = _name(rules.author, line, rules)
    poster = _name(rules.poster, line, rules)
    # who posted it: an outlet ("上海证券报") is the source, a person's name the author
    if poster and _PERSON.fullmatch(poster) and not author:
        author = poster
    elif poster and not source:
        source = poster
    return Publication(date, moment, source, author)


def _name(pattern: re.Pattern[str], line: str, rules: CmsRules) -> str:
    match = pattern.search(line)
    if not match:
        return ""
    value = match.group("value").strip(" -—－_:：,，;；")
    return "" if rules.placeholder_names.match(value) else value


def _date_of(match: re.Match[str]) -> tuple[str, str]:
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        if match.group(4) is not None:
            moment = dt.datetime(year, month, day, int(match.group(4)), int(match.group(5)), int(match.group(6) or 0),
                                 tzinfo=SHANGHAI)
            return moment.date().isoformat(), moment.isoformat(timespec="seconds")
        return dt.date(year, month, day).isoformat(), ""
    except ValueError:
        return "", ""
