"""What a newcomer sees after `make run`: the login page, the website, the demo logins."""

import fcntl
import os
import subprocess
from pathlib import Path

import pytest
import requests
from clients import RpcError

ROOT = Path(__file__).resolve().parent.parent


def test_login_page(base_url):
    response = requests.get(f"{base_url}/web/login", timeout=30)
    assert response.status_code == 200
    assert 'name="login"' in response.text and 'name="password"' in response.text


def test_website_home_page(base_url):
    response = requests.get(f"{base_url}/", timeout=30)
    assert response.status_code == 200
    assert "<html" in response.text and "/web/login" in response.text  # the website, with its sign-in link


def test_demo_receiving_officer_logs_in_and_sees_their_unit(rpc):
    officer = rpc("tiepnhan", "tiepnhan")
    [user] = officer("res.users", "read", [officer.uid], fields=["motcua_unit_ids"])
    units = officer("motcua.unit", "read", user["motcua_unit_ids"], fields=["name"])
    assert [u["name"] for u in units] == ["Phường Long An"]
    assert officer("res.users", "has_group", [officer.uid], "motcua_base.group_receiving_officer")
    assert not officer("res.users", "has_group", [officer.uid], "motcua_base.group_administrator")


def test_demo_officer_cannot_change_units(rpc):
    officer = rpc("tiepnhan", "tiepnhan")
    [unit] = officer("motcua.unit", "search", [("name", "=", "Phường Long An")])
    with pytest.raises(RpcError, match="not allowed"):
        officer("motcua.unit", "write", [unit], {"name": "Renamed"})


def test_wrong_password_is_refused(web):
    with pytest.raises(RpcError) as refused:
        web("tiepnhan", "wrong")
    assert refused.value.name == "odoo.exceptions.AccessDenied"


def test_demo_province_is_loaded(rpc):
    admin = rpc("admin", "admin")
    [province] = admin("motcua.unit", "search_read", [("identifier_code", "=", "000.00.00.H59")], fields=["name"])
    assert province["name"] == "UBND tỉnh Tây Ninh"
    communes = admin("motcua.unit", "search_count", [("parent_id", "=", province["id"]), ("unit_type", "=", "commune")])
    assert communes == 96  # every commune and ward of Tây Ninh since 1 July 2025
    historical = admin("motcua.unit", "search_count", [("is_historical", "=", True)])
    assert historical >= 16  # Long An and its 15 districts, before the 2025 merger


def test_second_make_run_refuses_to_start_while_one_runs():
    """`make run` holds .var/run.lock; a second one says so and exits instead of touching anything."""
    lock_path = ROOT / ".var" / "run.lock"
    lock_path.parent.mkdir(exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a running `make run` holds
        env = dict(os.environ, PGHOST="", MOTCUA_DB="must_not_be_created")
        result = subprocess.run(
            ["bash", str(ROOT / "scripts" / "run.sh")],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            check=False,
        )
    assert result.returncode != 0
    assert "already running" in result.stderr
