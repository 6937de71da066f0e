"""The leaders' figures and the public results page: one report model (motcua.dossier.statistics)."""

import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.motcua_base.tools import local_day_start, local_now

from ..models.motcua_dossier_statistics import period_range
from .common import MONITOR, DossierCase, utc


class NovemberCase(DossierCase):
    """November 2026 at commune A: four dossiers settled early, early, on time and late; commune
    B: one dossier open and overdue."""

    def setUp(self):
        super().setUp()
        dossiers = self.env["motcua.dossier"]
        with freeze_time(utc(2026, 11, 2, 10, 0)):
            for _i in range(4):
                dossiers |= self.received_dossier()
            dossiers.with_user(self.specialist_a).action_start()
        for dossier, moment in zip(
            dossiers,
            (utc(2026, 11, 3, 10), utc(2026, 11, 3, 10), utc(2026, 11, 4, 9), utc(2026, 11, 10, 9)),
            strict=True,
        ):
            with freeze_time(moment):  # early, early, on time, late
                dossier.with_user(self.specialist_a).action_handover()
                dossier.with_user(self.leader_a).action_handover()
        with freeze_time(utc(2026, 11, 2, 10, 0)):
            self.overdue = self.received_dossier(unit_id=self.commune_b.id, user=self.env.ref("base.user_admin"))
        with freeze_time(utc(2026, 11, 20, 10, 0)):
            self.env["motcua.dossier"]._cron_refresh_timeliness()


@tagged("post_install", "-at_install")
class TestStatisticsPeriods(NovemberCase):
    """Decision 766: on-time rate and score per unit for a month or a quarter."""

    def figures(self, user, start, end):
        Stats = self.env["motcua.dossier.statistics"].with_user(user)
        period = [("date", ">=", local_day_start(start)), ("date", "<", local_day_start(end))]
        measures = ["received_count", "finished_count", "on_time_count", "late_count", "on_time_rate", "score_766"]
        return {
            unit: values
            for unit, *values in Stats._read_group(
                period, ["unit_id"], [f"{m}:{'avg' if m in ('on_time_rate', 'score_766') else 'sum'}" for m in measures]
            )
        }

    def test_on_time_rate_and_score_of_a_month(self):
        figures = self.figures(self.monitor, date(2026, 11, 1), date(2026, 12, 1))
        received, finished, on_time, late, rate, score = figures[self.commune_a]
        self.assertEqual((received, finished, on_time, late), (4, 4, 3, 1))
        self.assertAlmostEqual(rate, 75.0)
        self.assertAlmostEqual(score, 15.0, msg="75 % of the 20 points of Decision 766")
        # the points are a setting
        self.env["ir.config_parameter"].sudo().set_param("motcua_dossier.score_766_points", "10")
        self.env.flush_all()  # the score reads the parameter in SQL
        self.assertAlmostEqual(self.figures(self.monitor, date(2026, 11, 1), date(2026, 12, 1))[self.commune_a][5], 7.5)
        # commune B settled nothing: no rate and no score; its open dossier is overdue
        self.assertEqual(figures[self.commune_b][:2], [1, 0])
        self.assertIs(figures[self.commune_b][4], False)
        opened = (
            self.env["motcua.dossier.statistics"]
            .with_user(self.monitor)
            .search([("unit_id", "=", self.commune_b.id), ("overdue_count", "=", 1)])
        )
        self.assertEqual(opened.dossier_id, self.overdue)

    def test_a_leader_sees_the_quarter_of_their_units_only(self):
        figures = self.figures(self.leader_a, date(2026, 10, 1), date(2027, 1, 1))
        self.assertEqual(figures[self.commune_a][:2], [4, 4])
        self.assertNotIn(self.commune_b, figures)

    def test_the_leaders_menu_opens_the_report(self):
        action = self.env.ref("motcua_dossier.menu_dossier_dashboard").action
        self.assertEqual(action.res_model, "motcua.dossier.statistics")
        self.assertIn("score_766", action.view_id.arch)
        self.assertNotIn("motcua.dossier.dashboard", self.env)


@tagged("post_install", "-at_install")
class TestPublicFiguresAgree(HttpCase):
    """The public page /cong-khai and the leaders' report give the same figures."""

    def test_page_and_report_agree(self):
        Dossier = self.env["motcua.dossier"]
        unit_x = self.env["motcua.unit"].create({"name": "Figures commune X", "unit_type": "commune"})
        unit_y = self.env["motcua.unit"].create({"name": "Figures commune Y", "unit_type": "commune"})
        procedure = self.env["motcua.procedure"].create(
            {"code": "AGR.0001", "name": "Agreed figures", "duration_days": 1}
        )
        today = local_now().date()
        month_start = local_day_start(date(today.year, today.month, 1))
        moment = month_start + timedelta(hours=1)  # in this (local) month
        last_year = month_start - timedelta(days=400)
        # hand-made dossiers: (unit, state, received, settled, timeliness)
        rows = [
            (unit_x, "returned", moment, moment, "early"),
            (unit_x, "result_ready", moment, moment, "on_time"),
            (unit_x, "returned", moment, moment, "late"),
            (unit_x, "in_progress", moment, False, "overdue"),
            (unit_y, "received", moment, False, "within"),
            (unit_y, "in_progress", last_year, False, "overdue"),  # overdue now, received long ago
            (unit_y, "refused", moment - timedelta(days=400), False, False),
        ]
        for index, (unit, state, received_at, finished_at, timeliness) in enumerate(rows):
            dossier = Dossier.create({"procedure_id": procedure.id, "unit_id": unit.id, "applicant_name": "X"})
            dossier.write(
                {
                    "name": f"AGR-{index}",
                    "state": state,
                    "received_at": received_at,
                    "finished_at": finished_at,
                    "timeliness": timeliness,
                }
            )
        self.env.flush_all()

        self.env["motcua.public.figures"]._motcua_refresh()  # what the cron keeps
        page = self.url_open("/cong-khai")
        self.assertEqual(page.status_code, 200)

        def month_row(name):
            # the first table is this month's; its first four columns are this addon's (others add
            # theirs after, e.g. the satisfaction rate of motcua_rating)
            cells = re.search(rf"{name}</td>(.*?)</tr>", page.text, re.S).group(1)
            return [re.sub(r"<[^>]+>|\s+", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)][:4]

        self.assertEqual(month_row("Figures commune X"), ["4", "3", "1", "66.7%"])
        self.assertEqual(month_row("Figures commune Y"), ["1", "0", "1", "—"])

        monitor = new_test_user(self.env, login="agr_monitor", groups=MONITOR)
        Stats = self.env["motcua.dossier.statistics"].with_user(monitor)
        units = [("unit_id", "in", (unit_x | unit_y).ids)]
        this_month = [("date", ">=", month_start), ("date", "<", local_day_start(period_range("month", today)[1]))]
        figures = {
            unit: values
            for unit, *values in Stats._read_group(
                units + this_month, ["unit_id"], ["received_count:sum", "finished_count:sum", "on_time_rate:avg"]
            )
        }
        overdue = dict(Stats._read_group(units + [("overdue_count", "=", 1)], ["unit_id"], ["overdue_count:sum"]))
        self.assertEqual(figures[unit_x][:2], [4, 3])
        self.assertAlmostEqual(figures[unit_x][2], 200 / 3)
        self.assertEqual(figures[unit_y], [1, 0, False])
        self.assertEqual(overdue, {unit_x: 1, unit_y: 1})
