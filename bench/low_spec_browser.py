"""Figure 10: the desk on an old, low-spec computer, in a real headless Chromium.

Two uses:

1. Inside ``odoo shell -d <db>`` (reads ``env``): weighs the backend bundles as the web client
   loads them (``web.assets_web``, which includes ``web.assets_backend``; and
   ``web.assets_backend_lazy``) with and without MotCua's own asset files, and writes
   ``$BENCH_WORK/bundles.json``::

       BENCH_WORK=/tmp odoo shell -d <db> < bench/low_spec_browser.py

2. As a plain script against a running server (``bench/run.sh`` does it)::

       python3 bench/low_spec_browser.py --base http://127.0.0.1:8260 --out low_spec_browser.json \
           [--bundles bundles.json] [--shots DIR]

   It puts a gzip proxy in front of Odoo (what ``deploy/nginx.conf`` does: gzip level 1 for the
   same types, ``/websocket`` to the gevent port, ``expires`` on ``/web/static/``), starts
   Chromium with its own profile, throttles the CPU 4x (``Emulation.setCPUThrottlingRate``) and
   the network to 1.6 Mbit/s both ways with 150 ms latency
   (``Network.emulateNetworkConditions``), then times, cold (empty profile, cache cleared) and
   warm (the browser restarted on the same profile, cookies cleared so that the officer logs in
   again):

   (1) ``login_to_list``: the submit of the receiving officer's login form until the desk's
       dossier list (the officer's home action) shows its rows (or its "no dossier yet" help);
       the login page itself is timed as ``login_page``;
   (2) ``new_to_received``: "New" on that list, choose the first procedure offered, type the
       applicant, tick every paper, "Receive", until the form shows the dossier's code.

   Clicks and typing go through ``Input.dispatchMouseEvent`` / ``Input.insertText`` (a person's
   events, not JavaScript calls). Each step records wall time, requests that went to the network,
   bytes on the wire (``Network.loadingFinished`` ``encodedDataLength``) and decoded bytes.
   Screenshots of the end states go to ``--shots``.

Prints nothing but writes one benchmark section (``--out``); ``"available": false`` with the
reason when Chromium is missing or the flow could not be completed.
"""

import argparse
import base64
import gzip
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECTION = {
    "id": 10,
    "key": "low_spec_browser",
    "name": "Desk on a low-spec computer (Chromium, CPU 4x, 1.6 Mbit/s, 150 ms)",
}
CPU_RATE = 4
LATENCY_MS = 150
THROUGHPUT = 1.6e6 / 8  # bytes per second
GZIP_TYPES = (
    "text/html",
    "text/css",
    "text/plain",
    "application/json",
    "application/javascript",
    "text/javascript",
    "text/xml",
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--window-size=1366,768",
]


# --- in odoo shell: the bundle weights -------------------------------------------------------
def _ours(url):
    return url.lstrip("/").split("/", 1)[0].startswith("motcua_")


