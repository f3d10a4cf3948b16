"""Per-rule check time on the development corpus: where the lint budget goes.

    python bench/profile_rules.py CORPUS_DIR [--select CODES] [--repeat N]

Loads every record of naive/trafilatura/gold.jsonl, builds the Documents and their line views
first (timed on their own), then times each enabled rule's ``check`` over all documents and the
whole ``Linter.lint``. Prints ms and MB/s per rule, best of N runs, so a rule's share of the
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
                texts.append((str(record.get("id")), record["text"]))
    megabytes = sum(len(text.encode("utf-8")) for _, text in texts) / 1e6

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
        for record, text in texts:
            Document(text, "corpus.jsonl", record).lines  # noqa: B018 - building the view is the point
        return time.perf_counter() - start

    times = {}
    for active in plan.rules:

        def run(active=active) -> float:
            documents = [Document(text, "corpus.jsonl", record) for record, text in texts]
            for document in documents:
                document.lines  # noqa: B018
            start = time.perf_counter()
            for document in documents:
                for _ in active.rule.check(document, active.options):
                    pass
            return time.perf_counter() - start

        times[active.rule.code] = best(run)

    def whole() -> float:
        start = time.perf_counter()
        for record, text in texts:
            linter.lint(Document(text, "corpus.jsonl", record), plan)
        return time.perf_counter() - start

    lines_time = best(build)
    total = best(whole)
    print(f"{len(texts)} documents, {megabytes:.2f} MB; start-up (data + patterns): {startup * 1000:.0f} ms")
    print(f"{'Document.lines':<16}{lines_time * 1000:8.1f} ms {megabytes / lines_time:9.1f} MB/s")
    for code, seconds in sorted(times.items(), key=lambda item: -item[1]):
        print(f"{code:<16}{seconds * 1000:8.1f} ms {megabytes / seconds:9.1f} MB/s")
    print(f"{'sum of rules':<16}{sum(times.values()) * 1000:8.1f} ms {megabytes / sum(times.values()):9.1f} MB/s")
    print(f"{'whole lint':<16}{total * 1000:8.1f} ms {megabytes / total:9.1f} MB/s  (target >= 10 MB/s)")


if __name__ == "__main__":
    main()
