from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRateLimit(TransactionCase):
    def test_ten_failures_in_ten_minutes_then_free_again(self):
        Limit = self.env["motcua.rate.limit"]
        now = fields.Datetime.now()
        with freeze_time(now):
            for _i in range(9):
                Limit._record_failure("test_lookup", "10.0.0.1")
            self.assertFalse(Limit._is_limited("test_lookup", "10.0.0.1"))
            Limit._record_failure("test_lookup", "10.0.0.1")
            self.assertTrue(Limit._is_limited("test_lookup", "10.0.0.1"))
            # another address and another route are not affected
            self.assertFalse(Limit._is_limited("test_lookup", "10.0.0.2"))
            self.assertFalse(Limit._is_limited("other_route", "10.0.0.1"))
        with freeze_time(now + timedelta(minutes=11)):
            self.assertFalse(Limit._is_limited("test_lookup", "10.0.0.1"))

    def test_limit_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("motcua.rate_limit.strict.limit", 2)
        Limit = self.env["motcua.rate.limit"]
        Limit._record_failure("strict", "10.0.0.3")
        self.assertFalse(Limit._is_limited("strict", "10.0.0.3"))
        Limit._record_failure("strict", "10.0.0.3")
        self.assertTrue(Limit._is_limited("strict", "10.0.0.3"))

    def test_staff_cannot_read_client_addresses(self):
        officer = new_test_user(self.env, login="motcua_rl_officer", groups="motcua_base.group_unit_leader")
        with self.assertRaises(AccessError):
            self.env["motcua.rate.limit"].with_user(officer).search([])
