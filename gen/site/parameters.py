"""The policy-parameters page (政策参数), its charts and data, and what province and theme pages
show of it.

Per parameter: the national baseline from gen/data/parameters.yml, then a row per place and
scope (national rules first, then places in code order, a province before its cities and
counties) with the latest value, its change, date, the quoted sentence and a link to it,
and a chart of the values over time where they were stated on more than one date.
"""

from __future__ import annotations

from collections import defaultdict

from gen import paths
from gen.models import Article, OutputFile, ParameterValue
from gen.rendering.jinja import render
from gen.site import parameter_chart, parameter_text
from gen.site.indexes import rel
from gen.site.parameter_export import PublishedFact, data_files, published
from gen.understanding.parameters.vocabulary import Parameter, ParameterVocabulary, parameter_vocabulary
from gen.understanding.themes import Vocabulary


class ParameterTable:
    """Every published fact, grouped once for the parameters, province and theme pages."""

    def __init__(self, articles: list[Article], vocab: ParameterVocabulary | None = None):
        self.vocab = vocab or parameter_vocabulary()
        self.facts = published(articles, self.vocab)
        self.by_parameter: dict[str, list[PublishedFact]] = defaultdict(list)
        self._latest: dict[str, list[tuple[PublishedFact, int]]] = {}
        for item in self.facts:
            self.by_parameter[item.fact.parameter].append(item)

    def latest(self, parameter_id: str) -> list[tuple[PublishedFact, int]]:
        """The newest fact per place and scope, with how many facts the group holds."""
        if parameter_id not in self._latest:
            self._latest[parameter_id] = self._newest(parameter_id)
        return self._latest[parameter_id]

    def _newest(self, parameter_id: str) -> list[tuple[PublishedFact, int]]:
        groups: dict[tuple, list[PublishedFact]] = defaultdict(list)
        for item in self.by_parameter.get(parameter_id, []):
            f = item.fact
            groups[(item.place_key, f.measure, f.scope_class, f.scope_condition, f.scope_base, f.level)].append(item)
        rows = [(max(items, key=lambda i: (i.fact.date, i.article.meta.date, i.article.id, i.fact.anchor)), len(items))
                for items in groups.values()]
        return sorted(rows, key=lambda row: (row[0].place_key, row[0].fact.measure, row[0].fact.scope_class,
                                             row[0].fact.scope_condition, _LEVELS.index(row[0].fact.level)))

    def pages(self, themes: Vocabulary) -> list[OutputFile]:
        page = paths.PARAMETERS
        theme_names = {t.id: t for t in themes.themes}
        sections, files = [], []
        for parameter in self.vocab.parameters:
            chart = self._chart(parameter)
            theme = theme_names.get(parameter.theme or "")
            sections.append({
                "parameter": parameter,
                "unit": parameter.unit or "—",
                "theme": {"name": f"{theme.zh} · {theme.en}", "link": rel(page, paths.theme(theme.id))} if theme else None,
                "baselines": [self._baseline(parameter, b) for b in parameter.baselines],
                "rows": [self._row(item, count, page) for item, count in self.latest(parameter.id)],
                "facts": len(self.by_parameter.get(parameter.id, [])),
                "chart": chart,
            })
        files.append(OutputFile(page, render(
            "parameters.md.j2", sections=sections, total=len(self.facts),
            data={"json": rel(page, paths.PARAMETERS_JSON), "schema": rel(page, paths.PARAMETERS_SCHEMA),
                  "csv": rel(page, paths.PARAMETERS_CSV)},
        )))
        return files + data_files(self.facts, self.vocab)

    def province_rows(self, adcode: str, page: str) -> list[dict]:
        """The latest facts of places in one province (its own and its cities' and counties')."""
        rows = []
        for parameter in self.vocab.parameters:
            for item, _ in self.latest(parameter.id):
                if item.fact.place and item.fact.place.adcode[:2] == adcode[:2]:
                    rows.append({**self._row(item, 1, page), "name": parameter.zh,
                                 "section": rel(page, paths.PARAMETERS) + f"#{parameter.id}"})
        return rows

    def theme_links(self, theme_id: str, page: str) -> list[dict]:
        return [{"name": f"{p.zh} · {p.en}", "link": rel(page, paths.PARAMETERS) + f"#{p.id}",
                 "facts": len(self.by_parameter.get(p.id, [])),
                 "places": len({i.place_key for i in self.by_parameter.get(p.id, [])})}
                for p in self.vocab.parameters if p.theme == theme_id]

    def _row(self, item: PublishedFact, count: int, page: str) -> dict:
        fact, vocab = item.fact, self.vocab
        place = fact.place
        if place is None:
            where = "全国 National"
        elif place.adcode.endswith("0000"):
            where = place.province
        else:
            where = f"{place.province} · {place.name}"
        measure = vocab.parameter(fact.parameter).measure(fact.measure) if fact.measure else None
        scope = parameter_text.scope_zh(fact)
        latest = parameter_text.value_zh(fact.value, vocab, fact.parameter, fact.qualifier)
        change = ""
        if fact.previous:
            change = f"{parameter_text.value_zh(fact.previous, vocab, fact.parameter)} → {latest}"
        return {
            "place": where, "adcode": place.adcode if place else "—", "level": parameter_text.level_zh(fact.level),
            "scope": "；".join(x for x in (measure.zh if measure else "", scope) if x and x != "—") or "—", "latest": latest, "change": change or "—",
            "date": fact.date or "—", "quote": fact.quote, "link": rel(page, item.link), "en": item.en,
            "older": count - 1,
        }

    def _baseline(self, parameter: Parameter, baseline: dict) -> dict:
        vocab = self.vocab
        measure = parameter.measure(baseline.get("measure", ""))
        if "status" in baseline:
            value = parameter_text.value_zh(_value(status=baseline["status"]), vocab, parameter.id)
        else:
            value = parameter_text.value_zh(_value(**baseline["value"]), vocab, parameter.id, baseline.get("qualifier", ""))
        previous = parameter_text.value_zh(_value(**baseline["previous"]), vocab, parameter.id) if baseline.get("previous") else ""
        scope = "；".join(x for x in (measure.zh if measure else "", parameter_text.class_zh(baseline["scope"]),
                                      baseline.get("condition", ""), baseline.get("base", "")) if x)
        return {"scope": scope, "value": value, "previous": previous, "rule": baseline["rule"],
                "since": str(baseline.get("since", "")), "verified_in": baseline["verified_in"],
                "note": baseline.get("note", "")}

    def _chart(self, parameter: Parameter) -> str:
        """The values of the parameter's largest group of numeric facts (one measure, one
        unit), when they were stated in more than one year."""
        groups: dict[tuple[str, str], list[PublishedFact]] = defaultdict(list)
        for item in self.by_parameter.get(parameter.id, []):
            if not item.fact.value.status and item.fact.date:
                groups[(item.fact.measure, item.fact.value.unit)].append(item)
        charted = [(key, items) for key, items in groups.items() if len({i.fact.date[:4] for i in items}) > 1]
        if not charted:
            return ""
        (measure_id, unit), items = max(charted, key=lambda kv: (len(kv[1]), kv[0]))
        measure = parameter.measure(measure_id)
        title = f"{parameter.zh}{'：' + measure.zh if measure else ''} 随时间 over time"
        points = [(i.fact.date, i.fact.value.low, i.fact.value.high,
                   f"{_place_label(i)} {parameter_text.value_zh(i.fact.value, self.vocab, parameter.id, i.fact.qualifier)}"
                   f" ({i.fact.date})") for i in items]
        links = [paths.href(paths.PARAMETERS, i.link) for i in items]
        return parameter_chart.values_over_time(title, _UNIT_LABELS.get(unit, unit), points, links)


_LEVELS = ("national", "provincial", "municipal", "county")
_UNIT_LABELS = {"%": "%", "元": "元", "万元": "万元", "days": "日", "working_days": "工作日"}


def _place_label(item: PublishedFact) -> str:
    return item.fact.place.name if item.fact.place else "全国"


def _value(**fields) -> ParameterValue:
    return ParameterValue(low=fields.get("low"), high=fields.get("high"), unit=fields.get("unit", ""),
                          status=fields.get("status", ""))
