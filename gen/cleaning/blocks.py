"""Shared body rules: from a reader's raw blocks to the article's blocks.

Named steps run in order (see `finish_body`); each takes and returns plain values so a
reader can call the ones its family needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gen.cleaning.text import squash
from gen.models import Block
from gen.rules import Boilerplate
from gen.settings import PARAGRAPH_MAX_CHARS

TERMINAL = "。！？!?；;：:…,，、"
_SECTION_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节部分篇]|[（(][一二三四五六七八九十]+[）)])")
HEAD_WINDOW = 10


@dataclass(frozen=True)
class Credits:
    publisher: str = ""
    author: str = ""
    original_title: str = ""
    provenance: str = ""  # where the article was first printed, as the source says it


def drop_junk_blocks(blocks: list[Block], rules: Boilerplate) -> list[Block]:
    """Drop lines the rules call junk (share buttons, counters, nav links)."""
    return [b for b in blocks if b.kind == "img" or not rules.is_drop(b.text)]


def find_provenance(blocks: list[Block], rules: Boilerplate) -> str:
    """The first provenance line (本文来源 …), looked for before the tail is cut, since sites
    print it among their chrome."""
    return next((b.text.strip() for b in blocks if b.kind in ("p", "bold") and rules.is_provenance(b.text.strip())), "")


def cut_tail(blocks: list[Block], rules: Boilerplate) -> list[Block]:
    """Everything from the first tail marker after the article began is site chrome."""
    seen_body = False
    for index, block in enumerate(blocks):
        if seen_body and rules.is_tail(block.text):
            return blocks[:index]
        if block.kind in ("p", "bold") and len(block.text) >= 40:
            seen_body = True
    return blocks


def take_credits(blocks: list[Block], rules: Boilerplate) -> tuple[list[Block], Credits]:
    """Move source credits, bylines and editor lines out of the body."""
    found: dict[str, str] = {}
    kept: list[Block] = []
    for position, block in enumerate(blocks):
        text = block.text
        if block.kind in ("p", "h", "bold"):
            for credit in rules.credits:
                if credit.prefix and position > 3:
                    continue
                match = credit.pattern.search(text)
                if not match:
                    continue
                for key, value in match.groupdict().items():
                    if value and key not in found:
                        found[key] = value.strip()
                text = text[: match.start()] + text[match.end():] if credit.prefix or credit.suffix else ""
                break
        if text.strip():
            kept.append(replace(block, text=text.strip()))
    publisher = _clean_publisher(found.get("publisher", ""), rules)
    return kept, Credits(publisher, found.get("author", ""), found.get("original_title", ""))


def _clean_publisher(value: str, rules: Boilerplate) -> str:
    if value in ("本报", "本站", "本网", "网络", "互联网"):
        return ""
    for noise in rules.publisher_noise:
        value = noise.sub("", value)
    return value.strip(" ：:，,")


def find_title_repeat(blocks: list[Block], title: str) -> int:
    """Index of the last repetition of the title near the top, or -1."""
    key = squash(title)
    last = -1
    if not key:
        return last
    for index, block in enumerate(blocks[:HEAD_WINDOW]):
        if squash(block.text).strip("→↓") == key.strip("→↓"):
            last = index
    return last


def drop_head(blocks: list[Block], title: str, rules: Boilerplate, *, scrape: bool) -> list[Block]:
    """Remove the title repetition and what stands before it in the head.

    For scrapes everything before the last repetition is page chrome. For posts only
    short kicker lines (column names, slogans) before it go.
    """
    blocks = [b for b in blocks if not rules.is_header(b.text)] if scrape else blocks
    cut = find_title_repeat(blocks, title)
    if cut < 0:
        return blocks
    head = [] if scrape else [b for b in blocks[:cut] if not _is_kicker(b)]
    return head + blocks[cut + 1:]


def _is_kicker(block: Block) -> bool:
    return len(block.text) <= 25 and not any(ch in block.text for ch in "。！？；")


def drop_teaser(blocks: list[Block]) -> list[Block]:
    """A line ending in "..." that repeats the text after it is a teaser, not content."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text.rstrip()
        if block.kind == "p" and re.search(r"(\.\.\.|…|……)$", text):
            stem = squash(re.sub(r"(\.\.\.|…)+$", "", text))
            after = squash("".join(b.text for b in blocks[index + 1: index + 40]))
            if len(stem) >= 10 and (after.startswith(stem) or stem[:30] in after[:600]):
                continue
        kept.append(block)
    return kept


