"""Law and regulation texts (Markdown or plain): a `# title`, dated header lines (adopted,
promulgated, amended, takes effect), often an `<!-- INFO END -->` marker, chapters
(`## 第一章　总则`), and articles `第一条 …` with items （一）….

Every article is one paragraph, its later paragraphs and items joined to it, so a link to
an article stays put when another article changes; chapters and sections are headings.
"""

from __future__ import annotations

import re

from gen.cleaning.text import TEXT_STEPS, run_steps
from gen.models import Block, RawDocument, Source
from gen.reading.readers import _law_header as header
from gen.reading.readers._scrape import text_family_score

NAME = "law_text"
_NUMERAL = "一二三四五六七八九十百千零〇两"
ARTICLE = re.compile(r"^(第[" + _NUMERAL + r"\d]+条(?:之[" + _NUMERAL + r"]+)?)(?:[ \u3000]+|(?=[^\s条款项]))")
CHAPTER = re.compile(r"^(第[" + _NUMERAL + r"\d]+[编章节])(?:[ \u3000]+(.*)|$)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$")  # closing #s are stripped in Python: a lazy group before [#]*$ is quadratic
_INFO_END = re.compile(r"^<!--\s*INFO\s+END\s*-->$", re.I)
_COMMENT = re.compile(r"^<!--.*-->$")
_CONTENTS = re.compile(r"^目[ \u3000]*录$")
_PAREN_ITEM = re.compile(r"^[（(]([" + _NUMERAL + r"]{1,4})[）)][ \u3000]*")
_EFFECTIVE_IN_BODY = re.compile(r"自(" + header.DATE.pattern + r")起(?:施行|生效)")
_MARKS = re.compile(r"\*\*|__")


def score(source: Source) -> float:
    return text_family_score(source, NAME)


def read(source: Source) -> RawDocument:
    lines = [line.strip() for line in run_steps(source.body, TEXT_STEPS).split("\n")]
    lines = [line for line in lines if line]
    title, start = _title(lines)
    head_end = _header_end(lines, start)
    head = lines[start:head_end]
    blocks = _body(lines[head_end:], title)
    events = header.events_in(head)
    date = header.main_date(events)
    effective = header.effective_date(events) or _effective_in(blocks)
    return RawDocument(
        blocks=tuple(blocks),
        title=title,
        date=date,
        publisher=header.issuing_body(events, date),
        doc_number=header.order_number(head),
        effective=effective,
        history=tuple((e.date, e.text) for e in events),
        warnings=() if date else ("no date found",),
        headings_final=True,
    )


def _title(lines: list[str]) -> tuple[str, int]:
    """The first Markdown heading, else the first line; and where the header begins."""
    for index, line in enumerate(lines[:5]):
        heading = _MD_HEADING.match(line)
        if heading and not CHAPTER.match(_heading_text(line)):
            return _squeeze(_heading_text(line)), index + 1
    return (_squeeze(lines[0]), 1) if lines else ("", 0)


def _header_end(lines: list[str], start: int) -> int:
    """After the INFO END marker; else before the first chapter, article or contents line."""
    for index, line in enumerate(lines[start:start + 40], start):
        if _INFO_END.match(line):
            return index + 1
    for index, line in enumerate(lines[start:start + 20], start):
        text = _squeeze(_heading_text(line))
        if CHAPTER.match(text) or ARTICLE.match(text) or _CONTENTS.match(text):
            return index
    for index, line in enumerate(lines[start:], start):
        if not header.DATE.search(line):
            return index
    return len(lines)


def _heading_text(line: str) -> str:
    heading = _MD_HEADING.match(line)
    return heading.group(1).rstrip(" \t#") if heading else line


def _body(lines: list[str], title: str) -> list[Block]:
    blocks: list[Block] = []
    article: list[str] = []

    def flush() -> None:
        if article:
            blocks.append(Block("p", "".join(article)))
            article.clear()

    lines = _without_contents(lines)
    for line in lines:
        if _COMMENT.match(line):
            continue
        is_markdown_heading = bool(_MD_HEADING.match(line))
        text = _MARKS.sub("", _heading_text(line)).strip()
        if not text or _squeeze(text) == title:
            continue
        chapter = CHAPTER.match(text)
        if chapter and (is_markdown_heading or len(text) <= 30) and not text.endswith("。"):
            flush()
            name = re.sub(r"\s+", "", chapter.group(2) or "")
            blocks.append(Block("h", f"{chapter.group(1)} {name}".strip()))
        elif ARTICLE.match(text):
            flush()
            article.append(ARTICLE.sub(lambda m: m.group(1) + " ", text, count=1))
        elif is_markdown_heading:
            flush()
            blocks.append(Block("h", _squeeze(text)))
        elif article:
            article.append(_PAREN_ITEM.sub(r"（\1）", text))
        else:
            blocks.append(Block("p", _PAREN_ITEM.sub(r"（\1）", text)))
    flush()
    return blocks


def _without_contents(lines: list[str]) -> list[str]:
    """A table of contents lists the chapters that follow: skip it up to the first chapter's
    second appearance."""
    for index, line in enumerate(lines[:10]):
        if _CONTENTS.match(_squeeze(_heading_text(line))):
            entries = lines[index + 1:]
            first = _squeeze(_heading_text(entries[0])) if entries else ""
            for later, entry in enumerate(entries[1:], start=index + 2):
                if _squeeze(_heading_text(entry)) == first:
                    return lines[:index] + lines[later:]
            return lines
    return lines


def _effective_in(blocks: list[Block]) -> str:
    """The closing article's "本法自…起施行" when the header does not say."""
    for block in reversed(blocks[-12:]):
        found = _EFFECTIVE_IN_BODY.search(block.text)
        if found:
            events = header.events_in([found.group(1) + "施行"])
            if events:
                return events[0].date
    return ""


def _squeeze(text: str) -> str:
    """Spacing inside a CJK title or heading is typesetting ("总　　则"), not text."""
    text = re.sub(r"[ \t\u3000]+", " ", text).strip()
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)
