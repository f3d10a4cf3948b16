#!/usr/bin/env python3
"""Measure newslint's lint throughput (MB/s) against a floor and against datatrove's filters.

Usage::

    .venv/bin/python bench/throughput.py /work/shared/corpus [--mb 100] [--jobs 1]

The corpus texts (naive + trafilatura + gold) are copied until the set holds at least ``--mb`` MB
(10^6 bytes of UTF-8 document text, the unit of every MB/s printed here). Each copy gets a unique
first line ("doc 12345 variant 7") so that no cache can recognise a document. The documents are
written as JSONL files of about 10 MB each in a temporary directory, as a crawl would store them.
Generation is not timed. Rows:

* floor: reading those files in Python, ``json.loads`` per line and ``str.splitlines`` per text:
  the least any Python linter of JSONL has to do.
* newslint API: ``Linter.lint`` with the default rules (or ``--select``) over every document,
  including ``Document`` construction and the corpus rules' collect/combine pass, on one core (or
  ``--jobs`` worker processes: aggregate and per-core figures).
* newslint CLI: ``newslint check FILE.jsonl --isolated --statistics --exit-zero`` end to end
  (start-up, reading, linting, report) on a ~10 MB file.
* datatrove C4QualityFilter / GopherRepetitionFilter (``filter`` on each document, English word
  tokenizer, default settings), if datatrove is installed (``pip install -r bench/requirements.txt``).
* per rule: each rule's ``check`` alone on a 10 MB sample (the shared Document views ``line_texts``
  (with ``line_starts``), ``stripped_lines``, ``paragraphs`` and ``language`` are computed beforehand
  and timed apart; views
  a family shares through ``doc.view`` are paid by every rule of the family here, so the sum of the
  rows is above the full run).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_corpus import load_jsonl, load_ruleset, split_selectors  # noqa: E402

from newslint import Document, Linter  # noqa: E402
from newslint.config import Settings  # noqa: E402
from newslint.memo import clear_memos  # noqa: E402
from newslint.rule import CorpusRule  # noqa: E402

MB = 1_000_000
FILE_MB = 10  # size of each generated JSONL file
TARGET_MBPS = 10.0


# -- generating the documents -----------------------------------------------------------------------


def corpus_texts(corpus_dir: Path) -> list[tuple[str, str | None]]:
    texts = []
    for name in ("naive", "trafilatura", "gold"):
        path = corpus_dir / f"{name}.jsonl"
        if not path.exists():
            continue
        for record in load_jsonl(path):
            if isinstance(record.get("text"), str) and record["text"].strip():
                lang = record.get("lang") if isinstance(record.get("lang"), str) else None
                texts.append((record["text"], lang))
    if not texts:
        raise SystemExit(f"no texts found in {corpus_dir}/{{naive,trafilatura,gold}}.jsonl")
    return texts


def corpus_sample(corpus_dir: Path, count: int = 20) -> list[dict[str, Any]]:
    texts = corpus_texts(corpus_dir)
    step = max(len(texts) // count, 1)
    return [{"id": f"w{i}", "lang": lang, "text": text} for i, (text, lang) in enumerate(texts[::step][:count])]


def generate(corpus_dir: Path, megabytes: float, directory: Path) -> tuple[list[Path], int, int]:
    """Write unique documents totalling >= ``megabytes`` MB of text; returns files, bytes, documents.

    The documents are copies of the corpus texts, one copy of every text after the other: document
    ``i`` belongs to copy ``i // len(corpus_texts(corpus_dir))``."""
    texts = corpus_texts(corpus_dir)
    target = megabytes * MB
    files: list[Path] = []
    total = 0
    count = 0
    variant = 0
    handle = None
    in_file = 0
    while total < target:
        for text, lang in texts:
            if total >= target:
                break
            if handle is None or in_file >= FILE_MB * MB:
                if handle is not None:
                    handle.close()
                files.append(directory / f"docs-{len(files):03d}.jsonl")
                handle = files[-1].open("w", encoding="utf-8")
                in_file = 0
            body = f"doc {count} variant {variant}\n{text}"
            size = len(body.encode("utf-8"))
            record = {"id": f"d{count}", "lang": lang, "text": body}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            total += size
            in_file += size
            count += 1
        variant += 1
    if handle is not None:
        handle.close()
    return files, total, count


