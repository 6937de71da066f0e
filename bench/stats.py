# Benchmark 3 (leader statistics), run inside `odoo shell -d <db>` (reads `env`); writes
# $BENCH_OUT/leader_stats.json and the EXPLAIN plans of the queries into $BENCH_NOTES.
# The on-time rate per unit for a quarter and for a year through the leaders' report
# (motcua.dossier.statistics, the SQL view behind the dashboards and the public page, read as
# the province monitor and as a unit leader, record rules included),
# against one hand-written SQL statement computing the same counts over the same rows.
# The periods are the last complete year and its last quarter (full data, like a yearly report).
import json
import os
import statistics
import time
from datetime import date, datetime
from datetime import time as dtime

import pytz

from odoo.sql_db import Cursor
from odoo.tools import SQL as SQLText

from odoo.addons.motcua_dossier.models.motcua_dossier_statistics import period_range

env = globals()["env"]
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
OUT = os.environ["BENCH_OUT"]
NOTES = os.environ.get("BENCH_NOTES") or OUT
os.makedirs(NOTES, exist_ok=True)
cr = env.cr
zone = pytz.timezone("Asia/Ho_Chi_Minh")
reference = date(date.today().year - 1, 12, 31)
monitor = env.ref("motcua_base.user_province_monitor")
leader = env.ref("motcua_base.user_unit_leader")

SQL = """
SELECT unit_id, sum(received)::int, sum(finished)::int, sum(early)::int, sum(on_time)::int, sum(late)::int,
       sum(overdue)::int
  FROM (
    SELECT unit_id, count(*) AS received, 0 AS finished, 0 AS early, 0 AS on_time, 0 AS late, 0 AS overdue
      FROM motcua_dossier WHERE state <> 'draft' AND received_at >= %(lo)s AND received_at < %(hi)s GROUP BY unit_id
    UNION ALL
    SELECT unit_id, 0, count(*), count(*) FILTER (WHERE timeliness = 'early'),
           count(*) FILTER (WHERE timeliness = 'on_time'), count(*) FILTER (WHERE timeliness = 'late'), 0
      FROM motcua_dossier WHERE state IN ('result_ready', 'returned') AND finished_at >= %(lo)s
       AND finished_at < %(hi)s GROUP BY unit_id
    UNION ALL
    SELECT unit_id, 0, 0, 0, 0, 0, count(*)
      FROM motcua_dossier WHERE state IN ('received', 'in_progress', 'supplement') AND timeliness = 'overdue'
     GROUP BY unit_id
  ) t
 GROUP BY unit_id
"""


def bounds(period):
    start, end = period_range(period, reference)
    lo = zone.localize(datetime.combine(start, dtime.min)).astimezone(pytz.utc).replace(tzinfo=None)
    hi = zone.localize(datetime.combine(end, dtime.min)).astimezone(pytz.utc).replace(tzinfo=None)
    return lo, hi


def orm_stats(period, user):
    env.invalidate_all()
    lo, hi = bounds(period)
    Stats = env["motcua.dossier.statistics"].with_user(user)
    stats = {
        unit.id: {"received": received, "finished": finished, "on_time": on_time, "late": late, "overdue": 0}
        for unit, received, finished, on_time, late in Stats._read_group(
            [("date", ">=", lo), ("date", "<", hi)],
            ["unit_id"],
            ["received_count:sum", "finished_count:sum", "on_time_count:sum", "late_count:sum"],
        )
    }
    for unit, overdue in Stats._read_group([("overdue_count", "=", 1)], ["unit_id"], ["overdue_count:sum"]):
        stats.setdefault(unit.id, {"received": 0, "finished": 0, "on_time": 0, "late": 0})["overdue"] = overdue
    return stats


def sql_stats(period):
    lo, hi = bounds(period)
    cr.execute(SQL, {"lo": lo, "hi": hi})
    # early and on time together, as the report counts them
    return {row[0]: (row[1], row[2], row[3] + row[4], row[5], row[6]) for row in cr.fetchall()}


def timed(func, budget):
    """Median milliseconds of repeated calls within ``budget`` seconds (at least 3 calls)."""
    times = []
    stop = time.perf_counter() + budget
    while len(times) < 3 or (time.perf_counter() < stop and len(times) < 200):
        began = time.perf_counter()
        func()
        times.append(1000 * (time.perf_counter() - began))
    return statistics.median(times), len(times)


