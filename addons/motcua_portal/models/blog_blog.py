from odoo import fields, models
from odoo.exceptions import AccessError


class BlogBlog(models.Model):
    _inherit = "blog.blog"

    motcua_unit_id = fields.Many2one(
        "motcua.unit",
        string="Unit",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The unit whose news this blog carries (one blog per unit site).",
    )

    _motcua_unit_uniq = models.UniqueIndex(
        "(motcua_unit_id) WHERE motcua_unit_id IS NOT NULL", "This unit already has a news blog."
    )

    def write(self, vals):
        # the unit of a blog decides who edits its posts: it is set by the unit site actions only
        if "motcua_unit_id" in vals and not self.env.su:
            raise AccessError(self.env._("The unit of a news blog is set when the unit site is created."))
        return super().write(vals)
