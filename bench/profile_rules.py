"""Per-rule check time on the development corpus: where the lint budget goes.

    python bench/profile_rules.py CORPUS_DIR [--select CODES] [--repeat N]

Loads every record of naive/trafilatura/gold.jsonl (each with its ``lang`` as the document
language, as ``newslint check`` and ``throughput.py`` give it), builds the Documents and their line views
first (timed on their own), then runs the whole ``Linter.lint`` and times each rule's share of it
(the first rule to ask for a view a family shares pays for it). Prints ms and MB/s per rule, best of N runs, so a rule's share of the
10 MB/s-per-core budget (about 100 ms per MB for everything) is visible.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newslint import Document, Linter
from newslint.config import Settings
from newslint.registry import default_ruleset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--select", help="comma-separated selectors (default: the default rules)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = parser.parse_args()

    texts = []
    for name in ("naive", "trafilatura", "gold"):
        path = args.corpus_dir / f"{name}.jsonl"
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                record = json.loads(line)
                texts.append((str(record.get("id")), record["text"], record.get("lang")))
    megabytes = sum(len(text.encode("utf-8")) for _, text, _ in texts) / 1e6

    select = tuple(args.select.split(",")) if args.select else None
    started = time.perf_counter()
    linter = Linter(default_ruleset(), Settings(select=select))
    plan = linter.plan("corpus.jsonl")
    for active in plan.rules:  # first use compiles patterns and loads data: count it apart
        list(active.rule.check(Document("Texte d'essai.\nA test line.\n", "corpus.jsonl"), active.options))
    startup = time.perf_counter() - started

    def best(run) -> float:
        return min(run() for _ in range(args.repeat))

    def build() -> float:
        start = time.perf_counter()
        for record, text, lang in texts:
            Document(text, "corpus.jsonl", record, language=lang).line_texts  # noqa: B018 - building the view is the point
        return time.perf_counter() - start

    # Each rule's share of a real run: all rules on each document in turn, as the engine does, so a
    # view a family shares is paid for by the first rule that asks for it, and only once.
    times = dict.fromkeys((active.rule.code for active in plan.rules), 0.0)
    originals = {}
    for active in plan.rules:
        rule = active.rule
        originals[rule.code] = rule.check

        def timed(doc, options, *rest, _check=rule.check, _code=rule.code):
            start = time.perf_counter()
            found = list(_check(doc, options, *rest))
            times[_code] += time.perf_counter() - start
            return found

        rule.check = timed
    best_times: dict[str, float] = {}
    best_total = float("inf")
    for _ in range(args.repeat):
        for code in times:
            times[code] = 0.0
        start = time.perf_counter()
        for record, text, lang in texts:
            linter.lint(Document(text, "corpus.jsonl", record, language=lang), plan)
        elapsed = time.perf_counter() - start
        if elapsed < best_total:
            best_total, best_times = elapsed, dict(times)
    for active in plan.rules:
        active.rule.check = originals[active.rule.code]
    times = best_times

    def whole() -> float:
        start = time.perf_counter()
        for record, text, lang in texts:
            linter.lint(Document(text, "corpus.jsonl", record, language=lang), plan)
        return time.perf_counter() - start

    lines_time = best(build)
    total = best(whole)
    print(f"{len(texts)} documents, {megabytes:.2f} MB; start-up (data + patterns): {startup * 1000:.0f} ms")
    print(f"{'line_texts':<16}{lines_time * 1000:8.1f} ms {megabytes / lines_time:9.1f} MB/s")
    for code, seconds in sorted(times.items(), key=lambda item: -item[1]):
        print(f"{code:<16}{seconds * 1000:8.1f} ms {megabytes / seconds:9.1f} MB/s")
    families: dict[str, float] = {}
    for code, seconds in times.items():
        families[code.rstrip("0123456789")] = families.get(code.rstrip("0123456789"), 0.0) + seconds
    print(
        "per family: "
        + ", ".join(
            f"{name} {seconds * 1000:.0f} ms" for name, seconds in sorted(families.items(), key=lambda item: -item[1])
        )
    )
    print(f"{'engine overhead':<16}{(best_total - sum(times.values())) * 1000:8.1f} ms")
    print(f"{'whole lint':<16}{total * 1000:8.1f} ms {megabytes / total:9.1f} MB/s  (target >= 10 MB/s)")


if __name__ == "__main__":
    main()
