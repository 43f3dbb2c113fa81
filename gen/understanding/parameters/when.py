"""When a parameter applies: the date its sentence states (自2024年1月1日起, 2022年下半年),
else the date the document says it takes effect (本通知自2024年1月1日起施行), else a year
stated earlier in its paragraph, else the year in the title (回眸2024), else the document's
date, else the latest date in the document's opening lines (a law's 修订 line, a tender's
发布日期)."""

from __future__ import annotations

import re

from gen.models import Article

# A year not inside a document number (财库〔2020〕46号) and not a fiscal-year noun (年度).
_YEAR = r"(?<![\d〔\[（(])((?:19|20)\d{2})"
_FULL_DATE = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月")
_HALF = re.compile(_YEAR + r"\s*年\s*(上|下)半年")
_YEAR_ONLY = re.compile(_YEAR + r"\s*年(?!度)")
_TITLE_YEAR = re.compile(r"(?<![\d〔\[（(])((?:19|20)\d{2})(?!\d)")
_EFFECTIVE = re.compile(r"自\s*" + _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起\s*(?:施行|执行|实施|生效)")
OPENING_PARAGRAPHS = 8


def stated(text: str) -> str:
    """The most precise date a sentence states, "" if none."""
    if m := _FULL_DATE.search(text):
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    if m := _HALF.search(text):
        return f"{m[1]}-{'01' if m[2] == '上' else '07'}"
    if m := _MONTH.search(text):
        return f"{m[1]}-{int(m[2]):02d}"
    if m := _YEAR_ONLY.search(text):
        return m[1]
    return ""


def last_year(text: str) -> str:
    years = _YEAR_ONLY.findall(text)
    return years[-1] if years else ""


def title_year(title: str) -> str:
    m = _TITLE_YEAR.search(title)
    return m[1] if m else ""


def opening_date(article: Article) -> str:
    """The latest date among the paragraphs before the first heading (at most a few)."""
    found = []
    for paragraph in article.paragraphs[:OPENING_PARAGRAPHS]:
        if paragraph.heading:
            break
        date = stated(paragraph.text)
        if len(date) >= 7:
            found.append(date)
    return max(found, default="")


def effective_date(article: Article) -> str:
    for paragraph in article.paragraphs:
        if m := _EFFECTIVE.search(paragraph.text):
            return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return ""


def document_dates(article: Article) -> list[tuple[str, str]]:
    """The document-wide fallbacks after the sentence's own date, best first:
    (date, basis) with basis effective, title, document or opening."""
    found = [(effective_date(article), "effective"), (title_year(article.meta.title), "title"),
             (article.meta.date, "document"), (opening_date(article), "opening")]
    return [(date, basis) for date, basis in found if date]


def fact_date(sentence: str, paragraph_before: str, fallbacks: list[tuple[str, str]]) -> tuple[str, str]:
    """(date, basis): the sentence's date, else the document's effective date, else a year
    earlier in the paragraph, else the other document-wide dates."""
    if date := stated(sentence):
        return date, "stated"
    if fallbacks and fallbacks[0][1] == "effective":
        return fallbacks[0]
    if year := last_year(paragraph_before):
        return year, "paragraph"
    return fallbacks[0] if fallbacks else ("", "")
