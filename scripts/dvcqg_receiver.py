#!/usr/bin/env python3
"""A tiny local stand-in for the National Public Service Portal (DVCQG), for `make run`'s demo.

    python3 scripts/dvcqg_receiver.py [--port 8099]

It takes the messages MotCua's outbox (addon motcua_dvcqg) posts to
http://127.0.0.1:8099/dvcqg/<service> (DongBoHoSoMC, CapNhatTienDoHoSoMC), prints one line per
message, and answers as the real portal is expected to: 200 {"status": "ok"} for a new
idempotency key, 409 {"status": "duplicate"} for a key it already has (a retry or a replay: counted
once). GET / lists the dossiers it knows with their last national status. Standard library only;
nothing is stored on disk.
"""

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
KEYS = set()
DOSSIERS = {}


class Receiver(BaseHTTPRequestHandler):
    def _answer(self, status, body):
        payload = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self):
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            key = self.headers.get("Idempotency-Key") or body["key"]
            data = body["data"]
        except (ValueError, KeyError, TypeError):
            self._answer(400, {"status": "error", "message": "a JSON body with key and data is expected"})
            return
        with LOCK:
            duplicate = key in KEYS
            KEYS.add(key)
            if not duplicate:
                DOSSIERS[data.get("MaHoSo")] = data.get("TrangThaiHoSo")
        service = self.path.rstrip("/").rsplit("/", 1)[-1]
        print(
            f"{'duplicate' if duplicate else 'accepted '} {key} {service} "
            f"MaTTHC={data.get('MaTTHC')} TrangThaiHoSo={data.get('TrangThaiHoSo')}",
            flush=True,
        )
        if duplicate:
            self._answer(409, {"status": "duplicate"})
        else:
            self._answer(200, {"status": "ok"})

    def do_GET(self):
        with LOCK:
            self._answer(200, {"messages": len(KEYS), "dossiers": DOSSIERS})

    def log_message(self, *args):
        return


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8099)
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), Receiver)
    print(f"National portal stand-in on http://{args.host}:{args.port}/dvcqg/ (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
