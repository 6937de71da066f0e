"""Combine two load-client results (baseline, target) into one benchmark section.

python http_section.py <id> <key> <name> <baseline name> <target ratio> baseline.json target.json [extra.json] > section.json

extra.json (optional): more absolute numbers for the section's ``extra`` (e.g. a preparation time).
"""

import json
import sys

P99_TARGETS = ("lookup_api", "lookup_page")


def main(argv):
    number, key, name, baseline_name, target = argv[1:6]
    with open(argv[6], encoding="utf-8") as handle:
        base = json.load(handle)
    with open(argv[7], encoding="utf-8") as handle:
        got = json.load(handle)
    ratio = got["rps"] / base["rps"] if base["rps"] else None
    section = {
        "id": int(number),
        "key": key,
        "name": name,
        "metric": "req/s",
        "higher_is_better": True,
        "value": got["rps"],
        "baseline": base["rps"],
        "baseline_name": baseline_name,
        "ratio": round(ratio, 3) if ratio is not None else None,
        "target": float(target),
        "extra": {
            "p50_ms": got["p50_ms"],
            "p99_ms": got["p99_ms"],
            "baseline_p50_ms": base["p50_ms"],
            "baseline_p99_ms": base["p99_ms"],
            "p50_ratio": round(got["p50_ms"] / base["p50_ms"], 3) if base["p50_ms"] and got["p50_ms"] else None,
            "p99_ratio": round(got["p99_ms"] / base["p99_ms"], 3) if base["p99_ms"] and got["p99_ms"] else None,
            "requests": got["requests"],
            "errors": got["errors"],
            "statuses": got["statuses"],
            "baseline_requests": base["requests"],
            "baseline_errors": base["errors"],
            "concurrency": got["concurrency"],
            "seconds": got["seconds"],
        },
    }
    if key in P99_TARGETS:  # the lookup must also keep its tail: p99 within 1.5x the baseline's
        p99 = section["extra"]["p99_ratio"]
        section["other_targets"] = {"p99 <= 1.5x the baseline's p99": p99 is not None and p99 <= 1.5}
    if len(argv) > 8 and argv[8]:
        with open(argv[8], encoding="utf-8") as handle:
            section["extra"].update(json.load(handle))
    if got["errors"] or base["errors"]:
        section["warning"] = "some requests failed: see extra.statuses"
    json.dump(section, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
