"""The desk's first day, from outside: a receiving officer receives a dossier over the web client's
RPC, prints the receipt over HTTP, and the citizen's phone reads its QR code."""

from urllib.parse import urlsplit

import pytest
import requests
from papers import pdf_text, qr_codes


@pytest.fixture(scope="module")
def officer(web):
    return web("tiepnhan", "tiepnhan")


@pytest.fixture(scope="module")
def received(officer):
    """A dossier the officer receives now at the desk of Phường Long An."""
    # the demo's "Cấp Giấy xác nhận tình trạng hôn nhân": fee 15,000 dong
    [procedure] = officer.call("motcua.procedure", "search", [("code", "=", "1.004873")], limit=1)
    [unit] = officer.call("motcua.unit", "search", [("name", "=", "Phường Long An")], limit=1)
    [dossier_id] = officer.call(
        "motcua.dossier",
        "create",
        [
            {
                "procedure_id": procedure,
                "unit_id": unit,
                "applicant_name": "Phạm Thị Ngọc Hân",
                "applicant_id_number": "080191004321",
                "applicant_phone": "0908765432",
                "applicant_address": "25 đường Trương Định, Phường Long An",
            }
        ],
    )
    [dossier] = officer.call("motcua.dossier", "read", [dossier_id], ["paper_ids"])
    officer.call("motcua.dossier.paper", "write", dossier["paper_ids"], {"received": True})
    officer.call("motcua.dossier", "action_receive", [dossier_id])
    [dossier] = officer.call("motcua.dossier", "read", [dossier_id], ["name", "state"])
    assert dossier["state"] == "received"
    return dossier


def test_printed_receipt_reads_in_vietnamese(officer, received):
    response = officer.get(f"/report/pdf/motcua_dossier.report_dossier_receipt/{received['id']}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {received['name']}",
        "Ông/bà/tổ chức: Phạm Thị Ngọc Hân",
        "Mười lăm nghìn đồng",
        "Liên 1: lưu tại Bộ phận Một cửa",
        "Liên 2: giao người nộp hồ sơ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ):
        assert expected in text


def test_receipt_qr_code_opens_the_lookup_of_this_dossier(officer, received, base_url):
    pdf = officer.get(f"/report/pdf/motcua_dossier.report_dossier_receipt/{received['id']}").content
    [link] = qr_codes(pdf)
    parts = urlsplit(link)
    assert parts.path == "/tra-cuu-ho-so"
    # the printed link names the server's public address; open the same path and query here
    page = requests.get(f"{base_url}{parts.path}?{parts.query}", timeout=30)
    assert page.status_code == 200
    assert received["name"] in page.text
    assert "Phạm Thị Ngọc Hân" not in page.text  # the public page shows no full name
