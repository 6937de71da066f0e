import re
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tools import local_day_start, local_now

from .common import DossierCase


@tagged("post_install", "-at_install")
class TestPublicFigures(DossierCase, HttpCase):
    """/cong-khai is served from the figures kept by motcua.public.figures, never recomputed for
    an anonymous visitor."""

    def setUp(self):
        super().setUp()
        self.Figures = self.env["motcua.public.figures"]
        self.unit_x = self.env["motcua.unit"].create({"name": "Kept commune X", "unit_type": "commune"})
        today = local_now().date()
        self.moment = local_day_start(date(today.year, today.month, 1)) + timedelta(hours=1)

    def make_dossiers(self, rows, unit=None):
        """Hand-made dossiers of this month: (state, settled?, timeliness)."""
        Dossier = self.env["motcua.dossier"]
        for state, settled, timeliness in rows:
            dossier = Dossier.create(
                {"procedure_id": self.procedure.id, "unit_id": (unit or self.unit_x).id, "applicant_name": "X"}
            )
            dossier.write(
                {
                    "name": f"KEPT-{dossier.id}",
                    "state": state,
                    "received_at": self.moment,
                    "finished_at": self.moment if settled else False,
                    "timeliness": timeliness,
                }
            )
        self.env.flush_all()

    def month_row(self, text, name):
        # the first table is this month's; its first four columns are this addon's (others add
        # theirs after, e.g. the satisfaction rate of motcua_rating)
        cells = re.search(rf"{name}</td>(.*?)</tr>", text, re.S).group(1)
        return [re.sub(r"<[^>]+>|\s+", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)][:4]

    def test_page_shows_the_kept_figures_and_when(self):
        self.make_dossiers([("returned", True, "early"), ("returned", True, "late"), ("in_progress", False, "overdue")])
        self.Figures._motcua_refresh()
        row = self.Figures.search([("key", "=", "transparency")])
        row.computed_at = datetime(2026, 12, 2, 3, 15)  # 10:15 in Viet Nam
        page = self.url_open("/cong-khai")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(self.month_row(page.text, "Kept commune X"), ["3", "2", "1", "50.0%"])
        self.assertIn("Figures as of 10:15 02/12/2026", page.text)

    def test_a_new_dossier_shows_after_the_refresh(self):
        self.make_dossiers([("returned", True, "early")])
        self.Figures._motcua_refresh()
        self.assertEqual(self.month_row(self.url_open("/cong-khai").text, "Kept commune X"), ["1", "1", "0", "100.0%"])
        cron = self.env.ref("motcua_dossier.ir_cron_public_figures")
        self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()
        # a dossier received at the desk of commune A
        dossier = self.received_dossier()
        self.env.cr.precommit.run()  # what the commit of the desk's transaction does
        # the refresh is asked for, once, within a minute...
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.assertEqual(len(triggers), 1)
        self.assertLessEqual(triggers.call_at, datetime.now() + timedelta(minutes=1, seconds=5))
        self.received_dossier()
        self.env.cr.precommit.run()
        self.assertEqual(len(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])), 1)
        # ...the page does not change before it
        self.assertNotIn(f"{self.commune_a.display_name}</td>", self.url_open("/cong-khai").text)
        self.assertTrue(dossier.received_at)
        self.Figures._cron_refresh()
        text = self.url_open("/cong-khai").text
        self.assertEqual(self.month_row(text, re.escape(self.commune_a.display_name)), ["2", "0", "0", "—"])

    def query_count(self):
        self.url_open("/cong-khai")  # warm: templates, website, translations
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open("/cong-khai").status_code, 200)
        return self.cr.sql_log_count - before

    def test_a_visit_costs_the_same_whatever_the_dossiers(self):
        self.make_dossiers([("returned", True, "early")])
        self.Figures._motcua_refresh()
        few = self.query_count()
        self.make_dossiers([("returned", True, "on_time")] * 150 + [("received", False, "within")] * 150)
        self.make_dossiers([("returned", True, "early")] * 50, unit=self.commune_b)
        self.Figures._motcua_refresh()
        many = self.query_count()
        self.assertEqual(
            self.month_row(self.url_open("/cong-khai").text, "Kept commune X"), ["301", "151", "0", "100.0%"]
        )
        self.assertEqual(few, many)
        self.assertLessEqual(many, 12)

    def test_the_page_is_rendered_once_per_version_of_the_figures(self):
        """Anonymous visitors get the page rendered once for the kept figures (one query a visit);
        new figures, another language or a changed template show at the next visit."""
        self.make_dossiers([("returned", True, "early")])
        self.Figures._motcua_refresh()
        self.url_open("/cong-khai")
        before = self.cr.sql_log_count
        page = self.url_open("/cong-khai")
        self.assertLessEqual(self.cr.sql_log_count - before, 6)
        self.assertEqual(self.month_row(page.text, "Kept commune X"), ["1", "1", "0", "100.0%"])
        self.make_dossiers([("returned", True, "late")])
        self.Figures._motcua_refresh()
        self.assertEqual(self.month_row(self.url_open("/cong-khai").text, "Kept commune X"), ["2", "2", "0", "50.0%"])
        english = self.url_open("/en/cong-khai").text
        self.assertIn("Published results of dossier processing", english)
        self.assertEqual(self.month_row(english, "Kept commune X"), ["2", "2", "0", "50.0%"])
        self.env["ir.ui.view"].create(
            {
                "name": "Transparency note (test)",
                "type": "qweb",
                "inherit_id": self.env.ref("motcua_dossier.transparency_page").id,
                "arch": '<xpath expr="//h1" position="after"><p>Test note of the province</p></xpath>',
            }
        )
        self.assertIn("Test note of the province", self.url_open("/cong-khai").text)

    def test_refresh_interval_is_a_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.motcua_public_figures_minutes, 5)
        settings.motcua_public_figures_minutes = 2
        settings.execute()
        self.assertEqual(self.env.ref("motcua_dossier.ir_cron_public_figures").interval_number, 2)

    def test_the_table_is_published_through_the_page_only(self):
        self.Figures._motcua_refresh()
        for user in (self.officer_a, self.monitor, self.portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Figures.with_user(user).search_read([], ["payload"])
