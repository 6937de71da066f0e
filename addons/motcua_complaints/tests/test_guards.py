from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GUARDIAN, MONITOR, SECRET_ID, SECRET_NAME, SECRET_PHONE, ComplaintsCommon


@tagged("post_install", "-at_install")
class TestAccessGrantingFields(ComplaintsCommon):
    """Handlers, types, units, receivers and classifications decide who sees a denouncer:
    they change only by the people whose job it is, and every read path is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_a = cls._user("kn_head_a", "motcua_base.group_specialist", cls.commune_a)
        cls.commune_a.head_id = cls.head_a
        cls.denunciation = cls.Petition.create(
            {
                "subject": "Tố cáo",
                "content": "Nội dung",
                "petition_type": "denunciation",
                "unit_id": cls.commune_a.id,
                "petitioner_name": SECRET_NAME,
                "petitioner_id_number": SECRET_ID,
                "petitioner_phone": SECRET_PHONE,
                "handler_ids": [(6, 0, cls.handler_a.ids)],
            }
        )

    def _logs(self, user, access_type=None):
        return super()._logs(user, self.denunciation, access_type)

    # ------------------------------------------------------------------ V1: handlers
    def test_officers_and_monitors_cannot_assign_themselves(self):
        for user in (self.specialist_a, self.officer_a, self.handler_a, self.monitor, self.leader_b):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(AccessError, "Only a leader of .* assigns"):
                    self.denunciation.with_user(user).write({"handler_ids": [(4, user.id)]})
        self.assertEqual(self.denunciation.handler_ids, self.handler_a)
        self.assertEqual(self.denunciation.with_user(self.specialist_a).petitioner_name, "(protected)")

    def test_the_leader_or_the_head_assigns(self):
        self.denunciation.with_user(self.leader_a).write({"handler_ids": [(4, self.specialist_a.id)]})
        self.assertEqual(self.denunciation.with_user(self.specialist_a).petitioner_name, SECRET_NAME)
        self.denunciation.with_user(self.head_a).write({"handler_ids": [(3, self.specialist_a.id)]})
        self.assertEqual(self.denunciation.with_user(self.specialist_a).petitioner_name, "(protected)")
        # (the tracking of the change in the chatter is checked on a live server: tests/test_attacks_staff.py)

    def test_only_a_leader_moves_a_petition_to_another_unit(self):
        with self.assertRaisesRegex(AccessError, "Only a leader"):
            self.denunciation.with_user(self.specialist_a).write({"unit_id": self.commune_b.id})
        self.denunciation.with_user(self.leader_a).write({"unit_id": self.commune_b.id})
        self.assertEqual(self.denunciation.unit_id, self.commune_b)

    # ------------------------------------------------------------------ V2: type
    def test_a_denunciation_stays_a_denunciation(self):
        for user in (self.specialist_a, self.handler_a, self.leader_a):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "its type cannot be changed"):
                    self.denunciation.with_user(user).write({"petition_type": "complaint"})
        self.assertEqual(self.denunciation.petition_type, "denunciation")
        self.assertTrue(self.denunciation.sudo().identity_id.is_protected)
        # the other way round protects more: allowed while the petition is being classified
        complaint = self._petition()
        complaint.with_user(self.specialist_a).petition_type = "denunciation"
        self.assertEqual(complaint.with_user(self.officer_a).petitioner_name, "(protected)")

    # ------------------------------------------------------------------ identity record
    def test_identity_is_written_only_through_the_petition(self):
        identity = self.denunciation.sudo().identity_id
        with self.assertRaisesRegex(AccessError, "on the petition"):
            identity.with_user(self.handler_a).write({"partner_id": self.handler_a.partner_id.id})
        with self.assertRaises(AccessError):
            self.env["motcua.complaint.identity"].with_user(self.handler_a).create(
                {"petition_id": self.denunciation.id, "name": "Giả"}
            )
        self.denunciation.with_user(self.handler_a).petitioner_address = "Địa chỉ mới"
        self.assertEqual(identity.address, "Địa chỉ mới")
        self.assertTrue(self._logs(self.handler_a, "write"))

    # ------------------------------------------------------------------ V11: every read path is logged
    def test_computing_the_identity_logs_nothing(self):
        # computes run under read-only cursors: the read paths log, not the compute
        self.assertEqual(self.denunciation.with_user(self.handler_a).petitioner_name, SECRET_NAME)
        self.assertFalse(self._logs(self.handler_a))

    def test_every_read_path_of_a_handler_is_logged(self):
        self.handler_a.group_ids += self.env.ref("base.group_allow_export")
        petition = self.denunciation.with_user(self.handler_a)
        Petition = self.Petition.with_user(self.handler_a)
        Identity = self.env["motcua.complaint.identity"].with_user(self.handler_a)
        identity_id = self.denunciation.sudo().identity_id.id
        paths = {
            "read": lambda: petition.read(["petitioner_name"]),
            "search_read": lambda: Petition.search_read([("id", "=", petition.id)], ["petitioner_phone"]),
            "web_read": lambda: petition.web_read({"petitioner_id_number": {}}),
            "identity search_read": lambda: Identity.search_read([("id", "=", identity_id)], ["name"]),
            "search": lambda: Petition.search([("petitioner_id_number", "=", SECRET_ID)]),
            "identity search": lambda: Identity.search([("phone", "=", "0912 345 678")]),
            "export": lambda: petition.export_data(["petitioner_name"]),
            "identity export": lambda: Identity.browse(identity_id).export_data(["id_number"]),
        }
        for name, read in paths.items():
            with self.subTest(path=name):
                before = len(self._logs(self.handler_a))
                read()
                self.assertGreater(len(self._logs(self.handler_a)), before, f"{name} was not logged")
        self.assertTrue(self._logs(self.handler_a, "search"))
        self.assertTrue(self._logs(self.handler_a, "export"))

    def test_printing_is_logged(self):
        Report = self.env["ir.actions.report"].with_user(self.handler_a)
        Report._render_qweb_html("motcua_complaints.action_report_petition", self.denunciation.ids)
        self.assertTrue(self._logs(self.handler_a, "report"))

    def test_identities_are_never_grouped_by_personal_data(self):
        for user in (self.handler_a, self.guardian, self.specialist_a):
            for field in ("name", "id_number", "phone", "address", "email"):
                with (
                    self.subTest(user=user.login, field=field),
                    self.assertRaisesRegex(AccessError, "cannot be grouped"),
                ):
                    self.env["motcua.complaint.identity"].with_user(user).formatted_read_group([], [field], ["__count"])

    def test_non_handlers_obtain_nothing_and_leave_no_log(self):
        for user in (self.specialist_a, self.monitor, self.leader_a):
            with self.subTest(user=user.login):
                as_user = self.Petition.with_user(user)
                self.assertFalse(as_user.search([("petitioner_id_number", "=", SECRET_ID)]))
                self.assertFalse(
                    self.env["motcua.complaint.identity"].with_user(user).search([("phone", "=", "0912 345 678")])
                )
                [values] = self.denunciation.with_user(user).read(["petitioner_name", "petitioner_phone"])
                self.assertEqual(values["petitioner_name"], "(protected)")
                self.assertFalse(self._logs(user))


@tagged("post_install", "-at_install")
class TestReceptionProtection(ComplaintsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reception = (
            cls.env["motcua.complaint.reception"]
            .with_user(cls.officer_a)
            .create(
                {
                    "unit_id": cls.commune_a.id,
                    "summary": "Tố cáo",
                    "classification": "denunciation",
                    "citizen_ids": [(0, 0, {"name": SECRET_NAME, "id_number": SECRET_ID})],
                }
            )
        )
        cls.Citizen = cls.env["motcua.complaint.reception.citizen"]

    def test_receiver_and_classification_of_a_denunciation_are_fixed(self):
        as_officer = self.reception.with_user(self.specialist_a)
        self.assertFalse(self.Citizen.with_user(self.specialist_a).search([("reception_id", "=", self.reception.id)]))
        with self.assertRaisesRegex(AccessError, "recorded once"):
            as_officer.write({"receiver_id": self.specialist_a.id})
        with self.assertRaisesRegex(UserError, "classification cannot be changed"):
            as_officer.write({"classification": "complaint"})
        with self.assertRaisesRegex(UserError, "classification cannot be changed"):
            self.reception.with_user(self.officer_a).write({"classification": "other"})
        self.assertFalse(self.Citizen.with_user(self.specialist_a).search([("reception_id", "=", self.reception.id)]))
        self.assertEqual(self.reception.receiver_id, self.officer_a)
        # what does not touch the protection stays editable
        as_officer.with_user(self.officer_a).write({"outcome": "guided"})

    def test_citizens_received_stay_on_their_reception(self):
        other = (
            self.env["motcua.complaint.reception"]
            .with_user(self.officer_a)
            .create({"unit_id": self.commune_a.id, "summary": "Hỏi", "classification": "other"})
        )
        citizen = self.reception.citizen_ids
        with self.assertRaisesRegex(UserError, "stays on the reception"):
            citizen.with_user(self.officer_a).write({"reception_id": other.id})
        self.assertFalse(self.Citizen.with_user(self.specialist_a).search([("name", "=", SECRET_NAME)]))


@tagged("post_install", "-at_install")
class TestMonitorReadsOnly(ComplaintsCommon):
    def test_monitor_reads_every_unit_and_writes_nothing(self):
        petition = self._petition()
        as_monitor = petition.with_user(self.monitor)
        self.assertEqual(as_monitor.subject, "Thử nghiệm")
        for attempt in (
            lambda: as_monitor.write({"subject": "Sửa"}),
            lambda: self.Petition.with_user(self.monitor).create(
                {"subject": "x", "petition_type": "complaint", "unit_id": self.commune_a.id}
            ),
            lambda: as_monitor.action_classify(),
            lambda: (
                self.env["motcua.complaint.reception"]
                .with_user(self.monitor)
                .create({"unit_id": self.commune_a.id, "summary": "x", "classification": "other"})
            ),
            lambda: (
                self.env["motcua.complaint.schedule"]
                .with_user(self.monitor)
                .create(
                    {
                        "unit_id": self.commune_a.id,
                        "leader_id": self.monitor.id,
                        "date_start": "2026-03-02 01:00:00",
                        "date_end": "2026-03-02 04:00:00",
                        "location": "x",
                    }
                )
            ),
        ):
            with self.subTest(), self.assertRaisesRegex(AccessError, "province monitor"):
                attempt()
        self.assertEqual(petition.subject, "Thử nghiệm")

    def test_guardian_monitor_still_reads_identities(self):
        guardian_monitor = self._user("kn_guardian_monitor", f"{MONITOR},{GUARDIAN}", self.province)
        denunciation = self._petition("denunciation")
        self.assertEqual(denunciation.with_user(guardian_monitor).petitioner_name, "Nguyễn Văn Dân")


@tagged("post_install", "-at_install")
class TestWorkflowOutputs(ComplaintsCommon):
    """The state, code, dates and time limits are what the steps produce: plain writes are refused."""

    def test_workflow_outputs_change_only_through_the_steps(self):
        petition = self._petition()
        code = petition.code
        for vals in (
            {"state": "closed"},
            {"code": "KN-GIA"},
            {"date_closed": "2026-03-03 00:00:00"},
            {"resolution_deadline_base": "2027-01-01 00:00:00"},
            {"access_key": "AAAAAAAAAA"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "only through its steps"):
                petition.with_user(self.specialist_a).write(vals)
        with self.assertRaisesRegex(UserError, "only through its steps"):
            self.Petition.with_user(self.specialist_a).create(
                {"subject": "x", "petition_type": "complaint", "unit_id": self.commune_a.id, "state": "closed"}
            )
        self.assertEqual((petition.state, petition.code), ("received", code))
        # the steps still write them, tracked, as the user who takes the step
        petition.with_user(self.specialist_a).write({"decision_reason": "Đủ điều kiện"})
        petition.with_user(self.specialist_a).action_classify()
        self.assertEqual(petition.state, "classified")
        self.assertEqual(petition.write_uid, self.specialist_a)

    def test_an_undeclared_transition_is_refused(self):
        petition = self._petition()
        with self.assertRaisesRegex(UserError, "cannot go from Received to Closed"):
            petition.with_user(self.specialist_a)._motcua_set_state("closed", {"date_closed": "2026-03-03 00:00:00"})
        self.assertEqual((petition.state, petition.date_closed), ("received", False))
        # a step out of its state says where the petition stands
        with self.assertRaisesRegex(UserError, r"is Received: this step is not possible now"):
            petition.with_user(self.specialist_a).action_conclude()
