import base64
import json
import time
from http.server import BaseHTTPRequestHandler

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import NATIONAL_CODE, DvcqgCase, closed_port

MARRIAGE_CODE = "1.008888.000.00.00.H38"


def catalogue(fee="15000"):
    """The two pages of the national catalogue: the test procedure (fee as given) and one new here."""
    return [
        {
            "data": [
                {
                    "MaTTHC": NATIONAL_CODE,
                    "TenTTHC": "Xác nhận tình trạng hôn nhân",
                    "MaNoiBo": "T.0001",
                    "LinhVuc": "Test field",
                    "CapThucHien": "Cấp Xã",
                    "ThoiHanGiaiQuyet": "2",
                    "LePhi": fee,
                    "Phi": "5000",
                }
            ],
            "page": 1,
            "pages": 2,
        },
        {
            "data": [
                {
                    "MaTTHC": MARRIAGE_CODE,
                    "TenTTHC": "Đăng ký kết hôn lưu động",
                    "LinhVuc": "Hộ tịch thử nghiệm",
                    "CapThucHien": "Cấp Xã",
                    "ThoiHanGiaiQuyet": "5",
                    "LePhi": "0",
                    "KetQuaThucHien": "Giấy chứng nhận kết hôn",
                }
            ],
            "page": 2,
            "pages": 2,
        },
    ]


class Catalogue(BaseHTTPRequestHandler):
    """A local LayDanhSachTTHC: answers the page asked for from ``pages``, or as ``scenario`` says:
    error (500), timeout (answers after the client gave up), html (a 200 that is not JSON)."""

    pages = []
    scenario = "ok"
    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        Catalogue.requests.append({"path": self.path, "json": body, "auth": self.headers.get("Authorization")})
        status, content = 200, json.dumps(Catalogue.pages[body["page"] - 1]).encode()
        if Catalogue.scenario == "error":
            status, content = 503, b'{"message": "LGSP bao tri"}'
        elif Catalogue.scenario == "html":
            content = b"<html><body>Gateway login</body></html>"
        elif Catalogue.scenario == "timeout":
            time.sleep(11)  # longer than the client waits (Odoo's tests raise any timeout to 10 s)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(content)
        except OSError:  # the client gave up
            self.close_connection = True

    def log_message(self, *args):
        return


