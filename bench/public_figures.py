# Prepares benchmark 6 (/cong-khai), run inside `odoo shell -d <db>` (reads `env`) before the
# server starts: refreshes the kept figures as the cron does (timed: what the cron costs every
# few minutes, not a visitor), commits them, and writes the paths the load client requests
# ($BENCH_WORK/figures_paths.txt) and the refresh time ($BENCH_WORK/figures_refresh.json).
import json
import os
import time

env = globals()["env"]
WORK = os.environ["BENCH_WORK"]
Figures = env["motcua.public.figures"]
began = time.perf_counter()
Figures._motcua_refresh()
env.flush_all()
seconds = time.perf_counter() - began
env.cr.commit()
row = Figures.search([("key", "=", "transparency")])
lines = sum(len(period["lines"]) for period in row.payload["periods"])
with open(os.path.join(WORK, "figures_refresh.json"), "w", encoding="utf-8") as handle:
    json.dump(
        {"refresh_ms": round(seconds * 1000, 1), "units_lines": lines, "payload_bytes": len(json.dumps(row.payload))},
        handle,
    )
with open(os.path.join(WORK, "figures_paths.txt"), "w", encoding="utf-8") as handle:
    handle.write("/cong-khai\n")
print("BENCH public_figures refresh", round(seconds * 1000, 1), "ms", lines, "lines")
