from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import SQL

from .motcua_dossier import FINISHED_STATES, OPEN_STATES, STATES, TIMELINESS

KINDS = [("received", "Received"), ("finished", "Settled")]


class MotcuaDossierStatistics(models.Model):
    """The leaders' figures, one row per dossier and event, over a SQL view.

    A dossier gives a "received" row dated when it was received and, once settled, a "settled"
    row dated when it was settled, so that one date filter counts what a unit received and
    what it settled in a period. ``on_time_rate`` is 100 on a settled row early or on time, 0 on
    a late one and empty elsewhere: its average is the on-time rate of the rows grouped, and a
    group that settled nothing has no rate ("—"), as Decision 766 and the public page count it.
    Rows are those of the dossiers the user may read (their record rules).
    """

    _name = "motcua.dossier.statistics"
    _description = "Dossier statistics"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "dossier_id"
    _depends = {
        "motcua.dossier": [
            "state",
            "received_at",
            "finished_at",
            "unit_id",
            "procedure_id",
            "field_id",
            "timeliness",
            "due_at",
        ]
    }

    dossier_id = fields.Many2one("motcua.dossier", readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    date = fields.Datetime(readonly=True)
    unit_id = fields.Many2one("motcua.unit", string="Receiving unit", readonly=True)
    procedure_id = fields.Many2one("motcua.procedure", readonly=True)
    field_id = fields.Many2one("motcua.procedure.field", readonly=True)
    state = fields.Selection(STATES, readonly=True)
    timeliness = fields.Selection(TIMELINESS, readonly=True)
    due_at = fields.Datetime(string="Appointment", readonly=True)
    dossier_count = fields.Integer(string="Dossiers", readonly=True)
    received_count = fields.Integer(string="Received", readonly=True)
    finished_count = fields.Integer(string="Settled", readonly=True)
    on_time_count = fields.Integer(string="Early or on time", readonly=True)
    late_count = fields.Integer(string="Late", readonly=True)
    overdue_count = fields.Integer(string="Open and overdue", readonly=True)
    on_time_rate = fields.Float(string="On-time rate (%)", readonly=True, aggregator="avg", digits=(5, 1))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        finished = tuple(FINISHED_STATES)
        open_states = tuple(OPEN_STATES)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT d.id * 2 AS id, d.id AS dossier_id, 'received' AS kind, d.received_at AS date,
                       d.unit_id, d.procedure_id, d.field_id, d.state, d.timeliness, d.due_at,
                       1 AS dossier_count, 1 AS received_count, 0 AS finished_count, 0 AS on_time_count,
                       0 AS late_count,
                       CASE WHEN d.state IN %(open)s AND d.timeliness = 'overdue' THEN 1 ELSE 0 END
                           AS overdue_count,
                       NULL::double precision AS on_time_rate
                  FROM motcua_dossier d
                 WHERE d.state != 'draft' AND d.received_at IS NOT NULL
                UNION ALL
                SELECT d.id * 2 + 1, d.id, 'finished', d.finished_at, d.unit_id, d.procedure_id,
                       d.field_id, d.state, d.timeliness, d.due_at, 1, 0, 1,
                       CASE WHEN d.timeliness IN ('early', 'on_time') THEN 1 ELSE 0 END,
                       CASE WHEN d.timeliness = 'late' THEN 1 ELSE 0 END, 0,
                       CASE WHEN d.timeliness IN ('early', 'on_time') THEN 100.0 ELSE 0.0 END
                  FROM motcua_dossier d
                 WHERE d.state IN %(finished)s AND d.finished_at IS NOT NULL
            )""",
                table=SQL.identifier(self._table),
                open=open_states,
                finished=finished,
            )
        )

    @api.model
    def _search(self, domain, *args, **kwargs):
        """Only the rows of the dossiers the user may read: the dossier's record rules decide."""
        if not self.env.su:
            domain = Domain(domain) & Domain("dossier_id", "in", self.env["motcua.dossier"]._search([]))
        return super()._search(domain, *args, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not self:
            return result
        forbidden = self - self.browse(self._search([("id", "in", self.ids)]))
        if forbidden:
            return forbidden, lambda: AccessError(
                self.env._("You may only see the figures of the dossiers of your units.")
            )
        return None

    def action_open_dossier(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.dossier",
            "res_id": self.dossier_id.id,
            "view_mode": "form",
            "target": "current",
        }