def bundle_weights(env):
    """Sizes of the backend bundles, all files and without MotCua's (JS and templates minified as
    Odoo serves them; gzip level 6 as a reference); the stylesheets as source bytes."""
    from odoo.addons.base.models.assetsbundle import AssetsBundle  # noqa: PLC0415

    qweb = env["ir.qweb"]
    result = {}
    for name in ("web.assets_web", "web.assets_backend_lazy", "web.assets_frontend"):
        files, external = qweb._get_asset_content(name)

        def js_content(selected, bundle_name=name, external_assets=external):
            bundle = AssetsBundle(bundle_name, selected, external_assets, env=env, css=False, js=True)
            content = ";\n".join(asset.minify() for asset in bundle.javascripts)
            if bundle.templates:
                content += bundle.generate_xml_bundle()
            return content.encode()

        full = js_content(files)
        without = js_content([f for f in files if not _ours(f["url"])])
        by_addon = {}
        ours = []
        for item in files:
            addon = item["url"].lstrip("/").split("/", 1)[0]
            try:
                size = os.path.getsize(item["filename"])
            except OSError:
                size = 0
            by_addon[addon] = by_addon.get(addon, 0) + size
            if _ours(item["url"]):
                ours.append({"file": item["url"], "source_bytes": size})
        styles = [f for f in files if f["url"].rpartition(".")[2] in ("css", "scss", "sass", "less")]
        result[name] = {
            "files": len(files),
            "js_bytes": len(full),
            "js_gzip_bytes": len(gzip.compress(full, 6)),
            "js_bytes_without_motcua": len(without),
            "js_gzip_bytes_without_motcua": len(gzip.compress(without, 6)),
            "motcua_js_bytes": len(full) - len(without),
            "motcua_js_gzip_bytes": len(gzip.compress(full, 6)) - len(gzip.compress(without, 6)),
            "style_files": len(styles),
            "style_source_bytes": sum(os.path.getsize(f["filename"]) for f in styles if os.path.exists(f["filename"])),
            "motcua_style_files": [f["url"] for f in styles if _ours(f["url"])],
            "motcua_files": sorted(ours, key=lambda o: -o["source_bytes"]),
            "biggest_addons_source_bytes": dict(sorted(by_addon.items(), key=lambda kv: -kv[1])[:12]),
        }
    return result


# --- the gzip proxy (deploy/nginx.conf in front of Odoo) ------------------------------------
HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "content-length",
}


def nginx_gzip_level(path=None):
    """gzip_comp_level of the deployment's nginx.conf (nginx's default: 1)."""
    path = path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "nginx.conf")
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                words = line.split("#", 1)[0].replace(";", " ").split()
                if len(words) >= 2 and words[0] == "gzip_comp_level":
                    return int(words[1])
    except OSError:
        pass
    return 1


