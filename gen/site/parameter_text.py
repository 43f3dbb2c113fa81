"""A policy-parameter fact in words: its value as Chinese text ("不低于15%", "80亿元") and one
English sentence made from the structured fact, never translated from the source:
"Zhangye (Gansu) raised the price deduction for small and micro firms on goods and
services from 6–10% to 10–20% (2024)."
"""

from __future__ import annotations

import re

from gen.models import ParameterFact, ParameterValue, Place
from gen.understanding.parameters.vocabulary import ParameterVocabulary

_LEVEL_ZH = {"national": "全国", "provincial": "省级", "municipal": "市级", "county": "县级"}
_CLASS_ZH = {"all": "全部", "goods_services": "货物和服务", "goods": "货物", "services": "服务", "works": "工程"}
_PREFIX_KINDS = ("at_least", "at_most", "above", "approximately")


def number(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def _plain(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def level_zh(level: str) -> str:
    return _LEVEL_ZH.get(level, level)


def class_zh(scope_class: str) -> str:
    return _CLASS_ZH.get(scope_class, scope_class)


def value_zh(value: ParameterValue, vocab: ParameterVocabulary, parameter_id: str, qualifier: str = "") -> str:
    """The value as a reader of the source would write it."""
    if value.status:
        status = vocab.parameter(parameter_id).status(value.status)
        return status.zh if status else value.status
    if value.unit == "%":
        core = f"{_plain(value.low)}%" + (f"—{_plain(value.high)}%" if value.high is not None else "")
    elif value.unit == "元":
        core = _yuan(value.low)
    elif value.unit == "万元":
        core = f"{_plain(value.low)}万元"
    elif value.unit in ("days", "working_days"):
        core = f"{_plain(value.low)}{'个工作日' if value.unit == 'working_days' else '日'}"
    else:
        core = (f"{_plain(value.low / 10_000)}万" if value.low >= 10_000 else _plain(value.low)) + value.unit
    if not qualifier:
        return core
    if qualifier in ("余", "多") and value.unit not in ("%", "万元"):
        return re.sub(r"(?=[^\d.万亿]+$)", qualifier, core, count=1)  # 8万余笔, 4000余万元
    return qualifier + core if qualifier in vocab.prefix_words else core + qualifier


def _yuan(amount: float) -> str:
    if amount >= 100_000_000:
        return f"{_plain(round(amount / 100_000_000, 4))}亿元"
    if amount >= 10_000:
        return f"{_plain(round(amount / 10_000, 4))}万元"
    return f"{_plain(amount)}元"


def scope_zh(fact: ParameterFact) -> str:
    parts = [class_zh(fact.scope_class)] if fact.scope_class != "all" else []
    parts += [p for p in (fact.scope_condition, fact.scope_base) if p]
    return "；".join(parts) or "—"


# English


def place_en(place: Place | None, vocab: ParameterVocabulary) -> str:
    english = vocab.english
    if place is None:
        return english["national"][:1].upper() + english["national"][1:]
    province = english["provinces"].get(place.adcode[:2], "")
    if place.adcode.endswith("0000"):
        return province
    own = name_en(place.name, vocab)
    return f"{own} ({province})" if province and own != province else own


def name_en(name: str, vocab: ParameterVocabulary) -> str:
    """A city or county's name in pinyin, with its kind ("兰州新区" -> "Lanzhou New Area")."""
    key = (name, id(vocab))
    if key not in _NAMES:
        _NAMES[key] = _name_en(name, vocab)
    return _NAMES[key]


_NAMES: dict[tuple[str, int], str] = {}  # a corpus names the same places thousands of times


def _name_en(name: str, vocab: ParameterVocabulary) -> str:
    english = vocab.english
    suffix = ""
    for chinese, word in sorted(english["suffixes"].items(), key=lambda kv: -len(kv[0])):
        if name.endswith(chinese) and len(name) > len(chinese) + 1:
            name, suffix = name[: -len(chinese)], f" {word}"
            break
    else:
        name = re.sub(r"(?<=..)市$", "", name)
    if name in english["names"]:
        return english["names"][name] + suffix
    from gen.rendering.pinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).capitalize() + suffix


def value_en(value: ParameterValue, vocab: ParameterVocabulary, qualifier: str = "", bare: bool = False) -> str:
    if value.unit == "%":
        core = f"{_plain(value.low)}" + (f"–{_plain(value.high)}" if value.high is not None else "") + "%"
    elif value.unit == "元":
        core = "CNY " + _money(value.low)
    elif value.unit == "万元":
        core = "CNY " + _money(value.low * 10_000)
    elif value.unit in ("days", "working_days"):
        core = f"{_plain(value.low)} {vocab.english['units'][value.unit]}"
    else:
        core = number(value.low)
    kind = vocab.qualifier_words.get(qualifier, "")
    if bare:
        return core
    word = vocab.english["qualifiers"].get(kind, "") if kind in _PREFIX_KINDS else ""
    if kind == "at_most" and value.unit in ("days", "working_days"):
        word = "within"
    return f"{word} {core}" if word else core


def _money(amount: float) -> str:
    if amount >= 1_000_000_000:
        return f"{_plain(round(amount / 1_000_000_000, 3))} billion"
    if amount >= 1_000_000:
        return f"{_plain(round(amount / 1_000_000, 3))} million"
    return number(amount)


def _condition_en(condition: str) -> str:
    m = re.search(r"(\d+(?:\.\d+)?)\s*万元", condition)
    if not m:
        return ""
    amount = "CNY " + _money(float(m.group(1)) * 10_000 if "." in m.group(1) else int(m.group(1)) * 10_000)
    return f"up to {amount}" if "以下" in condition else f"over {amount}"


def sentence_en(fact: ParameterFact, vocab: ParameterVocabulary) -> str:
    parameter = vocab.parameter(fact.parameter)
    english = vocab.english
    measure = parameter.measure(fact.measure) if fact.measure else None
    year = fact.date[:4] or "undated"
    place = place_en(fact.place, vocab)
    if fact.value.status:
        status = parameter.status(fact.value.status)
        nouns = english["class_nouns"][fact.scope_class]
        condition = _condition_en(fact.scope_condition)
        scope = f"{nouns} projects" + (f" {condition}" if condition else "")
        return status.en.format(place=place, what=parameter.en, scope=scope, year=year)
    templates = {**english, **parameter.english}
    template = templates[fact.change] if fact.change else templates["set"]
    what = measure.en if measure and "{measure}" not in template else parameter.en
    scope = _scope_en(fact, vocab)
    return template.format(
        place=place, what=what, scope=scope, year=year,
        measure=measure.en if measure else "", value=value_en(fact.value, vocab, fact.qualifier),
        at_value=_at_value(fact, vocab),
        previous=value_en(fact.previous, vocab) if fact.previous else "",
    )


def _at_value(fact: ParameterFact, vocab: ParameterVocabulary) -> str:
    kind = vocab.qualifier_words.get(fact.qualifier, "")
    words = vocab.english["set_qualifiers"]
    return f"{words.get(kind, words[''])} {value_en(fact.value, vocab, bare=True)}"


def _scope_en(fact: ParameterFact, vocab: ParameterVocabulary) -> str:
    english = vocab.english
    parts = []
    if english["classes"][fact.scope_class]:
        parts.append(english["classes"][fact.scope_class])
    condition = _condition_en(fact.scope_condition)
    if condition:
        parts.append(f"for projects {condition}")
    if vocab.parameter(fact.parameter).budget_levels and fact.level in english["levels"]:
        parts.append(f"for {english['levels'][fact.level]} budgets")
    return "".join(f" {p}" for p in parts)