def read_records(files: list[Path]) -> list[dict[str, Any]]:
    records = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                records.append(json.loads(line))
    return records


def text_bytes(records: list[dict[str, Any]]) -> int:
    return sum(len(r["text"].encode("utf-8")) for r in records)


def make_documents(records: list[dict[str, Any]], path: str) -> list[Document]:
    return [Document(r["text"], path, r["id"], {"lang": r.get("lang")}, r.get("lang")) for r in records]


# -- rows -------------------------------------------------------------------------------------------


class Clock:
    """Wall-clock and CPU seconds of this process (CPU time is what a dedicated core would take,
    so the figures stay meaningful on a machine that others are using)."""

    def __enter__(self) -> Clock:
        gc.collect()
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_floor(files: list[Path]) -> Clock:
    lines = 0
    with Clock() as clock:
        for path in files:
            with path.open(encoding="utf-8") as handle:
                for raw in handle:
                    lines += len(json.loads(raw)["text"].splitlines())
    return clock


_WORKER: dict[str, Any] = {}


def _lint_chunk(bounds: tuple[int, int]) -> tuple[int, float, int]:
    linter, records, corpus = _WORKER["linter"], _WORKER["records"], _WORKER["corpus"]
    copy_size = _WORKER["copy_size"]
    started = time.process_time()
    findings = 0
    for index in range(bounds[0], bounds[1]):
        if copy_size and (index % copy_size == 0 or index == bounds[0]):
            # Each copy starts with empty line memos: the copies repeat every line, article lines
            # included, which no crawl does; rules would pay for each candidate line only once.
            clear_memos()
        record = records[index]
        document = Document(
            record["text"], "bench.jsonl", record["id"], {"lang": record.get("lang")}, record.get("lang")
        )
        findings += len(linter.lint(document, None, corpus))
    crashes = len(linter.crashes)
    linter.crashes.clear()
    return findings, time.process_time() - started, crashes


