"""Small helpers every reader uses to finish its Document."""

from __future__ import annotations

import re
from dataclasses import fields

from gen.cleaning.text import clean_inline
from gen.models import Block, Meta
from gen.rendering.frontmatter import SUMMARY_MAX
from gen.rules import Boilerplate

NAME_MAX = 60
# What a person's or an organisation's name can hold: letters and digits of any script,
# spaces and the joining marks names use. No markup, quote, brace or equals sign.
_NAME = re.compile(r"[\w·・.\-－—&＆'’()（）《》〈〉、，,/／ ]+")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”」』）)]*|[^。！？!?]+$")


_SOURCE_ON_LINE = re.compile(r"(?:信息|文章)?来源\s*[:：]\s*([\u4e00-\u9fa5A-Za-z0-9（）()]{2,30})")


def finish_meta(meta: Meta) -> tuple[Meta, tuple[str, ...]]:
    """Every field one line of plain text; a name field only what a name can hold.

    Runs once for every reader, so no family can pass a multi-line or markup-bearing value
    to the pages, the feeds or the `<meta>` tags Material writes.
    """
    values = {f.name: clean_inline(getattr(meta, f.name)) for f in fields(Meta) if f.name != "history"}
    values["history"] = tuple((clean_inline(date), clean_inline(event)) for date, event in meta.history)
    warnings = []
    for key in ("publisher", "author"):
        value = values[key]
        if value and (len(value) > NAME_MAX or not _NAME.fullmatch(value)):
            warnings.append(f"{key} dropped: not a name")
            values[key] = ""
    return Meta(**values), tuple(warnings)


def source_named_on(lines: list[str]) -> str:
    """The outlet a publication line names ("发布时间：… 来源：中国政府采购报")."""
    for line in lines:
        match = _SOURCE_ON_LINE.search(line)
        if match:
            return match.group(1)
    return ""


def clean_title(title: str, rules: Boilerplate) -> str:
    title = clean_inline(title)
    for noise in rules.title_noise:
        title = noise.sub("", title)
    return title.strip()


def repair_title(title: str, original: str) -> str:
    """Use the source's own title when ours is a mangled copy of it.

    Aggregators write titles as file names, turning quotes and other punctuation into
    "_"; the body's 原标题 line keeps the real one.
    """
    original = clean_inline(original)
    if not original:
        return title
    if not title:
        return original
    pattern = "".join(r"[^\w]{0,3}" if ch == "_" else re.escape(ch) for ch in title)
    if re.fullmatch(pattern, original):
        return original
    ours, theirs = _letters(title), _letters(original)
    # the aggregator may also have put its own name in front ("财联社_…") or behind
    if theirs and (ours == theirs or (len(theirs) >= 0.6 * len(ours) and (ours.endswith(theirs) or ours.startswith(theirs)))):
        return original
    return title


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def derive_title(blocks: list[Block]) -> str:
    """No title anywhere: the first heading, else the first sentence, kept short."""
    for block in blocks:
        if block.kind == "h":
            return block.text[:60]
    for block in blocks:
        if block.kind == "p":
            first = _SENTENCE.match(block.text)
            text = (first.group(0) if first else block.text).rstrip("。！？!?")
            return text[:40] + ("…" if len(text) > 40 else "")
    return ""


def summary_of(explicit: str, blocks: list[Block]) -> str:
    """The given summary, else the opening sentences, at most 120 characters."""
    text = clean_inline(explicit)
    if not text:
        opening = next((b.text for b in blocks if b.kind == "p" and len(b.text) >= 20), "")
        sentences = _SENTENCE.findall(opening)
        for sentence in sentences:
            if text and len(text) + len(sentence) > SUMMARY_MAX:
                break
            text += sentence
    if len(text) > SUMMARY_MAX:
        text = text[: SUMMARY_MAX - 1] + "…"
    return text
