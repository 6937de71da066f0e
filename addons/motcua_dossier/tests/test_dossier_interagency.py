"""Inter-agency dossiers (liên thông): one code, each agency's part measured, counted once."""

import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase
from odoo.addons.motcua_base.tools import local_day_start, local_now

from .common import LEADER, VIETNAMESE_BROWSER, DossierCase, enable_vietnamese, utc

DECEMBER = (date(2026, 12, 1), date(2027, 1, 1))
INBOUND_CODE = "000.00.00.H29-261207-0042"


class InteragencyCase(DossierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader_d = cls._user("leader_d", LEADER, cls.department, name="Leader D")

    def step_figures(self, user, domain=None):
        """{unit: (settled, on time, late, open overdue, rate)} of the step statistics ``user`` sees."""
        Steps = self.env["motcua.dossier.step.statistics"].with_user(user)
        return {
            unit: tuple(values)
            for unit, *values in Steps._read_group(
                domain or [],
                ["unit_id"],
                ["finished_count:sum", "on_time_count:sum", "late_count:sum", "overdue_count:sum", "on_time_rate:avg"],
            )
        }

    def transferred_three_times(self):
        """Received at commune A, transferred to the district, then to department D, late there,
        back to commune A for the signature: settled on Thursday, after its Wednesday appointment."""
        with freeze_time(utc(2026, 12, 7, 10, 0)):  # Monday 7 December 2026, 10:00
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
        with freeze_time(utc(2026, 12, 7, 11, 0)):
            dossier.with_user(self.specialist_a).action_transfer(self.district, "Ý kiến của huyện")
        with freeze_time(utc(2026, 12, 7, 14, 0)):
            dossier.with_user(self.district_leader).action_transfer(self.department, "Thẩm định của sở")
        with freeze_time(utc(2026, 12, 10, 9, 0)):  # Thursday: the department kept it three days
            dossier.with_user(self.specialist_d).action_handover()
        with freeze_time(utc(2026, 12, 10, 10, 0)):
            dossier.with_user(self.leader_a).action_handover()
        return dossier


@tagged("post_install", "-at_install")
class TestInteragencyFigures(InteragencyCase):
    def test_each_units_part_from_hand_made_steps(self):
        dossier = self.received_dossier()
        moment = utc(2026, 12, 7, 10, 0)
        hour = timedelta(hours=1)
        # (unit, state, timeliness): done steps are handed over at `moment`, open ones started then
        steps = [
            (self.commune_a, "done", "early"),
            (self.commune_a, "done", "on_time"),
            (self.commune_a, "done", "late"),
            (self.commune_a, "open", "overdue"),
            (self.department, "done", "early"),
            (self.department, "done", "late"),
            (self.department, "open", "within"),
            (self.department, "cancelled", False),  # never started: not a part of anyone's work
        ]
        self.env["motcua.dossier.step"].sudo().create(
            [
                {
                    "dossier_id": dossier.id,
                    "sequence": 100 + index,
                    "name": f"Hand-made {index}",
                    "unit_id": unit.id,
                    "state": state,
                    "start_at": moment - hour if state != "cancelled" else False,
                    "deadline": moment,
                    "done_at": moment if state == "done" else False,
                    "timeliness": timeliness,
                }
                for index, (unit, state, timeliness) in enumerate(steps)
            ]
        )
        figures = self.step_figures(self.monitor, [("dossier_id", "=", dossier.id)])
        self.assertEqual(figures[self.commune_a][:4], (3, 2, 1, 1))
        self.assertAlmostEqual(figures[self.commune_a][4], 66.666666, places=4)
        self.assertEqual(figures[self.department], (2, 1, 1, 0, 50.0))
        self.assertEqual(set(figures), {self.commune_a, self.department})
        self.assertEqual(dossier.late_unit_ids, self.commune_a | self.department, "a late step and an overdue one")

    def test_transfer_to_three_units_counts_the_dossier_once(self):
        dossier = self.transferred_three_times()
        self.assertEqual((dossier.state, dossier.timeliness), ("result_ready", "late"))
        self.assertEqual(
            [(step.unit_id, step.state, step.timeliness) for step in dossier.step_ids.sorted("start_at")],
            [
                (self.commune_a, "done", "early"),
                (self.district, "done", "early"),
                (self.department, "done", "late"),
                (self.commune_a, "done", "early"),
            ],
        )
        Stats = self.env["motcua.dossier.statistics"].with_user(self.monitor)
        ours = [("unit_id", "child_of", self.province.id)]  # the test's units (not the demo's)
        december = [*ours, ("date", ">=", utc(2026, 12, 1, 0, 0)), ("date", "<", utc(2027, 1, 1, 0, 0))]
        [(received, finished, late)] = Stats._read_group(
            december, [], ["received_count:sum", "finished_count:sum", "late_count:sum"]
        )
        self.assertEqual((received, finished, late), (1, 1, 1), "one dossier, however many units handled it")
        self.assertEqual(
            Stats._read_group(december, ["unit_id"], ["received_count:sum"]), [(self.commune_a, 1)], "at its receiver"
        )
        self.assertEqual(
            self.step_figures(self.monitor, [("dossier_id", "=", dossier.id)]),
            {
                self.commune_a: (2, 2, 0, 0, 100.0),
                self.district: (1, 1, 0, 0, 100.0),
                self.department: (1, 0, 1, 0, 0.0),
            },
        )
        self.assertEqual(dossier.late_unit_ids, self.department)
        totals = Stats._motcua_totals(*DECEMBER, domain=ours)
        self.assertEqual((totals["received"], totals["finished"], totals["late"]), (1, 1, 1))
        ours = self.env["motcua.unit"].search([("id", "child_of", self.province.id)])
        self.assertEqual(
            {
                line["unit"]: (line["late"], line["late_here"])
                for line in Stats._motcua_late_units(*DECEMBER)
                if line["unit"] in ours
            },
            {self.commune_a: (1, 0), self.department: (0, 1)},
            "late, received at commune A; late at department D",
        )

    def test_outbound_to_an_agency_outside_this_system(self):
        outside = self._unit(
            "Sở Tư pháp tỉnh Đồng Nai", "department", identifier_code="000.00.02.H29", motcua_external=True
        )
        with self.assertRaisesRegex(ValidationError, "identifier code of the outside agency"):
            self._unit("Outside without a code", "department", motcua_external=True)
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.specialist_a).action_transfer(outside, "Xác minh hộ tịch ở tỉnh khác")
        self.assertEqual(dossier.handling_unit_id, outside)
        # the outside agency had the time left of the first step: until Tuesday 10:00
        with freeze_time(utc(2026, 12, 9, 9, 0)):
            # the outside agency answered on Wednesday: the unit that sent it records the answer
            with self.assertRaises(AccessError):
                dossier.with_user(self.specialist_b).action_handover()
            dossier.with_user(self.specialist_a).action_handover()
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(dossier.state, "result_ready")
        outside_step = dossier.step_ids.filtered(lambda s: s.unit_id == outside)
        self.assertEqual((outside_step.state, outside_step.user_id), ("done", self.specialist_a))
        Stats = self.env["motcua.dossier.statistics"].with_user(self.monitor)
        self.assertEqual(
            Stats._read_group([("dossier_id", "=", dossier.id)], ["unit_id"], ["received_count:sum"]),
            [(self.commune_a, 1)],
        )
        self.assertEqual(
            self.step_figures(self.monitor, [("dossier_id", "=", dossier.id)])[outside][:3],
            (1, 0, 1),
            "the outside agency's part: late",
        )


