"""The leaders' figures per unit over whole days come from the daily figures, kept by the
dossiers' own writes: the same numbers as the rows, for each role, and nobody writes them."""

from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.sql_db import Cursor
from odoo.tests import tagged

from odoo.addons.motcua_base.tools import local_day_start

from ..models.motcua_dossier_statistics import DAILY_AGGREGATES
from .common import utc
from .test_statistics import NovemberCase

MEASURES = tuple(spec for spec in DAILY_AGGREGATES if spec != "dossier_count:sum")  # as the pivot asks


def normalised(groups):
    return sorted(
        (
            tuple(round(v, 6) if isinstance(v, float) else (v.ids if hasattr(v, "ids") else v) for v in g)
            for g in groups
        ),
        key=repr,
    )


@tagged("post_install", "-at_install")
class TestDailyFigures(NovemberCase):
    def setUp(self):
        super().setUp()
        self.month = [
            ("date", ">=", local_day_start(date(2026, 11, 1))),
            ("date", "<", local_day_start(date(2026, 12, 1))),
        ]

    @contextmanager
    def tables_read(self):
        """The tables named in the queries run inside the block."""
        seen = []
        original = Cursor.execute

        def spy(cursor, query, params=None, log_exceptions=True):
            seen.append(str(getattr(query, "code", query)))
            return original(cursor, query, params, log_exceptions)

        with patch.object(Cursor, "execute", spy):
            yield seen

    def both(self, user, domain, groupby, aggregates=MEASURES):
        """The figures as the leaders read them, and as the rows give them."""
        Stats = self.env["motcua.dossier.statistics"].with_user(user)
        with self.tables_read() as seen:
            kept = Stats._read_group(domain, groupby, aggregates)
        from_rows = Stats.with_context(motcua_statistics_rows=True)._read_group(domain, groupby, aggregates)
        self.assertEqual(normalised(kept), normalised(from_rows))
        return kept, any("motcua_dossier_daily_figures" in query for query in seen)

    def test_the_month_per_unit_is_read_from_the_daily_figures(self):
        kept, daily = self.both(self.monitor, self.month, ["unit_id"])
        self.assertTrue(daily, "a month per unit is read from the daily figures")
        figures = {unit: values for unit, *values in kept}
        count, received, finished, on_time, late, overdue, rate, score = figures[self.commune_a]
        self.assertEqual((count, received, finished, on_time, late, overdue), (8, 4, 4, 3, 1, 0))
        self.assertAlmostEqual(rate, 75.0)
        self.assertAlmostEqual(score, 15.0)
        self.assertEqual(figures[self.commune_b][1:3], [1, 0])
        self.assertEqual(figures[self.commune_b][5], 1, "commune B's dossier is open and overdue")
        self.assertIs(figures[self.commune_b][6], False, "nothing settled: no rate")

    def test_every_grouping_and_filter_gives_the_numbers_of_the_rows(self):
        for groupby in ([], ["kind"], ["timeliness"], ["unit_id", "kind"], ["unit_id", "timeliness"]):
            with self.subTest(groupby=groupby):
                self.assertTrue(self.both(self.monitor, self.month, groupby)[1])
        for domain in (
            [],
            [("overdue_count", "=", 1)],
            [("kind", "=", "finished"), ("timeliness", "=", "late")],
            [*self.month, ("unit_id", "child_of", self.district.id)],
            [("unit_id.name", "ilike", "commune"), ("date", ">=", local_day_start(date(2026, 11, 4)))],
        ):
            with self.subTest(domain=domain):
                self.assertTrue(self.both(self.monitor, domain, ["unit_id"])[1])
        # per procedure or field, filtered on one: from the rows, the same way
        for groupby in (["procedure_id"], ["field_id", "kind"]):
            self.assertFalse(self.both(self.monitor, self.month, groupby)[1])
        self.assertFalse(self.both(self.monitor, [("procedure_id", "=", self.procedure.id)], ["unit_id"])[1])
        # a period not made of whole local days, a date per month: from the rows
        noon = [("date", ">=", local_day_start(date(2026, 11, 3)) + timedelta(hours=12))]
        self.assertFalse(self.both(self.monitor, noon, ["unit_id"])[1])
        self.assertFalse(self.both(self.monitor, self.month, ["date:month"])[1])

    def test_a_leader_reads_the_figures_of_their_units(self):
        for leader, unit, other in (
            (self.leader_a, self.commune_a, self.commune_b),
            (self.leader_b, self.commune_b, self.commune_a),
        ):
            with self.subTest(leader=leader.login):
                kept, daily = self.both(leader, self.month, ["unit_id"])
                self.assertTrue(daily)
                self.assertIn(unit, [group[0] for group in kept])
                self.assertNotIn(other, [group[0] for group in kept])
        kept, _daily = self.both(self.district_leader, self.month, ["unit_id"])
        self.assertEqual({group[0] for group in kept}, {self.commune_a, self.commune_b})

    def test_a_narrowed_rule_is_obeyed(self):
        """An administrator who narrows the staff's rule narrows the leaders' figures too: they are
        then read from the rows, under the rule as it is."""
        rule = self.env.ref("motcua_dossier.rule_motcua_dossier_unit")
        rule.domain_force = "[('unit_id', 'child_of', user.motcua_unit_ids.ids), ('state', '!=', 'result_ready')]"
        kept, daily = self.both(self.leader_a, self.month, ["unit_id"])
        self.assertFalse(daily)
        self.assertNotIn(self.commune_a, [group[0] for group in kept], "its dossiers are all settled: none readable")

    def test_each_action_moves_the_dossier_and_a_rebuild_agrees(self):
        Daily = self.env["motcua.dossier.daily.figures"].sudo()

        def table():
            self.env.flush_all()
            self.env.cr.execute(
                "SELECT kind, date, unit_id, timeliness, overdue, row_count, received_count,"
                " finished_count, on_time_count, late_count, overdue_count FROM motcua_dossier_daily_figures"
                " WHERE row_count <> 0 ORDER BY 1, 2, 3, 4, 5"
            )
            return self.env.cr.fetchall()

        def today(user=self.monitor):
            day = [
                ("date", ">=", local_day_start(date(2026, 11, 24))),
                ("date", "<", local_day_start(date(2026, 11, 25))),
            ]
            groups = (
                self.env["motcua.dossier.statistics"]
                .with_user(user)
                ._read_group(day, ["unit_id"], ["received_count:sum", "finished_count:sum", "on_time_count:sum"])
            )
            return {unit: values for unit, *values in groups}.get(self.commune_a, [0, 0, 0])

        with freeze_time(utc(2026, 11, 24, 2, 0)):
            self.assertEqual(today(), [0, 0, 0])
            dossier = self.received_dossier()
            self.assertEqual(today(), [1, 0, 0], "received: counted at once")
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.specialist_a).action_handover()
            dossier.with_user(self.leader_a).action_handover()
            self.assertEqual(dossier.state, "result_ready")
            self.assertEqual(today(), [1, 1, 1], "settled early the same day")
            self.assertEqual(today(self.leader_a), [1, 1, 1])
        kept = table()
        Daily._motcua_rebuild()
        self.assertEqual(table(), kept)
        self.assertFalse(Daily.search([("row_count", "=", 0)]), "no empty row is left behind")

    def test_nobody_writes_the_daily_figures(self):
        Daily = self.env["motcua.dossier.daily.figures"]
        row = Daily.sudo().search([], limit=1)
        self.assertTrue(row)
        for user in (self.officer_a, self.leader_a, self.monitor, self.portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Daily.with_user(user).search_read([], ["row_count"])
                with self.assertRaises(AccessError):
                    Daily.with_user(user).formatted_read_group([], ["unit_id"], ["row_count:sum"])
                with self.assertRaises(AccessError):
                    row.with_user(user).write({"row_count": 1000})
                with self.assertRaises(AccessError):
                    Daily.with_user(user).create({"kind": "received", "date": "2026-11-01", "row_count": 9})
        self.assertTrue(Daily.with_user(self.admin_user).search_count([]))
        with self.assertRaises(AccessError):
            row.with_user(self.admin_user).write({"row_count": 1000})
        with self.assertRaises(AccessError):
            row.with_user(self.admin_user).unlink()
