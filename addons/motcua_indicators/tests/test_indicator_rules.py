"""Rules are dated data: a version valid from a month leaves the earlier months alone; a bad
domain is refused on save, naming the field."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import IndicatorCase


@tagged("post_install", "-at_install")
class TestIndicatorRules(IndicatorCase):
    def new_version(self, **vals):
        values = {
            "group_id": self.env.ref("motcua_indicators.group_online_service").id,
            "code": "DVTT.1",
            "name": "Dossiers received online or by post",
            "points": 12,
            "date_from": date(2026, 11, 1),
            "date_field": "received_at",
            "denominator_domain": "[('state', '!=', 'draft')]",
            "numerator_domain": "[('channel', 'in', ['online', 'post'])]",
            "formula": "Dossiers received online or by post ÷ dossiers received × 12",
        }
        values.update(vals)
        return self.env["motcua.indicator"].with_user(self.admin_user).create(values)

    def test_a_new_version_applies_from_its_month_only(self):
        old = self.env.ref("motcua_indicators.indicator_received_online")
        old.with_user(self.admin_user).date_to = date(2026, 10, 31)
        new = self.new_version()
        self.env["motcua.indicator.value"]._motcua_refresh(today=date(2026, 11, 20))
        october = self.figure(self.commune_a, self.october, "DVTT.1")
        self.assertEqual(october.indicator_id, old)
        self.assertFigure(october, 2, 6, 4.0)  # online only: dossier 3 came by post
        november = self.figure(self.commune_a, self.november, "DVTT.1")
        self.assertEqual(november.indicator_id, new)
        self.assertFigure(november, 1, 1, 12.0)  # dossier 9, by post

    def test_two_versions_cannot_overlap(self):
        with self.assertRaisesRegex(ValidationError, "DVTT.1.*same time"):
            self.new_version()

    def test_a_bad_domain_names_its_field(self):
        with self.assertRaisesRegex(ValidationError, "Numerator of the indicator X.1"):
            self.new_version(code="X.1", numerator_domain="[('no_such_field', '=', 1)]")
        with self.assertRaisesRegex(ValidationError, "Denominator of the indicator X.2"):
            self.new_version(code="X.2", denominator_domain="[('state', '=', ")
        with self.assertRaisesRegex(ValidationError, "Numerator of the indicator X.3"):
            self.new_version(code="X.3", numerator_domain="__import__('os')")
        indicator = self.env.ref("motcua_indicators.indicator_settled_on_time")
        with self.assertRaisesRegex(ValidationError, "Denominator of the indicator TDGQ.1"):
            indicator.with_user(self.admin_user).denominator_domain = "[('state', 'in')]"
        self.assertEqual(indicator.denominator_domain, "[('state', 'in', ['result_ready', 'returned'])]")

    def test_an_archived_rule_gives_no_figure(self):
        self.env.ref("motcua_indicators.indicator_open_within_time").with_user(self.admin_user).active = False
        self.env["motcua.indicator.value"]._motcua_refresh(today=date(2026, 11, 20))
        self.assertFalse(
            self.env["motcua.indicator.value"].search(
                [("unit_id", "=", self.commune_a.id), ("indicator_id.code", "=", "TDGQ.2")]
            )
        )
        # the progress group's 20 points now rest on the on-time indicator: 2 of 4 = 10
        self.assertAlmostEqual(self.figure(self.commune_a, self.october, "TDGQ.1").score, 10.0)

    def test_a_rule_ending_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.new_version(code="X.4", date_to=date(2026, 10, 1))
