"""Who sees which figures, who may change the rules, and what a drill-down opens."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import IndicatorCase


@tagged("post_install", "-at_install")
class TestIndicatorSecurity(IndicatorCase):
    def units_seen(self, user):
        return self.env["motcua.indicator.value"].with_user(user).search([]).unit_id

    def test_a_leader_sees_the_figures_of_their_units_only(self):
        Value = self.env["motcua.indicator.value"].with_user(self.leader_b)
        self.assertIn(self.commune_b, self.units_seen(self.leader_b))
        self.assertNotIn(self.commune_a, self.units_seen(self.leader_b))
        # every read path
        self.assertFalse(Value.search_read([("unit_id", "=", self.commune_a.id)], ["numerator"]))
        self.assertFalse(Value.search_count([("unit_id.name", "=", "Commune A")]))
        groups = Value.formatted_read_group([], ["unit_id"], ["numerator:sum"])
        self.assertNotIn(self.commune_a.id, [group["unit_id"][0] for group in groups])
        self.assertFalse([row for row in Value.name_search("Dossiers") if row[0] in self.commune_a_value_ids()])
        with self.assertRaises(UserError):  # leaders do not export (base.group_allow_export)
            Value.search([]).export_data(["unit_id/name"])
        self.leader_b.group_ids += self.env.ref("base.group_allow_export")
        self.assertNotIn(["Commune A"], Value.search([]).export_data(["unit_id/name"])["datas"])
        with self.assertRaises(AccessError):
            Value.browse(self.commune_a_value_ids()).read(["numerator"])
        # the district leader sees both communes below the district
        self.assertLessEqual(self.commune_a | self.commune_b, self.units_seen(self.district_leader))
        self.assertLessEqual(self.commune_a | self.commune_b, self.units_seen(self.monitor))

    def commune_a_value_ids(self):
        return self.env["motcua.indicator.value"].search([("unit_id", "=", self.commune_a.id)]).ids

    def test_staff_without_a_leader_role_see_no_figure(self):
        for user in (self.specialist_a, self.officer_a, self.internal, self.portal):
            with self.assertRaises(AccessError):
                self.env["motcua.indicator.value"].with_user(user).search_read([], ["value"])

    def test_nobody_writes_the_figures_over_rpc(self):
        value = self.figure(self.commune_a, self.october, "TDGQ.1", user=self.leader_a)
        for user in (self.leader_a, self.monitor, self.admin_user):
            with self.assertRaises(AccessError):
                value.with_user(user).write({"value": 20.0, "numerator": 4})
            with self.assertRaises(AccessError):
                value.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["motcua.indicator.value"].with_user(user).create(
                    {"unit_id": self.commune_a.id, "period": self.november, "indicator_id": value.indicator_id.id}
                )
        self.assertEqual((value.numerator, value.value), (2, 7.0))

    def test_only_administrators_change_the_rules(self):
        indicator = self.env.ref("motcua_indicators.indicator_settled_on_time")
        group = self.env.ref("motcua_indicators.group_progress")
        for user in (self.leader_a, self.monitor):
            self.assertEqual(indicator.with_user(user).points, 14.0)  # they read the rules
            with self.assertRaises(AccessError):
                indicator.with_user(user).write({"numerator_domain": "[]"})
            with self.assertRaises(AccessError):
                group.with_user(user).write({"points": 40})
            with self.assertRaises(AccessError):
                indicator.with_user(user).copy({"date_from": "2030-01-01"})
            with self.assertRaises(AccessError):
                self.env["motcua.indicator.value"].with_user(user).action_motcua_refresh()
        indicator.with_user(self.admin_user).source = "Decision 766/QĐ-TTg, appendix I — verified"
        self.env["motcua.indicator.value"].with_user(self.admin_user).action_motcua_refresh()

    def test_drill_down_opens_exactly_the_dossiers_counted(self):
        value = self.figure(self.commune_a, self.october, "TDGQ.1", user=self.leader_a)
        Dossier = self.env["motcua.dossier"].with_user(self.leader_a)
        counted = Dossier.search(value.action_open_numerator()["domain"])
        self.assertEqual(counted.mapped("applicant_name"), ["Người nộp 2", "Người nộp 1"])
        settled = Dossier.search(value.action_open_denominator()["domain"])
        self.assertEqual(
            sorted(settled.mapped("applicant_name")), ["Người nộp 1", "Người nộp 2", "Người nộp 3", "Người nộp 8"]
        )
        online = self.figure(self.commune_a, self.october, "DVTT.1", user=self.leader_a)
        self.assertEqual(
            sorted(Dossier.search(online.action_open_numerator()["domain"]).mapped("applicant_name")),
            ["Người nộp 2", "Người nộp 4"],
        )
        published = self.figure(self.commune_a, self.october, "CKMB.1", user=self.leader_a)
        self.assertEqual(Dossier.search_count(published.action_open_numerator()["domain"]), 5)
        # leader B cannot open A's figure
        with self.assertRaises(AccessError):
            value.with_user(self.leader_b).action_open_numerator()
