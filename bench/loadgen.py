"""A small HTTP load client (stdlib asyncio, one connection per request).

    python loadgen.py --base http://127.0.0.1:8260 --paths paths.txt --concurrency 8 \
        --seconds 10 --requests 20000 --warmup 1 > result.json

Each of ``--concurrency`` tasks sends GET requests for paths taken in turn from the list (one
per line; random order, so repeated runs do not hit the same rows) until ``--requests`` were
sent or ``--seconds`` passed. Prints a JSON object: requests, errors (a status other than 2xx
and the ``--ok`` statuses, e.g. a redirect; a network error; an answer containing ``--reject``), seconds, rps, p50_ms, p99_ms, statuses.
A response is read completely (Content-Length or until the server closes), so the latency is
the full answer as a browser would get it.
"""

import argparse
import asyncio
import json
import random
import sys
import time
from urllib.parse import urlsplit


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def fetch(host, port, path, timeout):
    """One GET with Connection: close; returns (status, body)."""
    return await send(host, port, "GET", path, timeout)


async def send(host, port, method, path, timeout, body=b"", headers=()):
    """One request with Connection: close (``headers``: extra (name, value) pairs, ``body``: bytes
    sent with its Content-Length); returns (status, body of the answer)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "User-Agent: Mozilla/5.0 (motcua-bench)",
            "Accept: */*",
            "Accept-Language: vi-VN,vi;q=0.9",
            "Connection: close",
        ]
        lines += [f"{name}: {value}" for name, value in headers]
        if body or method != "GET":
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(-1), timeout)
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass
    head, _sep, answer = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 else 0
    if b"transfer-encoding: chunked" in head.lower():
        answer = dechunk(answer)
    return status, answer


def dechunk(data):
    """The body of a chunked answer (Odoo sends JSON and streamed answers chunked)."""
    out, rest = [], data
    while rest:
        size_line, _sep, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return data
        if not size:
            break
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return b"".join(out)


async def run(base, paths, concurrency, seconds, max_requests, warmup, timeout, ok_statuses, reject=None):
    parts = urlsplit(base)
    host, port = parts.hostname, parts.port or 80
    # warm-up: every worker process should have loaded the registry and compiled its templates
    end_warmup = time.monotonic() + warmup
    while time.monotonic() < end_warmup:
        await asyncio.gather(
            *(fetch(host, port, random.choice(paths), timeout) for _i in range(concurrency)), return_exceptions=True
        )
    latencies, statuses = [], {}
    errors = 0
    sent = 0
    order = list(paths)
    random.shuffle(order)
    deadline = time.monotonic() + seconds

    async def worker():
        nonlocal sent, errors
        while sent < max_requests and time.monotonic() < deadline:
            path = order[sent % len(order)]
            sent += 1
            began = time.perf_counter()
            try:
                status, body = await fetch(host, port, path, timeout)
            except (TimeoutError, OSError):
                status, body = 0, b""
            if reject and reject in body:
                status = -status  # an answer, but not the expected one (e.g. "not found" on a 200 page)
            latencies.append(time.perf_counter() - began)
            statuses[status] = statuses.get(status, 0) + 1
            if status <= 0 or (not 200 <= status < 300 and status not in ok_statuses):
                errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _i in range(concurrency)))
    elapsed = time.perf_counter() - began
    done = len(latencies)
    return {
        "requests": done,
        "errors": errors,
        "seconds": round(elapsed, 3),
        "rps": round(done / elapsed, 2) if elapsed else 0.0,
        "p50_ms": round(1000 * percentile(latencies, 0.50), 2) if latencies else None,
        "p99_ms": round(1000 * percentile(latencies, 0.99), 2) if latencies else None,
        "concurrency": concurrency,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="http://host:port")
    parser.add_argument("--paths", required=True, help="file with one path (and query) per line")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--requests", type=int, default=100000)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--ok", default="", help="comma-separated non-2xx statuses that are not errors")
    parser.add_argument("--reject", default="", help="a 2xx answer containing this text is an error (status -N)")
    args = parser.parse_args(argv)
    with open(args.paths, encoding="utf-8") as handle:
        paths = [line.strip() for line in handle if line.strip()]
    if not paths:
        sys.exit("no path to request")
    ok_statuses = {int(s) for s in args.ok.split(",") if s.strip()}
    result = asyncio.run(
        run(
            args.base,
            paths,
            args.concurrency,
            args.seconds,
            args.requests,
            args.warmup,
            args.timeout,
            ok_statuses,
            args.reject.encode() or None,
        )
    )
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