def _pipe(source, target):
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class ProxyHandler(BaseHTTPRequestHandler):
    """One request through the proxy; the settings are on the server (``make_proxy``)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _tunnel(self):  # /websocket: a raw pipe to the gevent port, as nginx's Upgrade block
        try:
            upstream = socket.create_connection(("127.0.0.1", self.server.websocket_port))
        except OSError:  # no gevent process: what nginx answers
            self.send_error(502)
            return
        upstream.sendall(self.raw_requestline + str(self.headers).encode("latin-1"))
        back = threading.Thread(target=_pipe, args=(upstream, self.connection), daemon=True)
        back.start()
        _pipe(self.connection, upstream)
        back.join(5)
        self.close_connection = True

    def _upstream(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "accept-encoding"}
        conn = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=300)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def _forward(self):
        if self.headers.get("Upgrade", "").lower() == "websocket":
            return self._tunnel()
        response, payload = self._upstream()
        out_headers = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP]
        kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if accepts and kind in GZIP_TYPES and len(payload) >= 20 and not response.getheader("Content-Encoding"):
            payload = gzip.compress(payload, self.server.gzip_level)
            out_headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        if "/web/static/" in self.path and response.status == 200:  # nginx's "expires 864000"
            out_headers = [(k, v) for k, v in out_headers if k.lower() != "cache-control"]
            out_headers += [("Cache-Control", "max-age=864000")]
        self.send_response(response.status, response.reason)
        for key, value in out_headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = _forward


class ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a browser that went away: not news
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def make_proxy(upstream_port, websocket_port, listen_port, gzip_level=1):
    server = ProxyServer(("127.0.0.1", listen_port), ProxyHandler)
    server.upstream_port, server.websocket_port, server.gzip_level = upstream_port, websocket_port, gzip_level
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- Chromium over the DevTools protocol ------------------------------------------------------
class FlowError(Exception):
    pass


class Browser:
    def __init__(self, executable, profile, devtools_port):
        import websocket  # noqa: PLC0415  (websocket-client, in Odoo's requirements)

        self.profile = profile
        self.proc = subprocess.Popen(
            [
                executable,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--remote-debugging-port={devtools_port}",
                "--remote-debugging-address=127.0.0.1",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        try:
            page = self._page()
        except Exception:
            self.close()
            raise
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], suppress_origin=True, timeout=300)
        self.next_id = 0
        self.requests = {}

    def _page(self):
        found = {}

        def read_stderr():  # "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>"
            for line in self.proc.stderr:
                if line.startswith("DevTools listening on ws://") and "port" not in found:
                    found["port"] = line.split("ws://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1]

        threading.Thread(target=read_stderr, daemon=True).start()
        deadline = time.time() + 30
        while "port" not in found:
            if self.proc.poll() is not None or time.time() > deadline:
                raise FlowError("Chromium did not start")
            time.sleep(0.1)
        while time.time() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{found['port']}/json/list", timeout=5) as response:
                page = next((t for t in json.load(response) if t["type"] == "page"), None)
            if page:
                return page
            time.sleep(0.1)
        raise FlowError("Chromium has no page")

    def close(self):
        if getattr(self, "ws", None) is not None:
            try:
                self.ws.close()
            except Exception:
                pass
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def _event(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            if params["request"]["url"].startswith("http"):
                self.requests[params["requestId"]] = {
                    "url": params["request"]["url"],
                    "encoded": 0,
                    "decoded": 0,
                    "cached": False,
                    "done": False,
                }
        elif method == "Network.requestServedFromCache" and params["requestId"] in self.requests:
            self.requests[params["requestId"]]["cached"] = True
        elif method == "Network.responseReceived" and params["requestId"] in self.requests:
            response = params["response"]
            if response.get("fromDiskCache") or response.get("fromPrefetchCache") or response.get("fromServiceWorker"):
                self.requests[params["requestId"]]["cached"] = True
            self.requests[params["requestId"]]["status"] = response.get("status")
        elif method == "Network.dataReceived" and params["requestId"] in self.requests:
            self.requests[params["requestId"]]["decoded"] += params.get("dataLength", 0)
        elif method == "Network.loadingFailed" and params["requestId"] in self.requests:
            self.requests[params["requestId"]]["done"] = True
            self.requests[params["requestId"]]["failed"] = params.get("errorText")
        elif method == "Network.loadingFinished" and params["requestId"] in self.requests:
            self.requests[params["requestId"]]["encoded"] = params.get("encodedDataLength", 0)
            self.requests[params["requestId"]]["done"] = True

    def send(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise FlowError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            self._event(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if result.get("exceptionDetails"):
            details = result["exceptionDetails"]
            raise FlowError((details.get("exception") or {}).get("description") or details.get("text"))
        return result.get("result", {}).get("value")

    def wait(self, selector, text=None, timeout=120):
        """Until a visible element matches the selector (and the regular expression), across
        navigations; returns its text."""
        script = WAIT_JS % (json.dumps(selector), json.dumps(text), min(10_000, timeout * 1000))
        deadline = time.time() + timeout
        while True:
            try:
                found = self.evaluate(script)
            except FlowError as error:
                message = str(error)
                if not any(s in message for s in ("context", "navigat", "Cannot find", "Target closed")):
                    raise
                found = None
                time.sleep(0.05)
            if found is not None:
                return found
            if time.time() > deadline:
                raise FlowError(f"timed out waiting for {selector} {text or ''} at {self.evaluate('location.href')}")

    def wait_idle(self, quiet=0.5, timeout=120):
        """Until no request has been in flight for ``quiet`` seconds (the page finished loading)."""
        deadline = time.time() + timeout
        calm_since = time.time()
        while time.time() < deadline:
            self.send("Runtime.evaluate", expression="1")  # reads the events that arrived meanwhile
            if any(not r["done"] and not r["cached"] for r in self.requests.values()):
                calm_since = time.time()
            elif time.time() - calm_since >= quiet:
                return
            time.sleep(0.05)
        raise FlowError("the page never stopped loading")

    def click(self, selector, text=None):
        box = self.evaluate(BOX_JS % (json.dumps(selector), json.dumps(text)))
        if not box:
            raise FlowError(f"nothing to click at {selector} {text or ''}")
        x, y = box
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.send("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.send("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def key(self, name, code):
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=name,
                code=name,
                windowsVirtualKeyCode=code,
                nativeVirtualKeyCode=code,
            )

    def type_into(self, selector, value):
        self.wait(selector)
        self.click(selector)
        self.send("Input.insertText", text=value)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

    def counters(self):
        network = [r for r in self.requests.values() if not r["cached"]]
        return {
            "requests": len(self.requests),
            "network_requests": len(network),
            "cached_requests": len(self.requests) - len(network),
            "bytes": sum(r["encoded"] for r in network),
            "decoded_bytes": sum(r["decoded"] for r in self.requests.values()),
            "sequence": [  # every request of the step: path, bytes on the wire ("cache" when served from it)
                f"{r['url'].split('?')[0].split('/', 3)[-1]} {'cache' if r['cached'] else r['encoded']}"
                for r in self.requests.values()
            ],
            "biggest": [
                {"url": r["url"].split("?")[0].split("/", 3)[-1], "bytes": r["encoded"]}
                for r in sorted(network, key=lambda r: -r["encoded"])[:6]
            ],
        }


WAIT_JS = """(async (selector, text, timeout) => {
    const start = Date.now();
    while (Date.now() - start < timeout) {
        const found = [...document.querySelectorAll(selector)].find((el) =>
            el.getClientRects().length && (!text || new RegExp(text).test(el.innerText || el.value || "")));
        if (found) { return (found.innerText || found.value || "").trim().slice(0, 200); }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
})(%s, %s, %d)"""

BOX_JS = """(async (selector, text) => {
    const el = [...document.querySelectorAll(selector)].find((el) =>
        el.getClientRects().length && (!text || new RegExp(text).test(el.innerText || el.value || "")));
    if (!el) { return null; }
    let box = el.getBoundingClientRect();
    if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
        el.scrollIntoView({ block: "center", inline: "center" });  // then let popovers follow
        await new Promise((resolve) => setTimeout(resolve, 150));
        box = el.getBoundingClientRect();
    }
    return [box.left + box.width / 2, box.top + box.height / 2];
})(%s, %s)"""

# a fixed piece of work timed in the page: shows the CPU throttling is in force
CPU_PROBE_JS = """(() => { const start = performance.now(); let x = 0;
    for (let i = 0; i < 3e6; i++) { x += Math.sqrt(i); } return performance.now() - start; })()"""

LIST_READY = ".o_action_manager .o_list_view .o_data_row, .o_action_manager .o_view_nocontent"
CODE_PATTERN = r"-\d{6}-\d+"


def configure(browser, cpu_rate=CPU_RATE, latency=LATENCY_MS, throughput=THROUGHPUT):
    for domain in ("Page", "Runtime", "Network"):
        browser.send(f"{domain}.enable")
    browser.send("Emulation.setDeviceMetricsOverride", width=1366, height=768, deviceScaleFactor=1, mobile=False)
    browser.send("Emulation.setTimezoneOverride", timezoneId="Asia/Ho_Chi_Minh")  # a commune office's clock
    browser.send("Emulation.setCPUThrottlingRate", rate=cpu_rate)
    browser.send(
        "Network.emulateNetworkConditions",
        offline=False,
        latency=latency,
        downloadThroughput=throughput,
        uploadThroughput=throughput,
    )


def step(browser, timings, key, action):
    browser.requests = {}
    began = time.perf_counter()
    detail = action()
    seconds = time.perf_counter() - began
    time.sleep(0.3)  # let the last loadingFinished events arrive
    browser.send("Runtime.evaluate", expression="1")
    timings[key] = {"seconds": round(seconds, 2), **browser.counters()}
    if detail:
        timings[key]["shown"] = detail
    return detail


def choose_first_procedure(browser):
    """Open the procedure's suggestions and take the first one; returns the clicks retried."""
    procedure = ".o_field_widget[name=procedure_id] input"
    browser.wait(procedure)
    for attempt in range(5):
        if not browser.evaluate("!!document.querySelector('.o-autocomplete--dropdown-item')"):
            browser.click(procedure)
        browser.wait(".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) a:not(.o_loading)")
        browser.key("Enter", 13)  # the first suggestion is the active one
        try:
            browser.wait(procedure, ".", timeout=2)
            return attempt
        except FlowError:
            continue
    raise FlowError("no procedure could be chosen")


