from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import config

from ..models.motcua_rate_limit import client_address


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


@tagged("post_install", "-at_install")
class TestRateLimitAttempts(TransactionCase):
    def test_attempts_are_counted_before_the_answer(self):
        Limit = self.env["motcua.rate.limit"]
        self.env["ir.config_parameter"].set_param("motcua.rate_limit.burst.limit", 3)
        attempts = [Limit._attempt("burst", "10.0.0.9") for _i in range(5)]
        # the check and the count are one step: a fourth concurrent guess is refused before it is tried
        self.assertEqual([bool(a) for a in attempts], [True, True, True, False, False])
        self.assertTrue(Limit._is_limited("burst", "10.0.0.9"))

    def test_a_right_answer_is_not_a_failure(self):
        Limit = self.env["motcua.rate.limit"]
        self.env["ir.config_parameter"].set_param("motcua.rate_limit.ok.limit", 2)
        for _i in range(5):
            attempt = Limit._attempt("ok", "10.0.0.8")
            self.assertTrue(attempt)
            attempt._succeeded()
        self.assertTrue(Limit._attempt("ok", "10.0.0.8"))

    def test_a_right_answer_checks_the_limit_and_writes_nothing(self):
        """``_allows`` (a right answer told before counting): refused once the client failed too
        often, like ``_attempt``, and never a row of its own."""
        Limit = self.env["motcua.rate.limit"]
        self.env["ir.config_parameter"].set_param("motcua.rate_limit.found.limit", 2)
        for _i in range(5):
            self.assertTrue(Limit._allows("found", "10.0.0.7"))
        self.assertFalse(Limit.search_count([("bucket", "=", "found")]))
        self.assertTrue(Limit._attempt("found", "10.0.0.7"))
        self.assertTrue(Limit._attempt("found", "10.0.0.7"))
        self.assertFalse(Limit._allows("found", "10.0.0.7"))
        self.assertTrue(Limit._allows("found", "10.0.0.6"))  # another client is not affected
        self.assertEqual(Limit.search_count([("bucket", "=", "found")]), 2)

    def test_client_address_behind_a_proxy_only(self):
        def request(**headers):
            environ = EnvironBuilder(headers=headers, environ_base={"REMOTE_ADDR": "10.1.1.1"}).get_environ()
            return Request(environ)

        forged = request(**{"X-Forwarded-For": "203.0.113.7"})
        with patch.dict(config.options, {"proxy_mode": False}):
            self.assertEqual(client_address(forged), "10.1.1.1")
        with patch.dict(config.options, {"proxy_mode": True}):
            # the proxy appends the address it saw: the last entry, whatever the client sent before it
            chained = request(**{"X-Forwarded-For": "203.0.113.7, 198.51.100.4"})
            self.assertEqual(client_address(chained), "198.51.100.4")
            self.assertEqual(client_address(request()), "10.1.1.1")
