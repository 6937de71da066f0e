import base64

from odoo.addons.motcua_base.tests.common import LEADER, SPECIALIST, MotcuaCommon

from . import pki


class DocumentsCase(MotcuaCommon):
    """The shared ground (commune_a with its office office_a, commune_b, their officers and
    leaders, a monitor and an administrator cleared for top secret) with the users of official
    documents: two specialists of the commune's office and a leader cleared for secret documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        # the names and abbreviations printed in registers and document symbols
        for unit, name, abbreviation in (
            (cls.province, "Tỉnh Thử nghiệm", "TTN"),
            (cls.district, "Huyện Thử nghiệm", "HTN"),
            (cls.commune_a, "UBND xã Thử nghiệm", "UBNDTN"),
            (cls.office_a, "Văn phòng xã Thử nghiệm", "VPTN"),
            (cls.commune_b, "UBND xã Khác", "UBNDK"),
        ):
            unit.write({"name": name, "abbreviation": abbreviation})
        (cls.monitor | cls.admin_user).motcua_secrecy_clearance = "top_secret"
        cls.specialist = cls._user("doc_specialist", SPECIALIST, cls.office_a, name="Specialist of the office")
        cls.specialist2 = cls._user("doc_specialist2", SPECIALIST, cls.office_a, name="Second specialist")
        cls.leader = cls._user(
            "doc_leader", LEADER, cls.commune_a, name="Leader cleared for secret", motcua_secrecy_clearance="secret"
        )
        cls.sender = cls.env["res.partner"].create(
            {"name": "Sở Tư pháp tỉnh Thử nghiệm", "is_company": True, "email": "stp@example.vn"}
        )
        cls.type_decision = cls.env.ref("motcua_documents.document_type_decision")
        cls.type_letter = cls.env.ref("motcua_documents.document_type_official_letter")
        cls.type_plan = cls.env.ref("motcua_documents.document_type_plan")

    def incoming_vals(self, **kw):
        vals = {
            "unit_id": self.commune_a.id,
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
        return self.env["motcua.incoming.document"].with_user(user or self.officer_a).create(self.incoming_vals(**kw))

    def new_outgoing(self, user=None, **kw):
        vals = {
            "unit_id": self.commune_a.id,
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
