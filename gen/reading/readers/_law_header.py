"""The dated header lines of a law or regulation text, read as events.

"2014年12月31日 国务院第75次常务会议通过", "（2015年1月30日中华人民共和国国务院令第658号
公布 自2015年3月1日起施行）", "根据2014年8月31日第十二届全国人民代表大会常务委员会第十次会议
《关于修改…的决定》修正": every date starts an event that runs to the next date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gen.cleaning.dates import DateError, parse_date

_NUMERAL = "一二三四五六七八九十百千零〇两"
DATE = re.compile(
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
PROMULGATED = re.compile(r"公布|发布|颁布|修正|修订|修改")
ADOPTED = re.compile(r"通过|批准")
TAKES_EFFECT = re.compile(r"施行|生效")
APPROVED = re.compile(r"批准")
# 第十二届全国人民代表大会常务委员会 / 北京市第十五届人民代表大会常务委员会
_CONGRESS = re.compile(
    r"(?P<place>[\u4e00-\u9fa5]{1,12}?(?:省|自治区|市|自治州|州|县|区|盟|旗))?第[" + _NUMERAL + r"\d]+届"
    r"(?P<body>全国人民代表大会常务委员会|全国人民代表大会|人民代表大会常务委员会|人民代表大会)"
)
_MEETING = re.compile(r"(?P<body>国务院|[\u4e00-\u9fa5]{2,12}?人民政府)第?[\d" + _NUMERAL + r"]*次?常务会议")
_ORDER = re.compile(r"(?P<body>[\u4e00-\u9fa5]{2,20}?)令\s*[（(]?\s*第\s*(?P<number>[\d" + _NUMERAL + r"]+)\s*号")
# 《国务院关于修改部分行政法规的决定》: the body that decided the amendment
_DECISION = re.compile(r"《(?P<body>[\u4e00-\u9fa5]{2,24}?(?:国务院|委员会|人民政府|部|局|署))关于")
_LEAD_WORDS = re.compile(r"^(?:.*?中华人民共和国|根据|经|由|依据)+")
_EDGE = " \t\u3000，,；;。：:、（）()【】[]"


@dataclass(frozen=True)
class Event:
    date: str  # YYYY-MM-DD
    text: str


def events_in(lines: list[str]) -> list[Event]:
    """Every dated event in the header lines, in the order written."""
    events: list[Event] = []
    for line in lines:
        matches = list(DATE.finditer(line))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
            text = _tidy(line[match.end():end])
            try:
                date, _ = parse_date(match.group(0))
            except DateError:
                continue
            if text and Event(date, text) not in events:
                events.append(Event(date, text))
    return events


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(_EDGE)
    text = re.sub(r"^起", "", text)
    text = re.sub(r"(?:根据|自)$", "", text)
    return text.strip(_EDGE)


def main_date(events: list[Event]) -> str:
    """The latest promulgation or amendment; else the latest adoption; else the latest event
    that is not the day it takes effect."""
    for pattern in (PROMULGATED, ADOPTED):
        dates = [e.date for e in events if pattern.search(e.text)]
        if dates:
            return max(dates)
    dates = [e.date for e in events if not TAKES_EFFECT.search(e.text)]
    return max(dates, default="")


def effective_date(events: list[Event]) -> str:
    dates = [e.date for e in events if TAKES_EFFECT.search(e.text) and not PROMULGATED.search(e.text)]
    return dates[-1] if dates else ""


def issuing_body(events: list[Event], date: str) -> str:
    """The body named by the event of `date`, else by the latest event naming one. A body
    that only approved the text (a province approving a city's regulation) is not its issuer."""
    own = [e for e in events if not APPROVED.search(e.text)]
    for group in (own, events):
        for event in sorted(group, key=lambda e: (e.date == date, e.date), reverse=True):
            body = body_named(event.text)
            if body:
                return body
    return ""


def body_named(text: str) -> str:
    congress = _CONGRESS.search(text)
    if congress:
        body = congress["body"]
        return body if body.startswith("全国") else _LEAD_WORDS.sub("", congress["place"] or "") + body
    meeting = _MEETING.search(text)
    if meeting:
        return _LEAD_WORDS.sub("", meeting["body"])
    order = _ORDER.search(text)
    if order:
        body = _LEAD_WORDS.sub("", order["body"])
        if not body.endswith("主席"):
            return body
    decision = _DECISION.search(text)
    return _LEAD_WORDS.sub("", decision["body"]) if decision else ""


def order_number(lines: list[str]) -> str:
    """The order that published the text ("国务院令第658号"), without the state's name."""
    for line in lines:
        order = _ORDER.search(line)
        if order:
            return f"{_LEAD_WORDS.sub('', order['body'])}令第{order['number']}号"
    return ""
