from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestSites(PortalCommon):
    def test_administrator_creates_a_unit_site_in_one_step(self):
        unit = self._unit("Phường Khánh Hậu", "commune", self.province)
        with self.assertRaisesRegex(AccessError, "Only one-stop administrators"):
            unit.with_user(self.leader_a).action_motcua_create_site()
        with self.assertRaises(AccessError):
            unit.with_user(self.province_editor).action_motcua_create_site()
        unit.with_user(self.site_admin).action_motcua_create_site()
        self.assertEqual(unit.motcua_site_slug, "phuong-khanh-hau")
        self.assertEqual(unit.motcua_site_url, "/don-vi/phuong-khanh-hau")
        self.assertTrue(unit.motcua_site_published)
        self.assertEqual(unit.motcua_blog_id.motcua_unit_id, unit)
        with self.assertRaisesRegex(UserError, "already has a site"):
            unit.with_user(self.site_admin).action_motcua_create_site()
        # a namesake elsewhere gets its own address
        namesake = self._unit("Phường Khánh Hậu", "commune", self.other_district)
        namesake.with_user(self.site_admin).action_motcua_create_site()
        self.assertEqual(namesake.motcua_site_slug, "phuong-khanh-hau-2")

    def test_web_address_is_checked(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.commune_a.motcua_site_slug = "Phường A"
        with self.assertRaisesRegex(ValidationError, "succeed itself"):
            self.commune_a.motcua_successor_ids = self.commune_a

    def test_transfer_to_the_successor(self):
        post = self._published_post(self.editor_b, self.blog_b, self.leader_b, name="Tin của xã B")
        with self.assertRaisesRegex(UserError, "has not ended"):
            self.commune_b.with_user(self.site_admin).action_motcua_transfer_to_successor()
        self.commune_b.write({"date_end": "2025-06-30", "motcua_successor_ids": [(6, 0, self.commune_a.ids)]})
        with self.assertRaisesRegex(AccessError, "Only one-stop administrators"):
            self.commune_b.with_user(self.editor_b).action_motcua_transfer_to_successor()
        self.commune_b.with_user(self.site_admin).action_motcua_transfer_to_successor()
        self.assertEqual(post.blog_id, self.blog_a)
        self.assertEqual(post.motcua_unit_id, self.commune_a)
        self.assertTrue(post.is_published, "the transferred news stays published")
        # commune A's editors now maintain it, commune B's no longer
        post.with_user(self.editor_a).action_motcua_send_back()
        with self.assertRaises(AccessError):
            post.with_user(self.editor_b).write({"name": "x"})
        self.assertIn("Transferred from", self.commune_b.message_ids[0].body)
        self.assertEqual(self.commune_b._motcua_current_successors(), self.commune_a)
        self.assertIn(self.commune_b, self.commune_a._motcua_all_predecessors())

    def test_transfer_hands_procedures_and_dossiers_in_progress_on(self):
        procedure = self.env["motcua.procedure"].create(
            {
                "code": "B.0001",
                "name": "Xác nhận tình trạng nhà ở",
                "level": "commune",
                "unit_id": self.commune_b.id,
                "duration_days": 3,
                "step_ids": [(0, 0, {"sequence": 1, "name": "Thẩm định", "role": "specialist", "share": 100})],
            }
        )
        Dossier = self.env["motcua.dossier"]

        def dossier():
            return Dossier.create(
                {"procedure_id": procedure.id, "unit_id": self.commune_b.id, "applicant_name": "Nguyễn Văn An"}
            )

        in_progress, received, returned = dossier(), dossier(), dossier()
        (in_progress | received | returned).action_receive()
        in_progress.action_start()
        returned.action_start()
        returned.action_handover()
        returned.action_return()
        codes = (in_progress | received).mapped("name")
        steps_before = len(in_progress.step_ids)
        self.commune_b.write({"date_end": "2025-06-30", "motcua_successor_ids": [(6, 0, self.commune_a.ids)]})
        self.commune_b.with_user(self.site_admin).action_motcua_transfer_to_successor()
        # the procedure is decided by the successor; the dossiers received under it keep a former version
        self.assertEqual(procedure.unit_id, self.commune_a)
        self.assertEqual(in_progress.procedure_id.current_id, procedure)
        self.assertEqual(in_progress.procedure_id.unit_id, self.commune_b)
        # open work goes on at the successor, with its code and its history
        for moved in in_progress | received:
            self.assertEqual(moved.handling_unit_id, self.commune_a)
            self.assertEqual(moved.current_step_id.unit_id, self.commune_a)
            self.assertTrue(moved.current_step_id.is_transfer)
        self.assertEqual((in_progress | received).mapped("name"), codes)
        self.assertEqual(len(in_progress.step_ids), steps_before + 1, "the step done stays, one step is added")
        self.assertEqual(returned.state, "returned")
        self.assertNotEqual(returned.handling_unit_id, self.commune_a)
        self.assertIn("1 procedures, 2 dossiers in progress", self.commune_b.message_ids[0].body)

    def test_successors_are_followed_through_mergers(self):
        self.commune_b.write({"date_end": "2025-06-30", "motcua_successor_ids": [(6, 0, self.district.ids)]})
        self.district.write({"date_end": "2025-06-30", "motcua_successor_ids": [(6, 0, self.province.ids)]})
        self.assertEqual(self.commune_b._motcua_current_successors(), self.province)
