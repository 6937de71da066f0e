from datetime import datetime, timedelta

from odoo.tests import TransactionCase, new_test_user

OFFICER = "motcua_base.group_receiving_officer"
SPECIALIST = "motcua_base.group_specialist"
LEADER = "motcua_base.group_unit_leader"
MONITOR = "motcua_base.group_province_monitor"


def utc(*args):
    """A naive UTC datetime from local Vietnam time (UTC+7) components: utc(2026, 11, 23, 10, 0)."""
    return datetime(*args) - timedelta(hours=7)


def enable_vietnamese(env):
    """Vietnamese installed with this addon's terms and the default language of the websites, as
    in the demo database (English stays a second website language)."""
    lang = env["res.lang"]._activate_lang("vi_VN")
    env["ir.module.module"]._load_module_terms(["motcua_dossier"], ["vi_VN"])
    for website in env["website"].search([]):
        website.language_ids |= lang
        website.default_lang_id = lang
    return lang


VIETNAMESE_BROWSER = {"Accept-Language": "vi-VN,vi;q=0.9"}


class DossierCase(TransactionCase):
    """Own units, users and procedure (the demo data is installed but not relied upon)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("motcua_base.calendar_administrative")
        calendar._motcua_load_public_holidays([2026, 2027])
        Unit = cls.env["motcua.unit"]
        cls.province = Unit.create(
            {"name": "Test province", "unit_type": "province", "identifier_code": "000.00.00.T01"}
        )
        cls.commune_a = Unit.create(
            {
                "name": "Commune A",
                "unit_type": "commune",
                "parent_id": cls.province.id,
                "identifier_code": "000.20.01.T01",
            }
        )
        cls.desk_a = Unit.create({"name": "Desk A", "unit_type": "desk", "parent_id": cls.commune_a.id})
        cls.commune_b = Unit.create(
            {
                "name": "Commune B",
                "unit_type": "commune",
                "parent_id": cls.province.id,
                "identifier_code": "000.20.02.T01",
            }
        )
        cls.department = Unit.create(
            {
                "name": "Department D",
                "unit_type": "department",
                "parent_id": cls.province.id,
                "identifier_code": "000.00.03.T01",
            }
        )
        cls.office = Unit.create({"name": "Province office", "unit_type": "department", "parent_id": cls.province.id})
        cls.officer_a = new_test_user(cls.env, login="t_officer_a", groups=OFFICER, name="Officer A")
        cls.specialist_a = new_test_user(cls.env, login="t_specialist_a", groups=SPECIALIST, name="Specialist A")
        cls.leader_a = new_test_user(cls.env, login="t_leader_a", groups=LEADER, name="Leader A")
        cls.specialist_b = new_test_user(cls.env, login="t_specialist_b", groups=SPECIALIST, name="Specialist B")
        cls.specialist_d = new_test_user(cls.env, login="t_specialist_d", groups=SPECIALIST, name="Specialist D")
        cls.monitor = new_test_user(cls.env, login="t_monitor", groups=MONITOR, name="Monitor")
        cls.internal = new_test_user(cls.env, login="t_internal", groups="base.group_user", name="Internal")
        cls.portal = new_test_user(cls.env, login="t_portal", groups="base.group_portal", name="Portal")
        for user in cls.officer_a | cls.specialist_a | cls.leader_a:
            user.motcua_unit_ids = cls.commune_a
        cls.specialist_b.motcua_unit_ids = cls.commune_b
        cls.specialist_d.motcua_unit_ids = cls.department
        cls.monitor.motcua_unit_ids = cls.office
        cls.field = cls.env["motcua.procedure.field"].create({"name": "Test field"})
        cls.procedure = cls.env["motcua.procedure"].create(
            {
                "code": "T.0001",
                "name": "Test marital-status confirmation",
                "field_id": cls.field.id,
                "level": "commune",
                "duration_days": 2,
                "fee": 15000,
                "charge": 5000,
                "paper_ids": [
                    (0, 0, {"name": "Application form", "paper_type": "original", "quantity": 1, "mandatory": True}),
                    (0, 0, {"name": "Divorce decision", "paper_type": "copy", "quantity": 1, "mandatory": False}),
                ],
                "step_ids": [
                    (0, 0, {"sequence": 1, "name": "Examine", "role": "specialist", "share": 50}),
                    (0, 0, {"sequence": 2, "name": "Sign", "role": "leader", "share": 50}),
                ],
            }
        )

    def new_dossier(self, user=None, **vals):
        values = {
            "procedure_id": self.procedure.id,
            "unit_id": self.commune_a.id,
            "applicant_name": "Nguyễn Văn An",
            "applicant_id_number": "080090001234",
            "applicant_phone": "0912345678",
            "applicant_address": "1 Hùng Vương",
        }
        values.update(vals)
        dossier = self.env["motcua.dossier"].with_user(user or self.officer_a).create(values)
        return dossier

    def sms_of(self, dossier):
        """The sms.sms queued for ``dossier`` (linked through the note in its chatter)."""
        return self.env["sms.sms"].search(
            [("mail_message_id.model", "=", "motcua.dossier"), ("mail_message_id.res_id", "=", dossier.id)],
            order="id",
        )

    def received_dossier(self, user=None, **vals):
        dossier = self.new_dossier(user=user, **vals)
        dossier.paper_ids.write({"received": True})
        dossier.action_receive()
        return dossier
