from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestSecurity(DocumentsCase):
    def test_unit_boundary(self):
        doc = self.new_incoming()
        Incoming = self.env["motcua.incoming.document"]
        self.assertNotIn(doc, Incoming.with_user(self.officer_b).search([]))
        with self.assertRaises(AccessError):
            doc.with_user(self.officer_b).read(["summary"])
        with self.assertRaises(AccessError):
            doc.with_user(self.leader_b).write({"summary": "changed"})
        # staff of a sub-unit do not see the parent unit's register; the monitor sees every unit
        self.assertNotIn(doc, Incoming.with_user(self.specialist).search([]))
        self.assertIn(doc, Incoming.with_user(self.monitor).search([]))
        outgoing = self.new_outgoing(unit_id=self.office_a.id)
        self.assertIn(
            outgoing,
            self.env["motcua.outgoing.document"].with_user(self.leader).search([]),
            "a leader sees the documents of the units below",
        )
        with self.assertRaises(AccessError):
            outgoing.with_user(self.officer_b).read(["summary"])

    def test_handlers_of_another_unit_see_their_document(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        self.env["motcua.incoming.assign"].with_user(self.leader).create(
            {
                "document_id": doc.id,
                "lead_unit_id": self.commune_b.id,
                "handling_days": 3,
            }
        ).action_confirm()
        self.assertIn(doc, self.env["motcua.incoming.document"].with_user(self.officer_b).search([]))

    def test_role_boundaries(self):
        doc = self.new_incoming()
        with self.assertRaises(AccessError):
            doc.with_user(self.officer_a).unlink()
        with self.assertRaises(AccessError):
            self.env["motcua.trust.root"].with_user(self.leader).search([])
        with self.assertRaises(AccessError):
            self.env["motcua.unit.certificate"].with_user(self.monitor).search([])
        with self.assertRaises(AccessError):
            self.env["motcua.access.log"].with_user(self.leader).search([])
        with self.assertRaises(AccessError):
            self.env["motcua.document.type"].with_user(self.officer_a).create({"name": "X"})

    def test_portal_and_public_have_no_access(self):
        doc = self.new_incoming()
        outgoing = self.new_outgoing()
        public = self.env.ref("base.public_user")
        for user in (self.portal, public):
            with self.assertRaises(AccessError):
                doc.with_user(user).read(["summary"])
            with self.assertRaises(AccessError):
                outgoing.with_user(user).read(["summary"])
            with self.assertRaises(AccessError):
                self.env["motcua.incoming.document"].with_user(user).create(self.incoming_vals())

    def test_secret_documents_need_clearance_or_handling(self):
        secret = self.new_incoming(secrecy="secret", summary="Nội dung mật")
        secret.with_user(self.officer_a).action_register()
        Incoming = self.env["motcua.incoming.document"]
        # the registering clerk keeps the record; an uncleared colleague of the unit does not see it
        colleague = self.env["res.users"].create(
            {
                "name": "Colleague",
                "login": "doc_colleague",
                "group_ids": [(6, 0, [self.env.ref("motcua_base.group_receiving_officer").id])],
                "motcua_unit_ids": [(6, 0, self.commune_a.ids)],
            }
        )
        self.assertNotIn(secret, Incoming.with_user(colleague).search([]))
        with self.assertRaises(AccessError):
            secret.with_user(colleague).read(["summary"])
        # cleared for "confidential" only: still not enough for "secret"
        colleague.motcua_secrecy_clearance = "confidential"
        with self.assertRaises(AccessError):
            secret.with_user(colleague).read(["summary"])
        colleague.motcua_secrecy_clearance = "secret"
        self.assertEqual(secret.with_user(colleague).read(["summary"])[0]["summary"], "Nội dung mật")
        # an assigned handler without clearance may read it
        colleague.motcua_secrecy_clearance = "normal"
        self.env["motcua.incoming.assign"].with_user(self.leader).create(
            {
                "document_id": secret.id,
                "lead_user_id": colleague.id,
                "handling_days": 2,
            }
        ).action_confirm()
        self.assertEqual(secret.with_user(colleague).read(["summary"])[0]["summary"], "Nội dung mật")

    def test_every_read_of_a_secret_document_is_logged(self):
        secret = self.new_incoming(secrecy="confidential")
        normal = self.new_incoming(reference="99/QĐ-STP")
        Log = self.env["motcua.access.log"]
        before = Log.search_count([])
        # (the entries are written at the end of each transaction)
        for read in (
            lambda: secret.with_user(self.leader).read(["summary"]),
            lambda: secret.with_user(self.leader).web_read({"summary": {}, "name": {}}),
            lambda: normal.with_user(self.leader).read(["summary"]),
        ):
            read()
            self.env.cr.precommit.run()
        logs = Log.search([], limit=Log.search_count([]) - before)
        self.assertEqual(len(logs), 2)
        self.assertEqual(logs.user_id, self.leader)
        self.assertEqual(set(logs.mapped("res_id")), {secret.id})
        self.assertEqual(set(logs.mapped("res_model")), {secret._name})
        self.assertEqual(logs[0].secrecy, "confidential")
        # monitors read the log
        self.assertTrue(Log.with_user(self.monitor).search([("res_id", "=", secret.id)]))

    def test_certificate_file_is_for_administrators_only(self):
        cert = self.env["motcua.unit.certificate"]
        self.assertEqual(cert._fields["pkcs12_file"].groups, "motcua_base.group_administrator")
        self.assertEqual(cert._fields["password"].groups, "motcua_base.group_administrator")
