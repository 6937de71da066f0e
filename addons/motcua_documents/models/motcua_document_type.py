from odoo import fields, models


class MotcuaDocumentType(models.Model):
    """A type of official document (Decree 30/2020, Appendix III), e.g. Decision (QĐ)."""

    _name = "motcua.document.type"
    _description = "Official document type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    abbreviation = fields.Char(
        help="Used in the symbol of outgoing documents, e.g. QĐ in 15/QĐ-UBND. Official letters (công văn) have none.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text()

    _abbreviation_uniq = models.UniqueIndex(
        "(abbreviation) WHERE abbreviation IS NOT NULL",
        "Another document type already uses this abbreviation.",
    )

    def _compute_display_name(self):
        for doc_type in self:
            doc_type.display_name = (
                f"{doc_type.name} ({doc_type.abbreviation})" if doc_type.abbreviation else doc_type.name
            )
