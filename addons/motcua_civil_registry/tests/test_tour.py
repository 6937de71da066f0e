from odoo.tests import HttpCase, tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilTour(HttpCase, CivilRegistryCommon):
    def test_officer_registers_a_birth_and_prints_the_extract(self):
        self.start_tour("/odoo", "motcua_civil_registry_birth", login=self.civil_a.login)
        event = self.env["motcua.civil.event"].search([("person_name", "=", "Lê Thị Tour")])
        self.assertEqual(event.state, "registered")
        self.assertEqual(event.unit_id, self.commune_a)
        self.assertEqual(event.entry_number, 1)
        self.assertEqual(event.print_count, 1)
        self.assertEqual(event.mother_id.name, "Võ Thị Mẹ Tour")


@tagged("post_install", "-at_install")
class TestCivilDossierTour(HttpCase, CivilRegistryCommon):
    def test_officer_registers_a_birth_from_a_dossier_and_prints_the_extract(self):
        desk, leader = self.civil_desk, self.leader_a
        field = self.env["motcua.procedure.field"].create({"name": "Hộ tịch (tour)"})
        procedure = self.env["motcua.procedure"].create(
            {
                "code": "CIVIL.TOUR",
                "name": "Đăng ký khai sinh",
                "field_id": field.id,
                "level": "commune",
                "duration_days": 1,
                "civil_event_type": "birth",
                "step_ids": [(0, 0, {"sequence": 1, "name": "Sign", "role": "leader", "share": 100})],
            }
        )
        dossier = (
            self.env["motcua.dossier"]
            .with_user(desk)
            .create(
                {
                    "procedure_id": procedure.id,
                    "unit_id": self.commune_a.id,
                    "applicant_name": "Nguyễn Văn Bình",
                    "applicant_phone": "0912345678",
                }
            )
        )
        dossier.action_receive()
        self.start_tour(f"/odoo/motcua.dossier/{dossier.id}", "motcua_civil_registry_dossier_birth", login=desk.login)
        event = dossier.sudo().civil_event_id
        self.assertEqual(event.state, "registered")
        self.assertEqual(event.person_name, "Nguyễn Thị Từ Hồ Sơ")
        self.assertEqual(event.declarant_name, "Nguyễn Văn Bình")
        self.assertEqual(event.print_count, 1)
        # the leader approves the dossier: the registered extract becomes its result paper
        dossier.with_user(leader).action_start()
        dossier.with_user(leader).action_handover()
        self.assertEqual(dossier.state, "result_ready")
        self.assertEqual(dossier.result_attachment_ids.name, f"Trich luc {event.entry_ref.replace('/', '-')}.pdf")
