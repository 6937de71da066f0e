from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.motcua_base.tools import local_day_start, local_now

from ..models.motcua_indicator_value import month_starts


@tagged("post_install", "-at_install")
class TestIndicatorsTour(HttpCase):
    def test_a_leader_drills_down_to_the_dossiers(self):
        unit = self.env["motcua.unit"].create({"name": "Phường Chỉ Số", "unit_type": "commune"})
        procedure = self.env["motcua.procedure"].create(
            {"code": "IND.T1", "name": "Indicator tour", "duration_days": 2}
        )
        new_test_user(
            self.env, login="ind_leader", groups="motcua_base.group_unit_leader", motcua_unit_ids=[(6, 0, unit.ids)]
        )
        month = month_starts(local_now().date(), 1)[0]
        moment = local_day_start(month) + timedelta(hours=2)
        for name, timeliness in (("Đúng Hạn Một", "on_time"), ("Sớm Hạn Hai", "early"), ("Trễ Hạn Ba", "late")):
            dossier = self.env["motcua.dossier"].create(
                {"procedure_id": procedure.id, "unit_id": unit.id, "applicant_name": name}
            )
            dossier.write(
                {
                    "name": f"T-{name}",
                    "state": "returned",
                    "received_at": moment,
                    "finished_at": moment,
                    "timeliness": timeliness,
                }
            )
        self.env["motcua.indicator.value"]._motcua_refresh()
        self.start_tour("/odoo/decision-766-indicators", "motcua_indicators_tour", login="ind_leader")
