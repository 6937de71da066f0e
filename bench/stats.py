# Benchmark 3 (leader statistics), run inside `odoo shell -d <db>` (reads `env`); writes
# $BENCH_OUT/leader_stats.json and the EXPLAIN plans of the queries into $BENCH_NOTES.
# The on-time rate per unit for a year and for a quarter through the leaders' report
# (motcua.dossier.statistics, behind the dashboards and the public page, read as the province
# monitor and as a unit leader, record rules included; per unit over whole days it reads the
# daily figures its dossiers keep), against hand-written SQL computing the same counts: over the
# same daily figures (the baseline of the ratio) and over the dossiers themselves (a reference,
# and the check that the figures are right). The periods are the last 365 local days and the
# last 91 (the generator puts $BENCH_DOSSIERS dossiers in the last 12 months).
import json
import os
import statistics
import time
from datetime import timedelta

from odoo.sql_db import Cursor
from odoo.tools import SQL as SQLText

from odoo.addons.motcua_base.tools import local_day_start, local_now

env = globals()["env"]
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
OUT = os.environ["BENCH_OUT"]
NOTES = os.environ.get("BENCH_NOTES") or OUT
os.makedirs(NOTES, exist_ok=True)
cr = env.cr
today = local_now().date()
PERIODS = {"year": 365, "quarter": 91}
monitor = env.ref("motcua_base.user_province_monitor")
leader = env.ref("motcua_base.user_unit_leader")

# the same counts over the daily figures: all units (uid NULL), or the unit tree of the user
# %(uid)s (their units and the units below, along parent_path), as the record rules decide it
UNITS_SQL = """
SELECT u.id FROM motcua_unit u WHERE %(uid)s::int IS NULL
UNION
SELECT u.id FROM motcua_unit_res_users_rel r JOIN motcua_unit m ON m.id = r.unit_id
  JOIN motcua_unit u ON u.parent_path LIKE m.parent_path || '%%' WHERE r.user_id = %(uid)s
"""
DAILY_SQL = f"""
SELECT unit_id, sum(received_count)::int, sum(finished_count)::int, sum(on_time_count)::int, 0, sum(late_count)::int,
       0
  FROM motcua_dossier_daily_figures WHERE date >= %(lo_day)s AND date < %(hi_day)s AND unit_id IN ({UNITS_SQL})
 GROUP BY unit_id
"""
OVERDUE_SQL = f"""
SELECT unit_id, sum(overdue_count)::int FROM motcua_dossier_daily_figures
 WHERE overdue AND unit_id IN ({UNITS_SQL}) GROUP BY unit_id
"""
SQL = """
SELECT unit_id, sum(received)::int, sum(finished)::int, sum(early)::int, sum(on_time)::int, sum(late)::int,
       sum(overdue)::int
  FROM (
    SELECT unit_id, count(*) AS received, 0 AS finished, 0 AS early, 0 AS on_time, 0 AS late, 0 AS overdue
      FROM motcua_dossier WHERE origin_agency_code IS NULL AND state <> 'draft' AND received_at >= %(lo)s AND received_at < %(hi)s GROUP BY unit_id
    UNION ALL
    SELECT unit_id, 0, count(*), count(*) FILTER (WHERE timeliness = 'early'),
           count(*) FILTER (WHERE timeliness = 'on_time'), count(*) FILTER (WHERE timeliness = 'late'), 0
      FROM motcua_dossier WHERE origin_agency_code IS NULL AND state IN ('result_ready', 'returned') AND finished_at >= %(lo)s
       AND finished_at < %(hi)s GROUP BY unit_id
    UNION ALL
    SELECT unit_id, 0, 0, 0, 0, 0, count(*)
      FROM motcua_dossier WHERE origin_agency_code IS NULL AND state IN ('received', 'in_progress', 'supplement')
       AND timeliness = 'overdue'
     GROUP BY unit_id
  ) t
 GROUP BY unit_id
"""


def days(period):
    return today - timedelta(days=PERIODS[period]), today


def bounds(period):
    start, end = days(period)
    return local_day_start(start), local_day_start(end)


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


def tree(user):
    return env["motcua.unit"].search([("id", "child_of", user.motcua_unit_ids.ids)]).ids


