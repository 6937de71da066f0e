from datetime import datetime, timedelta

from odoo.addons.motcua_base.tests.common import LEADER, MONITOR, OFFICER, SPECIALIST, MotcuaCommon

__all__ = ["LEADER", "MONITOR", "OFFICER", "SPECIALIST", "DossierCase", "enable_vietnamese", "utc"]


def utc(*args):
    """A naive UTC datetime from local Vietnam time (UTC+7) components: utc(2026, 11, 23, 10, 0)."""
    return datetime(*args) - timedelta(hours=7)


def enable_vietnamese(env):
    """Vietnamese installed with this addon's terms and the default language of the websites, as
    in the demo database (English stays a second website language)."""
    lang = env["res.lang"]._activate_lang("vi_VN")
    env["ir.module.module"]._load_module_terms(["motcua_base", "motcua_dossier"], ["vi_VN"])
    for website in env["website"].search([]):
        website.language_ids |= lang
        website.default_lang_id = lang
    return lang


VIETNAMESE_BROWSER = {"Accept-Language": "vi-VN,vi;q=0.9"}


class DossierCase(MotcuaCommon):
    """The shared units and users of motcua_base, and a procedure of commune A's kind (the demo
    data is installed but not relied upon)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env.ref("motcua_base.calendar_administrative")
        calendar._motcua_load_public_holidays([2026, 2027])
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
