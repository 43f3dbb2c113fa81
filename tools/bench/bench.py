"""make bench: synthesise N sources, time every stage, compare with a plain Material build.

Each step runs as its own process, as a user would run it; wall time and the peak memory
of the whole process tree (pool workers included, shared pages counted once: PSS) are
sampled from /proc.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from tools.bench.search_bytes import first_search_bytes
from tools.bench.synth import synthesise

ROOT = Path(__file__).resolve().parent.parent.parent
PLAIN_CONFIG = """site_name: plain
theme:
  name: material
  language: zh
plugins:
  - search
"""


# Where in the corpus (as a fraction of the sorted sources) the one-source edits are made:
# the cost of an edit depends on the source, so several are measured.
ONE_CHANGED_AT = (0.5, 0.15, 0.3, 0.7, 0.9)


def _tree_memory(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes: the sum of their proportional
    set sizes, so pages that forked workers share with their parent count once, not per process."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1)) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError, ValueError):
            continue
    return total


def _environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed normally: with Python's bytecode cache
    return env


def _edit(source: Path, mark: str) -> None:
    """A one-sentence change, as an editor would make."""
    source.write_text(source.read_text(encoding="utf-8").replace("。", f"。（{mark}）", 1), encoding="utf-8")


def measure(command: list[str], cwd: Path) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_memory(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err[-2000:]}")
    timings = re.search(r"time: (.*)", out)
    stages = {name: float(sec) for name, sec in re.findall(r"([\w+]+) ([\d.]+)s", timings.group(1))} if timings else {}
    return {"wall_s": round(wall, 2), "peak_mb": round(peak[0] / 2**20, 1), "stages_s": stages}


def _project(folder: Path, config: str | None = None) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    if config is None:
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copytree(ROOT / "hooks", folder / "hooks")
    else:
        (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for item in ("about", "assets"):
        shutil.copytree(ROOT / "docs" / item, folder / "docs" / item, ignore=shutil.ignore_patterns("generated"))
    return folder


def bench_size(n: int, out: Path, plain: bool) -> dict:
    python = sys.executable
    sources = out / f"sources-{n}"
    shutil.rmtree(sources, ignore_errors=True)
    synthesise(ROOT / "seeds", sources, n)
    site = _project(out / f"site-{n}")
    cache = out / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    generate = [python, "-m", "gen", "build", "--sources", str(sources), "--docs", str(site / "docs"), "--cache", str(cache)]
    result = {"sources": n, "generate_cold": measure(generate, ROOT)}
    files = sorted(sources.rglob("*.txt"))
    result["generate_one_changed"] = []
    for position in ONE_CHANGED_AT:  # one source at a time; each edit is measured on its own
        _edit(files[int(n * position)], "更新")
        result["generate_one_changed"].append(measure(generate, ROOT))
    result["rebuild_in_watch_mode_s"] = _in_own_process("watch_rebuild", sources, site / "docs", cache, files[n // 3])
    result["site_build"] = measure([python, "-m", "mkdocs", "build", "--strict", "-q"], site)
    result["search_index_files"] = _folder_size(site / "site" / "search-index")
    result["first_search"] = first_search_bytes(site / "site")
    if plain:
        plain_site = _project(out / f"plain-{n}", PLAIN_CONFIG)
        shutil.rmtree(plain_site / "docs")
        shutil.copytree(site / "docs", plain_site / "docs")
        result["plain_material_build"] = measure([python, "-m", "mkdocs", "build", "-q"], plain_site)
    cold = result["generate_cold"]
    result["sources_per_s"] = round(n / sum(cold["stages_s"].values()), 1) if cold["stages_s"] else None
    result["generate_plus_site_s"] = round(cold["wall_s"] + result["site_build"]["wall_s"], 2)
    return result


def _folder_size(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def _in_own_process(function: str, *paths: Path) -> float:
    """Run one of this module's timing functions in a fresh interpreter; its result."""
    script = f"import sys; from tools.bench.bench import {function}; print({function}(*sys.argv[1:]))"
    out = subprocess.run([sys.executable, "-c", script, *map(str, paths)], cwd=ROOT, env=_environment(),
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def watch_rebuild(sources: str, docs: str, cache: str, changed: str) -> float:
    """Seconds from an edit to the end of the rebuild in `gen watch`."""
    from gen.incremental.watch import watch
    from gen.settings import Settings

    marks: list[float] = []

    def edit(_: float) -> None:
        _edit(Path(changed), "又")
        marks.append(time.perf_counter())

    settings = Settings(sources=Path(sources), docs=Path(docs), cache=Path(cache), progress=False)
    watch(settings, lambda report: marks.append(time.perf_counter()), interval=0, rebuilds=1, sleep=edit)
    return round(marks[-1] - marks[-2], 3)


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 2**20
    return {"cpu": model, "cores": os.cpu_count(), "memory_gb": memory, "python": platform.python_version(),
            "system": platform.platform()}


def run_bench(sizes: list[int], out: Path, plain_max: int = 1000) -> int:
    out.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "runs": []}
    for n in sizes:
        print(f"bench: {n} sources…", flush=True)
        report["runs"].append(bench_size(n, out, plain=n <= plain_max))
        print(json.dumps(report["runs"][-1], ensure_ascii=False), flush=True)
    (out / "results.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(summary(report))
    return 0


def summary(report: dict) -> str:
    lines = [f"machine: {report['machine']}", "",
             "| sources | generate cold (s) | sources/s | peak MB | 1 changed, each of 5 (s) | 1 changed, watch mode (s) | site build + index (s) | generate+site (s) | plain Material (s) | first search (KB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in report["runs"]:
        plain = run.get("plain_material_build", {}).get("wall_s", "—")
        steps = [run["generate_cold"], run["site_build"], *run["generate_one_changed"]]
        lines.append(f"| {run['sources']} | {run['generate_cold']['wall_s']} | {run['sources_per_s']} | "
                     f"{max(step['peak_mb'] for step in steps)} | "
                     f"{' / '.join(str(c['wall_s']) for c in run['generate_one_changed'])} | "
                     f"{run['rebuild_in_watch_mode_s']} | "
                     f"{run['site_build']['wall_s']} | {run['generate_plus_site_s']} | {plain} | "
                     f"{run['first_search']['search_bytes'] / 1000:.0f} |")
    runs = {r["sources"]: r for r in report["runs"]}
    if 1000 in runs and "plain_material_build" in runs[1000]:
        ratio = runs[1000]["generate_plus_site_s"] / runs[1000]["plain_material_build"]["wall_s"]
        lines.append(f"\n1,000 sources: generate+site / plain Material = {ratio:.2f} (target <= 0.25)")
    if 1000 in runs:
        run = runs[1000]
        lines.append(f"1,000 sources: generator {run['sources_per_s']} sources/s (target >= 200)")
        lines.append(f"1 of 1,000 changed (target <= 1 s), {run['rebuild_in_watch_mode_s']} s in watch mode; as a new process:")
        for changed in run["generate_one_changed"]:
            lines.append(f"  {changed['wall_s']} s ({sum(changed['stages_s'].values()):.2f} s in the build)")
    for run in report["runs"]:
        search, index = run["first_search"], run["search_index_files"]
        lines.append(f"{run['sources']:,} sources: first search for {search['query']} ({search['results']} passages) downloads "
                     f"{search['search_bytes']:,} bytes in {search['search_files']} files {search['by_kind']} "
                     f"(target <= 1 MB at 10,000); index {index['bytes']:,} bytes in {index['files']:,} files")
    if 1000 in runs and 10000 in runs:
        scale = runs[10000]["generate_plus_site_s"] / runs[1000]["generate_plus_site_s"]
        lines.append(f"10,000 / 1,000 sources time = {scale:.1f}x (target <= 11x)")
    return "\n".join(lines)
