from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAccessLogHttp(HttpCase):
    def test_reading_a_secret_document_over_rpc_is_logged(self):
        unit = self.env["motcua.unit"].create(
            {"name": "UBND xã Nhật ký", "unit_type": "commune", "abbreviation": "UBNDNK"}
        )
        reader = new_test_user(
            self.env,
            login="log_reader",
            groups="motcua_base.group_unit_leader",
            motcua_unit_ids=[(6, 0, unit.ids)],
            motcua_secrecy_clearance="top_secret",
        )
        sender = self.env["res.partner"].create({"name": "Bộ Công an"})
        secret = self.env["motcua.incoming.document"].create(
            {
                "unit_id": unit.id,
                "sender_id": sender.id,
                "reference": "1/M",
                "summary": "Tối mật",
                "secrecy": "top_secret",
            }
        )
        self.authenticate("log_reader", "log_reader")
        Log = self.env["motcua.document.access.log"]
        for method, args, kwargs in (
            ("web_read", [[secret.id]], {"specification": {"summary": {}}}),
            ("web_search_read", [], {"domain": [("id", "=", secret.id)], "specification": {"summary": {}}}),
        ):
            before = Log.search_count([("res_id", "=", secret.id), ("user_id", "=", reader.id)])
            result = self.make_jsonrpc_request(
                f"/web/dataset/call_kw/motcua.incoming.document/{method}",
                {"model": "motcua.incoming.document", "method": method, "args": args, "kwargs": kwargs},
            )
            self.assertIn("Tối mật", str(result))
            after = Log.search_count([("res_id", "=", secret.id), ("user_id", "=", reader.id)])
            self.assertEqual(after, before + 1, method)
