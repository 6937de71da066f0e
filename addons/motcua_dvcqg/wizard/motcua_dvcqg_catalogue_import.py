import base64
import binascii
import csv
import io
import json

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.motcua_dvcqg_procedure_map import NATIONAL_CODE


class MotcuaDvcqgCatalogueImport(models.TransientModel):
    """Import of the national procedure catalogue (CSV or JSON, see the module's CONFIGURE): each row
    maps a local procedure (found by its code) to its national code."""

    _name = "motcua.dvcqg.catalogue.import"
    _description = "Import of the national procedure catalogue"

    file = fields.Binary(required=True)
    filename = fields.Char()
    result = fields.Text(readonly=True)

    def _read_rows(self):
        try:
            content = base64.b64decode(self.file or b"").decode("utf-8-sig")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise UserError(self.env._("The catalogue must be a UTF-8 CSV or JSON file.")) from error
        if (self.filename or "").lower().endswith(".json") or content.lstrip().startswith(("[", "{")):
            try:
                data = json.loads(content)
            except ValueError as error:
                raise UserError(self.env._("The catalogue is not valid JSON: %(error)s", error=error)) from error
            rows = data.get("data", []) if isinstance(data, dict) else data
        else:
            rows = list(csv.DictReader(io.StringIO(content)))
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise UserError(self.env._("The catalogue must be a list of procedures."))
        if not rows or "MaTTHC" not in rows[0]:
            raise UserError(self.env._("The catalogue has no MaTTHC column."))
        return rows

    def action_import(self):
        self.ensure_one()
        Procedure = self.env["motcua.procedure"]
        Map = self.env["motcua.dvcqg.procedure.map"]
        created, updated, unknown, invalid = 0, 0, [], []
        now = fields.Datetime.now()
        for row in self._read_rows():
            code = str(row.get("MaTTHC") or "").strip()
            name = str(row.get("TenTTHC") or "").strip()
            if not NATIONAL_CODE.match(code):
                invalid.append(code or "?")
                continue
            # the local code, the full national code, or its short form (1.011442) as procedures carry it
            local = str(row.get("MaNoiBo") or "").strip()
            short = ".".join(code.split(".")[:2])
            procedure = Procedure.search(
                [("code", "in", [c for c in (local, code, short) if c]), ("current_id", "=", False)], limit=1
            )
            if not procedure:
                unknown.append(f"{code} {name}".strip())
                continue
            mapping = Map.search([("procedure_id", "=", procedure.id)], limit=1)
            vals = {"national_code": code, "national_name": name, "imported_at": now}
            if mapping:
                mapping.write(vals)
                updated += 1
            else:
                Map.create({"procedure_id": procedure.id, **vals})
                created += 1
        lines = [self.env._("%(created)s mappings created, %(updated)s updated.", created=created, updated=updated)]
        if unknown:
            lines.append(self.env._("Procedures unknown here: %(codes)s", codes=", ".join(unknown)))
        if invalid:
            lines.append(self.env._("Rows with an invalid national code: %(codes)s", codes=", ".join(invalid)))
        self.result = "\n".join(lines)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
