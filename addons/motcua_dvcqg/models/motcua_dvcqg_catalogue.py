import json
import logging

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.motcua_base.tools import strip_diacritics

from .motcua_dvcqg_message import network_error
from .motcua_dvcqg_procedure_map import NATIONAL_CODE

_logger = logging.getLogger(__name__)

SERVICE_CATALOGUE = "LayDanhSachTTHC"
# the deciding level as the national catalogue writes it (CapThucHien), without diacritics
LEVELS = {
    "cap bo": "central",
    "trung uong": "central",
    "cap tinh": "province",
    "cap huyen": "district",
    "cap xa": "commune",
}
MAX_PAGES = 200  # a catalogue of 20,000 procedures at 100 a page: a loop guard, not a limit


def text_of(row, key):
    """A catalogue cell as text (CSV cells are text, JSON values may be numbers or null)."""
    return str(row.get(key) or "").strip()


def short_code(code):
    """The short form of a national code as procedures carry it: 1.011442.000.00.00.H38 -> 1.011442."""
    return ".".join(code.split(".")[:2])


class MotcuaDvcqgCatalogue(models.AbstractModel):
    """The national procedure catalogue: its rows (from a file or from the national portal's
    ``LayDanhSachTTHC`` service) create or update the procedures and their national codes. A changed
    rule of a procedure that dossiers use makes a new version (motcua_dossier keeps the former one for
    them); an unchanged row changes nothing."""

    _name = "motcua.dvcqg.catalogue"
    _description = "National procedure catalogue"

    # ------------------------------------------------------------------ reading rows
    @api.model
    def _motcua_rows_of(self, data):
        """The rows of a parsed catalogue (a list, or ``{"data": [...]}``), checked before any change."""
        rows = data.get("data", []) if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise UserError(self.env._("The catalogue must be a list of procedures."))
        if not rows or "MaTTHC" not in rows[0]:
            raise UserError(self.env._("The catalogue has no MaTTHC column."))
        return rows

    @api.model
    def _motcua_number(self, row, key, kind=float):
        value = text_of(row, key).replace(",", ".")
        if not value:
            return None
        try:
            number = kind(float(value))
        except ValueError:
            number = -1
        if number < 0:
            raise UserError(
                self.env._(
                    "The catalogue row %(code)s has an invalid %(column)s: %(value)s.",
                    code=row.get("MaTTHC"),
                    column=key,
                    value=value,
                )
            )
        return number

    @api.model
    def _motcua_rules_of(self, row):
        """The procedure fields a row gives (only those it carries)."""
        rules = {
            "name": text_of(row, "TenTTHC"),
            "duration_days": self._motcua_number(row, "ThoiHanGiaiQuyet"),
            "fee": self._motcua_number(row, "LePhi", int),
            "charge": self._motcua_number(row, "Phi", int),
            "result_paper": text_of(row, "KetQuaThucHien"),
        }
        level = strip_diacritics(text_of(row, "CapThucHien")).lower()
        if level:
            if level not in LEVELS:
                raise UserError(
                    self.env._(
                        "The catalogue row %(code)s has an unknown level (CapThucHien): %(value)s.",
                        code=row.get("MaTTHC"),
                        value=row.get("CapThucHien"),
                    )
                )
            rules["level"] = LEVELS[level]
        rules["field_id"] = text_of(row, "LinhVuc")  # a name: found or made when applied
        return {key: value for key, value in rules.items() if value not in (None, "")}

    @api.model
    def _motcua_resolve_field(self, rules):
        """The procedure field (lĩnh vực) named by a row, created when the catalogue brings a new one."""
        if "field_id" in rules:
            # the catalogue names the fields in Vietnamese, whatever the administrator's language
            Field = self.env["motcua.procedure.field"].with_context(lang="vi_VN")
            name = rules["field_id"]
            rules["field_id"] = (Field.search([("name", "=ilike", name)], limit=1) or Field.create({"name": name})).id
        return rules

    # ------------------------------------------------------------------ importing rows
    @api.model
    def _motcua_find(self, row, code):
        """The current procedure of a row: by its local code, the national code or its short form."""
        codes = [c for c in (text_of(row, "MaNoiBo"), code, short_code(code)) if c]
        return self.env["motcua.procedure"].search([("code", "in", codes), ("current_id", "=", False)], limit=1)

    @api.model
    def _motcua_apply_rules(self, procedure, rules, counts):
        """Write the rules that changed; the procedure makes a version when dossiers use it."""
        changed = {
            key: value
            for key, value in rules.items()
            if (procedure[key].id if key == "field_id" else procedure[key]) != value
        }
        if not changed:
            counts["unchanged"] += 1
            return
        version = procedure.version
        procedure.write(changed)
        counts["versions" if procedure.version != version else "updated"] += 1

    @api.model
    def _motcua_map(self, procedure, code, name, now, counts):
        Map = self.env["motcua.dvcqg.procedure.map"]
        mapping = Map.search([("procedure_id", "=", procedure.id)], limit=1)
        vals = {"national_code": code, "national_name": name}
        if not mapping:
            Map.create({"procedure_id": procedure.id, "imported_at": now, **vals})
            counts["mapped"] += 1
        elif (mapping.national_code, mapping.national_name or "") != (code, name):
            mapping.write({"imported_at": now, **vals})
            counts["remapped"] += 1

    @api.model
    def _motcua_create(self, row, code, rules, counts):
        """A procedure of the catalogue unknown here: created when the row has its rules."""
        if not (rules.get("name") and rules.get("duration_days")):
            counts["unknown"].append(f"{code} {rules.get('name', '')}".strip())
            return self.env["motcua.procedure"]
        counts["created"] += 1
        return self.env["motcua.procedure"].create({"code": text_of(row, "MaNoiBo") or short_code(code), **rules})

    @api.model
    @api.private
    def _motcua_import(self, rows):
        """Import catalogue rows; every row is read before anything changes. Returns the summary."""
        parsed = []
        for row in rows:
            code = text_of(row, "MaTTHC")
            parsed.append((row, code, self._motcua_rules_of(row) if NATIONAL_CODE.match(code) else None))
        counts = dict.fromkeys(("mapped", "remapped", "created", "versions", "updated", "unchanged"), 0)
        counts.update(unknown=[], invalid=[], rules=False)
        now = fields.Datetime.now()
        for row, code, rules in parsed:
            if rules is None:
                counts["invalid"].append(code or "?")
                continue
            procedure = self._motcua_find(row, code)
            counts["rules"] |= bool(set(rules) - {"name"})
            self._motcua_resolve_field(rules)
            if procedure:
                self._motcua_apply_rules(procedure, {k: v for k, v in rules.items() if k != "name"}, counts)
            else:
                procedure = self._motcua_create(row, code, rules, counts)
            if procedure:
                self._motcua_map(procedure, code, rules.get("name", ""), now, counts)
        return self._motcua_summary(counts)

    @api.model
    def _motcua_summary(self, counts):
        lines = [
            self.env._(
                "%(created)s mappings created, %(updated)s updated.",
                created=counts["mapped"],
                updated=counts["remapped"],
            )
        ]
        if counts["rules"] or counts["created"]:
            lines.append(
                self.env._(
                    "Procedures: %(created)s created, %(versions)s new versions, %(updated)s updated, "
                    "%(unchanged)s unchanged.",
                    created=counts["created"],
                    versions=counts["versions"],
                    updated=counts["updated"],
                    unchanged=counts["unchanged"],
                )
            )
        if counts["unknown"]:
            lines.append(self.env._("Procedures unknown here: %(codes)s", codes=", ".join(counts["unknown"])))
        if counts["invalid"]:
            lines.append(
                self.env._("Rows with an invalid national code: %(codes)s", codes=", ".join(counts["invalid"]))
            )
        return "\n".join(lines)

    # ------------------------------------------------------------------ the national portal's service
    @api.model
    def _motcua_endpoint(self):
        """The URL of LayDanhSachTTHC and the credentials (system parameters: administrators only)."""
        config = self.env["motcua.dvcqg.message"]._motcua_config()
        param = self.env["ir.config_parameter"].sudo().get_param
        url = (param("motcua_dvcqg.catalogue_url") or "").strip()
        if not url and config["url"]:
            url = f"{config['url']}/{SERVICE_CATALOGUE}"
        if not url:
            raise UserError(
                self.env._("No national portal endpoint is configured: set it in Settings > National portal.")
            )
        return url, config

    @api.model
    def _motcua_fetch_page(self, url, config, page):
        try:
            response = requests.post(
                url,
                json={"service": SERVICE_CATALOGUE, "page": page},
                auth=(config["username"], config["password"]) if config["username"] else None,
                timeout=config["timeout"],
            )
        except requests.Timeout as error:
            raise UserError(
                self.env._(
                    "The national catalogue did not answer within %(seconds)s seconds.", seconds=config["timeout"]
                )
            ) from error
        except requests.RequestException as error:
            raise UserError(
                self.env._("The national catalogue cannot be reached: %(error)s", error=network_error(error))
            ) from error
        if not response.ok:
            raise UserError(
                self.env._(
                    "The national catalogue answered %(status)s: %(answer)s",
                    status=response.status_code,
                    answer=response.text[:300],
                )
            )
        try:
            data = response.json()
        except ValueError as error:
            raise UserError(
                self.env._("The national catalogue's answer is not JSON: %(answer)s", answer=response.text[:300])
            ) from error
        return data

    @api.model
    def _motcua_fetch(self):
        """Every page of the national catalogue, read before anything changes."""
        url, config = self._motcua_endpoint()
        rows, page = [], 1
        while page <= MAX_PAGES:
            data = self._motcua_fetch_page(url, config, page)
            rows += self._motcua_rows_of(data)
            pages = data.get("pages", 1) if isinstance(data, dict) else 1
            if not isinstance(pages, int) or page >= pages:
                break
            page += 1
        return rows

    @api.model
    @api.private
    def _motcua_import_endpoint(self):
        return self._motcua_import(self._motcua_fetch())

    @api.model
    def _cron_import(self):
        """The scheduled import (inactive unless an administrator turns it on): a failure is logged and
        leaves the catalogue as it was."""
        try:
            with self.env.cr.savepoint():
                summary = self._motcua_import_endpoint()
        except UserError as error:
            _logger.warning("National catalogue not imported: %s", error)
            return False
        _logger.info("National catalogue imported: %s", json.dumps(summary, ensure_ascii=False))
        return summary