def mark_headings(blocks: list[Block]) -> list[Block]:
    """Short standalone lines between paragraphs, and 一、 sections, become headings."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1:index + 2]
        if block.kind == "bold":
            is_head = bool(following) and following[0].kind == "p" and block.text[-1] not in "。！？"
            block = replace(block, kind="h" if is_head else "p")
        elif block.kind == "p" and _looks_like_heading(block.text, following):
            block = replace(block, kind="h")
        out.append(block)
    return out


def _looks_like_heading(text: str, following: list[Block]) -> bool:
    if len(text) > 40 or text[-1] in TERMINAL or "。" in text:
        return False
    if text[0] in "（(" and text[-1] in "）)":
        return False
    if not following or following[0].kind != "p":
        return False
    nxt = following[0].text
    if _SECTION_HEAD.match(text):
        return True
    return len(nxt) >= max(2 * len(text), 20) and nxt[-1] in TERMINAL + "”」）)"


def merge_lead_labels(blocks: list[Block], rules: Boilerplate) -> list[Block]:
    """"编者按：" alone on a line becomes the bold lead-in of the next paragraph."""
    out: list[Block] = []
    pending = ""
    for block in blocks:
        label = block.text.rstrip(":： ")
        if block.kind in ("p", "h", "bold") and label in rules.lead_labels:
            pending = label
            continue
        if pending and block.kind == "p":
            block = replace(block, text=f"{pending}：{block.text}")
            pending = ""
        out.append(block)
    return out


def finish_body(
    blocks: list[Block], title: str, rules: Boilerplate, *, scrape: bool, guess_headings: bool = True,
) -> tuple[list[Block], Credits]:
    """The steps every family shares, in order; `guess_headings` False keeps the reader's
    headings (short lines stay paragraphs, bold lines become paragraphs)."""
    blocks = [b for b in blocks if b.text.strip() or b.kind == "img"]
    blocks = drop_teaser(blocks)
    blocks = drop_head(blocks, title, rules, scrape=scrape)
    blocks = drop_junk_blocks(blocks, rules)
    provenance = find_provenance(blocks, rules)
    blocks = cut_tail(blocks, rules)
    blocks = [b for b in blocks if not (provenance and b.text.strip() == provenance)]
    blocks, credits = take_credits(blocks, rules)
    credits = replace(credits, provenance=provenance)
    blocks = merge_lead_labels(blocks, rules)
    blocks = mark_headings(blocks) if guess_headings else [replace(b, kind="p") if b.kind == "bold" else b for b in blocks]
    return blocks, credits


_SENTENCE_END = re.compile(r"(?:[。！？!?；;]|\.(?=\s))[”’」』）)\"']*")
# Finding which piece holds a label is a search per link and piece; a real paragraph has
# a handful of links, so an over-long one keeps its first ones only.
_LINKS_KEPT = 100


def bounded_paragraphs(blocks: tuple[Block, ...], limit: int = PARAGRAPH_MAX_CHARS) -> tuple[Block, ...]:
    """Blocks longer than `limit` characters split into paragraphs at sentence ends.

    The first piece keeps the block's kind and image; each link goes with the first piece
    that holds its label, as with_links links a label's first occurrence only.
    """
    if all(len(block.text) <= limit for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if len(block.text) <= limit:
            out.append(block)
            continue
        links = list(block.links[:_LINKS_KEPT])
        for index, piece in enumerate(_pieces(block.text, limit)):
            own = tuple(link for link in links if link[0] in piece)
            links = [link for link in links if link not in own]
            if index == 0:
                out.append(replace(block, text=piece, links=own))
            else:
                out.append(Block("p", piece, links=own))
    return tuple(out)


def _pieces(text: str, limit: int) -> list[str]:
    """Cuts after the last sentence end in the second half of each window of `limit`
    characters, else after its last space, else at the limit: a window moves on by at
    least half its length, so the whole is one pass."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = 0
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        cut = cut or text.rfind(" ", low, high) + 1 or high
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
