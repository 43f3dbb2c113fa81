"""Daily digests posted with front matter (a market morning brief, a procurement news
round-up): a title with the day's date and often no date in the front matter, a byline
with the time and the outlet, many short numbered items under section headings, inline
base64 images, widgets ("收藏到…"), and the vendor's 风险提示 / 版权声明 / 免责声明 at the end.

The date comes from the content: the front matter's when it has one, else the title's
(with the byline's time when the byline names the same day); the publisher is the outlet
the byline names. Items stay one paragraph each; images carried as data: URIs are dropped
(they hold no address a page could link to).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from gen.cleaning.dates import SHANGHAI, DateError, parse_date
from gen.cleaning.text import clean_inline
from gen.models import Block, RawDocument, Source
from gen.reading.readers._post import looks_like_html, split_markdown_leftovers
from gen.rendering.markup import safe_url
from gen.rules import boilerplate, formats, read_yaml

NAME = "digest"
BYLINE_WINDOW = 5  # the byline stands among the first blocks
SCORE = 2.0  # above the post and Markdown families, which read any front matter
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")  # closing #s are stripped in Python, not by a lazy group
_DATA_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\(\s*data:[^)\s]*\s*\)")
_MD_IMAGE = re.compile(r"^!\[([^\]\n]{0,200})\]\(([^)\s]{1,2000})[^)]{0,200}\)$")
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})[^)]{0,200}\)")
_ITEM = re.compile(r"^(?:\d{1,2}[、.．]|[一二三四五六七八九十]+、|[-*+][ \t])")
_MARKS = re.compile(r"\*\*|__|(?<!\\)\*|`")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_TITLE_DATE = re.compile(
    r"(?P<y>\d{4})\s*[年.\-/]\s*(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})|(?<!\d)(?P<cy>20\d{2})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True)
class DigestRules:
    bylines: tuple[re.Pattern[str], ...]
    source_lines: tuple[re.Pattern[str], ...]
    drop_lines: re.Pattern[str]
    tail_markers: re.Pattern[str]
    empty_section: re.Pattern[str]
    signals: tuple[tuple[str, re.Pattern[str], int, float], ...]  # (where, pattern, count, weight)
    min_score: float


@cache
def digest_rules() -> DigestRules:
    junk = read_yaml("boilerplate.yml")["digest"]
    detect = read_yaml("formats.yml")["digest"]
    return DigestRules(
        bylines=tuple(re.compile(p) for p in junk["bylines"]),
        source_lines=tuple(re.compile(p) for p in junk["source_lines"]),
        drop_lines=re.compile("|".join(f"(?:{p})" for p in junk["drop_lines"])),
        tail_markers=re.compile("|".join(f"(?:{p})" for p in junk["tail_markers"])),
        empty_section=re.compile(junk["empty_section"]),
        signals=tuple((s["in"], re.compile(s["pattern"], re.MULTILINE), int(s.get("count", 1)), float(s["weight"]))
                      for s in detect["signals"]),
        min_score=float(detect["min_score"]),
    )


def score(source: Source) -> float:
    if source.front is None:
        return 0.0
    rules = digest_rules()
    window = formats().window
    places = {"title": str(source.front.get("title") or ""), "body": source.body[:50_000], "tail": source.body[-window:]}
    points = 0.0
    for where, pattern, count, weight in rules.signals:
        found = 0
        for _ in pattern.finditer(places[where]):
            found += 1
            if found >= count:
                points += weight
                break
    return SCORE if points >= rules.min_score else 0.0


def read(source: Source) -> RawDocument:
    rules = digest_rules()
    fm = source.front or {}
    title = clean_inline(str(fm.get("title") or ""))
    parts = split_markdown_leftovers(source.body)
    blocks = _html_blocks(parts.html) if looks_like_html(parts.html) else _markdown_blocks(parts.html)
    blocks = [b for b in blocks if b.kind == "img" or not rules.drop_lines.search(b.text)]
    blocks, byline = _without_byline(blocks, rules)
    blocks = _without_empty_sections(_until_disclaimers(blocks, rules), rules)
    date, moment, warnings = _date(fm, title, byline)
    description = clean_inline(str(fm.get("summary") or fm.get("excerpt") or fm.get("description") or ""))
    return RawDocument(
        blocks=tuple(blocks),
        title=title,
        date=date,
        datetime=moment,
        publisher=str(fm.get("publisher") or fm.get("source") or "") or _byline_source(byline),
        author_hint=str(fm.get("author") or ""),
        url=safe_url(str(fm.get("link") or fm.get("url") or parts.url or "")),
        # a tag line ("wind陆家嘴财经新闻") is no summary; the first item then is
        summary=description if len(description) >= 20 else parts.summary,
        warnings=warnings,
        headings_final=True,
    )


def _html_blocks(html: str) -> list[Block]:
    from gen.cleaning.htmlblocks import html_to_blocks  # bs4 is slow to import

    return [b for b in html_to_blocks(html, boilerplate()) if b.kind != "img" or b.src]


def _markdown_blocks(text: str) -> list[Block]:
    """Headings, images and paragraphs; a chunk of numbered lines is one item a line."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", _DATA_IMAGE.sub("", text)):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if len(lines) > 1 and all(_ITEM.match(line) or _HEADING.match(line) for line in lines[1:]):
            groups = lines
        else:
            groups = [" ".join(lines)] if lines else []
        for line in groups:
            blocks.append(_markdown_block(line))
    # an image whose address no page can use (a data: URI, a path beside the post) is dropped
    return [b for b in blocks if (b.kind != "img" and b.text) or b.src]


