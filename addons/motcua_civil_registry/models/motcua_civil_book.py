from odoo import api, fields, models

EVENT_TYPES = [
    ("birth", "Birth"),
    ("death", "Death"),
    ("marriage", "Marriage"),
    ("marital_status", "Marital-status confirmation"),
    ("recognition", "Recognition of parent/child"),
    ("guardianship", "Guardianship"),
    ("correction", "Change/correction of details"),
]


class MotcuaCivilBook(models.Model):
    """A civil-status register book: one per unit, year and event type. Its entries are the
    registered events, numbered from 1 without gaps (``motcua.sequence.counter``)."""

    _name = "motcua.civil.book"
    _description = "Civil-status register book"
    _inherit = ["motcua.unit.mixin", "motcua.monitor.readonly.mixin"]
    _order = "year desc, unit_id, event_type"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, readonly=True)
    event_type = fields.Selection(EVENT_TYPES, required=True, readonly=True)
    event_ids = fields.One2many("motcua.civil.event", "book_id", "Entries", readonly=True)
    entry_count = fields.Integer(compute="_compute_entry_count")

    _book_uniq = models.Constraint(
        "UNIQUE(unit_id, year, event_type)", "A unit has one register book per year and event type."
    )

    @api.depends("year", "event_type", "unit_id.name")
    def _compute_name(self):
        labels = dict(self._fields["event_type"]._description_selection(self.env))
        for book in self:
            book.name = self.env._(
                "%(type)s register %(year)s – %(unit)s",
                type=labels.get(book.event_type, ""),
                year=book.year,
                unit=book.unit_id.name or "",
            )

    def _compute_entry_count(self):
        counts = dict(
            self.env["motcua.civil.event"]._read_group([("book_id", "in", self.ids)], ["book_id"], ["__count"])
        )
        for book in self:
            book.entry_count = counts.get(book, 0)

    @api.model
    @api.private
    def _get_book(self, unit, year, event_type):
        """The book of ``unit`` for ``year`` and ``event_type``, created on first use. Callers hold
        the lock of the book's counter, so two registrations do not create it twice."""
        book = self.search([("unit_id", "=", unit.id), ("year", "=", year), ("event_type", "=", event_type)], limit=1)
        return book or self.create({"unit_id": unit.id, "year": year, "event_type": event_type})

    def action_view_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_civil_registry.action_motcua_civil_event")
        action["domain"] = [("book_id", "=", self.id)]
        action["context"] = {"search_default_groupby_type": 0}
        return action
