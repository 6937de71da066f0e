from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilDossier(CivilRegistryCommon):
    """Civil-status procedures at the one-stop desk: approving the dossier registers the event."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        field = cls.env["motcua.procedure.field"].create({"name": "Hộ tịch (test)"})
        cls.procedures = {
            kind: cls.env["motcua.procedure"].create(
                {
                    "code": f"CIVIL.{kind}",
                    "name": f"Civil {kind}",
                    "field_id": field.id,
                    "level": "commune",
                    "duration_days": 3,
                    "civil_event_type": kind,
                    "step_ids": [(0, 0, {"sequence": 1, "name": "Sign", "role": "leader", "share": 100})],
                }
            )
            for kind in ("birth", "marital_status")
        }

    def _dossier(self, kind, **values):
        dossier = (
            self.env["motcua.dossier"]
            .with_user(self.civil_desk)
            .create(
                dict(
                    {
                        "procedure_id": self.procedures[kind].id,
                        "unit_id": self.commune_a.id,
                        "applicant_name": "Nguyễn Văn Bình",
                        "applicant_id_number": "080090001234",
                        "applicant_birth_date": date(1990, 1, 1),
                        "applicant_phone": "0912345678",
                        "applicant_address": "1 Hùng Vương",
                        "request_summary": "Kết hôn",
                    },
                    **values,
                )
            )
        )
        dossier.paper_ids.write({"received": True})
        dossier.action_receive()
        return dossier

    def _approve(self, dossier):
        dossier.with_user(self.leader_a).action_start()
        dossier.with_user(self.leader_a).action_handover()

    def test_approving_a_birth_dossier_registers_the_birth_and_returns_the_extract(self):
        dossier = self._dossier("birth")
        action = dossier.action_civil_declaration()
        event = self.Event.with_user(self.civil_desk).browse(action["res_id"])
        self.assertEqual(
            (event.event_type, event.unit_id, event.declarant_name, event.state),
            ("birth", self.commune_a, "Nguyễn Văn Bình", "draft"),
        )
        self.assertEqual(event.dossier_id, dossier)
        event.write(
            {
                "person_name": "Nguyễn Thị Hồ Sơ",
                "person_sex": "female",
                "person_birth_date": self._today(),
                "mother_name": "Trần Thị Mẹ",
                "father_name": "Nguyễn Văn Bình",
                "father_id_number": "080090001234",
                "father_birth_date": date(1990, 1, 1),
            }
        )
        self._approve(dossier)
        self.assertEqual(dossier.state, "result_ready")
        self.assertEqual(event.state, "registered")
        self.assertEqual(event.entry_number, 1)
        self.assertEqual(event.registered_by_id, self.leader_a)
        self.assertEqual(dossier.result_attachment_ids.name, f"Trich luc 1-{self._today().year}.pdf")
        self.assertTrue(dossier.result_attachment_ids.raw)
        self.assertEqual(event.father_id.sudo().civil_id_number, "080090001234")

    def test_birth_dossier_without_declaration_is_not_approved(self):
        dossier = self._dossier("birth")
        with self.assertRaisesRegex(ValidationError, "Fill in the civil-status declaration"):
            self._approve(dossier)
        dossier.invalidate_recordset()
        self.assertNotEqual(dossier.state, "result_ready")
        self.assertFalse(self.Event.sudo().search([("dossier_id", "=", dossier.id)]))

    def test_failed_check_keeps_the_dossier_open_and_unnumbered(self):
        dossier = self._dossier("birth")
        event = self.Event.with_user(self.civil_desk).browse(dossier.action_civil_declaration()["res_id"])
        event.write(
            {"person_name": "Trẻ", "person_sex": "male", "person_birth_date": date(2099, 1, 1), "mother_name": "Mẹ"}
        )
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self._approve(dossier)
        self.assertEqual(event.state, "draft")
        self.assertFalse(event.entry_number)

    def test_marital_status_dossier_registers_from_the_applicant(self):
        dossier = self._dossier("marital_status")
        self._approve(dossier)
        event = dossier.sudo().civil_event_id
        self.assertEqual(event.state, "registered")
        self.assertEqual(
            (event.person_name, event.person_id_number, event.purpose), ("Nguyễn Văn Bình", "080090001234", "Kết hôn")
        )
        self.assertEqual(
            event.valid_until.year * 12 + event.valid_until.month,
            event.registration_date.year * 12 + event.registration_date.month + 6,
        )
        self.assertEqual(len(dossier.result_attachment_ids), 1)

    def test_non_civil_staff_do_not_see_the_declaration(self):
        dossier = self._dossier("marital_status")
        self._approve(dossier)
        self.assertFalse(
            self.Event.sudo().search([("dossier_id", "=", dossier.id)]).with_user(self.leader_a).has_access("write")
        )
        with self.assertRaises(AccessError):
            dossier.with_user(self.specialist_a).read(["civil_event_id"])
