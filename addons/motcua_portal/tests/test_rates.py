import json
import re
from contextlib import contextmanager

from odoo import fields
from odoo.sql_db import Cursor
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from odoo.addons.motcua_base.tools import local_day_start
from odoo.addons.motcua_dossier.models.motcua_dossier_statistics import PERIODS, period_range
from odoo.addons.motcua_dossier.models.motcua_public_figures import TRANSPARENCY
from odoo.addons.motcua_dossier.tests.common import VIETNAMESE_BROWSER

from .common import PortalCommon

DOSSIER_TABLES = re.compile(r"\bmotcua_dossier\w*")  # the dossiers, their steps, papers, statistics views
SETTINGS_TABLES = {"motcua_dossier_code_pattern"}  # a unit's configuration, not dossiers


@contextmanager
def sql_spy():
    """Every SQL statement run meanwhile, on any cursor (the HTTP request's test cursor too)."""
    statements, execute = [], Cursor.execute

    def spy(cr, query, params=None, log_exceptions=True):
        statements.append(query.code if isinstance(query, SQL) else str(query))
        return execute(cr, query, params, log_exceptions)

    Cursor.execute = spy
    try:
        yield statements
    finally:
        Cursor.execute = execute


@tagged("post_install", "-at_install")
class TestRates(PortalCommon, HttpCase):
    """The on-time rates of the unit sites and of the provincial portal: those of the leaders'
    report, read from the kept published figures, refreshed by the cron (or the trigger the dossier
    events set), never computed for a visitor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure = cls.env["motcua.procedure"].create(
            {"code": "T.RATES.1", "name": "Chứng thực chữ ký", "level": "commune", "duration_days": 1}
        )
        cls.Figures = cls.env["motcua.public.figures"]

    def _settled(self, unit, timeliness, **vals):
        now = fields.Datetime.now()
        dossier = self.env["motcua.dossier"].create(
            {"procedure_id": self.procedure.id, "unit_id": unit.id, "applicant_name": "Nguyễn Văn An", **vals}
        )
        dossier.write(
            {
                "name": f"T-RATES-{dossier.id}",
                "state": "returned",
                "received_at": now,
                "finished_at": now,
                "timeliness": timeliness,
            }
        )
        dossier.flush_recordset()
        return dossier

    def _page(self, path):
        response = self.url_open(path, allow_redirects=False, headers=VIETNAMESE_BROWSER)
        self.assertEqual(response.status_code, 200, f"{path}: {response.text[:500]}")
        return response.text

    def _reference(self, units=None):
        """The rate as the leaders' report computes it over the dossiers: (settled, rate or None)."""
        Statistics = self.env["motcua.dossier.statistics"].sudo()
        today = self.Figures._motcua_published(TRANSPARENCY)[0]["today"]
        result = {}
        for period in PERIODS:
            start, end = period_range(period, today)
            domain = [("kind", "=", "finished"), ("date", ">=", local_day_start(start))]
            domain += [("date", "<", local_day_start(end))]
            if units is not None:
                domain.append(("unit_id", "child_of", units.ids))
            [(finished, rate)] = Statistics._read_group(domain, [], ["__count", "on_time_rate:avg"])
            result[period] = (finished, rate if finished else None)
        return result

    def test_rates_follow_the_refresh_not_the_request(self):
        for timeliness in ("on_time", "early", "on_time", "late"):
            self._settled(self.desk_a, timeliness)
        self.Figures._motcua_refresh()
        html = self._page("/don-vi/commune-a")
        self.assertEqual(len(re.findall(r"75,0\s?%", html)), 3, "month, quarter and year, with the desk's dossiers")
        # commune B settled nothing: it has no rate, not 0 %
        html_b = self._page("/don-vi/commune-b")
        self.assertNotRegex(html_b, r"\d,\d\s?%")
        self.assertIn("—", html_b)
        # a fifth dossier, late: the page keeps the kept figures until they are refreshed
        self._settled(self.commune_a, "late")
        self.assertEqual(len(re.findall(r"75,0\s?%", self._page("/don-vi/commune-a"))), 3)
        cron = self.env.ref("motcua_dossier.ir_cron_public_figures")
        self.assertTrue(
            self.env["ir.cron.trigger"].sudo().search_count([("cron_id", "=", cron.id)]),
            "settling a dossier asks for a refresh",
        )
        self.Figures._cron_refresh()
        html = self._page("/don-vi/commune-a")
        self.assertEqual(len(re.findall(r"60,0\s?%", html)), 3, html)
        self.assertNotRegex(html, r"75,0\s?%")

    def test_rates_are_those_of_the_leaders_report(self):
        for unit, mix in (
            (self.desk_a, ("on_time", "early", "late")),
            (self.commune_a, ("early",)),
            (self.office_a, ("late", "late", "on_time")),
            (self.commune_b, ("early", "on_time", "on_time", "on_time", "late", "late", "late")),
            (self.department, ("late",)),
        ):
            for timeliness in mix:
                self._settled(unit, timeliness)
        self.Figures._motcua_refresh()
        for units in (
            None,
            self.province,
            self.district,
            self.commune_a,
            self.commune_b,
            self.desk_a,
            self.department,
            self.other_district,
        ):
            reference = self._reference(units)
            for line in self.Figures._motcua_site_rates(units):
                finished, rate = reference[line["period"]]
                name = units.name if units is not None else "province"
                self.assertEqual(line["finished"], finished, f"{name}, {line['period']}")
                self.assertEqual(line["rate"], rate, f"{name}, {line['period']}")
        # as printed: commune A with its desk and office 4 of 7, the province 9 of 15
        html = self._page("/don-vi/commune-a")
        self.assertEqual(len(re.findall(r"57,1\s?%", html)), 3, html)

    def test_public_pages_do_not_read_the_dossiers(self):
        self._settled(self.desk_a, "on_time")
        self.Figures._motcua_refresh()
        self._page("/don-vi/commune-a")  # warm: templates, routing, translations
        self._page("/cong-thong-tin")
        for path in ("/don-vi/commune-a", "/cong-thong-tin"):
            with sql_spy() as statements:
                html = self._page(path)
            self.assertIn("100,0", html)
            self.assertTrue(any("motcua_public_figures" in sql for sql in statements), "the spy sees the request")
            read = sorted({table for sql in statements for table in DOSSIER_TABLES.findall(sql)} - SETTINGS_TABLES)
            self.assertFalse(read, f"{path} reads {read}")

    def test_kept_figures_hold_nothing_private(self):
        dossier = self._settled(
            self.desk_a,
            "late",
            applicant_id_number="079201001234",
            applicant_phone="0909123456",
            applicant_address="12 Đường Bí Mật, Phường A",
            applicant_email="an.nguyen@example.com",
        )
        self.Figures._motcua_refresh()
        row = self.Figures.sudo().search([("key", "=", TRANSPARENCY)])
        payload = json.dumps(row.payload, ensure_ascii=False)
        for secret in (dossier.name, "Nguyễn Văn An", "079201001234", "0909123456", "Bí Mật", "an.nguyen@"):
            self.assertNotIn(secret, payload)
        models = set(re.findall(r'"__records__": "([^"]+)"', payload))
        self.assertEqual(models, {"motcua.unit"}, "only units are referred to")
        html = self._page("/don-vi/commune-a") + self._page("/cong-thong-tin")
        for secret in (dossier.name, "Nguyễn Văn An", "079201001234", "0909123456", "Bí Mật", "an.nguyen@"):
            self.assertNotIn(secret, html)
