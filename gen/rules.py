"""Load the editable rule files under gen/data/ into compiled, frozen values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Credit:
    pattern: re.Pattern[str]
    prefix: bool
    suffix: bool = False


@dataclass(frozen=True)
class Signal:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class Boilerplate:
    tail_markers: tuple[re.Pattern[str], ...]
    drop_lines: tuple[re.Pattern[str], ...]
    header_lines: tuple[re.Pattern[str], ...]
    lead_labels: tuple[str, ...]
    credits: tuple[Credit, ...]
    publisher_noise: tuple[re.Pattern[str], ...]
    nav_line: re.Pattern[str]
    title_noise: tuple[re.Pattern[str], ...]
    html_drop_tags: frozenset[str]
    html_drop_names: re.Pattern[str]
    html_unlink_names: re.Pattern[str]
    provenance_lines: tuple[re.Pattern[str], ...] = ()

    def is_tail(self, line: str) -> bool:
        return bool(_joined(self.tail_markers).search(line))

    def is_drop(self, line: str) -> bool:
        return bool(_joined(self.drop_lines).search(line)) or bool(self.nav_line.match(line))

    def is_header(self, line: str) -> bool:
        return bool(_joined(self.header_lines).search(line))

    def is_provenance(self, line: str) -> bool:
        return bool(_joined(self.provenance_lines).search(line))


@cache
def _joined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One alternation for a list of rules: a single search per line instead of one each."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or r"(?!)")


@dataclass(frozen=True)
class Formats:
    window: int
    min_score: float
    head_signals: dict[str, tuple[Signal, ...]]
    tail_signals: dict[str, tuple[Signal, ...]]


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def read_yaml(name: str, data_dir: Path = DATA_DIR):
    with open(data_dir / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def boilerplate(data_dir: Path = DATA_DIR) -> Boilerplate:
    raw = read_yaml("boilerplate.yml", data_dir)
    labels = raw["nav_link_labels"]
    link = rf"\[[^\]]*(?:{labels})[^\]]*\]\([^)]*\)"
    nav_line = re.compile(rf"^\s*{link}(?:\s*[|｜/·]?\s*{link})*\s*$")
    return Boilerplate(
        tail_markers=_compile_all(raw["tail_markers"]),
        drop_lines=_compile_all(raw["drop_lines"]),
        header_lines=_compile_all(raw["header_lines"]),
        lead_labels=tuple(raw["lead_labels"]),
        credits=tuple(
            Credit(re.compile(item["pattern"]), bool(item.get("prefix", False)), bool(item.get("suffix", False)))
            for item in raw["credits"]
        ),
        publisher_noise=_compile_all(raw["publisher_noise"]),
        nav_line=nav_line,
        title_noise=_compile_all(raw["title_noise"]),
        html_drop_tags=frozenset(raw["html_drop"]["tags"]),
        html_drop_names=re.compile("|".join(re.escape(w) for w in raw["html_drop"]["class_or_id"]), re.IGNORECASE),
        html_unlink_names=re.compile("|".join(re.escape(w) for w in raw["html_drop"]["unlink_class_or_id"]), re.IGNORECASE),
        provenance_lines=_compile_all(raw.get("provenance_lines", [])),
    )


def _signals(items: list[dict]) -> tuple[Signal, ...]:
    return tuple(Signal(re.compile(i["pattern"], re.MULTILINE), float(i["weight"])) for i in items)


@cache
def formats(data_dir: Path = DATA_DIR) -> Formats:
    raw = read_yaml("formats.yml", data_dir)
    return Formats(
        window=int(raw["window"]),
        min_score=float(raw["min_score"]),
        head_signals={name: _signals(items) for name, items in raw["families"].items()},
        tail_signals={name: _signals(items) for name, items in raw.get("tail_signals", {}).items()},
    )
