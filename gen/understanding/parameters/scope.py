"""What a value applies to: project classes (goods / services / works), project-size
conditions ("超过400万元的工程"), what a share is of ("年度食堂食材采购总额的20%"), and the
budget levels a threshold is given for ("省、市、县三级依次为…")."""

from __future__ import annotations

import re

from gen.understanding.parameters.vocabulary import ParameterVocabulary

_SIZE_CONDITION = re.compile(r"(?:超过|高于)?\s*(?:\d+(?:\.\d+)?)\s*万元\s*(?:及以上|及以下|以上|以下)?(?=\s*的?\s*(?:货物|服务|工程))")
_BASE_END = re.compile(r"(?:预算总额|采购总额|合同总金额|合同金额|采购额|预算金额|采购份额|总额)的?\s*$")
# Words after which the base begins ("不得低于|年度食堂食材采购总额的20%").
_BASE_START = ("不得低于", "不低于", "不得超过", "不超过", "达到了", "达到", "超过", "占", "为", "，", "、", "的")
_SINGLE_CLASSES = ("works", "goods", "services")
_LEVEL_LIST = re.compile(r"((?:省|市|县|区)(?:级|本级)?(?:、(?:省|市|县|区)(?:级|本级)?)+)(?:三级|两级|各级)?")
_RUN_LEVELS = re.compile(r"((?:省|市|县|区)(?:本级|、)?){2,3}(?=级|两级|三级|各级)")  # 市县级, 省市县三级
_ONE_LEVEL = re.compile(r"(省级|省本级|市级|市本级|县级|县区级|区县级)(?!.*(?:省级|市级|县级))")


def scopes(segment: str, vocab: ParameterVocabulary, default_class: str) -> list[tuple[str, str]]:
    """(class, size condition) pairs a value applies to, from the words before it."""
    pairs = [(class_at(segment, m.end(), vocab) or "all", m.group().strip()) for m in _SIZE_CONDITION.finditer(segment)]
    return pairs or [(class_before(segment, vocab) or default_class, "")]


def class_at(text: str, position: int, vocab: ParameterVocabulary) -> str:
    rest = re.sub(r"^\s*的?\s*", "", text[position:])
    return next((cls for word, cls in vocab.classes if rest.startswith(word)), "")


def class_before(text: str, vocab: ParameterVocabulary) -> str:
    """The last project class the text names; a combined name ("货物和服务") beats the single
    words inside it, and a single word counts only as a class ("工程类", "服务项目")."""
    found: list[tuple[int, int, str]] = []
    for word, cls in vocab.classes:
        for m in re.finditer(re.escape(word), text):
            if any(m.start() < e and s < m.end() for s, e, _ in found):
                continue
            if cls in _SINGLE_CLASSES and not text[m.end():].startswith(vocab.class_followers):
                continue
            found.append((m.start(), m.end(), cls))
    return max(found, key=lambda f: f[1])[2] if found else ""


def base(text: str, norm: str, floor: int, at: int) -> str:
    """What a share is of, as written, when the words right before the value name it."""
    segment = norm[floor:at]
    m = _BASE_END.search(segment)
    if not m:
        return ""
    head = segment[:m.end()]
    starts = [head.rfind(w) + len(w) for w in _BASE_START if 0 <= head.rfind(w) and head.rfind(w) + len(w) <= m.start()]
    return text[floor + max(starts, default=0): floor + m.end()].rstrip("的 ").strip()


def listed_levels(vocab: ParameterVocabulary, text: str) -> list[str]:
    """The budget levels a text lists ("省、市、县三级" -> provincial, municipal, county), or
    the one it names last ("市级")."""
    m = _LEVEL_LIST.search(text) or _RUN_LEVELS.search(text)
    if m:
        found: list[str] = []
        for word in re.findall(r"[省市县区](?:级|本级)?", m.group(0)):
            level = next((lv for w, lv in vocab.levels if word.startswith(w)), "")
            if level and level not in found:
                found.append(level)
        return found
    single = _ONE_LEVEL.search(text)
    return [next(lv for w, lv in vocab.levels if single.group(1).startswith(w))] if single else []
