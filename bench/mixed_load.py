"""Benchmark 9: mixed load on one server, four classes of clients at once (stdlib asyncio).

    python mixed_load.py --base http://127.0.0.1:8260 --work <dir> --seconds 60 \
        --server-pid <pid> --server-log server.log --limit-memory-soft <bytes> > mixed_load.json

The classes, concurrently for ``--seconds``:

* **desks** (one per officer of ``mixed_prep.json``): the intake path of the desk over JSON-2
  (``POST /json/2/<model>/<method>``, bearer API key): create a dossier (papers copied from its
  procedure), read its papers, tick them, ``action_receive`` (gapless code of the unit's day,
  lookup key, due date, contact, chatter, SMS or receipt e-mail queued);
* **lookups** (``--lookups`` clients): ``GET /api/v1/dossiers/<code>?key=`` and
  ``/tra-cuu-ho-so?code=&key=`` over random existing dossiers (the lists lookup_targets.py wrote);
* **leaders**: the leaders' statistics refreshed over JSON-2 as the province monitor and as a unit
  leader (``STATS_MODEL.STATS_METHOD`` with ``stats_params()``, what the pivot asks for the year);
* **sms**: one gateway posting ``TRA <code> <key>`` to ``/api/v1/sms/inbound`` (its secret header).

An error is a network error, a status other than 2xx, an error JSON, a lookup page showing its
message box, an SMS reply that does not name the dossier. Prints the section of
bench/report.py: value = total errors (target 0), per class figures in ``extra``, the server log's
serialization lines of the run (retried inside the request unless one reached a user), and the
memory of every worker sampled each second (VmRSS, and VmSize, which Odoo compares to
``limit_memory_soft`` on Linux).
"""

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import percentile, send

# The leaders' statistics: one model and method, so that they are easy to retarget
STATS_MODEL, STATS_METHOD = "motcua.dossier.statistics", "formatted_read_group"


def stats_params():
    """The pivot of the leaders' dashboard for the current year, one row per receiving unit."""
    year = date.today().year
    offset = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving
    lo = datetime(year, 1, 1) - offset
    hi = datetime(year + 1, 1, 1) - offset
    return {
        "domain": [["date", ">=", f"{lo:%Y-%m-%d %H:%M:%S}"], ["date", "<", f"{hi:%Y-%m-%d %H:%M:%S}"]],
        "groupby": ["unit_id"],
        "aggregates": [
            "received_count:sum",
            "finished_count:sum",
            "on_time_count:sum",
            "late_count:sum",
            "overdue_count:sum",
            "on_time_rate:avg",
        ],
    }


# an answer telling a client about a serialization failure, a server log line of one
SERIALIZATION = re.compile(r"could not serialize|concurrent update|serializ\w*[ _]?failure|deadlock", re.IGNORECASE)
PG_CONFLICT = re.compile(r"^ERROR: +(could not serialize|deadlock detected)|concurrent update", re.IGNORECASE)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Minh Cường", "Thị Dung", "Quốc Huy", "Thanh Tâm", "Ngọc Lan"]
PREFIXES = ["090", "091", "093", "094", "096", "097", "098"]
MARKER = "Bench mixed load"  # request summary of the dossiers the desks create (cleanup)
FIRST_ERRORS = 5


class Stats:
    """Latencies and errors of one class of clients."""

    def __init__(self, name, clients):
        self.name, self.clients = name, clients
        self.latencies, self.statuses, self.errors, self.first_errors = [], {}, 0, []
        self.serialization_to_user = 0

    def record(self, began, status, body, ok, what):
        self.latencies.append(time.perf_counter() - began)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if ok:
            return
        self.errors += 1
        text = body.decode("utf-8", "replace")
        if SERIALIZATION.search(text):
            self.serialization_to_user += 1
        if len(self.first_errors) < FIRST_ERRORS:
            self.first_errors.append({"request": what, "status": status, "body": text[:400]})

    def result(self, elapsed, **extra):
        done = len(self.latencies)
        return {
            "clients": self.clients,
            "requests": done,
            "errors": self.errors,
            "rps": round(done / elapsed, 2) if elapsed else 0.0,
            "p50_ms": round(1000 * percentile(self.latencies, 0.50), 1) if done else None,
            "p99_ms": round(1000 * percentile(self.latencies, 0.99), 1) if done else None,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "serialization_failures_to_user": self.serialization_to_user,
            "first_errors": self.first_errors,
            **extra,
        }


