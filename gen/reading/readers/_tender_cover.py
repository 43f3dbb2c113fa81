"""A tender's cover page: project name, project number, purchaser, agency, date, and the
kind of document it says it is (招标文件, 竞争性磋商文件 …).

Covers label their lines ("项目名称：…", "采购人：…") or just stack them: the project as a
title line over the kind of document, then the purchaser and the agency, then the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gen.cleaning.dates import DateError, find_date, parse_date

# "采购人：…", "采购人（章）：…", "采购人（盖章）：…"
_LABEL = re.compile(r"^([\u4e00-\u9fa5]{2,10})\s*(?:[（(][\u4e00-\u9fa5]{1,4}[）)])?\s*[:：]\s*(.*)$")
NAME_LABELS = ("项目名称", "采购项目名称", "招标项目名称", "项目")
NUMBER_LABELS = ("项目编号", "采购项目编号", "招标编号", "采购编号", "项目代码", "招标项目编号", "采购计划编号")
PURCHASER_LABELS = ("采购人", "招标人", "采购单位", "采购人名称", "招标单位", "建设单位")
AGENCY_LABELS = ("采购代理机构", "招标代理机构", "代理机构", "集中采购机构", "采购代理", "招标代理")
DATE_LABELS = ("发布日期", "日期", "时间", "编制日期", "发布时间", "公告日期", "编制时间")
_KIND = re.compile(r"(竞争性磋商|竞争性谈判|公开招标|邀请招标|单一来源采购|询价采购|招标|磋商|谈判|询价|比选|遴选|采购)文件")
_PROJECT_END = re.compile(r"(项目|工程|服务|采购|标段|包|[）)\]]|[A-Z0-9])$")
_ORGANISATION = re.compile(r"(局|厅|委|委员会|政府|办公室|中心|院|所|站|处|馆|校|学|集团|公司|银行|医院|队|部|署|会)$")
_AGENCY_WORDS = re.compile(r"招标|代理|咨询|造价|项目管理|工程管理|采购中心|交易中心|公共资源")
_CN_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
_MONTH_ONLY = re.compile(r"^(" + _CN_DATE + r")$")
_DATE_LINE = re.compile(r"^" + _CN_DATE + r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?$")
_BODY_DATE = re.compile(r"(?:发布日期|公告日期|发布时间|公告时间|日期)\s*[:：]\s*(" + _CN_DATE + r"\s*\d{1,2}\s*日)")
_BODY_PURCHASER = re.compile(
    r"^(?:\d{1,2}[.．、]\s*|[一二三四五六七八九十]+、)?(?:采购人|招标人|采购单位)(?:信息|名称)?\s*[:：]?\s*(.*)$"
)
_NAME_FIELD = re.compile(r"^名\s*称\s*[:：]\s*(.+)$")


@dataclass(frozen=True)
class Cover:
    title: str = ""
    project: str = ""
    number: str = ""
    purchaser: str = ""
    agency: str = ""
    date: str = ""
    month: str = ""  # YYYY-MM when the cover gives only the month


def read_cover(lines: list[str]) -> Cover:
    fields: dict[str, str] = {}
    organisations: list[str] = []
    title_lines: list[str] = []  # unlabelled lines since the last field: a project name wrapped over them
    before_kind = ""
    in_title: set[str] = set()  # lines the project name was wrapped over: not organisations
    kind = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        label = _LABEL.match(line)
        if label and _field_of(label.group(1)):
            key, value = _field_of(label.group(1)), label.group(2).strip()
            if key == "project":
                while index + 1 < len(lines) and _continues_name(value, lines[index + 1]):
                    index += 1
                    value += lines[index]
            fields.setdefault(key, value)
            title_lines = []
        elif (found := _KIND.search(line)) and len(line) <= 40 and not kind:
            kind = re.sub(r"^(公开|邀请)", "", found.group(0))
            stem = "".join(title_lines) + line[:found.start()].strip()
            if _PROJECT_END.search(stem):
                before_kind, in_title = stem, set(title_lines)
        elif _DATE_LINE.match(line):
            fields.setdefault("date", line)
        else:
            if _ORGANISATION.search(line) and len(line) <= 40:
                organisations.append(line)
            if not kind and len(line) <= 40:
                title_lines = [*title_lines[-2:], line]
        index += 1
    project = fields.get("project") or before_kind
    organisations = [o for o in organisations if o not in in_title]
    purchaser = fields.get("purchaser") or next((o for o in organisations if not _AGENCY_WORDS.search(o)), "")
    agency = fields.get("agency") or next((o for o in organisations if _AGENCY_WORDS.search(o)), "")
    date, month = _cover_date(fields.get("date", ""))
    title = project + kind if project and kind and not project.endswith(("文件", kind)) else project
    return Cover(title=title, project=project, number=fields.get("number", ""), purchaser=purchaser, agency=agency,
                 date=date, month=month)


def _field_of(label: str) -> str:
    if label.endswith(("编号", "编码")):  # 项目编号, 谈判编号, 磋商编号, 采购计划编号 …
        return "number"
    for key, labels in (("project", NAME_LABELS), ("number", NUMBER_LABELS), ("purchaser", PURCHASER_LABELS),
                        ("agency", AGENCY_LABELS), ("date", DATE_LABELS)):
        if label in labels:
            return key
    return ""


def _continues_name(name: str, line: str) -> bool:
    """A project name wrapped onto the next line: the name does not end like one yet and
    the next line is no labelled field, date or kind of document."""
    return (not _PROJECT_END.search(name) and not _LABEL.match(line) and not _KIND.search(line)
            and not _DATE_LINE.match(line) and len(line) <= max(len(name), 12))


def _cover_date(text: str) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return "", ""
    month = _MONTH_ONLY.match(text)
    if month:
        try:
            date, _ = parse_date(month.group(1) + "1日")
        except DateError:
            return "", ""
        return "", date[:7]
    found = find_date(text)
    return (found[0], "") if found else ("", "")


def date_in_body(lines: list[str], month: str) -> str:
    """A labelled publication date near the start ("发布日期：2025年6月24日"), in the cover's
    month when the cover names one."""
    for line in lines[:400]:
        match = _BODY_DATE.search(line)
        if match:
            found = find_date(match.group(1))
            if found and (not month or found[0].startswith(month)):
                return found[0]
    return ""


def purchaser_in_body(lines: list[str]) -> str:
    """"采购人：X", or a 采购人信息 heading with "名称：X" under it, near the start."""
    for index, line in enumerate(lines[:400]):
        match = _BODY_PURCHASER.match(line)
        if not match:
            continue
        value = match.group(1).strip()
        if value and _ORGANISATION.search(value):
            return value
        for following in lines[index + 1:index + 3]:
            name = _NAME_FIELD.match(following)
            if name:
                return name.group(1).strip()
    return ""
