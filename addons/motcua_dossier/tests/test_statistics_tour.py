from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStatisticsTour(HttpCase):
    def test_a_figure_opens_exactly_its_dossiers(self):
        unit = self.env["motcua.unit"].create(
            {"name": "Figures commune", "unit_type": "commune", "identifier_code": "000.20.08.T98"}
        )
        procedure = self.env["motcua.procedure"].create(
            {
                "code": "FIG.0001",
                "name": "Figures procedure",
                "duration_days": 2,
                "paper_ids": [(0, 0, {"name": "Form", "mandatory": True})],
                "step_ids": [(0, 0, {"sequence": 1, "name": "Examine", "role": "specialist", "share": 100})],
            }
        )
        officer = new_test_user(
            self.env, login="fig_officer", groups="motcua_base.group_specialist", motcua_unit_ids=[(6, 0, unit.ids)]
        )
        new_test_user(
            self.env, login="fig_leader", groups="motcua_base.group_unit_leader", motcua_unit_ids=[(6, 0, unit.ids)]
        )
        now = fields.Datetime.now()
        received = now - timedelta(days=10)
        dossiers = self.env["motcua.dossier"]
        with freeze_time(received):
            for name in ("Sớm Văn Hai", "Trễ Thị Ba", "Chậm Văn Tư"):
                dossier = (
                    self.env["motcua.dossier"]
                    .with_user(officer)
                    .create({"procedure_id": procedure.id, "unit_id": unit.id, "applicant_name": name})
                )
                dossier.paper_ids.received = True
                dossier.with_context(motcua_no_notify=True).action_receive()
                dossier.with_context(motcua_no_notify=True).action_start()
                dossiers |= dossier
        early, late, overdue = dossiers
        with freeze_time(received + timedelta(minutes=30)):
            early.with_context(motcua_no_notify=True).action_handover()
        late.with_context(motcua_no_notify=True).action_handover()
        dossiers._motcua_update_timeliness(now)
        self.assertEqual(dossiers.mapped("timeliness"), ["early", "late", "overdue"])
        self.start_tour("/odoo/unit-dashboard", "motcua_dossier_statistics_tour", login="fig_leader")
