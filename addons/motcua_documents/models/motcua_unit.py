from odoo import fields, models


class MotcuaUnit(models.Model):
    """A unit may receive incoming documents by e-mail on its own alias."""

    _name = "motcua.unit"
    _inherit = ["motcua.unit", "mail.alias.mixin.optional"]

    incoming_document_count = fields.Integer(
        compute="_compute_incoming_document_count", groups="motcua_base.group_receiving_officer"
    )

    def _compute_incoming_document_count(self):
        if not self.env["motcua.incoming.document"].has_access("read"):
            self.incoming_document_count = 0
            return
        counts = dict(
            self.env["motcua.incoming.document"]._read_group([("unit_id", "in", self.ids)], ["unit_id"], ["__count"])
        )
        for unit in self:
            unit.incoming_document_count = counts.get(unit, 0)

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("motcua.incoming.document")
        if self.id:
            values["alias_defaults"] = repr({"unit_id": self.id})
            values["alias_force_thread_id"] = False
        return values

    def action_open_incoming_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_documents.action_motcua_incoming_document")
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action