@tagged("post_install", "-at_install")
class TestInboundInteragency(InteragencyCase):
    def test_inbound_keeps_the_origin_code_and_is_the_origins_to_count(self):
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.new_dossier()
            dossier.paper_ids.write({"received": True})
            dossier.action_receive_interagency(f" {INBOUND_CODE} ", "000.00.00.H29", due_at=utc(2026, 12, 11, 16, 0))
            dossier.with_user(self.specialist_a).action_start()
        self.assertEqual(dossier.name, INBOUND_CODE, "no new code: the origin's")
        self.assertEqual((dossier.state, dossier.origin_agency_code), ("in_progress", "000.00.00.H29"))
        self.assertEqual(dossier.due_at, utc(2026, 12, 11, 16, 0), "the origin's appointment")
        self.assertEqual(dossier.received_by_id, self.officer_a)
        self.assertTrue(dossier.sudo().lookup_key, "the citizen can look it up here too")
        self.assertIn("Inter-agency dossier received from the agency 000.00.00.H29", dossier.message_ids[0].body)
        with freeze_time(utc(2026, 12, 8, 10, 0)):
            dossier.with_user(self.specialist_a).action_handover()
        Stats = self.env["motcua.dossier.statistics"].with_user(self.monitor)
        self.assertFalse(Stats.search([("dossier_id", "=", dossier.id)]), "counted by the origin, not in our totals")
        self.assertEqual(
            self.step_figures(self.monitor, [("dossier_id", "=", dossier.id)]),
            {self.commune_a: (1, 1, 0, 0, 100.0)},
            "our steps are measured for our unit",
        )
        # an ordinary dossier received the same day still gets our code
        with freeze_time(utc(2026, 12, 7, 11, 0)):
            ours = self.received_dossier()
        self.assertEqual(ours.name, "000.20.01.T01-261207-0001")

    def test_inbound_bad_input_is_refused_with_a_message(self):
        taken = self.received_dossier().name
        dossier = self.new_dossier()
        dossier.paper_ids.write({"received": True})
        cases = [
            ("", "000.00.00.H29", {}, "Give the dossier code the origin agency issued"),
            ("bad code with spaces", "000.00.00.H29", {}, "Give the dossier code the origin agency issued"),
            (INBOUND_CODE, "", {}, "Give the electronic identifier code of the origin agency"),
            (INBOUND_CODE, "000.20.01.T01", {}, "is the code of Test province / Test district / Commune A"),
            (taken, "000.00.00.H29", {}, f"Another dossier already has the code {taken}"),
            (INBOUND_CODE, "000.00.00.H29", {"due_at": "not a date"}, "is not a date and time"),
            (INBOUND_CODE, "000.00.00.H29", {"due_at": utc(2020, 1, 1, 8, 0)}, "cannot be before its receipt"),
        ]
        for code, origin, kwargs, message in cases:
            with self.subTest(code=code, origin=origin), self.assertRaisesRegex(ValidationError, message):
                dossier.action_receive_interagency(code, origin, **kwargs)
        self.assertEqual((dossier.state, dossier.name, dossier.origin_agency_code), ("draft", "New", False))


