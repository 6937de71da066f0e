from contextlib import contextmanager
from datetime import datetime

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

ROLE = "motcua_base.group_receiving_officer"
SPECIALIST = "motcua_base.group_specialist"
MONITOR = "motcua_base.group_province_monitor"
GUARDIAN = "motcua_complaints.group_identity_guardian"

SECRET_NAME = "Lê Văn Bí Mật"
SECRET_ID = "079090001234"
SECRET_PHONE = "0912345678"


class ComplaintsSetup:
    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        # Odoo's assertRaises rolls back to a savepoint; unittest's assertRaisesRegex does not
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception.args[0]), regex)

    @classmethod
    def _setup_complaints(cls):
        Unit = cls.env["motcua.unit"]
        cls.province = Unit.create({"name": "Tỉnh Thử", "unit_type": "province"})
        cls.unit_a = Unit.create(
            {
                "name": "Phường Thử A",
                "unit_type": "commune",
                "parent_id": cls.province.id,
                "identifier_code": "000.99.01.H99",
            }
        )
        cls.unit_b = Unit.create({"name": "Phường Thử B", "unit_type": "commune", "parent_id": cls.province.id})
        cls.officer_a = cls._user("kn_officer_a", SPECIALIST, cls.unit_a)
        cls.receiver_a = cls._user("kn_receiver_a", ROLE, cls.unit_a)
        cls.handler_a = cls._user("kn_handler_a", SPECIALIST, cls.unit_a)
        cls.guardian = cls._user("kn_guardian", GUARDIAN, cls.unit_a)
        cls.officer_b = cls._user("kn_officer_b", SPECIALIST, cls.unit_b)
        cls.monitor = cls._user("kn_monitor", MONITOR, cls.province)
        cls.Petition = cls.env["motcua.complaint.petition"]
        cls.Rule = cls.env["motcua.complaint.rule"]

    @classmethod
    def _user(cls, login, groups, unit):
        user = new_test_user(cls.env, login=login, groups=groups, tz="Asia/Ho_Chi_Minh")
        user.motcua_unit_ids = unit
        return user


class ComplaintsCommon(ComplaintsSetup, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_complaints()

    def _petition(self, petition_type="complaint", received=datetime(2026, 3, 2, 3, 0), **vals):
        values = {
            "subject": "Thử nghiệm",
            "content": "Nội dung",
            "petition_type": petition_type,
            "unit_id": self.unit_a.id,
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
