"""External clients of a running MotCua server, as a colleague (or an attacker) uses them.

- `WebSession`: what the browser does — `/web/session/authenticate`, then JSON-RPC on
  `/web/dataset/call_kw`; it also fetches reports and `/web/content` with the session cookie.
- `Json2Client`: Odoo 19's external API, `POST /json/2/<model>/<method>` with a bearer API key
  that the user made for himself (identity check with his password, as the web client does).

Both raise `RpcError` with the server's exception name and message, so that a test can assert
that an attack is refused *and* that the person sees a clear message.
"""

import datetime

import requests

TIMEOUT = 60


class RpcError(Exception):
    def __init__(self, name, message, status=None):
        super().__init__(f"{name}: {message}")
        self.name = name  # e.g. "odoo.exceptions.AccessError"
        self.message = message
        self.status = status


class WebSession:
    """A logged-in browser session of `login` (internal or portal user), or a public visitor."""

    def __init__(self, base_url, db, login=None, password=None):
        self.base_url = base_url
        self.db = db
        self.http = requests.Session()
        self.uid = None
        if login:
            result = self._jsonrpc("/web/session/authenticate", {"db": db, "login": login, "password": password})
            self.uid = result["uid"]

    def _jsonrpc(self, path, params):
        response = self.http.post(
            f"{self.base_url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        payload = response.json()
        if "error" in payload:
            data = payload["error"].get("data", {})
            raise RpcError(data.get("name", "?"), data.get("message", payload["error"].get("message")))
        return payload["result"]

    def call(self, model, method, *args, **kwargs):
        return self._jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path, **kwargs):
        return self.http.get(f"{self.base_url}{path}", timeout=TIMEOUT, **kwargs)

    def post(self, path, **kwargs):
        return self.http.post(f"{self.base_url}{path}", timeout=TIMEOUT, **kwargs)

    def api_key(self, password):
        """An API key for this (internal) user, made the way the preferences dialog makes it."""
        expiry = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        [description] = self.call(
            "res.users.apikeys.description", "create", [{"name": "tests", "expiration_date": expiry}]
        )
        action = self.call("res.users.apikeys.description", "make_key", [description])
        if action.get("res_model") == "res.users.identitycheck":
            action = self.call(
                "res.users.identitycheck", "run_check", [action["res_id"]], context={"password": password}
            )
        return action["context"]["default_key"]


class Json2Client:
    """`login` over Odoo 19's JSON-2 API. Call as client(model, method, ids=..., **kwargs)."""

    def __init__(self, base_url, db, login, password):
        self.base_url = base_url
        self.db = db
        self.web = WebSession(base_url, db, login, password)
        self.uid = self.web.uid
        self.key = self.web.api_key(password)
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"bearer {self.key}", "X-Odoo-Database": db})

    def __call__(self, model, method, ids=None, **kwargs):
        body = dict(kwargs)
        if ids is not None:
            body["ids"] = list(ids)
        response = self.http.post(f"{self.base_url}/json/2/{model}/{method}", json=body, timeout=TIMEOUT)
        if response.status_code != 200:
            try:
                error = response.json()
            except ValueError:
                raise RpcError("HTTP", response.text[:500], response.status_code) from None
            raise RpcError(error.get("name", "?"), error.get("message", ""), response.status_code)
        return response.json()
