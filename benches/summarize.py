#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench --bench stages` run as Markdown tables, with
each stage's ratio to the bare TOML parse of the same bytes (docs/performance.md).

Usage: python3 benches/summarize.py [CRITERION_DIR]
(default: $CARGO_TARGET_DIR/criterion, else target/criterion)
"""

import json
import os
import sys
from collections import defaultdict

ORDER = [
    "bare-parse",
    "bare-parse-one-core",
    "parse-to-table",
    "load",
    "structure",
    "model",
    "rules",
    "full-check",
    "render-human",
    "render-json",
    "check_paths-all-cores",
    "check_file-one-core",
]


def human_time(ns):
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "criterion"
    )
    groups = defaultdict(dict)
    for dirpath, _dirs, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(dirpath, "estimates.json")) as f:
            median = json.load(f)["median"]["point_estimate"]
        groups[bench["group_id"]][bench["function_id"]] = (median, bench.get("throughput"))
    for group in sorted(groups):
        rows = groups[group]
        parse = rows.get("bare-parse", rows.get("bare-parse-one-core", (None,)))[0]
        table = rows.get("parse-to-table", (None,))[0]
        print(f"\n#### {group}\n")
        print("| stage | median | throughput | × bare parse | × parse to table |")
        print("|---|---:|---:|---:|---:|")
        for name in sorted(rows, key=lambda n: (ORDER.index(n) if n in ORDER else 99, n)):
            median, throughput = rows[name]
            rate = ""
            if throughput and "Bytes" in throughput:
                rate = f"{throughput['Bytes'] / median * 1e9 / 2**20:.1f} MiB/s"
            elif throughput and "Elements" in throughput:
                rate = f"{throughput['Elements'] / median * 1e9:.0f} files/s"
            ratio = f"{median / parse:.2f}" if parse else ""
            to_table = f"{median / table:.2f}" if table else ""
            print(f"| {name} | {human_time(median)} | {rate} | {ratio} | {to_table} |")


if __name__ == "__main__":
    main()
