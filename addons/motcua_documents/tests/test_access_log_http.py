import base64

from odoo.tests import HttpCase, tagged

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestAccessLogHttp(DocumentsCase, HttpCase):
    def test_reading_a_secret_document_over_rpc_is_logged(self):
        secret = self.env["motcua.incoming.document"].create(
            {
                "unit_id": self.commune_a.id,
                "sender_id": self.sender.id,
                "reference": "1/M",
                "summary": "Tối mật",
                "secrecy": "secret",
            }
        )
        self.authenticate(self.leader.login, self.leader.login)
        Log = self.env["motcua.access.log"]
        domain = [("res_model", "=", secret._name), ("res_id", "=", secret.id), ("user_id", "=", self.leader.id)]
        for method, args, kwargs in (
            ("web_read", [[secret.id]], {"specification": {"summary": {}}}),
            ("web_search_read", [], {"domain": [("id", "=", secret.id)], "specification": {"summary": {}}}),
        ):
            before = Log.search_count(domain)
            result = self.make_jsonrpc_request(
                f"/web/dataset/call_kw/motcua.incoming.document/{method}",
                {"model": "motcua.incoming.document", "method": method, "args": args, "kwargs": kwargs},
            )
            self.assertIn("Tối mật", str(result))
            entries = Log.search(domain)
            self.assertEqual(len(entries), before + 1, method)
            self.assertEqual(entries[0].secrecy, "secret")
            self.assertIn(method, entries[0].channel)

    def test_downloading_the_file_of_a_secret_document_is_logged(self):
        content = "Nội dung mật".encode()
        secret = self.new_incoming(secrecy="confidential", file_name="mat.txt", file=base64.b64encode(content))
        self.authenticate(self.leader.login, self.leader.login)
        response = self.url_open(f"/web/content/motcua.incoming.document/{secret.id}/file")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, content)
        entry = self.env["motcua.access.log"].search(
            [("res_model", "=", secret._name), ("res_id", "=", secret.id), ("user_id", "=", self.leader.id)]
        )
        self.assertEqual(entry.access_type, "download")
        self.assertEqual(entry.field_names, "file")