def time_api(linter: Linter, records: list[dict[str, Any]], jobs: int, copy_size: int = 0) -> dict[str, Any]:
    """Lint every record (after the corpus rules' pass, if any), in this process or in ``jobs`` workers.

    With ``copy_size`` (documents per copy of the corpus), the line memos are emptied at the start
    of every copy; with 0 they keep what earlier copies taught them."""
    corpus: dict[str, Any] = {}
    corpus_cpu = 0.0
    with Clock() as clock:
        if linter.plan().corpus_rules:
            corpus = linter.collect_corpus(make_documents(records, "bench.jsonl"))
            corpus_cpu = time.process_time() - clock.cpu
        _WORKER.update(linter=linter, records=records, corpus=corpus, copy_size=copy_size)
        if jobs <= 1:
            findings, _, crashes = _lint_chunk((0, len(records)))
            worker_cpu = 0.0
        else:
            size = -(-len(records) // (jobs * 8))  # several chunks per worker, for balance
            chunks = [(i, min(i + size, len(records))) for i in range(0, len(records), size)]
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = pool.map(_lint_chunk, chunks)
            findings = sum(r[0] for r in results)
            crashes = sum(r[2] for r in results)
            worker_cpu = sum(r[1] for r in results)
    cpu = clock.cpu + worker_cpu  # the parent's own CPU time plus the workers'
    return {"wall": clock.wall, "cpu": cpu, "findings": findings, "corpus_cpu": corpus_cpu, "crashes": crashes}


def time_cli(files: list[Path], select: tuple[str, ...] | None) -> tuple[float, float, int] | None:
    newslint = Path(sys.executable).with_name("newslint")
    command = [str(newslint)] if newslint.exists() else [sys.executable, "-m", "newslint"]
    subset = files[0]
    command += ["check", str(subset), "--isolated", "--statistics", "--exit-zero"]
    if select:
        command += ["--select", ",".join(select)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if completed.returncode not in (0, 1):
        print(f"  CLI failed (exit {completed.returncode}): {completed.stderr.strip()[:300]}", file=sys.stderr)
        return None
    return wall, cpu, text_bytes(read_records([subset]))


def datatrove_filters() -> tuple[list[tuple[str, Any]], str | None]:
    try:
        from datatrove.data import Document as DTDocument  # noqa: F401
        from datatrove.pipeline.filters import C4QualityFilter, GopherRepetitionFilter
    except Exception as error:  # noqa: BLE001 - any import problem means: skip these rows
        return (
            [],
            f"datatrove is not importable ({type(error).__name__}: {error}); pip install -r bench/requirements.txt",
        )
    filters = [
        ("datatrove C4QualityFilter", C4QualityFilter()),
        ("datatrove GopherRepetitionFilter", GopherRepetitionFilter()),
    ]
    try:  # the English word tokenizer needs spaCy: find out now, not after minutes of work
        from datatrove.data import Document as DTDocument

        for _, step in filters:
            step.filter(DTDocument(text="A first sentence here. A second one.\nAnd a third line.", id="probe"))
    except Exception as error:  # noqa: BLE001
        return [], f"datatrove filters fail ({type(error).__name__}: {error})"
    return filters, None


def time_datatrove(step: Any, records: list[dict[str, Any]]) -> tuple[Clock, int]:
    from datatrove.data import Document as DTDocument

    kept = 0
    with Clock() as clock:
        for record in records:
            result = step.filter(DTDocument(text=record["text"], id=record["id"]))
            kept += bool(result[0] if isinstance(result, tuple) else result)
    return clock, kept


# The views most rules read (line_starts comes with line_texts; the built-in rules never build
# the Line tuples of ``lines`` nor ``content_lines``, which is made of them).
CORE_VIEWS = ("line_texts", "stripped_lines", "paragraphs", "language")


def warm(document: Document) -> None:
    for name in CORE_VIEWS:
        getattr(document, name)


def time_rules(linter: Linter, records: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """CPU seconds per rule: alone (fresh documents, core views precomputed) and inside one full
    run over the sample (rules in plan order on the same documents, each view paid by its first user)."""
    plan = linter.plan()
    documents = make_documents(records, "bench.jsonl")
    view_seconds: dict[str, float] = {}
    for name in CORE_VIEWS:  # in this order each view is timed without the ones it builds on
        with Clock() as clock:
            for document in documents:
                getattr(document, name)
        view_seconds[name] = clock.cpu
    rows = {
        active.rule.code: {
            "code": active.rule.code,
            "name": active.rule.name,
            "alone": 0.0,
            "in_run": 0.0,
            "findings": 0,
            "error": None,
        }
        for active in plan.rules
    }

    def run(rule: Any, options: Any, document: Document, model: Any) -> int:
        if isinstance(rule, CorpusRule):
            return sum(1 for _ in rule.check(document, options, model))
        return sum(1 for _ in rule.check(document, options))

    models: dict[str, Any] = {}
    for active in plan.rules:
        rule, options, row = active.rule, active.options, rows[active.rule.code]
        documents = make_documents(records, "bench.jsonl")
        for document in documents:
            warm(document)
        try:
            with Clock() as clock:
                if isinstance(rule, CorpusRule):
                    models[rule.code] = rule.combine([rule.collect(d, options) for d in documents], options)
                for document in documents:
                    row["findings"] += run(rule, options, document, models.get(rule.code))
            row["alone"] = clock.cpu
        except Exception as exc:  # noqa: BLE001 - a crashing rule gets a row saying so
            row["error"] = f"{type(exc).__name__}: {exc}"
    gc.collect()
    clock = time.process_time
    for document in make_documents(records, "bench.jsonl"):
        for active in plan.rules:
            row = rows[active.rule.code]
            if row["error"]:
                continue
            started = clock()
            try:
                run(active.rule, active.options, document, models.get(active.rule.code))
            except Exception as exc:  # noqa: BLE001
                row["error"] = f"{type(exc).__name__}: {exc}"
            row["in_run"] += clock() - started
    return view_seconds, list(rows.values())


# -- main -------------------------------------------------------------------------------------------


def take(records: list[dict[str, Any]], megabytes: float) -> list[dict[str, Any]]:
    """The first records holding ``megabytes`` MB of text (the files cycle through the corpus)."""
    taken, size = [], 0
    for record in records:
        if size >= megabytes * MB:
            break
        taken.append(record)
        size += len(record["text"].encode("utf-8"))
    return taken


def mbps(size: int, seconds: float) -> float:
    return size / MB / seconds if seconds > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument(
        "--mb", type=float, default=100.0, help="MB of document text to lint (default 100; use 5 for a quick run)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="worker processes for the newslint API row (default 1: one core)"
    )
    parser.add_argument(
        "--rules-mb", type=float, default=10.0, help="MB of the sample for the per-rule table (default 10)"
    )
    parser.add_argument(
        "--datatrove-mb",
        type=float,
        default=10.0,
        help="MB of the documents the datatrove rows run on (default 10, 0 = all: datatrove is ~50x slower)",
    )
    parser.add_argument("--select", action="append", metavar="SELECTORS", help="rules to run instead of the defaults")
    parser.add_argument("--ignore", action="append", metavar="SELECTORS", help="rules to leave out")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["cli", "datatrove", "rules"],
        help="leave a row out (repeatable)",
    )
    parser.add_argument("--out", type=Path, help="write the numbers as JSON here")
    parser.add_argument(
        "--keep", type=Path, help="write the generated JSONL files to this directory instead of a temporary one"
    )
    parser.add_argument("--strict", action="store_true", help="fail when a rule family cannot be loaded")
    args = parser.parse_args(argv)

    ruleset, problems = load_ruleset(args.strict)
    select = split_selectors(args.select)
    ignore = split_selectors(args.ignore) or ()
    for selector in (select or ()) + ignore:
        if not ruleset.matching(selector):
            parser.error(f"{selector!r} is not a rule code, prefix, name or ALL")
    linter = Linter(ruleset, Settings(select=select, ignore=ignore))
    active = [a.rule.code for a in linter.plan().rules]
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "rules_active": active,
        "plugin_problems": problems,
        "rows": [],
    }
    print(f"newslint throughput, {results['date']}, Python {results['python']}, {results['machine']}")
    print(f"{len(active)} active rules: {' '.join(active)}")

    temporary = None
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        directory = args.keep
    else:
        temporary = tempfile.mkdtemp(prefix="newslint-bench-")
        directory = Path(temporary)
    try:
        started = time.perf_counter()
        files, total, count = generate(args.corpus_dir, args.mb, directory)
        print(
            f"generated {count} unique documents, {total / MB:.1f} MB of text in {len(files)} JSONL file(s) "
            f"({time.perf_counter() - started:.1f} s, not timed below)"
        )
        results.update(documents=count, megabytes=round(total / MB, 2), files=len(files))
        records = read_records(files)

        def row(name: str, size: int, wall: float, cpu: float, note: str = "", **extra: Any) -> None:
            entry = {
                "name": name,
                "mb": round(size / MB, 2),
                "wall_seconds": round(wall, 3),
                "cpu_seconds": round(cpu, 3),
                "mb_per_s_wall": round(mbps(size, wall), 2),
                "mb_per_s_per_core": round(mbps(size, cpu), 2),
                "note": note,
                **extra,
            }
            results["rows"].append(entry)
            print(
                f"  {name:<34} {size / MB:>7.1f} MB {wall:>8.2f} {cpu:>8.2f} {mbps(size, wall):>10.2f} "
                f"{mbps(size, cpu):>10.2f}  {note}"
            )

        print(f"\n  {'row':<34} {'text':>10} {'wall s':>8} {'CPU s':>8} {'MB/s wall':>10} {'MB/s/core':>10}")
        floor = time_floor(files)
        row("floor: json.loads + splitlines", total, floor.wall, floor.cpu)

        # One-time costs (importing rule data, compiling patterns) are paid before timing, and shown.
        with Clock() as startup:
            for document in make_documents(corpus_sample(args.corpus_dir), "warmup.jsonl"):
                linter.lint(document)
        linter.crashes.clear()
        results["startup_cpu_seconds"] = round(startup.cpu, 3)
        print(
            f"  {'(rule start-up, one time)':<34} {'':>10} {startup.wall:>8.2f} {startup.cpu:>8.2f}  (warm-up lint of 20 documents, not counted below)"
        )
        api = time_api(linter, records, args.jobs, copy_size=len(corpus_texts(args.corpus_dir)))
        note = f"{api['findings']} findings, line memos emptied at each copy"
        if api["corpus_cpu"]:
            note += f", corpus pass {api['corpus_cpu']:.2f} s"
        if api["crashes"]:
            note += f", {api['crashes']} RULE CRASHES"
        verdict = "ok" if mbps(total, api["cpu"]) >= TARGET_MBPS else "MISS"
        note += f" [target >= {TARGET_MBPS:g} MB/s/core: {verdict}]"
        jobs = f"{args.jobs} job{'s' if args.jobs > 1 else ''}"
        row(f"newslint API ({jobs})", total, api["wall"], api["cpu"], note, findings=api["findings"], jobs=args.jobs)
        warm = time_api(linter, records, args.jobs)
        row(
            "  same, memos kept across copies",
            total,
            warm["wall"],
            warm["cpu"],
            "not a crawl: every line repeats in every copy",
            findings=warm["findings"],
            jobs=args.jobs,
        )

        if "cli" not in args.skip:
            cli = time_cli(files, select)
            if cli is not None:
                row("newslint CLI (check, 1 file)", cli[2], cli[0], cli[1], "end to end: start-up, read, lint, report")

        if "datatrove" not in args.skip:
            filters, why = datatrove_filters()
            if why:
                print(f"  {'datatrove':<34} skipped: {why}")
                results["rows"].append({"name": "datatrove", "skipped": why})
            subset = records
            if args.datatrove_mb and args.datatrove_mb < args.mb:
                subset = take(records, args.datatrove_mb)
            size = text_bytes(subset)
            for name, step in filters:
                clock, kept = time_datatrove(step, subset)
                row(name, size, clock.wall, clock.cpu, f"kept {kept}/{len(subset)} documents (English tokenizer)")

        if "rules" not in args.skip:
            sample = take(records, args.rules_mb)
            size = text_bytes(sample)
            view_seconds, rule_rows = time_rules(linter, sample)
            views_cpu = sum(view_seconds.values())
            in_run_total = sum(r["in_run"] for r in rule_rows)
            alone_total = views_cpu + sum(r["alone"] for r in rule_rows)
            results["rules_sample_mb"] = round(size / MB, 2)
            results["views_cpu_seconds"] = {name: round(value, 3) for name, value in view_seconds.items()}
            results["rules"] = [
                {
                    **r,
                    "alone": round(r["alone"], 3),
                    "in_run": round(r["in_run"], 3),
                    "mb_per_s_alone": round(mbps(size, r["alone"]), 1),
                }
                for r in rule_rows
            ]
            budget = size / MB / TARGET_MBPS  # CPU seconds the whole rule set may take on this sample
            print(f"\n== Per rule on {size / MB:.1f} MB ({len(sample)} documents), CPU seconds, slowest first")
            print("  alone: the rule's check by itself (core views precomputed, its family's shared views included)")
            print("  in run: its share of one full lint (a view shared by several rules is paid by the first)")
            print(f"  {'rule':<8} {'name':<30} {'alone':>7} {'MB/s':>8} {'in run':>7} {'share':>6} {'findings':>8}")
            print(
                f"  {'(views)':<8} {'Document core views, of which:':<30} {views_cpu:>7.2f} {mbps(size, views_cpu):>8.1f}"
            )
            for name, value in view_seconds.items():
                print(f"  {'':<8} {'  ' + name:<30} {value:>7.2f} {mbps(size, value):>8.1f}")
            for r in sorted(rule_rows, key=lambda r: -max(r["alone"], r["in_run"])):
                flag = "  <- slow" if max(r["alone"], r["in_run"]) > budget / 10 else ""
                if r["error"]:
                    flag = f"  CRASHED: {r['error'][:80]}"
                share = 100 * r["in_run"] / in_run_total if in_run_total else 0.0
                print(
                    f"  {r['code']:<8} {r['name'][:30]:<30} {r['alone']:>7.2f} {mbps(size, r['alone']):>8.1f} "
                    f"{r['in_run']:>7.2f} {share:>5.1f}% {r['findings']:>8}{flag}"
                )
            print(
                f"  {'total':<8} {'':<30} {alone_total:>7.2f} {mbps(size, alone_total):>8.1f} {in_run_total:>7.2f} -> {mbps(size, in_run_total):.1f} MB/s in run"
            )
            print(
                f"  (the {TARGET_MBPS:g} MB/s target leaves {budget:.2f} CPU s for every rule together on this sample; "
                f"'slow' marks a rule using over a tenth of it)"
            )
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
