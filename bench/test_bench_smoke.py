"""Smoke run of `make bench`: a few thousand dossiers, a few seconds of load per side.

Keeps the benchmark code working; the figures are not checked (it is not a timed test).
Runs bench/run.sh on its own database (motcua_bench_<N>, cached between runs) and port
(BENCH_SMOKE_PORT, default 8264), writes its results to a temporary file and checks that every
benchmark gave numeric figures or says explicitly why it is not available.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent
KEYS = [
    "lookup_api",
    "lookup_page",
    "leader_stats",
    "desk_intake",
    "due_dates",
    "public_figures",
    "register_xlsx",
    "register_pdf",
]
TIMED = {"register_xlsx", "register_pdf"}  # absolute times (extrapolated to 80,000 rows), no baseline


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    output = tmp_path_factory.mktemp("bench") / "results.json"
    env = dict(
        os.environ,
        BENCH_DOSSIERS=os.environ.get("BENCH_SMOKE_DOSSIERS", "2000"),
        BENCH_SECONDS=os.environ.get("BENCH_SMOKE_SECONDS", "3"),
        BENCH_HTTP_PORT=os.environ.get("BENCH_SMOKE_PORT", "8264"),
        BENCH_RESULTS=str(output),
    )
    env.pop("BENCH_DB", None)
    proc = subprocess.run(
        ["bash", str(BENCH / "run.sh")], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert proc.returncode == 0, f"bench/run.sh failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert output.exists(), "bench/run.sh wrote no results"
    return json.loads(output.read_text(encoding="utf-8")), proc.stdout


def test_every_section_present(results):
    data, _stdout = results
    assert [s["key"] for s in data["benchmarks"]] == KEYS
    assert data["meta"]["machine"].get("RAM")


@pytest.mark.parametrize("key", KEYS)
def test_section_has_ratio_or_reason(results, key):
    data, _stdout = results
    section = next(s for s in data["benchmarks"] if s["key"] == key)
    if not section["available"]:
        assert section["reason"].startswith("not available"), section
        assert "failed" not in section["reason"], f"the {key} benchmark crashed: {section['reason']}"
        return
    if key in TIMED:
        assert isinstance(section["value"], (int, float)) and section["value"] > 0, section
        assert section["extra"]["rows"] > 0, section
        return
    for field in ("value", "baseline", "ratio"):
        assert isinstance(section[field], (int, float)) and section[field] > 0, (key, field, section)
    assert abs(section["ratio"] - section["value"] / section["baseline"]) <= 0.01 * section["ratio"] + 0.002
    if section["metric"] == "req/s":
        assert section["extra"]["errors"] == 0 and section["extra"]["baseline_errors"] == 0, section


def test_table_printed(results):
    _data, stdout = results
    assert "| benchmark" in stdout
    for number in range(1, 9):
        assert f"\n{number} | " in stdout