@tagged("post_install", "-at_install")
class TestInteragencySecurity(InteragencyCase):
    """What a hostile colleague can do over RPC."""

    def test_the_new_fields_are_workflow_outputs(self):
        dossier = self.received_dossier()
        for vals in (
            {"origin_agency_code": "000.00.00.H29"},
            {"late_unit_ids": [(6, 0, self.commune_b.ids)]},
            {"late_unit_ids": [(5, 0, 0)]},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "change only through its actions"):
                dossier.with_user(self.officer_a).write(vals)
        with self.assertRaisesRegex(AccessError, "change only through its actions"):
            self.new_dossier(origin_agency_code="000.00.00.H29")
        self.assertFalse(dossier.origin_agency_code)
        draft = self.new_dossier()
        for user in (self.internal, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                draft.with_user(user).action_receive_interagency(INBOUND_CODE, "000.00.00.H29")
        with self.assertRaises(AccessError):  # commune B's officer, on commune A's draft
            draft.with_user(self.officer_b).action_receive_interagency(INBOUND_CODE, "000.00.00.H29")
        self.assertEqual(draft.state, "draft")

    def test_a_unit_sees_its_own_step_figures_only(self):
        dossier = self.transferred_three_times()
        Steps = self.env["motcua.dossier.step.statistics"]
        rows = Steps.search([("dossier_id", "=", dossier.id)])
        commune_rows = rows.filtered(lambda r: r.unit_id == self.commune_a)
        self.assertEqual(self.step_figures(self.leader_a), {self.commune_a: (2, 2, 0, 0, 100.0)})
        self.assertEqual(
            self.step_figures(self.leader_d), {self.department: (1, 0, 1, 0, 0.0)}, "not commune A's, same dossier"
        )
        self.assertEqual(
            set(self.step_figures(self.district_leader)),
            {self.commune_a, self.district},
            "the district leads commune A",
        )
        self.leader_b.group_ids |= self.env.ref("base.group_allow_export")  # export is no way around
        hostile = Steps.with_user(self.leader_b)
        self.assertFalse(hostile.search([]))
        self.assertFalse(hostile.search_read([("dossier_id", "=", dossier.id)], ["unit_id", "late_count"]))
        self.assertFalse(hostile.search([("dossier_id.name", "=", dossier.name)]))
        self.assertFalse(hostile.name_search(dossier.name))
        self.assertFalse(hostile.formatted_read_group([], ["unit_id"], ["late_count:sum"]))
        with self.assertRaises(AccessError):
            hostile.browse(commune_rows.ids).read(["late_count"])
        with self.assertRaises(AccessError):
            hostile.browse(commune_rows.ids).export_data(["unit_id", "late_count"])
        with self.assertRaises(AccessError):
            Steps.with_user(self.leader_d).browse(commune_rows.ids).read(["on_time_rate"])
        with self.assertRaises(AccessError):  # a specialist is no leader: no figures at all
            Steps.with_user(self.specialist_d).search([])


@tagged("post_install", "-at_install")
class TestInteragencyPages(InteragencyCase, MotcuaReportCase):
    """What the citizen and the public read: the late unit named, never its staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)

    def setUp(self):
        super().setUp()
        self.opener.headers.update(VIETNAMESE_BROWSER)
        self.env["motcua.rate.limit"].sudo().search([("bucket", "=", "dossier_lookup")]).unlink()

    def test_lookup_of_a_late_dossier_names_the_late_unit(self):
        dossier = self.transferred_three_times()
        key = dossier.sudo().lookup_key
        page = self.url_open(f"/tra-cuu-ho-so?code={dossier.name}&key={key}")
        self.assertEqual(page.status_code, 200)
        late_at = re.search(r"<th>Quá hạn tại</th>\s*<td[^>]*>(.*?)</td>", page.text, re.S)
        self.assertEqual(late_at.group(1).strip(), "Department D")
        for staff in ("Specialist D", "Leader A", "Specialist A", "District leader", "Officer A"):
            self.assertNotIn(staff, page.text)
        api = self.url_open(f"/api/v1/dossiers/{dossier.name}?key={key}")
        self.assertEqual(api.json()["late_units"], ["Department D"])
        on_time = self.received_dossier()
        page = self.url_open(f"/tra-cuu-ho-so?code={on_time.name}&key={on_time.sudo().lookup_key}")
        self.assertNotIn("Quá hạn tại", page.text)

    def test_transparency_says_which_unit_was_late(self):
        receiver = self._unit("Liên thông xã X", "commune")
        department = self._unit("Liên thông sở Y", "department")
        procedure = self.env["motcua.procedure"].create({"code": "LT.0001", "name": "Liên thông", "duration_days": 1})
        month_start = local_day_start(local_now().date().replace(day=1))
        moment = month_start + timedelta(hours=3)  # in this (local) month
        for index, (late_unit, timeliness) in enumerate(((department, "late"), (department, "late"), (False, "early"))):
            dossier = self.env["motcua.dossier"].create(
                {"procedure_id": procedure.id, "unit_id": receiver.id, "applicant_name": "X"}
            )
            dossier.write(
                {
                    "name": f"LT-{index}",
                    "state": "returned",
                    "received_at": moment - timedelta(hours=2),
                    "finished_at": moment,
                    "timeliness": timeliness,
                }
            )
            for unit, step_timeliness in ((receiver, "on_time"), (department, "late" if late_unit else "early")):
                self.env["motcua.dossier.step"].create(
                    {
                        "dossier_id": dossier.id,
                        "name": "Step",
                        "unit_id": unit.id,
                        "state": "done",
                        "start_at": moment - timedelta(hours=2),
                        "deadline": moment - timedelta(hours=1),
                        "done_at": moment - timedelta(hours=1),
                        "timeliness": step_timeliness,
                    }
                )
        self.env["motcua.public.figures"]._motcua_refresh()  # the page shows the kept figures
        page = self.url_open("/cong-khai")
        self.assertEqual(page.status_code, 200)
        month = page.text.split("<h2")[1]  # this month's section

        def row(table_class, name):
            table = re.search(rf'class="{table_class}"(.*?)</table>', month, re.S).group(1)
            cells = re.search(rf"{name}</td>(.*?)</tr>", table, re.S).group(1)
            return [re.sub(r"<[^>]+>|\s+", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]

        self.assertEqual(row("motcua-late-units", "Liên thông xã X"), ["2", "0"], "late, but not at the receiver")
        self.assertEqual(row("motcua-late-units", "Liên thông sở Y"), ["0", "2"], "late there, received elsewhere")
        self.assertIn("Đơn vị để quá hạn", month)
        self.assertIn("Tổng cộng toàn tỉnh", month)

    def test_control_slip_names_the_late_unit_and_the_origin(self):
        dossier = self.transferred_three_times()
        self.assertPrinted(
            self.render_pdf("motcua_dossier.action_report_dossier_control", dossier),
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "Đơn vị giải quyết quá hạn: Department D",
        )
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            inbound = self.new_dossier()
            inbound.paper_ids.write({"received": True})
            inbound.action_receive_interagency(INBOUND_CODE, "000.00.00.H29")
        self.assertPrinted(
            self.render_pdf("motcua_dossier.action_report_dossier_control", inbound),
            f"Mã hồ sơ: {INBOUND_CODE}",
            "Hồ sơ liên thông do cơ quan khác tiếp nhận: 000.00.00.H29",
        )
