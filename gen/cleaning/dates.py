"""Dates in the shapes sources use -> ("YYYY-MM-DD", ISO 8601 with offset or "").

Everything is expressed in Asia/Shanghai: a naive time is taken as Beijing time, an
explicit offset or GMT is converted ("Mon, 24 Jan 2022 23:40:04 GMT" -> 2022-01-25).
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
_CST = dt.timezone(dt.timedelta(hours=8))
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" "9")
_CN_DATE = re.compile(
    r"(?P<y>[0-9〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[0-9一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d>[0-9一二三四五六七八九十]{1,3})\s*[日号]"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}))?)?"
)
_ISO_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


class DateError(ValueError):
    pass


def parse_date(value: object) -> tuple[str, str]:
    """Return (date, datetime); datetime is "" when the source gives no time of day."""
    if isinstance(value, dt.datetime):
        return _from_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat(), ""
    text = str(value or "").strip()
    if not text:
        raise DateError("no date")
    chinese = _CN_DATE.search(text)
    if chinese:
        return _from_chinese(chinese)
    try:
        from dateutil import parser as dateutil_parser  # slow to import; most dates never need it

        parsed = dateutil_parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError) as error:
        raise DateError(f"unparseable date {text[:40]!r}") from error
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    if not has_time:
        return parsed.date().isoformat(), ""
    return _from_datetime(parsed)


def find_date(text: str) -> tuple[str, str] | None:
    """The first date written in a line of text, if any."""
    for pattern in (_CN_DATE, _ISO_LIKE):
        match = pattern.search(text)
        if match:
            try:
                return parse_date(match.group(0))
            except DateError:
                continue
    return None


def is_future(date: str, today: dt.date | None = None) -> bool:
    today = today or dt.datetime.now(SHANGHAI).date()
    return dt.date.fromisoformat(date) > today


def _from_datetime(value: dt.datetime) -> tuple[str, str]:
    # An offset of a day or more ("+9999") only fails when it is used, and converting a
    # moment of year 1 or 9999 to Beijing time can leave the calendar: both are a date the
    # source did not really give, so DateError (the readers warn and keep the page undated).
    try:
        local = value.replace(tzinfo=SHANGHAI) if value.tzinfo is None else value.astimezone(SHANGHAI)
        if local.utcoffset() % dt.timedelta(minutes=1):
            # Before 1901 the zone is Shanghai's local mean time, +08:05:43, which no ISO
            # 8601 offset (nor our page schema) can write: China Standard Time stands in.
            local = value.replace(tzinfo=_CST) if value.tzinfo is None else value.astimezone(_CST)
        return local.date().isoformat(), local.isoformat(timespec="seconds")
    except (ValueError, OverflowError) as error:
        why = "its offset is a day or more" if isinstance(error, ValueError) else "off the calendar in Beijing time"
        raise DateError(f"unusable date {value.replace(tzinfo=None).isoformat(sep=' ')!r}: {why}") from error


def _from_chinese(match: re.Match[str]) -> tuple[str, str]:
    year = int(match["y"].translate(_CN_DIGITS))
    month = _cn_number(match["m"])
    day = _cn_number(match["d"])
    try:
        if match["H"] is not None:
            moment = dt.datetime(year, month, day, int(match["H"]), int(match["M"]), int(match["S"] or 0))
            return _from_datetime(moment)
        return dt.date(year, month, day).isoformat(), ""
    except ValueError as error:
        raise DateError(f"impossible date {match.group(0)!r}") from error


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    import cn2an  # slow to import; only Chinese numerals need it

    return int(cn2an.cn2an(text, "smart"))
