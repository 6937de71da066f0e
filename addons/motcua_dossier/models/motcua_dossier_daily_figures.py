from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.motcua_base.tools import VN_TZ

from .motcua_dossier_states import TIMELINESS
from .motcua_dossier_statistics import KINDS, SCORE_POINTS_SQL, statistics_rows_sql

# the dossier columns a row of the leaders' figures depends on (statistics_rows_sql)
FIGURE_COLUMNS = (
    "state",
    "received_at",
    "finished_at",
    "unit_id",
    "procedure_id",
    "field_id",
    "timeliness",
    "origin_agency_code",
)
KEY = ("kind", "date", "unit_id", "timeliness", "overdue")
COUNTS = ("row_count", "received_count", "finished_count", "on_time_count", "late_count", "overdue_count")


class MotcuaDossierDailyFigures(models.Model):
    """The leaders' figures summed per local day: one row per day, kind (received / settled),
    receiving unit, timeliness and "open and overdue", with the number of rows of
    ``motcua.dossier.statistics`` it stands for and their counts.

    A year of a province (a million dossiers, two million rows of the statistics) is a few
    hundred thousand rows here at most (a unit's day has a handful): the leaders' figures per
    unit for any period of whole local days are read from this table (``motcua.dossier.statistics._read_group``
    does it when the answer is the same). It is kept exact by the dossier writes themselves
    (``_motcua_apply``: the rows a dossier leaves and the rows it joins, in the writer's
    transaction) and rebuilt from the dossiers by ``_motcua_rebuild`` (at install and update,
    every night, and after data loaded in SQL). Nobody writes it but the ORM's superuser.
    """

    _name = "motcua.dossier.daily.figures"
    _description = "Daily dossier figures"
    _order = "date desc, id desc"
    _rec_name = "date"
    _log_access = False

    kind = fields.Selection(KINDS, required=True, readonly=True)
    date = fields.Date(string="Day", required=True, readonly=True)
    unit_id = fields.Many2one("motcua.unit", string="Receiving unit", readonly=True, ondelete="cascade")
    timeliness = fields.Selection(TIMELINESS, readonly=True)
    overdue = fields.Boolean(string="Open and overdue", readonly=True)
    row_count = fields.Integer(string="Rows", readonly=True)
    received_count = fields.Integer(string="Received", readonly=True)
    finished_count = fields.Integer(string="Settled", readonly=True)
    on_time_count = fields.Integer(string="Early or on time", readonly=True)
    late_count = fields.Integer(string="Late", readonly=True)
    overdue_count = fields.Integer(string="Open and overdue dossiers", readonly=True)
    # the statistics' measures that are not sums of a column (see _read_group_select)
    dossier_count = fields.Integer(string="Dossiers", compute="_compute_measures")
    on_time_rate = fields.Float(string="On-time rate (%)", compute="_compute_measures")
    score_766 = fields.Float(string="Decision 766 score", compute="_compute_measures")

    @api.depends("row_count", "on_time_count", "finished_count")
    def _compute_measures(self):
        points = self.env["motcua.dossier.statistics"]._motcua_score_points()
        for row in self:
            rate = 100.0 * row.on_time_count / row.finished_count if row.finished_count else False
            row.dossier_count = row.row_count
            row.on_time_rate = rate
            row.score_766 = rate and rate * points / 100.0

    def init(self):
        # the key's index is made again at each update (the key may have changed), then the rows
        table, key_index = SQL.identifier(self._table), SQL.identifier(f"{self._table}_key_uniq")
        self.env.cr.execute(SQL("DELETE FROM %s", table))
        self.env.cr.execute(SQL("DROP INDEX IF EXISTS %s", key_index))
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX %s ON %s (%s) NULLS NOT DISTINCT",
                key_index,
                table,
                SQL(", ").join(SQL.identifier(column) for column in KEY),
            )
        )
        for name, definition in (
            # a unit's (a leader's) period, every unit's period, the open and overdue now
            (
                "unit_date_idx",
                "(unit_id, date) INCLUDE (kind, row_count, received_count, finished_count, on_time_count, late_count)",
            ),
            ("date_idx", "(date)"),
            ("overdue_idx", "(unit_id) INCLUDE (overdue_count) WHERE overdue"),
            # rows left empty by a move are deleted at once: found by this (nearly empty) index
            ("empty_idx", "(id) WHERE row_count = 0"),
        ):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON %s %s",
                    SQL.identifier(f"{self._table}_{name}"),
                    table,
                    SQL(definition),
                )
            )
        self._motcua_rebuild()

    # ------------------------------------------------------------------ reading
    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Each row stands for ``row_count`` rows of the statistics: counts are sums, and the
        on-time rate and the Decision 766 score are those of the rows summed (settled early or on
        time over settled), as ``avg`` computes them on the statistics."""
        if aggregate_spec == "__count":
            return SQL("COALESCE(SUM(%s), 0)", self._field_to_sql(self._table, "row_count", query))
        if aggregate_spec == "dossier_count:sum":
            return SQL("SUM(%s)", self._field_to_sql(self._table, "row_count", query))
        if aggregate_spec in ("on_time_rate:avg", "score_766:avg"):
            on_time = self._field_to_sql(self._table, "on_time_count", query)
            finished = self._field_to_sql(self._table, "finished_count", query)
            scale = SQL("100.0") if aggregate_spec == "on_time_rate:avg" else SCORE_POINTS_SQL
            return SQL("%s * SUM(%s) / NULLIF(SUM(%s), 0)", scale, on_time, finished)
        return super()._read_group_select(aggregate_spec, query)

    def _read_group_postprocess_aggregate(self, aggregate_spec, raw_values):
        if aggregate_spec == "__count":
            return [int(value or 0) for value in raw_values]
        if aggregate_spec in ("dossier_count:sum", "on_time_rate:avg", "score_766:avg"):
            # as the statistics give them: nothing summed is False
            return [False if value is None else value for value in raw_values]
        return super()._read_group_postprocess_aggregate(aggregate_spec, raw_values)

    # ------------------------------------------------------------------ keeping
    @api.model
    def _motcua_rows_sql(self, dossiers=None):
        """The daily rows, summed from the statistics' rows (of all dossiers or of ``dossiers``)."""
        return SQL(
            """
            SELECT r.kind, (r.date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS date, r.unit_id,
                   r.timeliness, r.overdue_count = 1 AS overdue,
                   count(*) AS row_count, sum(r.received_count) AS received_count,
                   sum(r.finished_count) AS finished_count, sum(r.on_time_count) AS on_time_count,
                   sum(r.late_count) AS late_count, sum(r.overdue_count) AS overdue_count
              FROM (%(rows)s) r
             GROUP BY 1, 2, 3, 4, 5
            """,
            tz=VN_TZ,
            rows=statistics_rows_sql(dossiers),
        )

    @api.model
    def _motcua_rebuild(self):
        """Recompute every row from the dossiers (one statement; a concurrent writer of a
        dossier waits or retries)."""
        self.env.flush_all()
        table = SQL.identifier(self._table)
        self.env.cr.execute(SQL("DELETE FROM %s", table))
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) %s",
                table,
                SQL(", ").join(SQL.identifier(column) for column in KEY + COUNTS),
                self._motcua_rows_sql(),
            )
        )
        self.invalidate_model()

    @api.model
    def _cron_rebuild(self):
        self._motcua_rebuild()

    @api.model
    def _motcua_snapshot(self, dossier_ids):
        """The daily rows the dossiers stand in now (as of the database), to be taken away."""
        if not dossier_ids:
            return []
        self.env["motcua.dossier"].flush_model(FIGURE_COLUMNS)
        self.env.cr.execute(self._motcua_rows_sql(dossier_ids))
        return self.env.cr.fetchall()

    @api.model
    def _motcua_apply(self, before, dossier_ids):
        """Move the dossiers from the rows they stood in (``before``, a snapshot) to the rows
        they stand in now. Upserts on the unique key: under Odoo's repeatable read, two
        transactions changing one row conflict, and the later one is retried by the server."""
        after = self._motcua_snapshot(dossier_ids)
        deltas = {}
        for sign, rows in ((-1, before), (1, after)):
            for row in rows:
                key, counts = row[: len(KEY)], row[len(KEY) :]
                total = deltas.setdefault(key, [0] * len(COUNTS))
                for index, count in enumerate(counts):
                    total[index] += sign * count
        changes = [key + tuple(counts) for key, counts in deltas.items() if any(counts)]
        if not changes:
            return
        table = SQL.identifier(self._table)
        columns = KEY + COUNTS
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s AS f (%(columns)s) VALUES %(values)s
                ON CONFLICT (%(key)s) DO UPDATE SET %(sums)s
                """,
                table=table,
                columns=SQL(", ").join(SQL.identifier(column) for column in columns),
                values=SQL(", ").join(SQL("%s", change) for change in changes),
                key=SQL(", ").join(SQL.identifier(column) for column in KEY),
                sums=SQL(", ").join(
                    SQL("%s = f.%s + EXCLUDED.%s", *(SQL.identifier(column),) * 3) for column in COUNTS
                ),
            )
        )
        self.env.cr.execute(SQL("DELETE FROM %s WHERE row_count = 0", table))
        self.invalidate_model()


class MotcuaDossierDailyFiguresKept(models.Model):
    """The dossier's writes keep its daily figures."""

    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["motcua.dossier.daily.figures"].sudo()._motcua_apply([], records.ids)
        return records

    def write(self, vals):
        if not self or not set(vals) & set(FIGURE_COLUMNS):
            return super().write(vals)
        daily = self.env["motcua.dossier.daily.figures"].sudo()
        before = daily._motcua_snapshot(self.ids)
        result = super().write(vals)
        daily._motcua_apply(before, self.ids)
        return result

    def unlink(self):
        daily = self.env["motcua.dossier.daily.figures"].sudo()
        before = daily._motcua_snapshot(self.ids)
        result = super().unlink()
        daily._motcua_apply(before, [])
        return result
