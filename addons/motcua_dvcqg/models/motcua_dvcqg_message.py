import json
import re
from datetime import timedelta

import psycopg2.errors
import requests

from odoo import api, fields, models, modules
from odoo.exceptions import AccessError

from odoo.addons.motcua_base.tools import to_local
from odoo.addons.motcua_dossier.models.motcua_dossier_states import STATES

EVENTS = [
    ("received", "Received"),
    ("step", "Step changed"),
    ("supplement", "Supplement requested"),
    ("resubmitted", "Supplement answered"),
    ("apology", "Apology with a new date"),
    ("due_changed", "Appointment changed"),
    ("result_ready", "Result ready"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
    ("snapshot", "Current state (backfill)"),
]
STATUSES = [
    ("pending", "Pending"),
    ("sent", "Sent, not acknowledged"),
    ("acknowledged", "Acknowledged"),
    ("failed", "Failed"),
]
# The services of the national portal (through the provincial integration platform)
SERVICE_NEW = "DongBoHoSoMC"
SERVICE_UPDATE = "CapNhatTienDoHoSoMC"
APPLICANT_KINDS = {"citizen": "1", "organisation": "2"}
CHANNEL_CODES = {"desk": "1", "online": "2", "post": "3"}
PAPER_KINDS = {"original": "1", "copy": "2"}
# answers that mean "your data is wrong": resending the same message would not help
REJECTED = (400, 422)
MAX_DELAY = timedelta(days=1)


def network_error(error):
    """The reason of a failed connection as an administrator reads it ("Connection refused"), not
    the chain of the HTTP library's exceptions."""
    text = str(error)
    match = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    return match.group(1).strip() if match else text[:200]


def national_datetime(moment):
    """A naive UTC datetime as the national portal writes it: yyyyMMddHHmmss in Viet Nam time."""
    return to_local(moment).strftime("%Y%m%d%H%M%S") if moment else ""


class MotcuaDvcqgMessage(models.Model):
    """One message to the National Public Service Portal about one event of a dossier: created in the
    transaction of the event, sent in order per dossier, exactly once per idempotency key."""

    _name = "motcua.dvcqg.message"
    _description = "Message to the National Public Service Portal"
    _order = "id"  # what is stuck: the oldest first
    _rec_name = "idempotency_key"

    dossier_id = fields.Many2one("motcua.dossier", required=True, index=True, ondelete="cascade", readonly=True)
    event = fields.Selection(EVENTS, required=True, readonly=True)
    state = fields.Selection(STATES, string="Dossier state", readonly=True, help="The state the event left.")
    service = fields.Char(required=True, readonly=True)
    sequence = fields.Integer(required=True, readonly=True, help="Order of the message among its dossier's.")
    idempotency_key = fields.Char(required=True, readonly=True, copy=False)
    payload = fields.Text(readonly=True, help="The data sent, in the national portal's field shape (JSON).")
    status = fields.Selection(STATUSES, default="pending", required=True, readonly=True, index=True)
    mapping_error = fields.Boolean(readonly=True, help="The message could not be built: a national code is missing.")
    attempts = fields.Integer(readonly=True)
    next_attempt_at = fields.Datetime(readonly=True, index=True)
    last_attempt_at = fields.Datetime(readonly=True)
    acknowledged_at = fields.Datetime(readonly=True)
    last_answer = fields.Text(readonly=True)
    replay_count = fields.Integer(readonly=True)
    stuck_reason = fields.Char(compute="_compute_stuck_reason", string="Why")

    _key_uniq = models.UniqueIndex("(idempotency_key)", "A message is queued once per key.")
    _sequence_uniq = models.UniqueIndex("(dossier_id, sequence)", "A dossier's messages are numbered once.")

    # ------------------------------------------------------------------ the outbox is the system's
    def _motcua_check_system(self):
        if not self.env.su:
            raise AccessError(self.env._("Only the system writes the messages to the national portal."))

    @api.model_create_multi
    def create(self, vals_list):
        self._motcua_check_system()
        return super().create(vals_list)

    def write(self, vals):
        self._motcua_check_system()
        return super().write(vals)

    def unlink(self):
        self._motcua_check_system()
        return super().unlink()

    @api.depends("status", "next_attempt_at", "last_answer")
    def _compute_stuck_reason(self):
        labels = dict(self._fields["status"]._description_selection(self.env))
        for message in self:
            blocker = message._motcua_blocker()
            if message.status == "failed":
                reason = message.last_answer or labels["failed"]
            elif blocker:
                reason = self.env._(
                    "Waits for message %(sequence)s (%(status)s)",
                    sequence=blocker.sequence,
                    status=labels[blocker.status],
                )
            elif message.status == "sent":
                reason = self.env._("To be sent again: %(answer)s", answer=message.last_answer or "")
            else:
                reason = False
            message.stuck_reason = reason

    def _motcua_blocker(self):
        """The earliest message of the same dossier sent before this one and not acknowledged."""
        self.ensure_one()
        if self.status == "acknowledged":
            return self.browse()
        return self.search(
            [
                ("dossier_id", "=", self.dossier_id.id),
                ("sequence", "<", self.sequence),
                ("status", "!=", "acknowledged"),
            ],
            order="sequence",
            limit=1,
        )

    # ------------------------------------------------------------------ building messages
    @api.model
    @api.private
    def _motcua_enqueue(self, dossiers, event, **facts):
        """Queue one message per dossier about ``event``, in the current transaction, and wake the
        sender up after the commit."""
        Message = self.sudo()
        messages = Message.browse()
        for dossier in dossiers.sudo():
            last = Message.search([("dossier_id", "=", dossier.id)], order="sequence desc", limit=1)
            sequence = last.sequence + 1
            vals = {
                "dossier_id": dossier.id,
                "event": event,
                "state": dossier.state,
                "sequence": sequence,
                "service": SERVICE_NEW if sequence == 1 else SERVICE_UPDATE,
                "idempotency_key": f"{dossier.name}#{sequence:03d}",
            }
            vals.update(Message._motcua_build(dossier, event, dossier.state, facts))
            messages |= Message.create(vals)
        if messages.filtered(lambda m: m.status == "pending"):
            self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send").sudo()._trigger()
        return messages

    @api.model
    def _motcua_build(self, dossier, event, state, facts):
        """The values of a message: its payload, or the reason it cannot be built (failed)."""
        data, problems = self._motcua_payload(dossier, event, state, facts)
        vals = {"payload": json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)}
        if problems:
            vals.update(status="failed", mapping_error=True, last_answer="\n".join(problems))
        else:
            vals.update(status="pending", mapping_error=False, last_answer=False)
        return vals

    @api.model
    def _motcua_codes(self, dossier, state):
        """The national codes of the dossier (procedure, agency, status) and what is missing."""
        codes = {
            "MaTTHC": self.env["motcua.dvcqg.procedure.map"]._motcua_code_of(dossier.procedure_id),
            "MaDonVi": self.env["motcua.dvcqg.agency.map"]._motcua_code_of(dossier.unit_id),
            "TrangThaiHoSo": self.env["motcua.dvcqg.status.map"]._motcua_status_of(state),
        }
        problems = []
        if not codes["MaTTHC"]:
            problems.append(
                self.env._(
                    "The procedure %(procedure)s has no national code (MaTTHC): map it in National portal > "
                    "Procedure codes.",
                    procedure=dossier.procedure_id.display_name,
                )
            )
        if not codes["MaDonVi"]:
            problems.append(
                self.env._(
                    "The unit %(unit)s has no agency code (MaDonVi): give it an identifier code or map it.",
                    unit=dossier.unit_id.display_name,
                )
            )
        if not codes["TrangThaiHoSo"]:
            problems.append(self.env._("The state %(state)s has no national status (TrangThaiHoSo).", state=state))
        return {key: value or "" for key, value in codes.items()}, problems

    @api.model
    def _motcua_payload(self, dossier, event, state, facts):
        codes, problems = self._motcua_codes(dossier, state)
        data = {
            "MaHoSo": dossier.name,
            "TenTTHC": dossier.procedure_id.name,
            "LoaiDoiTuong": APPLICANT_KINDS.get(dossier.applicant_type, "1"),
            "ChuHoSo": dossier.applicant_name,
            "KenhThucHien": CHANNEL_CODES.get(dossier.channel, "1"),
            "NgayTiepNhan": national_datetime(dossier.received_at),
            "NgayHenTra": national_datetime(dossier.due_at),
            "NgayCapNhat": national_datetime(facts.get("at") or fields.Datetime.now()),
            "TaiLieuNop": [
                {"TenGiayTo": paper.name, "LoaiBan": PAPER_KINDS.get(paper.paper_type, "1"), "SoLuong": paper.quantity}
                for paper in dossier.paper_ids.filtered("received")
            ],
            **codes,
        }
        step = dossier.current_step_id
        if event == "step" and step:
            data["BuocXuLy"] = step.name
            data["MaDonViXuLy"] = self.env["motcua.dvcqg.agency.map"]._motcua_code_of(step.unit_id) or ""
        if state in ("result_ready", "returned"):
            data["NgayKetThucXuLy"] = national_datetime(dossier.finished_at)
            data["DanhSachGiayToKetQua"] = (
                [{"TenGiayTo": dossier.procedure_id.result_paper}] if dossier.procedure_id.result_paper else []
            )
        if state == "returned":
            data["NgayTra"] = national_datetime(dossier.returned_at)
        data.update(self._motcua_event_facts(dossier, event, facts))
        return data, problems

    @api.model
    def _motcua_event_facts(self, dossier, event, facts):
        """What the event itself tells: supplements, apologies and moved appointments with the old and
        new appointment, the reason of a refusal or a withdrawal."""
        old_due = national_datetime(facts.get("old_due"))
        if event == "supplement":
            return {
                "DanhSachHoSoBoSung": [
                    {
                        "NoiDungYeuCau": dossier.supplement_request or "",
                        "NgayYeuCau": national_datetime(dossier.paused_at),
                        "NgayHenTraCu": old_due,
                        "NgayHenTraMoi": "",
                    }
                ]
            }
        if event == "resubmitted":
            return {
                "DanhSachHoSoBoSung": [
                    {
                        "NgayBoSung": national_datetime(facts.get("at")),
                        "NgayHenTraCu": old_due,
                        "NgayHenTraMoi": national_datetime(dossier.due_at),
                    }
                ]
            }
        if event in ("apology", "due_changed"):
            # an apology, or an appointment moved without one: the same shape under two names
            return {
                ("DanhSachXinLoi" if event == "apology" else "DanhSachHenLai"): [
                    {
                        "LyDo": facts.get("reason") or "",
                        "NgayHenTraCu": old_due,
                        "NgayHenTraMoi": national_datetime(dossier.due_at),
                    }
                ]
            }
        if event == "refused":
            return {"LyDoTuChoi": dossier.refusal_reason or ""}
        if event == "withdrawn":
            return {"LyDoRut": dossier.withdraw_reason or ""}
        return {}

    # ------------------------------------------------------------------ sending
    @api.model
    def _motcua_config(self):
        param = self.env["ir.config_parameter"].sudo().get_param
        return {
            "url": (param("motcua_dvcqg.url") or "").rstrip("/"),
            "username": param("motcua_dvcqg.username") or "",
            "password": param("motcua_dvcqg.password") or "",
            "timeout": int(param("motcua_dvcqg.timeout") or 10),
            "max_attempts": int(param("motcua_dvcqg.max_attempts") or 8),
            "retry_minutes": int(param("motcua_dvcqg.retry_minutes") or 5),
        }

    @api.model
    def _cron_send(self, limit=200):
        """Send the messages that are due, the earliest of each dossier first; commit after each one
        (outside the tests) so that an acknowledgement is never lost to a later failure."""
        config = self._motcua_config()
        if not config["url"]:
            return 0
        done = 0
        while done < limit:
            message = self.sudo()._motcua_claim()
            if not message:
                break
            message._motcua_send(config)
            done += 1
            if not modules.module.current_test:
                self.env["ir.cron"]._commit_progress(1)
        return done

    @api.model
    def _motcua_claim(self):
        """Lock the next message to send: due, and the first unacknowledged one of its dossier. A
        message another worker holds is skipped (and its dossier's later ones wait for it)."""
        self.flush_model()
        query = """
            SELECT m.id FROM motcua_dvcqg_message m
             WHERE m.status IN ('pending', 'sent')
               AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= %s)
               AND NOT EXISTS (
                   SELECT 1 FROM motcua_dvcqg_message e
                    WHERE e.dossier_id = m.dossier_id AND e.sequence < m.sequence AND e.status != 'acknowledged')
             ORDER BY m.id
             LIMIT 1
               FOR UPDATE SKIP LOCKED
            """
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(query, [fields.Datetime.now()])
                row = self.env.cr.fetchone()
        except psycopg2.errors.SerializationFailure:
            # another worker sent it since this transaction began: it is no longer this one's to send
            return self.browse()
        return self.browse(row[0]) if row else self.browse()

    def _motcua_post(self, config):
        """Post the message; returns (outcome, answer): acknowledged, rejected or retry."""
        self.ensure_one()
        body = {
            "service": self.service,
            "key": self.idempotency_key,
            "sequence": self.sequence,
            "data": json.loads(self.payload),
        }
        try:
            response = requests.post(
                f"{config['url']}/{self.service}",
                json=body,
                headers={"Idempotency-Key": self.idempotency_key},
                auth=(config["username"], config["password"]) if config["username"] else None,
                timeout=config["timeout"],
            )
        except requests.Timeout:
            return "retry", self.env._("No answer within %(seconds)s seconds.", seconds=config["timeout"])
        except requests.RequestException as error:
            return "retry", self.env._("The national portal cannot be reached: %(error)s", error=network_error(error))
        answer = f"{response.status_code} {response.text[:500]}"
        if response.ok or response.status_code == 409:  # 409: already received under this key
            return "acknowledged", answer
        if response.status_code in REJECTED:
            return "rejected", answer
        return "retry", answer

    def _motcua_send(self, config):
        self.ensure_one()
        now = fields.Datetime.now()
        outcome, answer = self._motcua_post(config)
        attempts = self.attempts + 1
        vals = {"attempts": attempts, "last_attempt_at": now, "last_answer": answer}
        if outcome == "acknowledged":
            vals.update(status="acknowledged", acknowledged_at=now, next_attempt_at=False)
        elif outcome == "rejected" or attempts >= config["max_attempts"]:
            vals.update(status="failed", next_attempt_at=False)
        else:
            delay = min(timedelta(minutes=config["retry_minutes"] * 2 ** (attempts - 1)), MAX_DELAY)
            vals.update(status="sent", next_attempt_at=now + delay)
            self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send").sudo()._trigger(at=now + delay)
        self.write(vals)

    # ------------------------------------------------------------------ replay
    @api.private
    def _motcua_replay(self):
        """Send the messages again from the start, in order, under the same keys (the national portal
        answers "duplicate" for those it has). Messages that could not be built are built again with
        today's mappings."""
        for message in self.sorted("sequence"):
            vals = {
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": False,
                "replay_count": message.replay_count + 1,
            }
            if message.mapping_error:
                data = json.loads(message.payload)
                codes, problems = self._motcua_codes(message.dossier_id, message.state)
                data.update(codes)
                vals["payload"] = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                if problems:
                    vals.update(status="failed", last_answer="\n".join(problems))
                else:
                    vals.update(mapping_error=False, last_answer=False)
            message.write(vals)
        self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send").sudo()._trigger()
        return True
