from freezegun import freeze_time

from odoo.tests import tagged

from .common import DossierCase, utc


@tagged("post_install", "-at_install")
class TestDashboard(DossierCase):
    def test_on_time_rate_and_score(self):
        dossiers = self.env["motcua.dossier"]
        with freeze_time(utc(2026, 11, 2, 10, 0)):
            for _i in range(4):
                dossiers |= self.received_dossier()
            dossiers.with_user(self.specialist_a).action_start()
        with freeze_time(utc(2026, 11, 3, 10, 0)):  # early
            dossiers[:2].with_user(self.specialist_a).action_handover()
            dossiers[:2].with_user(self.leader_a).action_handover()
        with freeze_time(utc(2026, 11, 4, 9, 0)):  # on time
            dossiers[2].with_user(self.specialist_a).action_handover()
            dossiers[2].with_user(self.leader_a).action_handover()
        with freeze_time(utc(2026, 11, 10, 9, 0)):  # late
            dossiers[3].with_user(self.specialist_a).action_handover()
            dossiers[3].with_user(self.leader_a).action_handover()
        overdue = None
        with freeze_time(utc(2026, 11, 2, 10, 0)):
            overdue = self.received_dossier(unit_id=self.commune_b.id, user=self.env.ref("base.user_admin"))
        with freeze_time(utc(2026, 11, 20, 10, 0)):
            self.env["motcua.dossier"]._cron_refresh_timeliness()
            dashboard = (
                self.env["motcua.dossier.dashboard"]
                .with_user(self.monitor)
                .create({"period": "month", "date": "2026-11-15"})
            )
            dashboard.action_refresh()
        line_a = dashboard.line_ids.filtered(lambda line: line.unit_id == self.commune_a)
        self.assertEqual(line_a.received, 4)
        self.assertEqual(line_a.finished, 4)
        self.assertEqual((line_a.early, line_a.on_time, line_a.late), (2, 1, 1))
        self.assertAlmostEqual(line_a.rate, 75.0)
        self.assertAlmostEqual(line_a.score, 15.0)
        line_b = dashboard.line_ids.filtered(lambda line: line.unit_id == self.commune_b)
        self.assertEqual(line_b.overdue, 1)
        action = line_b.action_open_overdue()
        self.assertEqual(self.env["motcua.dossier"].search(action["domain"]), overdue)
        # a unit leader only sees their own unit tree
        with freeze_time(utc(2026, 11, 20, 10, 0)):
            leader_dashboard = (
                self.env["motcua.dossier.dashboard"]
                .with_user(self.leader_a)
                .create({"period": "quarter", "date": "2026-11-15"})
            )
            leader_dashboard.action_refresh()
        self.assertIn(self.commune_a, leader_dashboard.line_ids.unit_id)
        self.assertNotIn(self.commune_b, leader_dashboard.line_ids.unit_id)