def _markdown_block(line: str) -> Block:
    heading = _HEADING.match(line)
    if heading:
        return Block("h", _plain(heading.group(2).rstrip(" \t#")))
    image = _MD_IMAGE.match(line)
    if image:
        return Block("img", clean_inline(image.group(1)), src=safe_url(image.group(2)))
    line = re.sub(r"^(?:>|[-*+])[ \t]+", "", line)
    links = tuple((label, safe_url(url)) for label, url in _LINK.findall(line) if safe_url(url))
    return Block("p", _plain(_LINK.sub(r"\1", line)), links=links)


def _plain(text: str) -> str:
    """Markdown emphasis off, backslash escapes ("\\*ST") resolved."""
    return clean_inline(_ESCAPED.sub(r"\1", _MARKS.sub("", text)))


def _without_byline(blocks: list[Block], rules: DigestRules) -> tuple[list[Block], dict[str, str] | None]:
    """The byline's time and outlet, and the blocks without it; the outlet may stand on a
    line of its own after the time."""
    found: dict[str, str] | None = None
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index < BYLINE_WINDOW and block.kind == "p":
            match = next((m for p in rules.bylines if (m := p.match(block.text))), None) if found is None else None
            if match:
                found = {k: v or "" for k, v in match.groupdict().items()}
                continue
            source = next((m for p in rules.source_lines if (m := p.match(block.text))), None)
            if source and not (found or {}).get("source"):
                found = {**(found or {}), "source": source["source"]}
                continue
        kept.append(block)
    return kept, found


def _byline_source(byline: dict[str, str] | None) -> str:
    return (byline or {}).get("source", "").strip()


def _until_disclaimers(blocks: list[Block], rules: DigestRules) -> list[Block]:
    seen_item = False
    for index, block in enumerate(blocks):
        if seen_item and block.kind != "img" and rules.tail_markers.search(block.text):
            return blocks[:index]
        seen_item = seen_item or block.kind == "p"
    return blocks


def _without_empty_sections(blocks: list[Block], rules: DigestRules) -> list[Block]:
    """A section that says "无", and headings left with nothing under them at the end."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        nothing = block.kind == "p" and rules.empty_section.match(block.text)
        if nothing and kept and kept[-1].kind == "h" and (index + 1 == len(blocks) or blocks[index + 1].kind == "h"):
            kept.pop()
            continue
        kept.append(block)
    while kept and kept[-1].kind == "h":
        kept.pop()
    return kept


def _date(fm: dict, title: str, byline: dict[str, str] | None) -> tuple[str, str, tuple[str, ...]]:
    if fm.get("date"):
        try:
            date, moment = parse_date(fm.get("date"))
            return date, moment, ()
        except DateError as error:
            return "", "", (str(error),)
    found = _TITLE_DATE.search(title)
    if not found:
        return "", "", ("no date found",)
    year, month, day = (int(found["y"] or found["cy"]), int(found["m"] or found["cm"]), int(found["d"] or found["cd"]))
    try:
        day_of = dt.date(year, month, day)
    except ValueError:
        return "", "", (f"impossible date in the title {found.group(0)!r}",)
    if byline and byline.get("month") and (int(byline["month"]), int(byline["day"])) == (month, day):
        try:
            moment = dt.datetime(year, month, day, int(byline["hour"]), int(byline["minute"]), tzinfo=SHANGHAI)
            return day_of.isoformat(), moment.isoformat(timespec="seconds"), ()
        except ValueError:
            pass  # a time that cannot be (25:61): the day alone
    return day_of.isoformat(), "", ()