def tick_every_paper(browser):
    rows = browser.evaluate("document.querySelectorAll('.o_field_widget[name=paper_ids] .o_data_row').length")
    for index in range(1, rows + 1):
        cell = f".o_field_widget[name=paper_ids] .o_data_row:nth-child({index}) td[name=received] input"
        for _attempt in range(3):
            if browser.evaluate(f"!!document.querySelector({json.dumps(cell)})?.checked"):
                break
            browser.click(cell)
            time.sleep(0.2)


def login_flow(browser, timings, base, login, password):
    def login_page():
        browser.send("Page.navigate", url=f"{base}/web/login")
        browser.wait("form.oe_login_form input[name=login]")
        while browser.evaluate("document.readyState") != "complete":
            time.sleep(0.05)
        browser.wait_idle()  # a person types for a few seconds: the deferred bundles arrive meanwhile

    def login_to_list():
        browser.click("form.oe_login_form button[type=submit]")
        browser.wait(LIST_READY)
        return browser.wait(".o_breadcrumb .active, .o_control_panel .o_last_breadcrumb_item, .o_breadcrumb")

    step(browser, timings, "login_page", login_page)
    browser.type_into("form.oe_login_form input[name=login]", login)
    browser.type_into("form.oe_login_form input[name=password]", password)
    step(browser, timings, "login_to_list", login_to_list)
    timings["login_to_list"]["list_rows"] = browser.evaluate(
        "document.querySelectorAll('.o_list_view .o_data_row').length"
    )
    timings["login_to_list"]["url"] = browser.evaluate("location.pathname")


