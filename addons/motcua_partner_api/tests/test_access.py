from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartnerApiCase


@tagged("post_install", "-at_install")
class TestPartnerApiAccess(PartnerApiCase):
    """Who reads partners, keys and the call log over the web client's JSON-RPC."""

    def call_kw(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        response = self.url_open(
            "/web/dataset/call_kw",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()

    def assert_refused(self, answer):
        self.assertNotIn("result", answer, answer)
        self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.AccessError", answer)

    def test_portal_and_internal_users_read_no_partner_key_or_call(self):
        self.call("/procedures", self.full_key)  # one call in the log
        for user in (self.portal, self.internal, self.officer_a, self.monitor):
            for model in ("motcua.api.partner", "motcua.api.key", "motcua.api.call"):
                with self.subTest(user=user.login, model=model):
                    self.assert_refused(self.call_kw(user, model, "search_read", [[]], {"fields": ["display_name"]}))
            self.assert_refused(self.call_kw(user, "motcua.api.key", "read", [self.full.key_ids.ids], {}))

    def test_administrator_reads_partners_but_no_key_hash(self):
        answer = self.call_kw(self.admin_user, "motcua.api.partner", "search_read", [[]], {"fields": ["name"]})
        self.assertIn("Provincial data platform", [row["name"] for row in answer["result"]])
        answer = self.call_kw(self.admin_user, "motcua.api.key", "search_read", [[]], {"fields": ["prefix"]})
        self.assertIn(self.full.key_ids.prefix, [row["prefix"] for row in answer["result"]])
        for method, args, kwargs in (
            ("search_read", [[]], {"fields": ["key_hash"]}),
            ("read", [self.full.key_ids.ids, ["key_hash"]], {}),
            ("search_read", [[("key_hash", "!=", False)]], {"fields": ["prefix"]}),
        ):
            with self.subTest(method=method, kwargs=kwargs):
                self.assert_refused(self.call_kw(self.admin_user, "motcua.api.key", method, args, kwargs))

    def test_keys_are_issued_not_created_nor_rewritten(self):
        Key = self.env["motcua.api.key"].with_user(self.admin_user)
        with self.assertRaisesRegex(AccessError, "Issue a key"):
            Key.create({"partner_id": self.full.id, "prefix": "0123456789", "key_hash": "0" * 64})
        key = self.full.key_ids.with_user(self.admin_user)
        for vals in ({"partner_id": self.bare.id}, {"revoked_at": False}, {"last_used_at": False}, {"active": True}):
            with self.assertRaisesRegex(UserError, "revoke it"):
                key.write(vals)
        key.name = "Production"  # the label may change
        self.assertEqual(key.name, "Production")
        # the key-issuing and call-log methods are not callable over RPC
        answer = self.call_kw(self.admin_user, "motcua.api.key", "_motcua_issue", [self.full.id])
        self.assertIn("error", answer)
        self.assertEqual(self.full.key_ids, key)

    def test_internal_user_cannot_issue_a_key(self):
        with self.assertRaises(AccessError):
            self.full.with_user(self.internal).action_issue_key()
        self.assertEqual(len(self.full.key_ids), 1)
