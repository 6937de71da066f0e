"""The public page /cong-khai/chi-so shows the stored figures (not the dossiers)."""

import re

from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tools import local_now

from ..models.motcua_indicator_value import month_starts


@tagged("post_install", "-at_install")
class TestIndicatorsPublicPage(HttpCase):
    def setUp(self):
        super().setUp()
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
        response = self.url_open("/cong-khai/chi-so")
        self.assertEqual(response.status_code, 200)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))

    def test_the_page_shows_the_stored_total_and_groups(self):
        text = self.page_text()
        self.assertRegex(text, r"1 Phường Kiểm Thử 26\.00 / 38 15\.00 11\.00")
        self.assertIn("Public information and transparency", text)
        self.assertNotIn("Online public service", text.split("Last month")[0], "no value: no column")
        self.assertIn("Provisional figures", text)

    def test_verified_figures_are_not_called_provisional(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua_indicators.verified", "True")
        self.assertNotIn("Provisional figures", self.page_text())

    def test_the_results_page_links_to_the_indicators(self):
        response = self.url_open("/cong-khai")
        self.assertRegex(response.text, r'href="(/[a-z_]+)?/cong-khai/chi-so"')
