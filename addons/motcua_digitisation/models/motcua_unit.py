import logging
import os
import re
import shutil

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.motcua_base.tools import check_file_content

_logger = logging.getLogger(__name__)

# <dossier code>_<number of the paper on the receipt>.<pdf|jpg|jpeg|png>, e.g. 000.20.01.T01-261125-0001_2.pdf
SCAN_NAME_RE = re.compile(r"^(?P<code>.+)_(?P<number>\d{1,3})\.(?P<ext>pdf|jpe?g|png)$", re.IGNORECASE)
DONE, ERROR = "done", "error"


class MotcuaUnit(models.Model):
    _inherit = "motcua.unit"

    motcua_scan_folder = fields.Char(
        string="Scanner folder",
        groups="motcua_base.group_administrator",
        help="Folder of the server where the desk's scanner drops its files, named <dossier code>_<number of the "
        "paper on the receipt>.pdf (or .jpg, .png). Every few minutes the files are attached to their paper "
        "lines and moved to done/; the others go to error/ with the reason in a .txt file.",
    )

    @api.constrains("motcua_scan_folder")
    def _check_motcua_scan_folder(self):
        for unit in self:
            folder = unit.motcua_scan_folder
            if folder and not (os.path.isabs(folder) and os.path.isdir(folder)):
                raise ValidationError(
                    self.env._("The scanner folder %(folder)s is not a folder of the server.", folder=folder)
                )

    # ------------------------------------------------------------------ the scanner's folder
    @api.model
    def _cron_import_scans(self):
        for unit in self.sudo().search([("motcua_scan_folder", "!=", False)]):
            unit._motcua_import_scans()

    @api.private
    def _motcua_import_scans(self):
        """Attach the files of this unit's scanner folder to their paper lines. Returns
        {"done": [names], "error": [names]}."""
        self.ensure_one()
        folder = self.sudo().motcua_scan_folder
        outcome = {DONE: [], ERROR: []}
        if not folder or not os.path.isdir(folder):
            return outcome
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or name.startswith("."):
                continue
            try:
                with self.env.cr.savepoint():
                    self._motcua_import_scan(path, name)
            except (UserError, ValidationError) as exc:
                self._motcua_file_away(folder, name, ERROR, exc.args[0])
                outcome[ERROR].append(name)
            else:
                self._motcua_file_away(folder, name, DONE)
                outcome[DONE].append(name)
        return outcome

    def _motcua_import_scan(self, path, name):
        match = SCAN_NAME_RE.match(name)
        if not match:
            raise UserError(
                self.env._(
                    "The file name must be <dossier code>_<number of the paper on the receipt>.pdf "
                    "(or .jpg, .png), e.g. 000.20.01.T01-261125-0001_2.pdf."
                )
            )
        code, number = match["code"], int(match["number"])
        dossier = (
            self.env["motcua.dossier"]
            .sudo()
            .search([("name", "=", code), ("state", "!=", "draft"), ("unit_id", "child_of", self.id)], limit=1)
        )
        if not dossier:
            raise UserError(self.env._("No dossier %(code)s was received by %(unit)s.", code=code, unit=self.name))
        lines = dossier.paper_ids.sorted(lambda p: (p.sequence, p.id))
        if not 1 <= number <= len(lines):
            raise UserError(
                self.env._("The dossier %(code)s has no paper number %(number)s.", code=code, number=number)
            )
        with open(path, "rb") as scan:
            raw = scan.read()
        check_file_content(self.env, raw, name, allowed={"pdf", "jpg", "jpeg", "png"})
        line = lines[number - 1]
        line._motcua_attach_scan(
            raw,
            name,
            source=self.env._(
                "Scan of %(paper)s imported from the scanner folder of %(unit)s: %(file)s.",
                paper=line.name,
                unit=self.name,
                file=name,
            ),
        )

    @api.model
    def _motcua_file_away(self, folder, name, subfolder, reason=None):
        target = os.path.join(folder, subfolder)
        os.makedirs(target, exist_ok=True)
        shutil.move(os.path.join(folder, name), os.path.join(target, name))
        if reason:
            with open(os.path.join(target, name + ".txt"), "w", encoding="utf-8") as note:
                note.write(reason + "\n")
            _logger.info("Scan %s not imported: %s", name, reason)