def explain(query, params):
    if isinstance(query, SQLText):
        cr.execute(SQLText("EXPLAIN (ANALYZE, BUFFERS) %s", query))
    else:
        cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
    return "\n".join(row[0] for row in cr.fetchall())


def printable(query, params):
    if isinstance(query, SQLText):
        return f"{query.code}\n{query.params}"
    return f"{query}\n{params}"


def captured_queries(func):
    """The SQL statements ``func`` runs (to EXPLAIN the ORM's own queries)."""
    seen = []
    original = Cursor.execute

    def spy(self, query, params=None, log_exceptions=True):
        seen.append((query, params))
        return original(self, query, params, log_exceptions)

    Cursor.execute = spy
    try:
        func()
    finally:
        Cursor.execute = original
    return [(q, p) for q, p in seen if "motcua_dossier" in str(q) and "GROUP BY" in str(q)]


cr.execute("SELECT count(*) FROM motcua_dossier")
total = cr.fetchone()[0]
results, notes = {}, []
budget = max(0.5, SECONDS / 4)
for period in ("quarter", "year"):
    orm = orm_stats(period, monitor)
    raw = sql_stats(period)
    same = all(
        (v["received"], v["finished"], v["on_time"], v["late"], v["overdue"]) == tuple(raw.get(k, ()))
        for k, v in orm.items()
    ) and set(orm) == set(raw)
    orm_ms, orm_n = timed(lambda p=period: orm_stats(p, monitor), budget)
    sql_ms, sql_n = timed(lambda p=period: sql_stats(p), budget)
    leader_ms, _n = timed(lambda p=period: orm_stats(p, leader), budget / 2)
    rows = sum(v["received"] for v in orm.values())
    finished = sum(v["finished"] for v in orm.values())
    on_time = sum(v["on_time"] for v in orm.values())
    results[period] = {
        "orm_ms": round(orm_ms, 3),
        "sql_ms": round(sql_ms, 3),
        "ratio": round(orm_ms / sql_ms, 3),
        "leader_ms": round(leader_ms, 3),
        "runs": orm_n + sql_n,
        "same_figures": same,
        "units": len(orm),
        "received": rows,
        "finished": finished,
        "on_time_rate": round(100.0 * on_time / finished, 1) if finished else None,
    }
    lo, hi = bounds(period)
    notes.append(f"=== {period} ({lo} .. {hi} UTC), {total} dossiers in the table ===\n")
    notes.append("--- hand-written SQL ---\n" + explain(SQL, {"lo": lo, "hi": hi}) + "\n")
    for index, (query, params) in enumerate(captured_queries(lambda p=period: orm_stats(p, monitor)), start=1):
        notes.append(
            f"--- ORM query {index} (province monitor) ---\n{printable(query, params)}\n"
            + explain(query, params)
            + "\n"
        )
    for index, (query, params) in enumerate(captured_queries(lambda p=period: orm_stats(p, leader)), start=1):
        notes.append(
            f"--- ORM query {index} (unit leader, record rules) ---\n{printable(query, params)}\n"
            + explain(query, params)
            + "\n"
        )
with open(os.path.join(NOTES, "explain_leader_stats.txt"), "w", encoding="utf-8") as handle:
    handle.write("\n".join(notes))

year = results["year"]
result = {
    "id": 3,
    "key": "leader_stats",
    "name": "Leader statistics (dashboard) vs hand-written SQL",
    "metric": "ms (year)",
    "higher_is_better": False,
    "value": year["orm_ms"],
    "baseline": year["sql_ms"],
    "baseline_name": "one hand-written SQL aggregate",
    "ratio": year["ratio"],
    "target": 1.5,
    "target_ms": 300,
    "value_ms": year["orm_ms"],
    "extra": {
        "reference_year": reference.year,
        "dossiers_in_table": total,
        "year": year,
        "quarter": results["quarter"],
        "explain": os.path.join(NOTES, "explain_leader_stats.txt"),
    },
}
if not (year["same_figures"] and results["quarter"]["same_figures"]):
    result["warning"] = "the dashboard and the SQL disagree: see extra"
with open(os.path.join(OUT, "leader_stats.json"), "w", encoding="utf-8") as handle:
    json.dump(result, handle, indent=1)
print("BENCH leader_stats", json.dumps(result))
