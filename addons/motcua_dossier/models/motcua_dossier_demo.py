from collections import OrderedDict
from datetime import timedelta

import pytz

from odoo import api, fields, models

DEMO_PEOPLE = [
    ("Nguyễn Văn An", "080090001234", "0912 345 678", False),
    ("Trần Thị Bình", "080190002345", "0987 654 321", "binh.tran@example.com"),
    ("Lê Minh Cường", "080085003456", "0903 111 222", False),
    ("Phạm Thị Dung", "080195004567", False, "dung.pham@example.com"),
    ("Hoàng Văn Em", "080078005678", "0938 222 333", False),
    ("Võ Thị Phương", "080199006789", "0977 333 444", False),
    ("Đặng Quốc Giang", "080088007890", "0966 444 555", False),
    ("Bùi Thị Hạnh", "080192008901", "0918 555 666", False),
    ("Công ty TNHH Phúc Long An", "1101234567", "0272 3826 123", "lienhe@phuclongan.example.com"),
    ("Ngô Văn Khang", "080080009012", "0909 666 777", False),
    ("Dương Thị Lan", "080196000123", "0935 777 888", False),
    ("Trịnh Văn Minh", "080075001357", "0945 888 999", False),
]

# (procedure, unit, working days ago received, [(method, working days ago, kwargs)]); unit "ward"
# or "centre"; None: a draft.
DEMO_PLANS = [
    ("procedure_birth", "ward", None, []),
    ("procedure_certified_copy", "ward", 0, []),
    ("procedure_marital_status", "ward", 1, [("action_start", 1, {})]),
    (
        "procedure_business_household",
        "ward",
        3,
        [
            ("action_start", 3, {}),
            ("action_request_supplement", 2, {"request": "Thiếu bản sao giấy tờ pháp lý của chủ hộ."}),
        ],
    ),
    ("procedure_signature", "ward", 3, [("action_start", 3, {}), ("action_handover", 3, {})]),
    (
        "procedure_marriage",
        "ward",
        7,
        [
            ("action_start", 7, {}),
            ("action_handover", 6, {}),
            ("action_handover", 6, {}),
            ("action_handover", 5, {}),
            ("action_return", 4, {}),
        ],
    ),
    (
        "procedure_civil_change",
        "ward",
        14,
        [
            ("action_start", 14, {}),
            ("action_handover", 13, {}),
            ("action_handover", 9, {}),
            ("action_handover", 8, {}),
            ("action_return", 7, {}),
        ],
    ),
    (
        "procedure_guardianship",
        "ward",
        4,
        [("action_refuse", 4, {"reason": "Người được cử giám hộ không đủ điều kiện theo Bộ luật Dân sự."})],
    ),
    (
        "procedure_social_allowance",
        "ward",
        5,
        [("action_withdraw", 3, {"reason": "Người nộp xin rút hồ sơ để bổ sung giấy tờ."})],
    ),
    ("procedure_house_permit", "ward", 21, [("action_start", 20, {})]),
    ("procedure_land_transfer", "centre", 2, [("action_start", 2, {}), ("action_handover", 2, {})]),
    (
        "procedure_marriage",
        "ward",
        1,
        [
            ("action_start", 1, {}),
            (
                "action_apologize",
                0,
                {"reason": "Cần xác minh thông tin tình trạng hôn nhân tại nơi cư trú trước đây.", "new_due": None},
            ),
        ],
    ),
    # the last months, settled: the leaders' figures and their trend
    (
        "procedure_marriage",
        "ward",
        25,
        [
            ("action_start", 25, {}),
            ("action_handover", 25, {}),
            ("action_handover", 24, {}),
            ("action_handover", 24, {}),
            ("action_return", 23, {}),
        ],
    ),
    ("procedure_signature", "ward", 35, [("action_start", 35, {}), ("action_handover", 35, {})]),
    ("procedure_certified_copy", "ward", 30, [("action_start", 30, {}), ("action_handover", 30, {})]),
    (
        "procedure_land_transfer",
        "centre",
        40,
        [
            ("action_start", 40, {}),
            ("action_handover", 39, {}),
            ("action_handover", 33, {}),
            ("action_handover", 31, {}),
        ],
    ),
    (
        "procedure_marriage",
        "ward",
        48,
        [
            ("action_start", 48, {}),
            ("action_handover", 47, {}),
            ("action_handover", 45, {}),
            ("action_handover", 44, {}),
            ("action_return", 43, {}),
        ],
    ),
    ("procedure_certified_copy", "ward", 55, [("action_start", 55, {}), ("action_handover", 54, {})]),
    ("procedure_signature", "ward", 62, [("action_start", 62, {}), ("action_handover", 62, {})]),
    (
        "procedure_land_transfer",
        "centre",
        70,
        [
            ("action_start", 70, {}),
            ("action_handover", 69, {}),
            ("action_handover", 60, {}),
            ("action_handover", 57, {}),
        ],
    ),
]


