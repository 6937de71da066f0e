"""Merge the sections written by the benchmarks into results.json and print one table.

    python report.py <sections dir> <results.json> [key=value meta ...]

A section is a JSON object: id, key, name, metric, higher_is_better, value, baseline,
baseline_name, ratio (value / baseline), target (a ratio bound, or null), optional
target_ms / value_ms checks, extra (absolute numbers). A benchmark that could not run is
{"id", "key", "name", "available": false, "reason": "..."}.
"""

import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime

SECTIONS = [
    (1, "lookup_api", "Lookup API vs constant public route"),
    (2, "lookup_page", "Lookup page vs constant page, same layout"),
    (3, "leader_stats", "Leader statistics (dashboard) vs hand-written SQL"),
    (4, "desk_intake", "Desk intake vs plain contact creation"),
    (5, "due_dates", "Due dates: add_working_time vs plan_hours"),
    (6, "public_figures", "Published figures /cong-khai vs constant page, same layout"),
    (7, "register_xlsx", "Tracking register as XLSX (time for 80,000 rows)"),
    (8, "register_pdf", "Tracking register as PDF, sheets rendered in parts (time for 80,000 rows)"),
    (9, "mixed_load", "Mixed load: 4 desks, 20 lookups, 2 leaders, 1 SMS gateway on one server"),
    (10, "low_spec_browser", "Desk on a low-spec computer (Chromium, CPU 4x, 1.6 Mbit/s, 150 ms)"),
    (11, "page_weights", "Page weights of a first visit (lookup page; the others in extra)"),
    (12, "portal_unit_page", "Unit site /don-vi/<unit> (rates from the kept figures) vs constant page"),
]


def machine():
    info = {"python": platform.python_version(), "kernel": platform.release()}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in lscpu.splitlines():
            key, _sep, value = line.partition(":")
            if key.strip() in ("Model name", "CPU(s)", "Thread(s) per core", "CPU max MHz"):
                info[key.strip()] = value.strip()
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            total_kb = int(handle.readline().split()[1])
        info["RAM"] = f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return info


def target_met(section):
    checks = []
    if section.get("target") is not None and section.get("ratio") is not None:
        if section.get("higher_is_better", True):
            checks.append(section["ratio"] >= section["target"])
        else:
            checks.append(section["ratio"] <= section["target"])
    if section.get("target_ms") is not None and section.get("value_ms") is not None:
        checks.append(section["value_ms"] <= section["target_ms"])
    # further conditions a section checked itself (e.g. the leader's view, the quarter)
    checks.extend(bool(met) for met in section.get("other_targets", {}).values())
    return all(checks) if checks else None


def load(directory):
    sections = []
    for number, key, name in SECTIONS:
        path = os.path.join(directory, f"{key}.json")
        section = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                section = json.load(handle)
        if section is None:
            section = {
                "id": number,
                "key": key,
                "name": name,
                "available": False,
                "reason": "not available: the benchmark did not run",
            }
        section.setdefault("available", True)
        if section["available"]:
            section["target_met"] = target_met(section)
        sections.append(section)
    return sections


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


def table(sections):
    rows = [("#", "benchmark", "metric", "value", "baseline", "ratio", "target", "met")]
    for s in sections:
        if not s["available"]:
            rows.append((str(s["id"]), s["name"], "-", s["reason"], "", "", "", ""))
            continue
        target = "-"
        if s.get("target") is not None:
            target = ("≥ " if s.get("higher_is_better", True) else "≤ ") + f"{s['target']}×"
        if s.get("target_ms") is not None:
            target += f", ≤ {s['target_ms']} ms"
        if s.get("target") is None and s.get("other_targets"):
            target = "; ".join(s["other_targets"])
        met = {True: "yes", False: "NO", None: "-"}[s.get("target_met")]
        rows.append(
            (
                str(s["id"]),
                s["name"],
                s["metric"],
                fmt(s["value"]),
                fmt(s["baseline"]),
                f"{s['ratio']:.3f}×" if s.get("ratio") is not None else "-",
                target,
                met,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def details(sections):
    lines = []
    for s in sections:
        if s["available"] and s.get("extra"):
            lines.append(f"{s['id']}. {s['name']} (baseline: {s.get('baseline_name', '-')})")
            for k, v in s["extra"].items():  # long nested figures stay in results.json
                text = json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)
                lines.append(f"     {k}: {text if len(text) <= 300 else '(see results.json)'}")
    return "\n".join(lines)


def main(argv):
    directory, output = argv[1], argv[2]
    meta = dict(arg.split("=", 1) for arg in argv[3:])
    meta["date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    meta["machine"] = machine()
    sections = load(directory)
    with open(output, "w", encoding="utf-8") as handle:
        json.dump({"meta": meta, "benchmarks": sections}, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print(table(sections))
    print()
    print(details(sections))
    print(f"\n({', '.join(f'{k}={v}' for k, v in meta.items() if k != 'machine')}; written to {output})")


if __name__ == "__main__":
    main(sys.argv)