def daily_params(period, uid):
    lo_day, hi_day = days(period)
    return {"lo_day": lo_day, "hi_day": hi_day, "uid": uid}


def daily_sql_stats(period, uid):
    cr.execute(DAILY_SQL, daily_params(period, uid))
    stats = {row[0]: [row[1], row[2], row[3] + row[4], row[5], 0] for row in cr.fetchall()}
    cr.execute(OVERDUE_SQL, {"uid": uid})
    for unit, overdue in cr.fetchall():
        stats.setdefault(unit, [0, 0, 0, 0, 0])[4] = overdue
    return stats


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
leader_units = tree(leader)
for period in ("quarter", "year"):
    orm = orm_stats(period, monitor)
    raw = sql_stats(period)
    same = all(
        (v["received"], v["finished"], v["on_time"], v["late"], v["overdue"]) == tuple(raw.get(k, ()))
        for k, v in orm.items()
    ) and set(orm) == set(raw)
    leader_orm = orm_stats(period, leader)
    leader_same = {k: tuple(v.values()) for k, v in leader_orm.items()} == {
        k: v for k, v in raw.items() if k in leader_units
    }
    orm_ms, orm_n = timed(lambda p=period: orm_stats(p, monitor), budget)
    sql_ms, sql_n = timed(lambda p=period: daily_sql_stats(p, None), budget)
    raw_ms, _n = timed(lambda p=period: sql_stats(p), budget / 2)
    leader_ms, _n = timed(lambda p=period: orm_stats(p, leader), budget / 2)
    leader_sql_ms, _n = timed(lambda p=period: daily_sql_stats(p, leader.id), budget / 2)
    rows = sum(v["received"] for v in orm.values())
    finished = sum(v["finished"] for v in orm.values())
    on_time = sum(v["on_time"] for v in orm.values())
    results[period] = {
        "orm_ms": round(orm_ms, 3),
        "sql_ms": round(sql_ms, 3),
        "ratio": round(orm_ms / sql_ms, 3),
        "sql_over_dossiers_ms": round(raw_ms, 3),
        "leader_ms": round(leader_ms, 3),
        "leader_sql_ms": round(leader_sql_ms, 3),
        "leader_ratio": round(leader_ms / leader_sql_ms, 3),
        "runs": orm_n + sql_n,
        "same_figures": same,
        "leader_same_figures": leader_same,
        "units": len(orm),
        "received": rows,
        "finished": finished,
        "on_time_rate": round(100.0 * on_time / finished, 1) if finished else None,
    }
    lo, hi = bounds(period)
    notes.append(f"=== {period} ({lo} .. {hi} UTC), {total} dossiers in the table ===\n")
    notes.append(
        "--- hand-written SQL over the daily figures (the baseline) ---\n"
        + explain(DAILY_SQL, daily_params(period, None))
        + "\n"
    )
    notes.append("--- hand-written SQL over the dossiers (reference) ---\n" + explain(SQL, {"lo": lo, "hi": hi}) + "\n")
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
    "baseline_name": "hand-written SQL over the same daily figures",
    "ratio": year["ratio"],
    "target": 1.5,
    "target_ms": 300,
    "value_ms": year["orm_ms"],
    "extra": {
        "year_days": [str(d) for d in days("year")],
        "dossiers_in_table": total,
        "year": year,
        "quarter": results["quarter"],
        "explain": os.path.join(NOTES, "explain_leader_stats.txt"),
    },
}
quarter = results["quarter"]
result["other_targets"] = {
    "unit leader, year: < 300 ms and <= 1.5x the SQL": year["leader_ms"] < 300 and year["leader_ratio"] <= 1.5,
    "province monitor, quarter: < 100 ms": quarter["orm_ms"] < 100,
    "unit leader, quarter: < 100 ms": quarter["leader_ms"] < 100,
    "the same figures as SQL over the dossiers": all(
        results[p]["same_figures"] and results[p]["leader_same_figures"] for p in results
    ),
}
if not all(results[p]["same_figures"] and results[p]["leader_same_figures"] for p in results):
    result["warning"] = "the dashboard and the SQL disagree: see extra"
with open(os.path.join(OUT, "leader_stats.json"), "w", encoding="utf-8") as handle:
    json.dump(result, handle, indent=1)
print("BENCH leader_stats", json.dumps(result))