class MotcuaDossier(models.Model):
    _inherit = "motcua.dossier"

    @api.model
    def _motcua_load_demo(self):
        """Demo dossiers in every state, replayed at past moments of an office's working time.

        Each dossier is received during the working hours of a working day of the last weeks
        (before the moment the demo is loaded), and each later action on a later moment of
        working time, so that receipts, handovers and the due dates computed from them fall in
        working hours, as at a real desk.
        """
        ref = self.env.ref
        if ref("motcua_dossier.dossier_demo_1", raise_if_not_found=False):
            return self.browse()
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        units = {
            "ward": ref("motcua_base.unit_long_an_ward"),
            "centre": ref("motcua_base.unit_tay_ninh_service_centre"),
        }
        officer = ref("motcua_base.user_receiving_officer")
        office = self.with_context(lang=officer.lang)  # codes, messages and notes in the office's language
        days = self._motcua_demo_working_days(units["ward"], now)
        dossiers = self.browse()
        for index, (procedure_xmlid, unit_key, days_ago, timeline) in enumerate(DEMO_PLANS):
            name, id_number, phone, email = DEMO_PEOPLE[index % len(DEMO_PEOPLE)]
            procedure = ref(f"motcua_dossier.{procedure_xmlid}")
            unit = units[unit_key]
            dossier = (
                office.with_user(officer)
                .sudo()
                .create(
                    {
                        "procedure_id": procedure.id,
                        "unit_id": unit.id,
                        "applicant_type": "organisation" if id_number.startswith("11") else "citizen",
                        "applicant_name": name,
                        "applicant_id_number": id_number,
                        "applicant_phone": phone,
                        "applicant_email": email,
                        "applicant_address": f"{10 + index} đường Hùng Vương, {unit.name}",
                        "channel": "desk",
                        "request_summary": procedure.name,
                    }
                )
            )
            dossier.paper_ids.write({"received": True})
            if days_ago is not None:
                # morning receipts, spread over the morning by dossier
                received = self._motcua_demo_moment(days, days_ago, 0.05 + 0.03 * (index % 8))
                dossier.with_context(motcua_now=received, motcua_no_notify=True).action_receive()
                last = received
                for step, (method, ago, kwargs) in enumerate(timeline, start=1):
                    moment = max(
                        self._motcua_demo_moment(days, ago, min(0.35 + 0.12 * step, 0.95)), last + timedelta(minutes=20)
                    )
                    moment = min(moment, now)
                    if method == "action_apologize":
                        kwargs = dict(kwargs, new_due=dossier.unit_id.add_working_time(dossier.due_at, days=3))
                    getattr(dossier.with_context(motcua_now=moment, motcua_no_notify=True), method)(**kwargs)
                    last = moment
                dossier._motcua_update_timeliness(now)
            self.env["ir.model.data"].sudo().create(
                {
                    "module": "motcua_dossier",
                    "name": f"dossier_demo_{index + 1}",
                    "model": self._name,
                    "res_id": dossier.id,
                    "noupdate": True,
                }
            )
            dossiers |= dossier
        # A known code and key to try the public lookup with.
        dossiers[2].sudo().lookup_key = "DEMO23"
        return dossiers

    @api.model
    def _motcua_demo_working_days(self, unit, now):
        """The working time of ``unit``'s last weeks up to ``now``, most recent day first:
        ``[[(start, end), ...], ...]`` in naive UTC, one list of intervals per working day."""
        calendar = unit._get_calendar()
        start = calendar._motcua_localize(now - timedelta(days=120))
        end = calendar._motcua_localize(now)
        by_day = OrderedDict()
        for lo, hi, _att in calendar._motcua_work_intervals(start, end):
            by_day.setdefault(lo.date(), []).append(
                tuple(t.astimezone(pytz.utc).replace(tzinfo=None) for t in (lo, hi))
            )
        return list(reversed(by_day.values()))

    @api.model
    def _motcua_demo_moment(self, days, days_ago, share):
        """The moment ``share`` (0–1) into the working time of the working day ``days_ago``
        working days back (0: the last working day up to now), rounded to the minute."""
        intervals = days[min(days_ago, len(days) - 1)]
        remaining = sum(((hi - lo) for lo, hi in intervals), timedelta()) * share
        for lo, hi in intervals:
            if remaining <= hi - lo:
                return (lo + remaining).replace(second=0, microsecond=0)
            remaining -= hi - lo
        return intervals[-1][1]