class Client:
    def __init__(self, base, timeout):
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout

    async def call(self, stats, method, path, body=b"", headers=(), what=None, check=None):
        """One request recorded in ``stats``; returns (ok, status, body). ``check(status, body)``
        says whether a 2xx answer is the expected one."""
        began = time.perf_counter()
        try:
            status, answer = await send(self.host, self.port, method, path, self.timeout, body, headers)
        except (TimeoutError, OSError) as exc:
            status, answer = 0, repr(exc).encode()
        ok = 200 <= status < 300 and (check is None or check(status, answer))
        stats.record(began, status, answer, ok, what or f"{method} {path}")
        return ok, status, answer

    async def json2(self, stats, key, model, method, params, what):
        """``POST /json/2/<model>/<method>``: (ok, decoded result or None)."""

        def check(_status, answer):
            try:
                result = json.loads(answer)
            except ValueError:
                return False
            return not (isinstance(result, dict) and {"name", "message"} <= result.keys() and "debug" in result)

        ok, _status, answer = await self.call(
            stats,
            "POST",
            f"/json/2/{model}/{method}",
            json.dumps(params).encode(),
            [("Content-Type", "application/json"), ("Authorization", f"bearer {key}")],
            what=f"{model}.{method}",
            check=check,
        )
        return ok, (json.loads(answer) if ok else None)


def applicant(rng, index):
    return {
        "applicant_name": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
        "applicant_id_number": f"0800{rng.randint(60, 99)}{rng.randint(0, 999999):06d}",
        "applicant_phone": f"{rng.choice(PREFIXES)}{rng.randint(0, 9999999):07d}",
        "applicant_email": f"mixed{index}@example.com" if index % 3 == 0 else False,
        "applicant_address": f"{index % 300 + 1} đường Hùng Vương",
    }


async def desk(client, stats, desk, procedures, deadline, receive, number):
    """One receiving officer: create, read the papers, tick them, receive; again until the end."""
    rng = random.Random(number)
    key, index = desk["key"], 0
    context = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
    while time.monotonic() < deadline:
        index += 1
        vals = dict(
            applicant(rng, 1000 * number + index),
            procedure_id=rng.choice(procedures),
            unit_id=desk["unit_id"],
            channel="desk",
            request_summary=MARKER,
        )
        ok, ids = await client.json2(
            stats, key, "motcua.dossier", "create", {"vals_list": [vals], "context": context}, "create"
        )
        if not ok:
            continue
        ok, rows = await client.json2(
            stats,
            key,
            "motcua.dossier",
            "read",
            {"ids": ids, "fields": ["paper_ids"], "context": context},
            "read papers",
        )
        if not ok:
            continue
        papers = [[1, paper, {"received": True}] for paper in rows[0]["paper_ids"]]
        ok, _r = await client.json2(
            stats,
            key,
            "motcua.dossier",
            "write",
            {"ids": ids, "vals": {"paper_ids": papers}, "context": context},
            "tick papers",
        )
        if not ok:
            continue
        began = time.perf_counter()
        ok, _r = await client.json2(
            stats, key, "motcua.dossier", "action_receive", {"ids": ids, "context": context}, "action_receive"
        )
        if ok:
            receive.append(time.perf_counter() - began)


async def lookup(client, stats, paths, deadline):
    while time.monotonic() < deadline:
        path = random.choice(paths)
        if path.startswith("/tra-cuu-ho-so"):
            await client.call(stats, "GET", path, check=lambda _s, body: b'class="msg"' not in body)
        else:
            await client.call(stats, "GET", path)


