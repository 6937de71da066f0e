import base64
import binascii
import csv
import io
import json

from odoo import fields, models
from odoo.exceptions import UserError


class MotcuaDvcqgCatalogueImport(models.TransientModel):
    """Import of the national procedure catalogue, from a file (CSV or JSON) or from the national
    portal's LayDanhSachTTHC service (see the module's CONFIGURE): both go through
    ``motcua.dvcqg.catalogue``."""

    _name = "motcua.dvcqg.catalogue.import"
    _description = "Import of the national procedure catalogue"

    file = fields.Binary()
    filename = fields.Char()
    result = fields.Text(readonly=True)

    def _read_rows(self):
        if not self.file:
            raise UserError(self.env._("Choose the catalogue file to import."))
        try:
            content = base64.b64decode(self.file).decode("utf-8-sig")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise UserError(self.env._("The catalogue must be a UTF-8 CSV or JSON file.")) from error
        if (self.filename or "").lower().endswith(".json") or content.lstrip().startswith(("[", "{")):
            try:
                data = json.loads(content)
            except ValueError as error:
                raise UserError(self.env._("The catalogue is not valid JSON: %(error)s", error=error)) from error
        else:
            data = list(csv.DictReader(io.StringIO(content)))
        return self.env["motcua.dvcqg.catalogue"]._motcua_rows_of(data)

    def _show_result(self, result):
        self.result = result
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_import(self):
        self.ensure_one()
        return self._show_result(self.env["motcua.dvcqg.catalogue"]._motcua_import(self._read_rows()))

    def action_import_endpoint(self):
        """Read the whole catalogue from the national portal, then import it."""
        self.ensure_one()
        return self._show_result(self.env["motcua.dvcqg.catalogue"]._motcua_import_endpoint())
