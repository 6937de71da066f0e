from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from .motcua_dossier_states import TIMELINESS
from .motcua_dossier_step import STEP_STATES

SEES_ALL = ("motcua_base.group_province_monitor", "motcua_base.group_administrator")


class MotcuaDossierStepStatistics(models.Model):
    """Each unit's part of the dossiers: one row per processing step started, over a SQL view.

    An inter-agency dossier is counted once in the dossier figures (at its receiving unit); here
    every unit that handled one of its steps is measured for that step: settled (dated when it was
    handed over) early, on time or late, or still open (dated when it started) and overdue.
    ``on_time_rate`` is 100 on a step settled early or on time, 0 on a late one and empty on an open
    one: its average is the unit's on-time rate, and a unit that settled no step has none.

    A leader sees the steps of their own unit tree only, on the dossiers they may read: not the
    figures of the other units a dossier went through. Province monitors and administrators see all.
    """

    _name = "motcua.dossier.step.statistics"
    _inherit = ["motcua.dossier.figures.mixin"]
    _description = "Step statistics (each unit's part)"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "step_id"
    _depends = {
        "motcua.dossier.step": ["state", "unit_id", "start_at", "done_at", "deadline", "timeliness", "is_transfer"],
        "motcua.dossier": ["unit_id", "procedure_id", "state"],
    }

    step_id = fields.Many2one("motcua.dossier.step", readonly=True)
    dossier_id = fields.Many2one("motcua.dossier", readonly=True)
    unit_id = fields.Many2one("motcua.unit", string="Handling unit", readonly=True)
    receiving_unit_id = fields.Many2one("motcua.unit", string="Receiving unit", readonly=True)
    procedure_id = fields.Many2one("motcua.procedure", readonly=True)
    date = fields.Datetime(readonly=True, help="When the step was handed over; when it started, if still open.")
    state = fields.Selection(STEP_STATES, readonly=True)
    timeliness = fields.Selection(TIMELINESS, readonly=True)
    deadline = fields.Datetime(readonly=True)
    is_transfer = fields.Boolean(string="Transfer", readonly=True)
    step_count = fields.Integer(string="Steps", readonly=True)
    finished_count = fields.Integer(string="Steps settled", readonly=True)
    on_time_count = fields.Integer(string="Early or on time", readonly=True)
    late_count = fields.Integer(string="Late", readonly=True)
    overdue_count = fields.Integer(string="Open and overdue", readonly=True)
    on_time_rate = fields.Float(string="On-time rate (%)", readonly=True, aggregator="avg", digits=(5, 1))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT s.id, s.id AS step_id, s.dossier_id, s.unit_id, d.unit_id AS receiving_unit_id,
                       d.procedure_id, CASE WHEN s.state = 'done' THEN s.done_at ELSE s.start_at END AS date,
                       s.state, s.timeliness, s.deadline, COALESCE(s.is_transfer, FALSE) AS is_transfer,
                       1 AS step_count,
                       CASE WHEN s.state = 'done' THEN 1 ELSE 0 END AS finished_count,
                       CASE WHEN s.state = 'done' AND s.timeliness IN ('early', 'on_time') THEN 1 ELSE 0 END
                           AS on_time_count,
                       CASE WHEN s.state = 'done' AND s.timeliness = 'late' THEN 1 ELSE 0 END AS late_count,
                       CASE WHEN s.state = 'open' AND s.timeliness = 'overdue' THEN 1 ELSE 0 END AS overdue_count,
                       CASE WHEN s.state != 'done' THEN NULL
                            WHEN s.timeliness IN ('early', 'on_time') THEN 100.0 ELSE 0.0 END AS on_time_rate
                  FROM motcua_dossier_step s
                  JOIN motcua_dossier d ON d.id = s.dossier_id
                 WHERE s.state IN ('open', 'done') AND s.start_at IS NOT NULL AND d.state != 'draft'
            )""",
                table=SQL.identifier(self._table),
            )
        )

    @api.model
    def _motcua_scope(self):
        """The steps the user may read, of their own unit tree (all for the province monitors and
        administrators): a dossier's readers do not see the figures of the other units it went to."""
        domain = Domain("step_id", "in", self.env["motcua.dossier.step"]._search([]))
        user = self.env.user
        if not any(user.has_group(group) for group in SEES_ALL):
            domain &= Domain("unit_id", "child_of", user.motcua_unit_ids.ids)
        return domain

    def _motcua_scope_error(self):
        return self.env._("You may only see the step figures of your units.")

    @api.model
    def _motcua_late_here(self, date_from, date_to):
        """{unit: dossiers late there}: the dossiers with a step of the unit handed over late in
        [date_from, date_to) (naive UTC), each once per unit however many of its steps were late
        there. Read with the user's rights."""
        return dict(
            self._read_group(
                [("late_count", "=", 1), ("date", ">=", date_from), ("date", "<", date_to)],
                ["unit_id"],
                ["dossier_id:count_distinct"],
            )
        )

    def action_open_dossier(self):
        self.ensure_one()
        return self.dossier_id._get_records_action()