async def leader(client, stats, leader_info, deadline):
    while time.monotonic() < deadline:
        await client.json2(stats, leader_info["key"], STATS_MODEL, STATS_METHOD, stats_params(), leader_info["role"])


async def sms_gateway(client, stats, targets, secret, deadline):
    rng = random.Random(9)
    while time.monotonic() < deadline:
        code, key = rng.choice(targets)
        body = urlencode({"from": f"09{rng.randint(0, 99999999):08d}", "text": f"TRA {code} {key}"}).encode()
        await client.call(
            stats,
            "POST",
            "/api/v1/sms/inbound",
            body,
            [("Content-Type", "application/x-www-form-urlencoded"), ("X-MotCua-Secret", secret)],
            what="sms inbound",
            check=lambda _s, answer, code=code: code.lower() in answer.decode("utf-8", "replace").lower(),
        )


def worker_pids(server_pid):
    """The processes whose parent is the server (HTTP workers, the gevent worker)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server_pid:
            pids.append(int(entry))
    return pids


def command(pid):
    """What the child runs, shortly (an HTTP worker shows the server's command line)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            words = handle.read().split(b"\0")
    except OSError:
        return "?"
    return " ".join(os.path.basename(w.decode("utf-8", "replace")) for w in words[:2] if w)[:80]


def memory_kb(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                name, _sep, rest = line.partition(":")
                if name in ("VmRSS", "VmSize"):
                    values[name] = int(rest.split()[0])
                elif name == "Name":
                    values["name"] = rest.strip()
    except OSError:
        return None
    return values


async def sample_memory(server_pid, done, memory):
    """Every second until ``done`` is set (the last client finished its request)."""
    while not done.is_set():
        memory["samples"] += 1
        for pid in worker_pids(server_pid):
            values = memory_kb(pid)
            if not values:
                continue
            memory["workers"].setdefault(pid, command(pid))
            memory["max_rss_kb"] = max(memory["max_rss_kb"], values.get("VmRSS", 0))
            memory["max_vms_kb"] = max(memory["max_vms_kb"], values.get("VmSize", 0))
        try:
            await asyncio.wait_for(done.wait(), 1.0)
        except TimeoutError:
            pass


def log_tail(path, offset):
    if not path:
        return []
    with open(path, encoding="utf-8", errors="replace") as handle:
        handle.seek(offset)
        return handle.readlines()


async def check_codes(client, leader_info, first_id):
    """The codes the desks' receipts got, read back as the province monitor: one per received
    dossier, no duplicate, and per unit and day a run of consecutive numbers (a request retried
    after a serialization failure gives its number back)."""
    stats = Stats("codes", 1)
    domain = [["request_summary", "=", MARKER], ["id", ">", first_id]]
    ok, rows = await client.json2(
        stats,
        leader_info["key"],
        "motcua.dossier",
        "search_read",
        {"domain": domain, "fields": ["name", "state"]},
        "codes",
    )
    if not ok:
        return {"error": stats.first_errors}
    codes = [row["name"] for row in rows if row["state"] == "received"]
    series = {}
    for code in codes:
        prefix, _sep, number = code.rpartition("-")
        series.setdefault(prefix, []).append(int(number) if number.isdigit() else -1)
    gaps = sum(max(n) - min(n) + 1 - len(set(n)) for n in series.values())
    return {
        "received": len(codes),
        "drafts_left": sum(1 for row in rows if row["state"] == "draft"),
        "duplicates": len(codes) - len(set(codes)),
        "gaps": gaps,
        "series": {prefix: [min(n), max(n)] for prefix, n in series.items()},
    }


def read_server_log(lines):
    """What the server logged during the run: failed attempts on a serialization failure (the
    PostgreSQL error lines), the retries of the request (odoo.service.model logs them at INFO
    with the tries left), the requests that ran out of tries, other errors, worker recycling."""
    failures = [line for line in lines if PG_CONFLICT.search(line)]
    retried = [line for line in lines if "tries left" in line]
    exhausted = [line for line in lines if "maximum number of tries" in line]
    errors = []
    for index, line in enumerate(lines):
        if " ERROR " not in line and " CRITICAL " not in line:
            continue
        following = "".join(lines[index : index + 3])
        if "bad query" in line and PG_CONFLICT.search(following):
            continue  # the failed attempt of a request that is retried (counted above)
        errors.append(line.strip()[:300])
    recycled = [
        line.strip()[:200]
        for line in lines
        if re.search(r"Worker \(\d+\) (virtual memory limit|CPU time limit|max request)", line)
    ]
    spawned = [line for line in lines if re.search(r"Worker Worker\w+ \(\d+\) alive", line)]
    # tracebacks outside a request (e.g. a worker that cannot start): their exception lines
    tracebacks, exceptions = 0, {}
    for index, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            tracebacks += 1
            end = next((i for i in range(index + 1, len(lines)) if not lines[i].startswith((" ", "\t"))), None)
            if end is not None:
                exceptions[lines[end].strip()[:200]] = exceptions.get(lines[end].strip()[:200], 0) + 1
    return {
        "failures": failures,
        "retried": retried,
        "exhausted": exhausted,
        "errors": errors,
        "recycled": recycled,
        "spawned": spawned,
        "tracebacks": tracebacks,
        "exceptions": exceptions,
    }


def load_targets(work):
    api = [line.strip() for line in open(work / "api_paths.txt", encoding="utf-8") if line.strip()]
    page = [line.strip() for line in open(work / "page_paths.txt", encoding="utf-8") if line.strip()]
    targets = []
    for path in page:
        query = parse_qs(urlsplit(path).query)
        targets.append((query["code"][0], query["key"][0]))
    return api, page, targets


async def run(args):
    work = Path(args.work)
    prep = json.loads((work / "mixed_prep.json").read_text(encoding="utf-8"))
    api, page, targets = load_targets(work)
    client = Client(args.base, args.timeout)
    classes = {
        "desk": Stats("desk", len(prep["desks"])),
        "lookup": Stats("lookup", args.lookups),
        "leader": Stats("leader", len(prep["leaders"])),
        "sms": Stats("sms", 1),
    }
    # warm-up: every worker has loaded the registry and the routes of each class
    warm = Stats("warm-up", 0)
    await asyncio.gather(
        *(client.call(warm, "GET", random.choice(api + page)) for _i in range(2 * args.lookups)),
        *(
            client.json2(warm, info["key"], STATS_MODEL, STATS_METHOD, stats_params(), "warm-up")
            for info in prep["leaders"]
        ),
        return_exceptions=True,
    )
    log = Path(args.server_log) if args.server_log else None
    offset = log.stat().st_size if log and log.exists() else 0
    memory = {"samples": 0, "workers": {}, "max_rss_kb": 0, "max_vms_kb": 0}
    receive = []
    began = time.perf_counter()
    deadline = time.monotonic() + args.seconds
    done = asyncio.Event()
    sampler = asyncio.ensure_future(sample_memory(args.server_pid, done, memory)) if args.server_pid else None
    tasks = [
        desk(client, classes["desk"], info, prep["procedures"], deadline, receive, number)
        for number, info in enumerate(prep["desks"], start=1)
    ]
    tasks += [lookup(client, classes["lookup"], api + page, deadline) for _i in range(args.lookups)]
    tasks += [leader(client, classes["leader"], info, deadline) for info in prep["leaders"]]
    tasks.append(sms_gateway(client, classes["sms"], targets, prep["sms_secret"], deadline))
    await asyncio.gather(*tasks)
    done.set()
    if sampler:
        await sampler
    codes = await check_codes(client, prep["leaders"][0], prep["marks"]["motcua_dossier"])
    elapsed = time.perf_counter() - began
    lines = log_tail(log, offset) if log and log.exists() else []
    log_figures = read_server_log(lines)
    per_class = {}
    for name, stats in classes.items():
        extra = {}
        if name == "desk":
            extra = {
                "dossiers_received": len(receive),
                "receive_p50_ms": round(1000 * percentile(receive, 0.5), 1) if receive else None,
                "receive_p99_ms": round(1000 * percentile(receive, 0.99), 1) if receive else None,
                "officers": [f"{d['login']} ({d['unit']})" for d in prep["desks"]],
                "codes": codes,
            }
        elif name == "leader":
            extra = {"call": f"{STATS_MODEL}.{STATS_METHOD}", "as": [d["login"] for d in prep["leaders"]]}
        per_class[name] = stats.result(elapsed, **extra)
    errors = sum(c["errors"] for c in per_class.values())
    to_user = sum(c["serialization_failures_to_user"] for c in per_class.values()) + len(log_figures["exhausted"])
    recycled = [line for line in log_figures["recycled"] if "memory" in line]
    soft = args.limit_memory_soft
    max_vms, max_rss = memory["max_vms_kb"] * 1024, memory["max_rss_kb"] * 1024
    memory_ok = bool(memory["samples"]) and bool(soft) and max_vms < soft and not recycled
    section = {
        "id": 9,
        "key": "mixed_load",
        "name": "Mixed load: 4 desks, 20 lookups, 2 leaders, 1 SMS gateway on one server",
        "metric": "errors",
        "higher_is_better": False,
        "value": errors,
        "baseline": None,
        "baseline_name": "-",
        "ratio": None,
        "target": None,
        "other_targets": {
            "0 errors": errors == 0,
            "no serialization failure reaching a user": to_user == 0,
            "every worker below limit_memory_soft": memory_ok,
            "receipt codes unique and consecutive": codes.get("received") == len(receive)
            and codes.get("duplicates") == 0
            and codes.get("gaps") == 0,
        },
        "extra": {
            "seconds": round(elapsed, 1),
            "classes": per_class,
            "serialization_failures_in_log": len(log_figures["failures"]),
            "serialization_retried_in_request": len(log_figures["retried"]),
            "serialization_failures_to_user": to_user,
            "server_error_lines": log_figures["errors"][:FIRST_ERRORS],
            "server_error_line_count": len(log_figures["errors"]),
            "workers_sampled": len(memory["workers"]),
            "children_sampled_by_name": {
                name: list(memory["workers"].values()).count(name) for name in sorted(set(memory["workers"].values()))
            },
            "workers_started_during_run": len(log_figures["spawned"]),
            "server_tracebacks": log_figures["tracebacks"],
            "server_traceback_exceptions": dict(list(log_figures["exceptions"].items())[:FIRST_ERRORS]),
            "memory_samples": memory["samples"],
            "max_worker_rss_mb": round(max_rss / 2**20, 1),
            "max_worker_vms_mb": round(max_vms / 2**20, 1),
            "limit_memory_soft_mb": round(soft / 2**20, 1) if soft else None,
            "workers_recycled_for_memory": recycled[:FIRST_ERRORS],
            "workers_recycled": log_figures["recycled"][:FIRST_ERRORS],
        },
    }
    section["target_met"] = all(section["other_targets"].values())
    if log_figures["tracebacks"]:
        section["warning"] = "the server logged tracebacks outside the requests: see extra.server_traceback_exceptions"
    return section


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="http://host:port")
    parser.add_argument("--work", required=True, help="directory of mixed_prep.json and the lookup path lists")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--lookups", type=int, default=20, help="lookup clients")
    parser.add_argument("--server-pid", type=int, default=0, help="pid of the Odoo server (its workers are sampled)")
    parser.add_argument("--server-log", default="", help="the server's log file (serialization lines)")
    parser.add_argument("--limit-memory-soft", type=int, default=0, help="bytes (odoo.conf limit_memory_soft)")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    json.dump(asyncio.run(run(args)), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
