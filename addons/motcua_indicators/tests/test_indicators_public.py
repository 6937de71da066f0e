"""The public page /cong-khai/chi-so shows the stored figures (not the dossiers)."""

import re

from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tools import local_now
from odoo.addons.motcua_dossier.tests.common import VIETNAMESE_BROWSER, enable_vietnamese

from ..models.motcua_indicator_value import month_starts


@tagged("post_install", "-at_install")
class TestIndicatorsPublicPage(HttpCase):
    def setUp(self):
        super().setUp()
        enable_vietnamese(self.env)  # the citizens' language, as on the demo website
        self.env["ir.module.module"]._load_module_terms(["motcua_indicators"], ["vi_VN"])
        self.month = month_starts(local_now().date(), 1)[0]
        self.unit = self.env["motcua.unit"].create({"name": "Phường Kiểm Thử", "unit_type": "commune"})
        ref = self.env.ref
        # stored figures written by hand; no dossier at all behind them
        rows = [
            ("indicator_procedure_published", 5, 6, 15.0, 15.0, 18.0),
            ("indicator_settled_on_time", 2, 4, 7.0, 7.0, 14.0),
            ("indicator_open_within_time", 2, 3, 4.0, 4.0, 6.0),
            ("indicator_received_online", 0, 0, 0.0, 0.0, 0.0),
        ]
        self.env["motcua.indicator.value"].search([("period", "=", self.month)]).unlink()
        self.env["motcua.indicator.value"].create(
            [
                {
                    "unit_id": self.unit.id,
                    "period": self.month,
                    "indicator_id": ref(f"motcua_indicators.{xmlid}").id,
                    "numerator": numerator,
                    "denominator": denominator,
                    "has_value": bool(denominator),
                    "value": value,
                    "score": score,
                    "score_max": score_max,
                }
                for xmlid, numerator, denominator, value, score, score_max in rows
            ]
        )

    def page_text(self):
        response = self.url_open("/cong-khai/chi-so", headers=VIETNAMESE_BROWSER)
        self.assertEqual(response.status_code, 200)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))

    def test_the_page_shows_the_stored_total_and_groups(self):
        text = self.page_text()
        self.assertRegex(text, r"1 Phường Kiểm Thử 26\.00 / 38 15\.00 11\.00")
        self.assertIn("Công khai, minh bạch (18) Tiến độ giải quyết (20)", text)
        self.assertNotIn("Dịch vụ công trực tuyến", text.split("Tháng trước")[0], "no value: no column")
        self.assertIn("Số liệu tạm tính", text)

    def test_verified_figures_are_not_called_provisional(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua_indicators.verified", "True")
        self.assertNotIn("Số liệu tạm tính", self.page_text())

    def test_the_results_page_links_to_the_indicators(self):
        response = self.url_open("/cong-khai", headers=VIETNAMESE_BROWSER)
        self.assertRegex(response.text, r'href="(/[a-z_]+)?/cong-khai/chi-so">Chỉ số chất lượng phục vụ')
