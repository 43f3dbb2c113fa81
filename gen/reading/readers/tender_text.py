"""Tender documents extracted from PDF (招标文件, 竞争性磋商文件 …): a cover with the
project name, number, purchaser, agency and date; a table of contents with dot leaders;
page numbers and running headers on every page; hard-wrapped lines; reminder boxes that
are not part of the document; blank templates at the end.

Title: the project name (+ the kind of document the cover names); publisher: the
purchaser (else the agency); date: the cover's, or when the cover gives only the month,
the publication date in that month; doc_number: the project number. Parts and chapters
are headings.
"""

from __future__ import annotations

import re

from gen.models import Block, RawDocument, Source
from gen.reading.readers import _tender_cover as cover_page
from gen.reading.readers import _tender_layout as layout
from gen.reading.readers._scrape import text_family_score
from gen.reading.readers._tender_join import paragraphs

NAME = "tender_text"
HEADING_MAX = 40
# A numbered section title on a line of its own: "一、项目基本情况", "12.投标报价", "（二）合同结算".
SECTION_TITLE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]\s*(?=\D)|[（(][一二三四五六七八九十]{1,3}[）)])[^，。；：:,;！？!?]{2,24}$"
)
SHORT_TITLE = 12
UNPUNCTUATED_TITLE_BREAKERS = re.compile(r"[\d，。；：:,;！？!?（）()、]")
FRONT_SECTION = re.compile(r"^(?:投标邀请|(?:招标|磋商|谈判|询价|采购|比选|遴选)(?:公告|邀请书?)|(?:竞争性)?(?:磋商|谈判)公告)$")


def score(source: Source) -> float:
    return text_family_score(source, NAME)


def read(source: Source) -> RawDocument:
    rules = layout.tender_rules()
    lines = layout.mark_pages(layout.normalised_lines(source.body), rules)
    end = layout.cover_end(lines, rules)
    cover = cover_page.read_cover([line for line in lines[:end] if line != layout.PAGE_BREAK])
    body = layout.drop_notice_boxes(lines[end:], rules)
    body = layout.drop_contents(body)
    body = layout.drop_forms(body, rules)
    date = cover.date or cover_page.date_in_body(body, cover.month)
    warnings = () if date else (("the cover gives only the month",) if cover.month else ("no date found",))
    return RawDocument(
        blocks=tuple(_blocks(paragraphs(body))),
        title=cover.title,
        date=date,
        publisher=cover.purchaser or cover_page.purchaser_in_body(body) or cover.agency,
        doc_number=cover.number,
        warnings=warnings,
        headings_final=True,
    )


def _blocks(texts: list[str]) -> list[Block]:
    """Parts and numbered section titles are headings, except in a list of the parts (two
    or more in a row: "招标文件内容如下：招标公告 / 第一部分 投标人须知 / …")."""
    titles = [bool(layout.PART.match(t) or FRONT_SECTION.match(t)) and len(t) <= HEADING_MAX for t in texts]
    blocks = []
    for index, text in enumerate(texts):
        in_list = titles[index] and ((index > 0 and titles[index - 1]) or (index + 1 < len(texts) and titles[index + 1]))
        part = layout.PART.match(text)
        if titles[index] and not in_list and part:
            # extraction drops the space between a part's number and its name
            blocks.append(Block("h", f"第{part.group(1)}{part.group(2)} {part.group(3)}".strip()))
        elif (titles[index] and not in_list) or SECTION_TITLE.match(text) or _titles_next(texts[index - 1:index], text, texts[index + 1:index + 2]):
            blocks.append(Block("h", text))
        else:
            blocks.append(Block("p", text))
    return blocks


def _titles_next(previous: list[str], text: str, following: list[str]) -> bool:
    """A short unpunctuated line between finished sentences and over a sentence ("项目概况"),
    not a piece of a table cell."""
    after_a_sentence = not previous or previous[0][-1] in "。；;：:" or bool(layout.PART.match(previous[0]))
    return (after_a_sentence and len(text) <= SHORT_TITLE and not UNPUNCTUATED_TITLE_BREAKERS.search(text)
            and bool(following) and len(following[0]) >= 40 and following[0].endswith("。"))