@tagged("post_install", "-at_install")
class TestCatalogueEndpoint(DvcqgCase):
    """The national catalogue read from the national portal's service (a real local server) creates
    and updates procedures through the file import's code, keeping versions; a bad answer changes
    nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalogue_server = cls.serve(Catalogue)
        cls.env["ir.config_parameter"].sudo().set_param(
            "motcua_dvcqg.catalogue_url", f"http://127.0.0.1:{cls.catalogue_server.server_port}/lgsp/LayDanhSachTTHC"
        )
        cls.Procedure = cls.env["motcua.procedure"].with_context(active_test=False)

    def setUp(self):
        super().setUp()
        Catalogue.pages = catalogue()
        Catalogue.scenario = "ok"
        Catalogue.requests = []

    def import_endpoint(self, user=None):
        wizard = self.env["motcua.dvcqg.catalogue.import"].with_user(user or self.admin_user).create({})
        wizard.action_import_endpoint()
        return wizard.result

    def test_import_creates_then_versions_then_changes_nothing(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        civil_status = self.env["motcua.procedure.field"].create({"name": "Test civil status"})
        civil_status.update_field_translations("name", {"vi_VN": "Hộ tịch thử nghiệm"})
        self.assertEqual(
            self.import_endpoint(),
            "1 mappings created, 1 updated.\nProcedures: 1 created, 0 new versions, 0 updated, 1 unchanged.",
        )
        self.assertEqual(
            [r["json"] for r in Catalogue.requests], [{"service": "LayDanhSachTTHC", "page": n} for n in (1, 2)]
        )
        self.assertEqual({r["path"] for r in Catalogue.requests}, {"/lgsp/LayDanhSachTTHC"})
        self.assertEqual(Catalogue.requests[0]["auth"], "Basic " + base64.b64encode(b"lgsp-user:s3cret-pass").decode())
        marriage = self.Procedure.search([("code", "=", "1.008888")])
        self.assertEqual(
            (
                marriage.name,
                marriage.level,
                marriage.duration_days,
                marriage.fee,
                marriage.result_paper,
                marriage.version,
            ),
            ("Đăng ký kết hôn lưu động", "commune", 5, 0, "Giấy chứng nhận kết hôn", 1),
        )
        self.assertEqual(marriage.field_id, civil_status, "the field is found by its Vietnamese name")
        self.assertEqual(self.env["motcua.dvcqg.procedure.map"]._motcua_code_of(marriage), MARRIAGE_CODE)
        self.assertEqual(self.mapping.national_name, "Xác nhận tình trạng hôn nhân")

        with freeze_time("2026-12-07 03:00:00"):
            dossier = self.received_dossier()
        Catalogue.pages = catalogue(fee="20000")
        self.assertEqual(
            self.import_endpoint(),
            "0 mappings created, 0 updated.\nProcedures: 0 created, 1 new versions, 0 updated, 1 unchanged.",
        )
        self.assertEqual((self.procedure.version, self.procedure.fee), (2, 20000))
        self.assertEqual(
            (dossier.procedure_id.version, dossier.procedure_id.fee, dossier.procedure_id.current_id),
            (1, 15000, self.procedure),
            "the dossier keeps the rules it was received under",
        )

        self.assertEqual(
            self.import_endpoint(),
            "0 mappings created, 0 updated.\nProcedures: 0 created, 0 new versions, 0 updated, 2 unchanged.",
        )
        self.assertEqual(len(self.Procedure.search([("code", "=", "T.0001")])), 2, "no third version")
        self.assertEqual(len(self.Procedure.search([("code", "=", "1.008888")])), 1)

    def test_a_procedure_without_dossiers_is_updated_in_place(self):
        Catalogue.pages = catalogue(fee="18000")
        self.assertIn("0 new versions, 1 updated", self.import_endpoint())
        self.assertEqual((self.procedure.version, self.procedure.fee), (1, 18000))

    def assert_nothing_changed(self):
        self.assertEqual(self.Procedure.search_count([("code", "in", ["T.0001", "1.008888"])]), 1)
        self.assertEqual((self.procedure.version, self.procedure.fee), (1, 15000))
        self.assertFalse(self.mapping.national_name)

    def test_a_bad_answer_is_a_clear_error_and_changes_nothing(self):
        bad_fee = catalogue()
        bad_fee[1]["data"][0]["LePhi"] = "năm mươi nghìn"
        not_a_list = catalogue()
        not_a_list[1] = {"data": "1.008888.000.00.00.H38", "pages": 2}
        cases = [
            ("error", None, r"The national catalogue answered 503: .*LGSP bao tri"),
            ("html", None, "The national catalogue's answer is not JSON: <html>"),
            ("ok", bad_fee, "The catalogue row 1.008888.000.00.00.H38 has an invalid LePhi: năm mươi nghìn."),
            ("ok", not_a_list, "The catalogue must be a list of procedures."),
        ]
        for scenario, pages, message in cases:
            with self.subTest(scenario=scenario, message=message):
                Catalogue.scenario = scenario
                Catalogue.pages = pages or catalogue(fee="99000")
                with self.assertRaisesRegex(UserError, message):
                    self.import_endpoint()
                self.assert_nothing_changed()

    def test_a_timeout_is_a_clear_error_and_the_cron_leaves_everything(self):
        Catalogue.scenario = "timeout"
        Catalogue.pages = catalogue(fee="99000")
        self.assertFalse(self.env["motcua.dvcqg.catalogue"]._cron_import(), "the scheduled import logs the failure")
        self.assert_nothing_changed()
        Catalogue.scenario = "ok"
        self.assertEqual(
            self.env["motcua.dvcqg.catalogue"]._cron_import(),
            "1 mappings created, 1 updated.\nProcedures: 1 created, 0 new versions, 1 updated, 0 unchanged.",
        )
        self.assertEqual(self.procedure.fee, 99000)

    def test_an_unreachable_endpoint_is_a_clear_error(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "motcua_dvcqg.catalogue_url", f"http://127.0.0.1:{closed_port()}/x"
        )
        with self.assertRaisesRegex(UserError, "^The national catalogue cannot be reached: Connection refused$"):
            self.import_endpoint()
        self.assert_nothing_changed()

    def test_without_an_endpoint_the_administrator_is_told(self):
        param = self.env["ir.config_parameter"].sudo().set_param
        param("motcua_dvcqg.catalogue_url", False)
        param("motcua_dvcqg.url", False)
        with self.assertRaisesRegex(UserError, "No national portal endpoint is configured"):
            self.import_endpoint()

    def test_the_endpoint_defaults_to_the_service_under_the_portal_url(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua_dvcqg.catalogue_url", False)
        self.env["ir.config_parameter"].sudo().set_param(
            "motcua_dvcqg.url", f"http://127.0.0.1:{self.catalogue_server.server_port}/dvcqg/"
        )
        self.import_endpoint()
        self.assertEqual({r["path"] for r in Catalogue.requests}, {"/dvcqg/LayDanhSachTTHC"})

    def test_only_administrators_import_and_only_system_reads_the_credentials(self):
        for user in (self.monitor, self.officer_a, self.portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.import_endpoint(user)
        self.assertFalse(Catalogue.requests)
        Param = self.env["ir.config_parameter"]
        for user in (self.admin_user, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Param.with_user(user).search_read([("key", "like", "motcua_dvcqg.")], ["value"])
        settings_fields = self.env["res.config.settings"].with_user(self.admin_user).fields_get()
        self.assertNotIn("motcua_dvcqg_password", settings_fields)
        self.assertNotIn("motcua_dvcqg_catalogue_url", settings_fields)
