from odoo import api, fields, models


class MotcuaSequenceCounter(models.Model):
    """Gapless counters per scope, unit and period (e.g. dossier codes per unit and day,
    outgoing document numbers per unit and year).

    ``next_number`` increments the counter with a single ``INSERT … ON CONFLICT DO UPDATE``:
    the row stays locked until the caller's transaction ends, so a concurrent transaction
    waits, and a rolled-back transaction gives its number back. When the first transaction
    commits, the waiting one (Odoo runs REPEATABLE READ) fails with a serialization error and
    Odoo's request handling retries it, so it takes the next number. Numbers are therefore
    unique and without gaps, at the price of serialising the callers of one counter — which
    is what a register book is.
    """

    _name = "motcua.sequence.counter"
    _description = "Gapless counter"
    _order = "scope, unit_id, period desc"
    _rec_name = "scope"

    scope = fields.Char(required=True, readonly=True, help="What is counted, e.g. motcua.dossier.")
    unit_id = fields.Many2one("motcua.unit", required=True, readonly=True, index=True, ondelete="cascade")
    period = fields.Char(required=True, readonly=True, help="e.g. 2026 for a year, 261125 for a day.")
    last_number = fields.Integer(readonly=True)

    _counter_uniq = models.Constraint("UNIQUE(scope, unit_id, period)", "A counter exists for this unit and period.")

    @api.model
    @api.private
    def next_number(self, scope, unit, period):
        """Take the next number of ``scope`` for ``unit`` in ``period`` (a string)."""
        unit.ensure_one()
        self.env.flush_all()
        uid = self.env.uid
        self.env.cr.execute(
            """
            INSERT INTO motcua_sequence_counter
                   (scope, unit_id, period, last_number, create_uid, write_uid, create_date, write_date)
            VALUES (%s, %s, %s, 1, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')
            ON CONFLICT (scope, unit_id, period)
            DO UPDATE SET last_number = motcua_sequence_counter.last_number + 1,
                          write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            RETURNING id, last_number
            """,
            (scope, unit.id, str(period), uid, uid),
        )
        counter_id, number = self.env.cr.fetchone()
        self.browse(counter_id).invalidate_recordset(["last_number"])
        return number
