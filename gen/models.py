"""Plain frozen values passed between the pipeline stages.

read -> Source -> RawDocument (a family's reader) -> Document (shared finishing steps)
-> understand -> Article (paragraphs with themes, places, figures) -> site pages
(OutputFile) -> write.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gen import paths


@dataclass(frozen=True)
class Block:
    """One unit of article body.

    kind: "p" paragraph, "h" sub-heading, "bold" a bold line (a heading or a lead-in
    until the body steps decide), "img" image caption (src in `src`). `text` is plain
    text; `links` keeps (label, url) pairs that were inline in the source so the Markdown
    can restore them.
    """

    kind: str
    text: str
    src: str = ""
    links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Meta:
    """What a reader learned about a source besides its body."""

    title: str = ""
    date: str = ""  # YYYY-MM-DD, Asia/Shanghai
    datetime: str = ""  # ISO 8601 with offset, when a time is known
    publisher: str = ""
    author: str = ""
    url: str = ""
    doc_number: str = ""
    summary: str = ""
    doc_type: str = ""  # law, regulation, normative_document, tender, news, digest, other
    issuer_level: str = ""  # central, provincial, municipal, county, none
    effective: str = ""  # YYYY-MM-DD a law or regulation takes effect (施行)
    history: tuple[tuple[str, str], ...] = ()  # (YYYY-MM-DD, event): adopted, promulgated, amended
    provenance: str = ""  # where it was first printed, the source's own line (本文来源:…报第1174期第1版)


@dataclass(frozen=True)
class Source:
    """A source's text as every reader sees it: front matter split off once (if any)."""

    text: str
    front: dict | None  # the YAML front matter mapping; None when there is none
    body: str  # the text after the front matter (all of it when there is none)


@dataclass(frozen=True)
class RawDocument:
    """What a family's reader found, before the steps every family shares (gen.reading.finish).

    `publisher`/`author` are what the document itself declares (front matter of a clean
    Markdown file, a notice's signer): they beat the credits found in the body. The `_hint`
    fields are weaker guesses (a site name, a masthead, an aggregator's author key), used
    only when the body names no one.
    """

    blocks: tuple[Block, ...]
    title: str = ""
    date: str = ""
    datetime: str = ""
    publisher: str = ""
    publisher_hint: str = ""
    author: str = ""
    author_hint: str = ""
    url: str = ""
    doc_number: str = ""
    summary: str = ""  # a summary the source gives (front matter, 【摘要】); else one is made
    effective: str = ""
    history: tuple[tuple[str, str], ...] = ()
    scrape: bool = False  # one paragraph a line with site chrome around it
    headings_final: bool = False  # the reader knows the headings (a law's chapters): no guessing from line length
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A source after reading and cleaning: metadata plus an ordered body."""

    source_file: str
    format: str
    meta: Meta
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = ()
    content_hash: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    province: str
    city: str
    adcode: str
    found_in: str = "text"  # "document": the passage names no place and has its document's


@dataclass(frozen=True)
class Figure:
    text: str
    value: float
    unit: str
    upper: float | None = None  # the top of a range ("6%—10%")
    qualifier: str = ""  # as written: 近, 余, 以上; "达到…以上" when before and after the number
    measure: str = ""  # the words of its sentence naming what it counts ("中小企业合同金额"), or ""
    period: str = ""  # the time its sentence gives for it ("2021年", "截至10月底"), or ""
    places: tuple[Place, ...] = ()  # where it is for; () for a national figure
    place_from: str = "national"  # sentence | passage | document | national
    start: int = -1  # where `text` starts in its paragraph


@dataclass(frozen=True)
class ThemeMatch:
    theme: str
    terms: tuple[str, ...]
    score: float
    # "words": its own words, its heading or its item's opening clause name the theme;
    # "subject": its words continue the subject its document's title (or its heading) names
    via: str = "words"


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    text: str
    kind: str = "p"  # "p" paragraph, "h" sub-heading, "img" image caption
    src: str = ""
    links: tuple[tuple[str, str], ...] = ()
    themes: tuple[ThemeMatch, ...] = ()
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    glossary: tuple[str, ...] = ()  # the glossary spellings it uses, in order of first use
    clause: str = ""  # the article of a law or regulation it belongs to ("第四十条"); "" elsewhere

    @property
    def heading(self) -> bool:
        return self.kind == "h"

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(m.theme for m in self.themes)


@dataclass(frozen=True)
class ParameterValue:
    """A policy parameter's value: a number or range (`high` only for a range), or a status
    such as "waived" (no number)."""

    low: float | None = None
    high: float | None = None
    unit: str = ""
    status: str = ""


@dataclass(frozen=True)
class ParameterFact:
    """One policy parameter a paragraph states (gen/understanding/parameters): what, how
    much, where, when, and the span of the paragraph that says so."""

    parameter: str
    value: ParameterValue
    anchor: str  # the paragraph's
    quote: str  # contiguous spans of the paragraph, "…" between them
    measure: str = ""
    previous: ParameterValue | None = None
    change: str = ""  # raised | lowered | changed, when `previous` is given
    qualifier: str = ""  # as written: 以上, 不低于, 不超过…
    scope_class: str = "all"  # all | goods_services | goods | services | works
    scope_condition: str = ""  # a project-size condition as written: 超过400万元
    scope_base: str = ""  # what the share is of: 年度食堂食材采购总额
    place: Place | None = None
    level: str = "national"  # national | provincial | municipal | county
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD
    date_basis: str = ""  # stated | effective | paragraph | title | document | opening
    text: str = ""  # the value as written


@dataclass(frozen=True)
class Article:
    """A classified document: what every page and the data export are made from."""

    id: str  # the slug; also the page name under sources/
    document: Document
    paragraphs: tuple[Paragraph, ...]
    on_topic: bool = False
    focus: float = 0.0  # share of body paragraphs that are about government procurement
    themes: tuple[str, ...] = ()
    regions: tuple[Place, ...] = ()
    places: tuple[Place, ...] = ()  # where the document is from (issuer, title, main province); () for national
    duplicate_of: str = ""
    facts: tuple[ParameterFact, ...] = ()  # policy parameters, in paragraph order

    @property
    def meta(self) -> Meta:
        return self.document.meta

    @property
    def page(self) -> str:
        """The page that shows this article: a duplicate is shown by its canonical copy."""
        return paths.source(self.duplicate_of or self.id)


@dataclass(frozen=True)
class Skipped:
    source_file: str
    reason: str


@dataclass(frozen=True)
class OutputFile:
    """A file to be written under docs/ (path relative to docs/). Content made once and
    kept (a cached source page) is UTF-8 bytes: they load without decoding."""

    path: str
    content: str | bytes


@dataclass(frozen=True)
class Processed:
    """One source's result: its article and page, or why it was skipped."""

    source_file: str
    article: Article | None = None
    page: OutputFile | None = None
    skipped: Skipped | None = None
    fingerprint: frozenset[int] = frozenset()
    data: bytes = b""  # the article's sources.json entry, UTF-8


@dataclass(frozen=True)
class Record:
    """What the build report says of one article."""

    source_file: str
    id: str
    on_topic: bool
    duplicate_of: str
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article) -> Record:
        return cls(article.document.source_file, article.id, article.on_topic, article.duplicate_of,
                   article.document.warnings)


@dataclass(frozen=True)
class BuildReport:
    sources_read: int
    pages_written: int
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[Record, ...] = field(default=(), repr=False)
    timings: tuple[tuple[str, float], ...] = ()