def intake_flow(browser, timings):
    retried = []

    def new_to_received():
        browser.click(".o_list_button_add")
        retried.append(choose_first_procedure(browser))
        browser.wait(".o_field_widget[name=paper_ids] .o_data_row")  # the checklist of the procedure
        browser.type_into(".o_field_widget[name=applicant_name] input", "Nguyễn Thị Mai")
        browser.type_into(".o_field_widget[name=applicant_id_number] input", "080190001111")
        browser.type_into(".o_field_widget[name=applicant_phone] input", "0912000111")
        tick_every_paper(browser)
        browser.click("button[name=action_receive]")
        return browser.wait(".o_form_view .o_field_widget[name=name]", CODE_PATTERN)

    step(browser, timings, "new_to_received", new_to_received)
    timings["new_to_received"]["retried_clicks"] = sum(retried)
    timings["new_to_received"]["state"] = browser.evaluate(
        "document.querySelector('.o_statusbar_status .o_arrow_button_current, .o_statusbar_status button.active')?.innerText"
    )


def run_flow(browser, base, login, password, shots, label):
    timings = {}
    login_flow(browser, timings, base, login, password)
    if shots:
        browser.screenshot(os.path.join(shots, f"low_spec_{label}_list.png"))
    intake_flow(browser, timings)
    if shots:
        browser.screenshot(os.path.join(shots, f"low_spec_{label}_received.png"))
    timings["cpu_probe_ms"] = round(browser.evaluate(CPU_PROBE_JS), 1)
    return timings


