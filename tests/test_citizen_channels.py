"""The citizen's side of the demo, from outside: what a visitor, a phone switchboard and an
integrator reach over HTTP, and what they must never see."""

import re

import pytest
import requests

PUBLIC_PAGES = ["/", "/tra-cuu-ho-so", "/thu-tuc", "/cong-khai", "/khieu-nai/lich-tiep-cong-dan"]


@pytest.fixture(scope="module")
def admin(rpc):
    return rpc("admin", "admin")


@pytest.fixture(scope="module")
def demo_dossier(admin):
    [dossier] = admin(
        "motcua.dossier", "search_read", [("lookup_key", "=", "DEMO23")], fields=["name", "applicant_name"], limit=1
    )
    return dossier


@pytest.fixture(scope="module")
def personal_data(admin):
    """Every ID number, phone and address of the demo applicants (as they are stored)."""
    rows = admin(
        "motcua.dossier", "search_read", [], fields=["applicant_id_number", "applicant_phone", "applicant_address"]
    )
    values = set()
    for row in rows:
        for name in ("applicant_id_number", "applicant_phone", "applicant_address"):
            value = row[name]
            if value:
                values.add(value)
                if name == "applicant_phone":
                    values.add(re.sub(r"\D", "", value))
    assert values, "the demo has applicants with personal data"
    return values


def test_lookup_page_shows_the_dossier_with_a_masked_name(base_url, demo_dossier, personal_data):
    response = requests.get(
        f"{base_url}/tra-cuu-ho-so", params={"code": demo_dossier["name"], "key": "DEMO23"}, timeout=30
    )
    assert response.status_code == 200
    assert demo_dossier["name"] in response.text
    assert demo_dossier["applicant_name"] not in response.text  # only its masked form
    assert "<script" not in response.text.lower()  # works without JavaScript
    assert len(response.content) < 150 * 1024
    for value in personal_data:
        assert value not in response.text


def test_lookup_api_and_switchboard(base_url, demo_dossier):
    code = demo_dossier["name"]
    data = requests.get(f"{base_url}/api/v1/dossiers/{code}", params={"key": "DEMO23"}, timeout=30).json()
    assert data["code"] == code
    assert {"procedure", "unit", "status", "received_at", "due_at", "timeliness", "steps"} <= set(data)
    ivr = requests.get(f"{base_url}/api/v1/ivr/dossiers/{code}", params={"key": "DEMO23"}, timeout=30).json()
    assert isinstance(ivr["status_code"], int) and 0 <= ivr["status_code"] <= 9
    assert code in ivr["text"] or ivr["text"]


def test_wrong_key_and_wrong_code_get_the_same_answer(base_url, demo_dossier):
    wrong_key = requests.get(f"{base_url}/api/v1/dossiers/{demo_dossier['name']}", params={"key": "NOPE00"}, timeout=30)
    wrong_code = requests.get(
        f"{base_url}/api/v1/dossiers/000.00.00.X00-000000-0000", params={"key": "DEMO23"}, timeout=30
    )
    assert wrong_key.status_code == wrong_code.status_code == 404
    assert wrong_key.json() == wrong_code.json()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_reveal_no_personal_data(base_url, path, personal_data):
    response = requests.get(f"{base_url}{path}", timeout=30)
    assert response.status_code == 200, path
    for value in personal_data:
        assert value not in response.text, f"{path} shows {value}"


def test_portal_pages_need_a_login(base_url):
    response = requests.get(f"{base_url}/my/dossiers", timeout=30)
    assert "/web/login" in response.url  # after the language redirect, if any
    assert 'name="password"' in response.text
