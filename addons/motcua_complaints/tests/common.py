from datetime import datetime

from odoo.addons.motcua_base.tests.common import MONITOR, SPECIALIST, MotcuaCommon

GUARDIAN = "motcua_complaints.group_identity_guardian"

SECRET_NAME = "Lê Văn Bí Mật"
SECRET_ID = "079090001234"
SECRET_PHONE = "0912345678"


class ComplaintsCommon(MotcuaCommon):
    """The shared ground (commune_a and commune_b under the province, their officers,
    specialists and leaders, a province monitor) with the users of complaints: the handler of the
    denunciations (a specialist of commune_a) and an identity guardian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the names a citizen chooses from on the website
        cls.province.name = "Tỉnh Thử"
        cls.district.name = "Huyện Thử"
        cls.commune_a.name = "Phường Thử A"
        cls.commune_b.name = "Phường Thử B"
        cls.handler_a = cls._user("handler_a", SPECIALIST, cls.commune_a, name="Handler A")
        cls.guardian = cls._user("guardian", GUARDIAN, cls.commune_a, name="Identity guardian")
        cls.Petition = cls.env["motcua.complaint.petition"]
        cls.Rule = cls.env["motcua.complaint.rule"]

    def _logs(self, user, petition, access_type=None):
        """The access-log entries of ``user`` on ``petition`` (written at the end of the transaction)."""
        self.env.cr.precommit.run()
        domain = [("res_model", "=", petition._name), ("res_id", "=", petition.id), ("user_id", "=", user.id)]
        if access_type:
            domain.append(("access_type", "=", access_type))
        return self.env["motcua.access.log"].search(domain)

    def _petition(self, petition_type="complaint", received=datetime(2026, 3, 2, 3, 0), **vals):
        values = {
            "subject": "Thử nghiệm",
            "content": "Nội dung",
            "petition_type": petition_type,
            "unit_id": self.commune_a.id,
            "date_received": received,
            "petitioner_name": "Nguyễn Văn Dân",
        }
        values.update(vals)
        return self.Petition.create(values)

    def _accept(self, petition, reason="Đủ điều kiện thụ lý"):
        petition.decision_reason = reason
        if petition.state == "received":
            petition.action_classify()
        petition.action_accept()
        return petition


__all__ = ["GUARDIAN", "MONITOR", "SECRET_ID", "SECRET_NAME", "SECRET_PHONE", "ComplaintsCommon"]
