import base64

from odoo.tests import TransactionCase, new_test_user

from . import pki


class DocumentsCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        Unit = cls.env["motcua.unit"]
        cls.province = Unit.create({"name": "Tỉnh Thử nghiệm", "unit_type": "province", "abbreviation": "TTN"})
        cls.commune = Unit.create(
            {
                "name": "UBND xã Thử nghiệm",
                "unit_type": "commune",
                "abbreviation": "UBNDTN",
                "parent_id": cls.province.id,
            }
        )
        cls.office = Unit.create(
            {
                "name": "Văn phòng xã Thử nghiệm",
                "unit_type": "department",
                "abbreviation": "VPTN",
                "parent_id": cls.commune.id,
            }
        )
        cls.other_commune = Unit.create(
            {
                "name": "UBND xã Khác",
                "unit_type": "commune",
                "abbreviation": "UBNDK",
                "parent_id": cls.province.id,
            }
        )

        def user(login, groups, units, **kw):
            return new_test_user(cls.env, login=login, groups=groups, motcua_unit_ids=[(6, 0, units.ids)], **kw)

        cls.clerk = user("doc_clerk", "motcua_base.group_receiving_officer", cls.commune)
        cls.specialist = user("doc_specialist", "motcua_base.group_specialist", cls.office)
        cls.specialist2 = user("doc_specialist2", "motcua_base.group_specialist", cls.office)
        cls.leader = user("doc_leader", "motcua_base.group_unit_leader", cls.commune, motcua_secrecy_clearance="secret")
        cls.other_clerk = user("doc_other_clerk", "motcua_base.group_receiving_officer", cls.other_commune)
        cls.other_leader = user("doc_other_leader", "motcua_base.group_unit_leader", cls.other_commune)
        cls.monitor = user(
            "doc_monitor", "motcua_base.group_province_monitor", cls.province, motcua_secrecy_clearance="top_secret"
        )
        cls.admin_user = user(
            "doc_admin", "motcua_base.group_administrator", cls.province, motcua_secrecy_clearance="top_secret"
        )
        cls.portal = new_test_user(cls.env, login="doc_portal", groups="base.group_portal")
        cls.sender = cls.env["res.partner"].create(
            {"name": "Sở Tư pháp tỉnh Thử nghiệm", "is_company": True, "email": "stp@example.vn"}
        )
        cls.type_decision = cls.env.ref("motcua_documents.document_type_decision")
        cls.type_letter = cls.env.ref("motcua_documents.document_type_official_letter")
        cls.type_plan = cls.env.ref("motcua_documents.document_type_plan")

    def incoming_vals(self, **kw):
        vals = {
            "unit_id": self.commune.id,
            "sender_id": self.sender.id,
            "reference": "15/QĐ-STP",
            "document_date": "2026-11-20",
            "type_id": self.type_decision.id,
            "summary": "Về việc kiểm tra công tác hộ tịch",
            "page_count": 2,
        }
        vals.update(kw)
        return vals

    def new_incoming(self, user=None, **kw):
        return self.env["motcua.incoming.document"].with_user(user or self.clerk).create(self.incoming_vals(**kw))

    def new_outgoing(self, user=None, **kw):
        vals = {
            "unit_id": self.commune.id,
            "type_id": self.type_decision.id,
            "summary": "Quyết định thành lập tổ công tác",
            "drafter_id": (user or self.specialist).id,
            "reviewer_id": self.specialist2.id,
            "signer_id": self.leader.id,
        }
        vals.update(kw)
        return self.env["motcua.outgoing.document"].with_user(user or self.specialist).create(vals)

    def approve(self, doc):
        doc.with_user(self.specialist).action_submit()
        if doc.state == "review":
            doc.with_user(self.specialist2).action_review_ok()
        doc.with_user(doc.signer_id).action_approve()
        return doc


class PkiCase(DocumentsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ca_key, cls.ca_cert = pki.make_ca()
        cls.signer_key, cls.signer_cert = pki.make_signer(cls.ca_key, cls.ca_cert, "UBND xa Thu nghiem")
        cls.expired_key, cls.expired_cert = pki.make_signer(cls.ca_key, cls.ca_cert, "Expired signer", expired=True)
        cls.rogue_key, cls.rogue_cert = pki.make_ca("Rogue Root CA")
        cls.rogue_signer_key, cls.rogue_signer_cert = pki.make_signer(cls.rogue_key, cls.rogue_cert, "Rogue")
        cls.env["motcua.trust.root"].create(
            {
                "name": "Test root",
                "certificate": base64.b64encode(pki.pem(cls.ca_cert)),
            }
        )
        cls.pdf = pki.make_pdf()

    @staticmethod
    def b64(data):
        return base64.b64encode(data)
