import base64
import json

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DvcqgCase


@tagged("post_install", "-at_install")
class TestMappings(DvcqgCase):
    """Administrators map procedures, states and units to the national codes and import the national
    catalogue; the codes are validated."""

    def test_national_code_is_validated(self):
        Map = self.env["motcua.dvcqg.procedure.map"].with_user(self.admin_user)
        other = self.procedure.copy({"code": "T.0002"})
        with self.assertRaisesRegex(ValidationError, r"1\.0114 is not a national procedure code"):
            Map.create({"procedure_id": other.id, "national_code": "1.0114"})
        mapping = Map.create({"procedure_id": other.id, "national_code": "2.000635.000.00.00.H59"})
        self.assertEqual(mapping.national_code, "2.000635.000.00.00.H59")
        with self.assertRaises(AccessError):
            self.env["motcua.dvcqg.procedure.map"].with_user(self.monitor).create(
                {"procedure_id": other.id, "national_code": "2.000635.000.00.00.H59"}
            )

    def test_state_and_agency_mappings_change_the_payload(self):
        self.env.ref("motcua_dvcqg.status_map_received").with_user(self.admin_user).national_status = "20"
        self.env["motcua.dvcqg.agency.map"].with_user(self.admin_user).create(
            {"unit_id": self.commune_a.id, "agency_code": "H38.22.01"}
        )
        message = self.messages(self.received_dossier())
        data = self.payload(message)
        self.assertEqual((data["TrangThaiHoSo"], data["MaDonVi"]), ("20", "H38.22.01"))

    def _import(self, content, filename):
        wizard = (
            self.env["motcua.dvcqg.catalogue.import"]
            .with_user(self.admin_user)
            .create({"file": base64.b64encode(content.encode()), "filename": filename})
        )
        wizard.action_import()
        return wizard.result

    def test_import_csv_catalogue(self):
        other = self.procedure.copy({"code": "1.000895"})
        csv_content = (
            "MaTTHC,TenTTHC,MaNoiBo\n"
            "1.000895.000.00.00.H38,Đăng ký kết hôn,\n"
            "1.011442.000.00.00.H38,Xác nhận tình trạng hôn nhân,T.0001\n"
            "1.999999.000.00.00.H38,Thủ tục không có ở đây,\n"
            "1.2.3,Mã sai,\n"
        )
        result = self._import(csv_content, "catalogue.csv")
        self.assertEqual(
            result,
            "1 mappings created, 1 updated.\n"
            "Procedures unknown here: 1.999999.000.00.00.H38 Thủ tục không có ở đây\n"
            "Rows with an invalid national code: 1.2.3",
        )
        created = self.env["motcua.dvcqg.procedure.map"].search([("procedure_id", "=", other.id)])
        self.assertEqual((created.national_code, created.national_name), ("1.000895.000.00.00.H38", "Đăng ký kết hôn"))
        self.assertEqual(self.mapping.national_name, "Xác nhận tình trạng hôn nhân")

    def test_import_json_catalogue(self):
        content = json.dumps({"data": [{"MaTTHC": "1.011443.000.00.00.H38", "TenTTHC": "Mới", "MaNoiBo": "T.0001"}]})
        self.assertEqual(self._import(content, "catalogue.json"), "0 mappings created, 1 updated.")
        self.assertEqual(self.mapping.national_code, "1.011443.000.00.00.H38")

    def test_import_rejects_a_file_without_codes(self):
        with self.assertRaisesRegex(Exception, "The catalogue has no MaTTHC column."):
            self._import("code,name\nT.0001,x\n", "wrong.csv")
