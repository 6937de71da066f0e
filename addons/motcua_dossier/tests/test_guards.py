from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DossierCase, utc


@tagged("post_install", "-at_install")
class TestWorkflowGuards(DossierCase):
    """Workflow outputs change through the actions only, by the role whose job it is (issue 13)."""

    def test_outputs_are_not_written_directly(self):
        dossier = self.received_dossier()
        before = dossier.read(["state", "timeliness", "due_at", "name"])[0]
        for vals in (
            {"timeliness": "on_time"},
            {"state": "returned"},
            {"due_at": dossier.due_at + timedelta(days=9)},
            {"legal_due_at": dossier.due_at + timedelta(days=9)},
            {"name": "FORGED"},
            {"handling_unit_id": self.commune_b.id},
            {"access_unit_ids": [(4, self.commune_b.id)]},
            {"partner_id": self.portal.partner_id.id},
            {"finished_at": dossier.received_at},
        ):
            for user in (self.officer_a, self.leader_a):
                with self.subTest(vals=vals, user=user.login), self.assertRaises(AccessError) as error:
                    dossier.with_user(user).write(vals)
                self.assertIn("change only through its actions", str(error.exception))
        self.assertEqual(dossier.read(["state", "timeliness", "due_at", "name"])[0], before)
        with self.assertRaises(AccessError):
            self.new_dossier(state="returned", timeliness="early")
        # the receipt is fixed once received
        with self.assertRaises(UserError):
            dossier.with_user(self.officer_a).write({"unit_id": self.desk_a.id})
        # harmless fields stay editable
        dossier.with_user(self.officer_a).write({"request_summary": "Corrected request"})
        self.assertEqual(dossier.request_summary, "Corrected request")

    def test_the_action_clock_is_not_taken_from_the_context(self):
        dossier = self.new_dossier()
        dossier.paper_ids.write({"received": True})
        with freeze_time(utc(2026, 12, 7, 3, 0)):
            dossier.with_user(self.officer_a).with_context(motcua_now=utc(2020, 1, 1, 3, 0)).action_receive()
            self.assertEqual(dossier.received_at, utc(2026, 12, 7, 3, 0))

    def test_steps_and_papers_are_an_audit_trail(self):
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        step = dossier.step_ids[:1]
        with self.assertRaises(AccessError):
            step.with_user(self.leader_a).unlink()
        with self.assertRaises(AccessError):
            step.with_user(self.leader_a).write({"state": "done", "timeliness": "early"})
        with self.assertRaises(AccessError):
            self.env["motcua.dossier.step"].with_user(self.leader_a).create(
                {"dossier_id": dossier.id, "name": "Forged", "unit_id": self.commune_a.id}
            )
        with self.assertRaises(UserError) as error:
            dossier.paper_ids.with_user(self.officer_a).unlink()
        self.assertIn("part of its receipt", str(error.exception))
        with self.assertRaises(UserError):
            dossier.paper_ids.with_user(self.officer_a).write({"received": False})
        with self.assertRaises(AccessError):
            self.env["motcua.dossier.apology"].with_user(self.officer_a).create(
                {
                    "dossier_id": dossier.id,
                    "unit_id": self.commune_a.id,
                    "reason": "x",
                    "old_due_at": dossier.due_at,
                    "new_due_at": dossier.due_at + timedelta(days=1),
                }
            )
        self.assertTrue(step.exists())
        self.assertTrue(all(dossier.paper_ids.mapped("received")))
        # in a draft the checklist is the officer's
        draft = self.new_dossier()
        draft.paper_ids[:1].with_user(self.officer_a).unlink()
        self.assertEqual(len(draft.paper_ids), 1)

    def test_a_step_is_completed_by_its_role_in_its_unit(self):
        with freeze_time(utc(2026, 12, 7, 3, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
            self.assertIn(self.specialist_a, dossier.activity_ids.user_id)
            # a specialist of another unit cannot complete the step (no access), nor the officer
            with self.assertRaises(AccessError):
                dossier.with_user(self.specialist_b).action_handover()
            with self.assertRaises(AccessError):
                dossier.with_user(self.officer_a).action_handover()
            dossier.with_user(self.specialist_a).action_handover()
            # the leader is told; the specialist cannot sign for them
            self.assertIn(self.leader_a, dossier.activity_ids.user_id)
            with self.assertRaises(AccessError) as error:
                dossier.with_user(self.specialist_a).action_handover()
            self.assertIn("unit leader", str(error.exception))
            # nor close it by transferring the dossier elsewhere
            with self.assertRaises(AccessError):
                dossier.with_user(self.specialist_a).action_transfer(self.department, "Elsewhere")
            self.assertEqual(dossier.current_step_id.name, "Sign")
            dossier.with_user(self.leader_a).action_handover()
            self.assertEqual(dossier.state, "result_ready")
            self.assertEqual(dossier.step_ids.mapped("user_id"), self.specialist_a | self.leader_a)

    def test_monitor_reads_and_writes_nothing(self):
        self.monitor.motcua_unit_ids = self.province  # even in their own unit tree
        dossier = self.received_dossier()
        self.assertTrue(dossier.with_user(self.monitor).read(["name"]))
        with self.assertRaises(AccessError) as error:
            dossier.with_user(self.monitor).write({"request_summary": "x"})
        self.assertIn("Province monitors", str(error.exception))
        for action, args in (
            ("action_start", ()),
            ("action_request_supplement", ("x",)),
            ("action_change_due", (dossier.due_at + timedelta(days=1), "x")),
            ("action_refuse", ("x",)),
        ):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(dossier.with_user(self.monitor), action)(*args)
        with self.assertRaises(AccessError):
            dossier.paper_ids.with_user(self.monitor).write({"note": "x"})
        self.assertEqual(dossier.state, "received")


@tagged("post_install", "-at_install")
class TestTimeliness(DossierCase):
    """Lateness is measured against the legal due date, whatever appointment was given later."""

    def test_changed_appointment_and_apology_do_not_hide_lateness(self):
        with freeze_time(utc(2026, 12, 7, 3, 0)):  # Monday
            changed = self.received_dossier()
            apologised = self.received_dossier()
            legal = changed.due_at
            self.assertEqual(changed.legal_due_at, legal)
            (changed | apologised).with_user(self.specialist_a).action_start()
            changed.with_user(self.officer_a).action_change_due(legal + timedelta(days=7), "Waiting for a survey")
            apologised.with_user(self.officer_a).action_apologize("Verification", legal + timedelta(days=7))
            self.assertEqual(changed.legal_due_at, legal)
            change = changed.due_change_ids
            self.assertEqual(
                (change.user_id, change.reason, change.kind), (self.officer_a, "Waiting for a survey", "change")
            )
            self.assertEqual(apologised.due_change_ids.kind, "apology")
        with freeze_time(legal + timedelta(days=2)):
            self.env["motcua.dossier"]._cron_refresh_timeliness()
            self.assertEqual(changed.timeliness, "overdue")
            self.assertEqual(apologised.timeliness, "overdue")
            for dossier in (changed, apologised):
                dossier.with_user(self.specialist_a).action_handover()
                dossier.with_user(self.leader_a).action_handover()
            # returned within the new appointment, after the legal date: late, as the regulations count it
            self.assertEqual(changed.timeliness, "late")
            self.assertEqual(apologised.timeliness, "late")

    def test_supplement_pause_moves_the_legal_date(self):
        with freeze_time(utc(2026, 12, 7, 3, 0)):
            dossier = self.received_dossier()
            legal = dossier.legal_due_at
            dossier.with_user(self.officer_a).action_request_supplement("Missing form")
        with freeze_time(utc(2026, 12, 8, 3, 0)):
            dossier.with_user(self.officer_a).action_resubmit()
            self.assertGreater(dossier.legal_due_at, legal)
            self.assertEqual(dossier.legal_due_at, dossier.due_at)
