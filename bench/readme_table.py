"""Regenerate the benchmark tables of README.md and bench/README.md from bench/results.json.

    python bench/readme_table.py [bench/results.json]

The table sits between the lines `<!-- bench:table -->` and `<!-- /bench:table -->` of each
file; everything else of the files is left alone. `bench/run.sh` calls this after a run that
wrote the default results file, so the READMEs always show the latest full run.
"""

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- bench:table -->", "<!-- /bench:table -->"


def number(value, unit=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text} {unit}".strip()


def target_text(s):
    parts = []
    if s.get("target") is not None:
        parts.append(("≥ " if s.get("higher_is_better", True) else "≤ ") + f"{s['target']}×")
    if s.get("target_ms") is not None:
        parts.append(f"< {s['target_ms']:g} ms" if s.get("metric") != "s" else f"< {s['target_ms'] / 1000:g} s")
    parts.extend(s.get("other_targets", {}))
    return "; ".join(parts) or "measured"


def shortfall(s):
    """How far a missed figure is from its target, in words."""
    misses = []
    ratio, target = s.get("ratio"), s.get("target")
    if ratio is not None and target is not None:
        if s.get("higher_is_better", True) and ratio < target:
            misses.append(f"ratio {100 * (1 - ratio / target):.0f} % short")
        elif not s.get("higher_is_better", True) and ratio > target:
            misses.append(f"ratio {100 * (ratio / target - 1):.0f} % over")
    if s.get("target_ms") is not None and s.get("value_ms") is not None and s["value_ms"] > s["target_ms"]:
        misses.append(f"time {100 * (s['value_ms'] / s['target_ms'] - 1):.0f} % over")
    misses.extend(f"not met: {name}" for name, met in s.get("other_targets", {}).items() if not met)
    return ", ".join(misses)


def table(results):
    meta = results["meta"]
    lines = [
        f"`make bench` of {meta.get('date', '?')}, commit {meta.get('commit', '?')}: "
        f"{int(meta.get('dossiers', 0)):,} dossiers in the database"
        + (
            f" ({int(meta['dossiers_last_12_months']):,} received in the last 12 months)"
            if meta.get("dossiers_last_12_months")
            else ""
        )
        + f", built in {meta.get('build_seconds', '?')} s; {meta.get('seconds_per_side', '?')} s per side, "
        f"{meta.get('concurrency', '?')} clients, {meta.get('workers', '?')} workers; "
        f"{meta.get('machine', {}).get('CPU(s)', '?')} CPUs ({meta.get('machine', {}).get('Model name', '?')}), "
        f"{meta.get('machine', {}).get('RAM', '?')} RAM.",
        "",
        "| # | benchmark | value | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in results["benchmarks"]:
        if not s.get("available", True):
            lines.append(f"| {s['id']} | {s['name']} | {s.get('reason', 'not available')} | | | | |")
            continue
        unit = s.get("metric", "")
        met = s.get("target_met")
        verdict = {True: "yes", None: "–"}.get(met) or f"**no** ({shortfall(s)})"
        lines.append(
            f"| {s['id']} | {s['name']} | {number(s.get('value'), unit)} | {number(s.get('baseline'))} | "
            f"{number(s.get('ratio')) + '×' if s.get('ratio') is not None else '–'} | {target_text(s)} | {verdict} |"
        )
    return "\n".join(lines)


def replace(path, text):
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    if BEGIN not in content or END not in content:
        print(f"{path}: no {BEGIN} … {END} block, left alone")
        return
    head, rest = content.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"{head}{BEGIN}\n{text}\n{END}{tail}")
    print(f"{path}: table regenerated")


def main(argv):
    source = argv[1] if len(argv) > 1 else os.path.join(ROOT, "bench", "results.json")
    with open(source, encoding="utf-8") as handle:
        results = json.load(handle)
    text = table(results)
    for path in (os.path.join(ROOT, "README.md"), os.path.join(ROOT, "bench", "README.md")):
        replace(path, text)


if __name__ == "__main__":
    main(sys.argv)