def run_browsers(executable, base, args):
    """The cold run on an empty profile, then the warm one: the browser restarted on that profile."""
    profile = tempfile.mkdtemp(prefix="motcua_low_spec_")
    runs = {}
    try:
        for label in ("cold", "warm"):
            browser = Browser(executable, profile, args.devtools_port)
            try:
                configure(browser, args.cpu_rate, args.latency, args.throughput)
                if label == "cold":
                    browser.send("Network.clearBrowserCache")
                browser.send("Network.clearBrowserCookies")  # the officer logs in again
                runs[label] = run_flow(browser, base, args.login, args.password, args.shots, label)
            except FlowError:
                if args.shots:
                    browser.screenshot(os.path.join(args.shots, f"low_spec_{label}_failed.png"))
                raise
            finally:
                browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return runs


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the Odoo server, e.g. http://127.0.0.1:8260")
    parser.add_argument("--websocket-port", type=int, help="Odoo's gevent port (default: the server's port + 1)")
    parser.add_argument("--proxy-port", type=int, help="port of the gzip proxy (default: the server's port + 2)")
    parser.add_argument("--devtools-port", type=int, default=int(os.environ.get("BENCH_DEVTOOLS_PORT", "0")))
    parser.add_argument("--login", default=os.environ.get("BENCH_DESK_LOGIN", "tiepnhan"))
    parser.add_argument("--password", default=os.environ.get("BENCH_DESK_PASSWORD", "tiepnhan"))
    parser.add_argument("--bundles", help="bundles.json written by the odoo shell part")
    parser.add_argument("--shots", help="folder for the screenshots of the end states")
    parser.add_argument("--out", required=True)
    parser.add_argument(
        "--gzip-level",
        type=int,
        default=nginx_gzip_level(),
        help="gzip level of the proxy (default: gzip_comp_level of deploy/nginx.conf)",
    )
    parser.add_argument("--cpu-rate", type=float, default=CPU_RATE, help="CPU slow-down factor (1: none)")
    parser.add_argument("--latency", type=float, default=LATENCY_MS, help="added latency in ms")
    parser.add_argument("--throughput", type=float, default=THROUGHPUT, help="bytes/s each way (-1: no limit)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    section = dict(SECTION, metric="s", higher_is_better=False, target=None)
    executable = (
        os.environ.get("BENCH_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )
    if not executable:
        section.update(available=False, reason="not available: Chromium is not installed")
        return write(args.out, section)
    odoo_port = int(args.base.rsplit(":", 1)[1].rstrip("/"))
    proxy = make_proxy(
        odoo_port, args.websocket_port or odoo_port + 1, args.proxy_port or odoo_port + 2, args.gzip_level
    )
    if args.shots:
        os.makedirs(args.shots, exist_ok=True)
    try:
        runs = run_browsers(executable, f"http://127.0.0.1:{proxy.server_address[1]}", args)
    except FlowError as error:
        section.update(available=False, reason=f"not available: the browser flow failed ({error})")
        return write(args.out, section)
    finally:
        proxy.shutdown()
    extra = {
        "gzip_level": args.gzip_level,
        "cpu_throttling": args.cpu_rate,
        "latency_ms": args.latency,
        "throughput_bytes_s": args.throughput,
        "chromium": subprocess.run(
            [executable, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip(),
    }
    for label, run in runs.items():
        for key in ("login_page", "login_to_list", "new_to_received"):
            extra[f"{key}_{label}_s"] = run[key]["seconds"]
            extra[f"{key}_{label}_bytes"] = run[key]["bytes"]
            extra[f"{key}_{label}_requests"] = run[key]["network_requests"]
    extra["runs"] = runs
    if args.bundles and os.path.exists(args.bundles):
        with open(args.bundles, encoding="utf-8") as handle:
            extra["bundles"] = json.load(handle)
    section.update(value=runs["cold"]["login_to_list"]["seconds"], baseline=None, ratio=None, extra=extra)
    return write(args.out, section)


def write(path, section):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(section, handle, ensure_ascii=False, indent=1)


if "env" in globals():
    _env = globals()["env"]
    with open(os.path.join(os.environ["BENCH_WORK"], "bundles.json"), "w", encoding="utf-8") as _handle:
        json.dump(bundle_weights(_env), _handle, indent=1)
    _env.cr.rollback()
elif __name__ == "__main__":
    main(sys.argv[1:])
