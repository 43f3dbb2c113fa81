"""Command line: python -m gen build [--sources DIR] [--docs DIR] [--strict]; python -m gen evaluate."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gen.pipeline import build
from gen.reading.discover import shown_name as shown  # every name and reason printed: no line can be forged
from gen.settings import Settings, site_url
from gen.write import OutputError, docs_lock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gen", description="Generate the procurement briefing site.")
    commands = parser.add_subparsers(dest="command", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--sources", type=Path, default=Path("seeds"))
    shared.add_argument("--docs", type=Path, default=Path("docs"))
    shared.add_argument("--workers", type=int, default=0, help="processes (0: one per core)")
    shared.add_argument("--no-cache", action="store_true")
    shared.add_argument("--cache", type=Path, default=Settings.cache, help="cache folder (default .cache/gen)")
    build_cmd = commands.add_parser("build", parents=[shared], help="read the sources and write docs/")
    build_cmd.add_argument("--strict", action="store_true", help="fail on any skipped source or warning")
    watch_cmd = commands.add_parser("watch", parents=[shared], help="build, then rebuild when a source changes")
    watch_cmd.add_argument("--interval", type=float, default=1.0, help="seconds between looks at the sources")
    evaluate_cmd = commands.add_parser("evaluate", help="score themes, topic and places against the hand labels")
    evaluate_cmd.add_argument("--verbose", action="store_true", help="list every passage the classifier got wrong")
    evaluate_cmd.add_argument("--batch", choices=("tuning", "heldout", "fresh", "untuned", "context", "context-unseen"), help="score one devset batch alone")
    args = parser.parse_args(argv)
    if args.command == "evaluate":
        from gen.evaluation import main as evaluate

        return evaluate(["--verbose"] * args.verbose + (["--batch", args.batch] if args.batch else []))
    settings = Settings(
        sources=args.sources, docs=args.docs, strict=getattr(args, "strict", False), workers=args.workers,
        cache=None if args.no_cache else args.cache, site_url=site_url(Path("mkdocs.yml")),
    )
    if not settings.sources.is_dir():
        print(f"error: sources folder {settings.sources} does not exist", file=sys.stderr)
        return 2
    try:
        with os.scandir(settings.sources):
            pass
    except OSError as error:  # building from nothing would replace the site with an empty one
        print(f"error: sources folder {settings.sources} cannot be listed ({error.strerror})", file=sys.stderr)
        return 2
    if os.path.lexists(settings.docs) and not settings.docs.is_dir():
        print(f"error: --docs {settings.docs} is not a folder", file=sys.stderr)
        return 2
    if args.command == "watch":
        from gen.incremental.watch import watch

        print(f"watching {settings.sources} (Ctrl-C to stop)", flush=True)
        try:
            watch(settings, print_brief, interval=args.interval)
        except KeyboardInterrupt:
            pass
        return 0
    try:
        with docs_lock(settings.docs):  # the whole build: its cache describes what it wrote
            report = build(settings)
    except OSError as error:
        print(f"error: {error_line(error)}", file=sys.stderr)
        return 1
    print_summary(report)
    if settings.strict and (report.skipped or report.warnings):
        print("strict: failing because of skipped sources or warnings", file=sys.stderr)
        return 1
    return 0


def error_line(error: OSError) -> str:
    """What went wrong with a file or folder, in one line (docs/ problems come worded)."""
    if isinstance(error, OutputError) or not error.strerror:
        return str(error)
    return f"{error.strerror}: {shown(str(error.filename))}" if error.filename else error.strerror


def print_brief(report) -> None:
    """One line per build (and one per skipped source): what watch mode prints."""
    seconds = sum(t for _, t in report.timings)
    print(f"built {report.sources_read} sources -> {report.pages_written} files in {seconds:.2f}s  "
          f"skipped: {len(report.skipped)}  warnings: {len(report.warnings)}", flush=True)
    for item in report.skipped:
        print(f"  skipped {shown(item.source_file)}: {shown(item.reason)}", flush=True)


def print_summary(report) -> None:
    on_topic = sum(1 for r in report.records if r.on_topic)
    print(f"sources read: {report.sources_read}  pages: {len(report.records)} ({on_topic} on topic)  "
          f"files written: {report.pages_written}  skipped: {len(report.skipped)}  warnings: {len(report.warnings)}")
    for item in report.skipped:
        print(f"  skipped {shown(item.source_file)}: {shown(item.reason)}")
    by_id = {r.id: r for r in report.records}
    for record in report.records:
        if record.duplicate_of:
            print(f"  duplicate {shown(record.source_file)}: same article as {shown(by_id[record.duplicate_of].source_file)}")
    for warning in report.warnings:
        print(f"  warning {shown(warning)}")
    if report.timings:
        print("  time: " + ", ".join(f"{name} {seconds:.2f}s" for name, seconds in report.timings))


def exit_now(code: int) -> None:
    """Leave without the interpreter's teardown: freeing every object of a large corpus one by
    one takes longer than the exit itself. Every file written
    is closed by then; only the standard streams need flushing."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
