"""Latency against dataset size: one line per figure, from the results of `make bench` at
several sizes (bench/sizes.sh runs them), drawn into a PNG.

    python plot.py docs/bench_scaling.png bench/results_10000.json bench/results_100000.json bench/results.json

Each results file gives one point per figure at its number of dossiers (meta.dossiers). A flat
line is a cost independent of the data; a rising one grows with it. Needs matplotlib (the
sweep installs it in a separate virtualenv, never in the project's).
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# (label, section key, how to read the milliseconds from the section)
FIGURES = [
    ("lookup API p50", "lookup_api", lambda s: s["extra"]["p50_ms"]),
    ("lookup page p50", "lookup_page", lambda s: s["extra"]["p50_ms"]),
    ("/cong-khai p50", "public_figures", lambda s: s["extra"]["p50_ms"]),
    ("constant page p50 (baseline)", "lookup_page", lambda s: s["extra"]["baseline_p50_ms"]),
    ("leader statistics, year (monitor)", "leader_stats", lambda s: s["extra"]["year"]["orm_ms"]),
    ("leader statistics, year (unit leader)", "leader_stats", lambda s: s["extra"]["year"]["leader_ms"]),
    (
        "same counts in SQL over the dossiers, year",
        "leader_stats",
        lambda s: s["extra"]["year"]["sql_over_dossiers_ms"],
    ),
    ('desk "Receive" click p50', "desk_intake", lambda s: s["extra"]["click_p50_ms"]),
]


def points(paths):
    series = {label: [] for label, _key, _read in FIGURES}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            results = json.load(handle)
        size = int(results["meta"]["dossiers"])
        sections = {s["key"]: s for s in results["benchmarks"]}
        for label, key, read in FIGURES:
            section = sections.get(key)
            if not section or section.get("available") is False:
                continue
            try:
                series[label].append((size, float(read(section))))
            except (KeyError, TypeError, ValueError):
                continue
    return {label: sorted(values) for label, values in series.items() if values}


def main(out, *paths):
    series = points(paths)
    fig, ax = plt.subplots(figsize=(9, 5.5), dpi=110)
    for label, values in series.items():
        xs, ys = zip(*values, strict=True)
        style = "--" if "SQL" in label or "baseline" in label else "-"
        ax.plot(xs, ys, style, marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("dossiers in the database")
    ax.set_ylabel("milliseconds (log scale)")
    ax.set_title("MotCua: latency against dataset size (make bench, same machine)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(out)
    print(f"wrote {out} ({', '.join(str(v[0]) for v in next(iter(series.values()), []))} dossiers)")


if __name__ == "__main__":
    main(*sys.argv[1:])
