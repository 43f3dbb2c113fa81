"""The steps every family shares, run once after its reader: RawDocument -> Document.

Each step takes the draft and returns a new one (the way Python-Markdown lists its
processors); `STEPS` is their order. A reader only finds what its family holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from gen.cleaning.blocks import Credits, bounded_paragraphs, finish_body
from gen.cleaning.text import squash
from gen.models import Block, Document, Meta, RawDocument
from gen.reading import kind
from gen.reading.readers import common
from gen.rules import boilerplate


@dataclass(frozen=True)
class Draft:
    raw: RawDocument
    title: str
    blocks: tuple[Block, ...]
    credits: Credits = Credits()
    meta: Meta = Meta()
    warnings: tuple[str, ...] = ()
    family: str = ""


def clean_the_title(draft: Draft) -> Draft:
    """Site names, brackets and other decorations off the title (rules: title_noise)."""
    return replace(draft, title=common.clean_title(draft.title, boilerplate()))


def finish_the_body(draft: Draft) -> Draft:
    """Teaser, repeated head, junk lines, site tail, credits, lead labels, headings."""
    blocks, credits = finish_body(list(draft.blocks), draft.title, boilerplate(), scrape=draft.raw.scrape,
                                  guess_headings=not draft.raw.headings_final)
    return replace(draft, blocks=tuple(blocks), credits=credits)


def bound_the_paragraphs(draft: Draft) -> Draft:
    """No paragraph longer than the limit: Markdown's cost grows with a paragraph's square."""
    return replace(draft, blocks=bounded_paragraphs(draft.blocks))


def repair_the_title(draft: Draft) -> Draft:
    """The body's 原标题 line beats a mangled copy of it; no title at all: one from the body."""
    title = common.repair_title(draft.title, draft.credits.original_title) or common.derive_title(list(draft.blocks))
    return replace(draft, title=title)


def gather_the_meta(draft: Draft) -> Draft:
    """What the document declares, else what its body credits, else the reader's hints."""
    raw, credits = draft.raw, draft.credits
    meta = Meta(
        title=draft.title,
        date=raw.date,
        datetime=raw.datetime,
        publisher=raw.publisher or credits.publisher or raw.publisher_hint,
        author=raw.author or credits.author or raw.author_hint,
        url=raw.url,
        doc_number=raw.doc_number,
        summary=common.summary_of(raw.summary, list(draft.blocks)),
        effective=raw.effective,
        history=raw.history,
        provenance=credits.provenance,
    )
    return replace(draft, meta=meta)


def plain_meta(draft: Draft) -> Draft:
    """Every field one line of plain text; a name field only what a name can hold."""
    meta, warnings = common.finish_meta(draft.meta)
    return replace(draft, meta=meta, warnings=draft.warnings + warnings)


def type_and_level(draft: Draft) -> Draft:
    """What kind of document it is and which level of government issued it (rules: doctypes.yml)."""
    doc_type = kind.document_type(draft.meta, draft.family, draft.blocks)
    return replace(draft, meta=replace(draft.meta, doc_type=doc_type, issuer_level=kind.issuer_level(draft.meta, doc_type)))


STEPS: tuple[Callable[[Draft], Draft], ...] = (
    clean_the_title, finish_the_body, bound_the_paragraphs, repair_the_title, gather_the_meta, plain_meta, type_and_level,
)


def finish(raw: RawDocument, source_file: str, family: str) -> Document:
    draft = Draft(raw, raw.title, raw.blocks, warnings=raw.warnings, family=family)
    for step in STEPS:
        draft = step(draft)
    digest = hashlib.sha1(squash(draft.meta.title + "".join(b.text for b in draft.blocks)).encode("utf-8")).hexdigest()
    return Document(source_file, family, draft.meta, draft.blocks, draft.warnings, digest)
