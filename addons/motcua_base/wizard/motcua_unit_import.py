from odoo import api, fields, models


def _province_selection(self):
    from vietnam_provinces import Province  # noqa: PLC0415 -- external dependency

    return sorted(((str(int(p.code)), p.name) for p in Province.iter_all()), key=lambda item: item[1])


class MotcuaUnitImport(models.TransientModel):
    """Load a province and its communes/wards from the official list (``vietnam-provinces``).

    Units are matched on their official code: running the import again updates the names of
    communes and wards, adds what is missing, and never duplicates.
    """

    _name = "motcua.unit.import"
    _description = "Import official administrative units"

    province_code = fields.Selection(_province_selection, string="Province", required=True)
    parent_id = fields.Many2one(
        "motcua.unit", string="Place under", help="Optional: the unit under which the province is placed."
    )
    with_wards = fields.Boolean(string="Communes and wards", default=True)

    def action_import(self):
        self.ensure_one()
        province = self._import_province(int(self.province_code), self.parent_id, self.with_wards)
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.unit",
            "view_mode": "list,form",
            "domain": [("id", "child_of", province.id)],
            "name": province.name,
        }

    @api.model
    def _import_province(self, code, parent=None, with_wards=True):
        """Create or update the province ``code`` (an int) and its wards; return the province."""
        from vietnam_provinces import Province, Ward  # noqa: PLC0415

        Unit = self.env["motcua.unit"].with_context(active_test=False, tracking_disable=True)
        source = next(p for p in Province.iter_all() if int(p.code) == code)
        province_code = f"{int(source.code):02d}"
        province = Unit.search(
            [("unit_type", "=", "province"), ("code", "=", province_code), ("date_end", "=", False)], limit=1
        )
        name = source.name
        if not name.startswith(("Tỉnh ", "Thành phố ")):
            name = f"Tỉnh {name}" if source.division_type.value == "tỉnh" else f"Thành phố {name}"
        vals = {
            "name": name,
            "unit_type": "province",
            "code": province_code,
            "parent_id": parent.id if parent else False,
        }
        if province:
            # the province keeps the name its administrators gave it (e.g. "UBND tỉnh Tây Ninh")
            if parent:
                province.parent_id = parent
        else:
            province = Unit.create(vals)
        if with_wards:
            existing = {
                u.code: u
                for u in Unit.search(
                    [("unit_type", "=", "commune"), ("date_end", "=", False), ("parent_id", "child_of", province.id)]
                )
            }
            to_create = []
            for ward in Ward.iter_by_province(source.code):
                ward_code = f"{int(ward.code):05d}"
                if ward_code in existing:
                    if existing[ward_code].name != ward.name:
                        existing[ward_code].name = ward.name
                    continue
                to_create.append(
                    {"name": ward.name, "unit_type": "commune", "code": ward_code, "parent_id": province.id}
                )
            Unit.create(to_create)
        return province
