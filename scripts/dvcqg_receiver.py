#!/usr/bin/env python3
"""A tiny local stand-in for the National Public Service Portal (DVCQG), for `make run`'s demo.

    python3 scripts/dvcqg_receiver.py [--port 8099]

It takes the messages MotCua's outbox (addon motcua_dvcqg) posts to
http://127.0.0.1:8099/dvcqg/<service> (DongBoHoSoMC, CapNhatTienDoHoSoMC), prints one line per
message, and answers as the real portal is expected to: 200 {"status": "ok"} for a new
idempotency key, 409 {"status": "duplicate"} for a key it already has (a retry or a replay: counted
once). GET / lists the dossiers it knows with their last national status. POST
/dvcqg/LayDanhSachTTHC answers a one-page national procedure catalogue (the demo's birth
registration, its fee given by --birth-fee) for the catalogue import. Standard library only;
nothing is stored on disk.
"""

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
KEYS = set()
DOSSIERS = {}
CATALOGUE_SERVICE = "LayDanhSachTTHC"


def catalogue(birth_fee):
    """One page of the national catalogue, in the shape the catalogue import reads."""
    return {
        "page": 1,
        "pages": 1,
        "data": [
            {
                "MaTTHC": "1.001193.000.00.00.H59",
                "TenTTHC": "Đăng ký khai sinh",
                "MaNoiBo": "1.001193",
                "LinhVuc": "Hộ tịch",
                "CapThucHien": "Cấp Xã",
                "ThoiHanGiaiQuyet": "1",
                "LePhi": str(birth_fee),
                "Phi": "0",
                "KetQuaThucHien": "Giấy khai sinh",
            }
        ],
    }


class Receiver(BaseHTTPRequestHandler):
    def _answer(self, status, body):
        payload = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self):
        if self.path.rstrip("/").endswith("/" + CATALOGUE_SERVICE):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            print(f"catalogue {CATALOGUE_SERVICE} (birth registration fee {self.server.birth_fee})", flush=True)
            self._answer(200, catalogue(self.server.birth_fee))
            return
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
    parser.add_argument("--birth-fee", type=int, default=0, help="fee of the birth registration in the catalogue")
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), Receiver)
    server.birth_fee = args.birth_fee
    print(f"National portal stand-in on http://{args.host}:{args.port}/dvcqg/ (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
