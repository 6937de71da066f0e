"""Tests that drive a running MotCua server from outside (HTTP, the web client's JSON-RPC and
Odoo 19's JSON-2 API; XML-RPC is deprecated in Odoo 19 and gone in Odoo 20).

`make test` starts the server on the throw-away database (installed with demo data) and
passes its address in MOTCUA_URL and the database name in MOTCUA_DB.
"""

import os

import pytest
from clients import Json2Client, WebSession


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("MOTCUA_URL")
    if not url:
        pytest.fail("MOTCUA_URL is not set: run these tests through `make test`")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def db():
    return os.environ["MOTCUA_DB"]


@pytest.fixture(scope="session")
def rpc(base_url, db):
    """login(login, password) -> call(model, method, *args, **kwargs) as that user, through the
    web client's JSON-RPC (``/web/dataset/call_kw``); ``call.uid`` is the user's id."""

    def login(user, password):
        session = WebSession(base_url, db, user, password)
        assert session.uid, f"{user} cannot log in"

        def call(model, method, *args, **kwargs):
            return session.call(model, method, *args, **kwargs)

        call.uid = session.uid
        return call

    return login


@pytest.fixture(scope="session")
def web(base_url, db):
    """web(login, password) -> a logged-in browser session (JSON-RPC, reports, /web/content);
    web() -> a public visitor."""

    def login(user=None, password=None):
        return WebSession(base_url, db, user, password)

    return login


@pytest.fixture(scope="session")
def json2(base_url, db):
    """json2(login, password) -> a client of Odoo 19's JSON-2 API with the user's own API key
    (cached per login for the session)."""
    clients = {}

    def login(user, password):
        if user not in clients:
            clients[user] = Json2Client(base_url, db, user, password)
        return clients[user]

    return login
