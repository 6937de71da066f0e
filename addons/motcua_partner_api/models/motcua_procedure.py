from odoo import api, models


class MotcuaProcedure(models.Model):
    _inherit = "motcua.procedure"

    @api.private
    def _motcua_partner_data(self):
        """What the partner API tells of a procedure: the public catalogue's data."""
        self.ensure_one()
        procedure = self.sudo()
        levels = dict(procedure._fields["level"]._description_selection(self.env))
        online = dict(procedure._fields["online_level"]._description_selection(self.env))
        paper_types = dict(self.env["motcua.procedure.paper"]._fields["paper_type"]._description_selection(self.env))
        return {
            "code": procedure.code,
            "name": procedure.name,
            "field": procedure.field_id.name or None,
            "level": procedure.level,
            "level_label": levels.get(procedure.level, ""),
            "deciding_unit": procedure.unit_id.name or None,
            "time_limit": {
                "working_days": procedure.duration_days,
                "working_hours": procedure.duration_hours,
                "label": procedure.duration_label or "",
            },
            "fee": procedure.fee,
            "charge": procedure.charge,
            "online_level": procedure.online_level,
            "online_level_label": online.get(procedure.online_level, ""),
            "result_paper": procedure.result_paper or None,
            "papers": [
                {
                    "name": paper.name,
                    "paper_type": paper.paper_type,
                    "paper_type_label": paper_types.get(paper.paper_type, ""),
                    "quantity": paper.quantity,
                    "mandatory": paper.mandatory,
                }
                for paper in procedure.paper_ids.sorted(lambda p: (p.sequence, p.id))
            ],
            "version": procedure.version,
        }
