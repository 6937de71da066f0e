import os
import tempfile
from datetime import timedelta

import pytz
import xlsxwriter

from odoo import models
from odoo.fields import Domain
from odoo.tools.pdf import merge_pdf

from odoo.addons.motcua_base.tools import VN_TZ, local_day_start

REGISTER_REPORT = "motcua_dossier.action_report_dossier_register"
READ_BATCH = 2000  # dossiers read at a time: the cache is emptied after each batch
ROWS_PER_SHEET = 18  # rows of one printed sheet (A4 landscape, 9 pt; a longer sheet spills over)
FIRST_SHEET_ROWS = 12  # the first sheet also carries the national header and the title
SHEETS_PER_RENDER = 60  # sheets handed to wkhtmltopdf at once; the parts are merged
FIELDS = ["name", "procedure_id", "applicant_name", "received_at", "due_at", "finished_at", "returned_at"]
FIELDS += ["state", "timeliness"]
COLUMN_WIDTHS = [("index", 6), ("code", 26), ("procedure", 50), ("applicant", 26), ("received", 17), ("due", 17)]
COLUMN_WIDTHS += [("finished", 17), ("returned", 17), ("state", 22), ("result", 20)]


class MotcuaDossierRegisterWizard(models.TransientModel):
    """The tracking register exported whole, however long: read in batches, written to XLSX
    row by row (xlsxwriter's constant-memory mode), printed as sheets of a fixed number of rows
    rendered a few dozen sheets at a time and merged, never as one giant table."""

    # the export of the register: split on purpose
    _inherit = "motcua.dossier.register.wizard"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ rows
    def _motcua_register_domain(self):
        self.ensure_one()
        lo, hi = local_day_start(self.date_from), local_day_start(self.date_to + timedelta(days=1))
        return Domain(
            [
                ("unit_id", "child_of", self.unit_id.id),
                ("state", "!=", "draft"),
                ("received_at", ">=", lo),
                ("received_at", "<", hi),
            ]
        )

    def _motcua_register_labels(self):
        """What the register prints for a state and a timeliness (in the forms' language)."""
        states = {
            "received": self.env._("Dossier received"),
            "in_progress": self.env._("Being processed"),
            "supplement": self.env._("Waiting for papers"),
            "result_ready": self.env._("Result available"),
            "returned": self.env._("Result handed over"),
            "refused": self.env._("Refused"),
            "withdrawn": self.env._("Withdrawn by the applicant"),
        }
        results = {
            "early": self.env._("Ahead of time"),
            "on_time": self.env._("On schedule"),
            "late": self.env._("Past the deadline"),
            "overdue": self.env._("Past the deadline"),
            "within": self.env._("Within the time limit"),
        }
        return states, results

    def _motcua_register_rows(self, batch=READ_BATCH):
        """The register's lines in order of receipt, as dicts of printed values, read ``batch``
        dossiers at a time (keyset pagination on receipt time and id) with the user's rights: the
        model's and the fields' access rights are checked once, the record rules are in the query
        (``_search``), and the stored values are read with one query per batch instead of through
        each record's fields (80,000 rows × 9 fields of the ORM's field access dominated)."""
        self.ensure_one()
        Dossier = self.env["motcua.dossier"]
        Dossier.check_access("read")
        for fname in FIELDS:
            Dossier._check_field_access(Dossier._fields[fname], "read")
        zone = pytz.timezone(self.unit_id.sudo()._get_calendar().tz or VN_TZ)
        states, results = self._motcua_register_labels()
        procedures = {}

        def moment(value):
            return pytz.utc.localize(value).astimezone(zone).strftime("%H:%M %d/%m/%Y") if value else ""

        def procedure(procedure_id):
            if procedure_id not in procedures:
                procedures[procedure_id] = Dossier.procedure_id.browse(procedure_id).name if procedure_id else ""
            return procedures[procedure_id]

        domain, index, last = self._motcua_register_domain(), 0, None
        while True:
            page = domain
            if last:
                received_at, last_id = last
                page &= Domain("received_at", ">", received_at) | (
                    Domain("received_at", "=", received_at) & Domain("id", ">", last_id)
                )
            query = Dossier._search(page, order="received_at, id", limit=batch)
            columns = [Dossier._field_to_sql(Dossier._table, fname, query) for fname in ["id", *FIELDS]]
            lines = self.env.execute_query(query.select(*columns))
            if not lines:
                return
            for _id, name, procedure_id, applicant, received, due, finished, returned, state, timeliness in lines:
                index += 1
                yield {
                    "index": index,
                    "code": name,
                    "procedure": procedure(procedure_id),
                    "applicant": applicant,
                    "received": moment(received),
                    "due": moment(due),
                    "finished": moment(finished),
                    "returned": moment(returned),
                    "state": states.get(state, ""),
                    "result": results.get(timeliness, ""),
                }
            last = (lines[-1][4], lines[-1][0])

    def _motcua_register_columns(self):
        """(key of the row, header, width) of each column of the spreadsheet."""
        headers = {
            "index": self.env._("No."),
            "code": self.env._("Dossier code"),
            "procedure": self.env._("Procedure name"),
            "applicant": self.env._("Submitted by"),
            "received": self.env._("Date received"),
            "due": self.env._("Appointment for the result"),
            "finished": self.env._("Result on"),
            "returned": self.env._("Handed over on"),
            "state": self.env._("Status"),
            "result": self.env._("Result"),
        }
        return [(key, headers[key], width) for key, width in COLUMN_WIDTHS]

    def _motcua_form_env(self):
        return self.with_context(lang=self.env["motcua.dossier"]._motcua_form_lang())

    # ------------------------------------------------------------------ XLSX
    def _motcua_register_xlsx(self):
        """The register as an XLSX workbook (bytes)."""
        self.ensure_one()
        wizard = self._motcua_form_env()
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            # text is written as text: an applicant's name starting with "=" or "http" stays a name
            # (no formula, no link), and xlsxwriter skips guessing each cell's type
            book = xlsxwriter.Workbook(
                path,
                {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
            )
            sheet = book.add_worksheet(wizard.env._("Register"))
            bold = book.add_format({"bold": True})
            title = book.add_format({"bold": True, "font_size": 14})
            head = book.add_format({"bold": True, "border": 1, "text_wrap": True, "valign": "top"})
            columns = wizard._motcua_register_columns()
            for col, (_key, _label, width) in enumerate(columns):
                sheet.set_column(col, col, width)
            sheet.write(0, 0, wizard.unit_id.sudo().display_name, bold)
            sheet.write(1, 0, wizard.env["motcua.dossier"]._motcua_form_title("register"), title)
            sheet.write(
                2,
                0,
                wizard.env._(
                    "From %(date_from)s to %(date_to)s",
                    date_from=wizard.date_from.strftime("%d/%m/%Y"),
                    date_to=wizard.date_to.strftime("%d/%m/%Y"),
                ),
            )
            for col, (_key, label, _width) in enumerate(columns):
                sheet.write(4, col, label, head)
            row = 4
            for row, line in enumerate(wizard._motcua_register_rows(), start=5):
                sheet.write_row(row, 0, [line[key] for key, _label, _width in columns])
            sheet.write(row + 2, 0, wizard.env._("Total: %(count)s dossiers.", count=row - 4), bold)
            sheet.freeze_panes(5, 0)
            book.close()
            with open(path, "rb") as stream:
                return stream.read()
        finally:
            os.unlink(path)

    # ------------------------------------------------------------------ PDF
    def _motcua_register_sheets(self, part=None):
        """The sheets one render prints (``part``: ``motcua_register_part`` given by
        ``_motcua_register_pdf``), or every sheet of the register when printed through the report
        action directly."""
        self.ensure_one()
        part = part or {}
        rows = part.get("rows")
        if rows is None:
            rows = list(self._motcua_form_env()._motcua_register_rows())
        sheets, start = [], 0
        if part.get("first", True):
            sheets, start = [rows[:FIRST_SHEET_ROWS]], FIRST_SHEET_ROWS
        sheets += [rows[i : i + ROWS_PER_SHEET] for i in range(start, len(rows), ROWS_PER_SHEET)]
        return [sheet for sheet in sheets if sheet] or [[]]

    def _motcua_register_pdf(self, sheets_per_render=SHEETS_PER_RENDER):
        """The register as a PDF (bytes): parts of ``sheets_per_render`` sheets rendered by
        wkhtmltopdf one after the other and merged, the title on the first, the total on the last."""
        self.ensure_one()
        wizard = self._motcua_form_env()
        Report = self.env["ir.actions.report"].with_context(lang=wizard.env.lang)
        total = self.env["motcua.dossier"].search_count(wizard._motcua_register_domain())
        parts, rows, done = [], [], 0

        def render(last):
            part = {"rows": rows, "first": not parts, "last": last, "total": total}
            pdf, _kind = Report._render_qweb_pdf(REGISTER_REPORT, self.ids, data={"motcua_register_part": part})
            parts.append(pdf)

        for line in wizard._motcua_register_rows():
            rows.append(line)
            done += 1
            part_size = ROWS_PER_SHEET * sheets_per_render - (0 if parts else ROWS_PER_SHEET - FIRST_SHEET_ROWS)
            if len(rows) == part_size and done < total:
                render(last=False)
                rows = []
        render(last=True)
        return parts[0] if len(parts) == 1 else merge_pdf(parts)
