# Benchmark 5 (due dates), run inside `odoo shell -d <db>` (reads `env`); writes $BENCH_OUT/due_dates.json.
# add_working_time (MotCua, hour-precise, holidays and swapped days) against Odoo's own
# resource.calendar.plan_hours(compute_leaves=True) on the same calendar, for the same starts
# spread over a year that holds the Vietnamese public holidays, and the same durations.
import json
import os
import random
import time
from datetime import datetime, timedelta

import pytz

env = globals()["env"]
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
OUT = os.environ["BENCH_OUT"]
rng = random.Random(9)

calendar = env.ref("motcua_base.calendar_administrative")
year = int(os.environ.get("BENCH_YEAR", datetime.now().year))
calendar._motcua_load_public_holidays([year, year + 1])
holidays = env["resource.calendar.leaves"].search_count(
    [
        ("calendar_id", "=", calendar.id),
        ("resource_id", "=", False),
        ("date_from", ">=", datetime(year, 1, 1)),
        ("date_from", "<", datetime(year + 1, 1, 1)),
    ]
)
per_day = calendar._motcua_hours_per_day()
zone = pytz.timezone(calendar.tz or "Asia/Ho_Chi_Minh")

# 2,000 (start, hours) pairs: starts anywhere in the year (also nights, weekends, holidays),
# durations of the catalogue (half a day to 20 working days).
cases = []
for _i in range(2000):
    start = datetime(year, 1, 1) + timedelta(minutes=rng.randrange(365 * 24 * 60))
    hours = rng.choice([4, 8, 16, 24, 40, 56, 80, 120, 160])
    cases.append((start, float(hours)))


def ours(start, hours):
    return calendar.add_working_time(start, hours=hours)


def odoos(start, hours):
    aware = pytz.utc.localize(start).astimezone(zone)
    moment = calendar.plan_hours(hours, aware, compute_leaves=True)
    return moment.astimezone(pytz.utc).replace(tzinfo=None) if moment else None


def measure(func, seconds):
    calls = 0
    began = time.perf_counter()
    while True:
        start, hours = cases[calls % len(cases)]
        func(start, hours)
        calls += 1
        elapsed = time.perf_counter() - began
        if elapsed >= seconds or calls >= 200000:
            return calls, elapsed


# the cold start: add_working_time keeps the working intervals of 14-day windows per calendar
# (ormcache, emptied on every change of the calendar, its days off or extra working days); the
# first calls after a change read them from the database (reported apart, in `extra`)
env.registry.clear_cache()
cold_began = time.perf_counter()
for start, hours in cases[:200]:
    ours(start, hours)
cold_ms = 1000 * (time.perf_counter() - cold_began) / 200
# warm-up (caches of attendances, leaves, swapped days), then both measured in turn, twice
for start, hours in cases[:20]:
    ours(start, hours)
    odoos(start, hours)
runs = {"ours": [], "odoo": []}
for _round in range(2):
    for name, func in (("ours", ours), ("odoo", odoos)):
        runs[name].append(measure(func, SECONDS / 4))
rate = {name: sum(c for c, _s in r) / sum(s for _c, s in r) for name, r in runs.items()}
# the same answer? (plan_hours ends a day at 17:00 where add_working_time may say next 07:30: same moment of work)
checked = same = 0
check_until = time.perf_counter() + max(1.0, SECONDS / 4)
for start, hours in cases:
    a, b = ours(start, hours), odoos(start, hours)
    checked += 1
    if a == b or (b and calendar.working_time_between(min(a, b), max(a, b)) < 1e-6):
        same += 1
    if time.perf_counter() > check_until:
        break

result = {
    "id": 5,
    "key": "due_dates",
    "name": "Due dates: add_working_time vs plan_hours",
    "metric": "calls/s",
    "higher_is_better": True,
    "value": round(rate["ours"], 1),
    "baseline": round(rate["odoo"], 1),
    "baseline_name": "resource.calendar.plan_hours(compute_leaves=True), same calendar",
    "ratio": round(rate["ours"] / rate["odoo"], 3),
    "target": None,
    "extra": {
        "calendar": calendar.display_name,
        "year": year,
        "holidays_in_year": holidays,
        "hours_per_day": per_day,
        "calls_ours": sum(c for c, _s in runs["ours"]),
        "ms_per_call_first_200_after_a_change": round(cold_ms, 2),
        "calls_odoo": sum(c for c, _s in runs["odoo"]),
        "same_answer": f"{same}/{checked}",
    },
}
with open(os.path.join(OUT, "due_dates.json"), "w", encoding="utf-8") as handle:
    json.dump(result, handle, indent=1)
print("BENCH due_dates", json.dumps(result))
