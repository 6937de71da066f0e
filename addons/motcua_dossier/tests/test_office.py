"""A Vietnamese office on its first login: landing pages, demo times, wording, language,
the leaders' figures."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tests.landing import LandingCase
from odoo.addons.motcua_base.tools import working_time_label

from .common import DossierCase, enable_vietnamese, utc


@tagged("post_install", "-at_install")
class TestLanding(LandingCase):
    def test_receiving_officer_lands_on_the_desk(self):
        self.assertLandsOn("tiepnhan", "motcua_dossier.motcua_dossier_desk_action", "Một cửa: hồ sơ hôm nay")

    def test_specialist_lands_on_the_dossiers_waiting(self):
        self.assertLandsOn("chuyenvien", "motcua_dossier.motcua_dossier_specialist_action", "Hồ sơ chờ xử lý")

    def test_leader_lands_on_the_unit_dashboard(self):
        self.assertLandsOn("lanhdao", "motcua_dossier.motcua_dossier_statistics_action", "Bảng theo dõi của đơn vị")

    def test_help_menu_opens_the_guides(self):
        self.assertGuideServed("motcua_dossier.action_guide_receiving", "Một ngày ở bộ phận một cửa (cán bộ tiếp nhận)")
        self.assertGuideServed("motcua_dossier.action_guide_specialist", "Một ngày của chuyên viên xử lý")
        self.assertGuideServed(
            "motcua_dossier.action_guide_leader", "Theo dõi tỷ lệ đúng hạn (lãnh đạo đơn vị, giám sát tỉnh)"
        )

    def test_monitor_lands_on_the_province_dashboard(self):
        self.assertLandsOn(
            "giamsat", "motcua_dossier.motcua_dossier_statistics_province_action", "Bảng theo dõi toàn tỉnh"
        )


@tagged("post_install", "-at_install")
class TestDemoOffice(DossierCase):
    def test_demo_dossiers_live_in_working_hours(self):
        """Received, handed over and due in the working time of a working day, not at night."""
        demo = self.env["ir.model.data"].search(
            [("module", "=", "motcua_dossier"), ("name", "=like", "dossier_demo_%")]
        )
        dossiers = self.env["motcua.dossier"].browse(demo.mapped("res_id")).filtered("received_at")
        self.assertGreaterEqual(len(dossiers), 10)
        for dossier in dossiers:
            calendar = dossier.unit_id._get_calendar()
            moments = {"received": dossier.received_at, "due": dossier.due_at}
            moments.update({f"step {step.name}": step.done_at for step in dossier.step_ids if step.done_at})
            for what, moment in moments.items():
                local = calendar._motcua_localize(moment)
                around = calendar._motcua_work_intervals(local - timedelta(minutes=1), local + timedelta(minutes=1))
                self.assertTrue(around, f"{dossier.name}: {what} at {local:%A %d/%m %H:%M} is outside working hours")
        receipts = dossiers.mapped("received_at")
        self.assertGreater(max(receipts) - min(receipts), timedelta(days=7), "spread over the last weeks")


@tagged("post_install", "-at_install")
class TestWording(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)
        cls.env["ir.module.module"]._load_module_terms(["motcua_base"], ["vi_VN"])
        cls.one_day = cls.env["motcua.procedure"].create(
            {"code": "W.0001", "name": "Wording one day", "duration_days": 1}
        )
        cls.hours = cls.env["motcua.procedure"].create(
            {"code": "W.0002", "name": "Wording four hours", "duration_hours": 4}
        )

    def test_singular_and_plural(self):
        env = self.env(context={"lang": "en_US"})
        self.assertEqual(working_time_label(env, 1), "1 working day")
        self.assertEqual(working_time_label(env, 3), "3 working days")
        self.assertEqual(working_time_label(env, 0, 1), "1 working hour")
        self.assertEqual(working_time_label(env, 1, 4), "1 working day and 4 working hours")
        vi = self.env(context={"lang": "vi_VN"})
        self.assertEqual(working_time_label(vi, 1), "1 ngày làm việc")
        self.assertEqual(working_time_label(vi, 3), "3 ngày làm việc")
        self.assertEqual(self.one_day.with_context(lang="vi_VN").duration_label, "1 ngày làm việc")

    def test_catalogue_says_working_day_in_the_singular(self):
        self.opener.headers.update({"Accept-Language": "en-US,en;q=0.9"})  # still Vietnamese by default
        vietnamese = self.url_open(f"/thu-tuc/{self.one_day.id}").text
        self.assertIn("1 ngày làm việc", vietnamese)
        english = self.url_open(f"/en/thu-tuc/{self.one_day.id}").text
        self.assertIn("1 working day", english)
        self.assertNotIn("1 working days", english)
        self.assertIn("4 working hours", self.url_open(f"/en/thu-tuc/{self.hours.id}").text)
        listing = self.url_open("/en/thu-tuc?q=Wording").text
        self.assertIn("1 working day", listing)
        self.assertNotIn("1 days", listing)


@tagged("post_install", "-at_install")
class TestPublicLanguage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)

    def test_english_browser_gets_vietnamese_then_english_by_the_switch(self):
        self.opener.headers.update({"Accept-Language": "en-US,en;q=0.9,vi;q=0.8"})
        page = self.url_open("/tra-cuu-ho-so")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("/en/", page.url, "no redirection to the English pages")
        self.assertIn("Tra cứu tình trạng hồ sơ", page.text)
        self.assertNotIn("Look up the status of a dossier", page.text)
        english = self.url_open("/en/tra-cuu-ho-so")  # the language switch's link
        self.assertIn("Look up the status of a dossier", english.text)
        # the choice sticks (frontend_lang cookie): the next page without prefix stays English
        again = self.url_open("/tra-cuu-ho-so")
        self.assertIn("Look up the status of a dossier", again.text)


@tagged("post_install", "-at_install")
class TestLeaderStatistics(DossierCase):
    """The figures behind the leaders' dashboard (motcua.dossier.statistics)."""

    def setUp(self):
        super().setUp()
        dossiers = self.env["motcua.dossier"]
        with freeze_time(utc(2026, 11, 2, 10, 0)):
            for _i in range(3):
                dossiers |= self.received_dossier()
            dossiers.with_user(self.specialist_a).action_start()
            self.waiting_b = self.received_dossier(unit_id=self.commune_b.id, user=self.env.ref("base.user_admin"))
        for dossier, moment in zip(
            dossiers, (utc(2026, 11, 3, 10), utc(2026, 11, 4, 9), utc(2026, 11, 10, 9)), strict=True
        ):
            with freeze_time(moment):  # early, on time, late
                dossier.with_user(self.specialist_a).action_handover()  # Examine: the specialist's step
                dossier.with_user(self.leader_a).action_handover()  # Sign: the leader's step
        self.settled_a = dossiers
        self.late_a = dossiers[2]
        self.period = [("date", ">=", "2026-11-01"), ("date", "<", "2026-12-01")]

    def figures(self, user):
        Stats = self.env["motcua.dossier.statistics"].with_user(user)
        groups = Stats._read_group(
            self.period,
            ["unit_id"],
            ["received_count:sum", "finished_count:sum", "on_time_count:sum", "late_count:sum", "on_time_rate:avg"],
        )
        return {unit: values for unit, *values in groups}

    def test_rate_per_unit_and_no_rate_for_a_unit_that_settled_nothing(self):
        figures = self.figures(self.monitor)
        received, finished, on_time, late, rate = figures[self.commune_a]
        self.assertEqual((received, finished, on_time, late), (3, 3, 2, 1))
        self.assertAlmostEqual(rate, 200 / 3)
        received_b, finished_b, _on_time, _late, rate_b = figures[self.commune_b]
        self.assertEqual((received_b, finished_b), (1, 0))
        self.assertIs(rate_b, False, "a unit that settled nothing has no rate (empty), not 0.0")
        # the same figures as the public transparency page reads (for November 2026)
        lines = {
            line["unit"]: line
            for line in self.env["motcua.dossier.statistics"]
            .sudo()
            ._motcua_unit_figures(date(2026, 11, 1), date(2026, 12, 1))
        }
        self.assertEqual((lines[self.commune_a]["received"], lines[self.commune_a]["finished"]), (3, 3))
        self.assertAlmostEqual(lines[self.commune_a]["rate"], rate)
        self.assertEqual((lines[self.commune_b]["received"], lines[self.commune_b]["finished"]), (1, 0))
        self.assertIs(lines[self.commune_b]["rate"], False)

    def test_each_pivot_figure_opens_its_dossiers(self):
        """The pivot's figure of a unit, opened (the cell's group and the figure's condition, as
        static/src/js/motcua_rate.js builds it), lists exactly the dossiers it counts."""
        Stats = self.env["motcua.dossier.statistics"].with_user(self.leader_a)
        unit_a = [("unit_id", "=", self.commune_a.id)]
        expected = {
            "received_count": self.settled_a,
            "finished_count": self.settled_a,
            "on_time_count": self.settled_a[:2],
            "late_count": self.late_a,
            "overdue_count": self.env["motcua.dossier"],
        }
        [totals] = Stats._read_group(self.period + unit_a, [], [f"{m}:sum" for m in expected])
        for (measure, dossiers), figure in zip(expected.items(), totals, strict=True):
            opened = Stats.search(self.period + unit_a + [(measure, "=", 1)])
            self.assertEqual(opened.dossier_id, dossiers, measure)
            self.assertEqual(len(opened), figure, f"{measure}: the figure counts the dossiers it opens")

    def test_each_figure_opens_the_dossiers_behind_it(self):
        """A pivot cell (unit × received/settled, expanded by timeliness) lists exactly its dossiers."""
        Stats = self.env["motcua.dossier.statistics"].with_user(self.leader_a)
        unit_a = [("unit_id", "=", self.commune_a.id)]
        settled = Stats.search(self.period + unit_a + [("kind", "=", "finished")])
        self.assertEqual(settled.dossier_id, self.settled_a)
        late = Stats.search(self.period + unit_a + [("kind", "=", "finished"), ("timeliness", "=", "late")])
        self.assertEqual(late.dossier_id, self.late_a)
        cells = {
            (unit, kind, timeliness): count
            for unit, kind, timeliness, count in Stats._read_group(
                self.period, ["unit_id", "kind", "timeliness"], ["dossier_count:sum"]
            )
        }
        self.assertEqual(cells[self.commune_a, "finished", "late"], len(late))
        self.assertEqual(cells[self.commune_a, "finished", "early"], 1)
        opened = late.action_open_dossier()
        self.assertEqual((opened["res_model"], opened["res_id"]), ("motcua.dossier", self.late_a.id))
        self.assertEqual(len(Stats.search(self.period + unit_a + [("kind", "=", "received")])), 3)

    def test_leader_sees_only_the_figures_of_their_units(self):
        self.assertNotIn(self.commune_b, self.figures(self.leader_a))
        row_b = self.env["motcua.dossier.statistics"].search([("dossier_id", "=", self.waiting_b.id)])
        self.assertTrue(row_b)
        with self.assertRaises(AccessError):
            row_b.with_user(self.leader_a).read(["unit_id"])
        with self.assertRaises(AccessError):
            self.env["motcua.dossier.statistics"].with_user(self.officer_a).search([])
