import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_base.tools import strip_diacritics

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SITE_PATH = "/don-vi/"


def slugify_name(name):
    """ "Phường Long An" -> "phuong-long-an" (ASCII, for an address citizens can type)."""
    text = strip_diacritics(name or "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "don-vi"


class MotcuaUnit(models.Model):
    """A unit's website lives on its record: the site fields, its news blog and its successors."""

    _inherit = "motcua.unit"

    motcua_site_published = fields.Boolean(
        string="Unit site published", tracking=True, copy=False, help="The unit's pages are shown on the portal."
    )
    motcua_site_slug = fields.Char(
        string="Web address",
        tracking=True,
        copy=False,
        help="The unit's pages are at /don-vi/<web address>: lower-case letters without marks, digits and dashes.",
    )
    motcua_site_url = fields.Char(string="Unit site", compute="_compute_motcua_site_url")
    motcua_site_intro = fields.Text(string="Introduction", help="A few lines shown at the top of the unit's home page.")
    motcua_site_hours = fields.Char(string="Reception hours", help="e.g. Monday to Friday, 7:00–11:30 and 13:30–17:00.")
    motcua_site_map_url = fields.Char(string="Map link", help="A link to the unit's location on a map.")
    motcua_blog_id = fields.Many2one("blog.blog", string="News blog", readonly=True, copy=False, index="btree_not_null")
    motcua_contact_ids = fields.One2many("motcua.portal.contact", "unit_id", string="Leaders and contacts")
    motcua_successor_ids = fields.Many2many(
        "motcua.unit",
        "motcua_unit_successor_rel",
        "unit_id",
        "successor_id",
        string="Successors",
        tracking=True,
        help="The units that took over the work of this unit when it ended (2025 reform).",
    )
    motcua_predecessor_ids = fields.Many2many(
        "motcua.unit",
        "motcua_unit_successor_rel",
        "successor_id",
        "unit_id",
        string="Predecessors",
        readonly=True,
    )

    _motcua_site_slug_uniq = models.UniqueIndex(
        "(motcua_site_slug) WHERE motcua_site_slug IS NOT NULL",
        "Another unit site already uses this web address.",
    )

    @api.depends("motcua_site_slug")
    def _compute_motcua_site_url(self):
        for unit in self:
            unit.motcua_site_url = f"{SITE_PATH}{unit.motcua_site_slug}" if unit.motcua_site_slug else False

    @api.constrains("motcua_site_slug")
    def _check_motcua_site_slug(self):
        for unit in self:
            if unit.motcua_site_slug and not SLUG_PATTERN.match(unit.motcua_site_slug):
                raise ValidationError(
                    self.env._(
                        "The web address %(slug)s is not valid: use lower-case letters without marks, digits "
                        "and single dashes, e.g. phuong-long-an.",
                        slug=unit.motcua_site_slug,
                    )
                )

    @api.constrains("motcua_successor_ids")
    def _check_motcua_successor_ids(self):
        for unit in self:
            if unit in unit.motcua_successor_ids:
                raise ValidationError(self.env._("The unit %(unit)s cannot succeed itself.", unit=unit.name))

    # ------------------------------------------------------------------ site
    def _motcua_check_administrator(self):
        if not self.env.su and not self.env.user.has_group("motcua_base.group_administrator"):
            raise AccessError(self.env._("Only one-stop administrators create and transfer unit sites."))

    def _motcua_free_slug(self):
        self.ensure_one()
        base = slugify_name(self.name)
        slug, index = base, 2
        while self.with_context(active_test=False).search_count(
            [("motcua_site_slug", "=", slug), ("id", "!=", self.id)]
        ):
            slug, index = f"{base}-{index}", index + 1
        return slug

    def action_motcua_create_site(self):
        """One step: the unit's web address, its news blog, and the site published."""
        self._motcua_check_administrator()
        for unit in self:
            if unit.motcua_blog_id:
                raise UserError(self.env._("The unit %(unit)s already has a site.", unit=unit.display_name))
            # administrators configure units, not the website: the blog is made for them
            blog = self.env["blog.blog"].sudo().create({"name": unit.name, "motcua_unit_id": unit.id})
            unit.write(
                {
                    "motcua_site_slug": unit.motcua_site_slug or unit._motcua_free_slug(),
                    "motcua_blog_id": blog.id,
                    "motcua_site_published": True,
                }
            )
            unit.message_post(body=self.env._("Unit site created at %(url)s.", url=unit.motcua_site_url))
        return True

    def _motcua_transfer_target(self):
        self.ensure_one()
        if not self.date_end:
            raise UserError(
                self.env._(
                    "The unit %(unit)s has not ended: set its end date before transferring its site.",
                    unit=self.display_name,
                )
            )
        successors = self.motcua_successor_ids
        if len(successors) != 1:
            raise UserError(
                self.env._(
                    "The unit %(unit)s needs exactly one successor to transfer its site to.", unit=self.display_name
                )
            )
        return successors

    def action_motcua_transfer_to_successor(self):
        """Hand an ended unit's work on to its successor, in one action.

        - its news move to the successor's site (their old addresses redirect there);
        - the procedures it decided are decided by the successor (the procedure keeps a former
          version for the dossiers already received under it);
        - its dossiers in progress are transferred to the successor like any transfer: the code,
          the steps done and the history stay, a new step opens at the successor with the time left.
        Dossiers waiting for a supplement stay until they resume (they are counted in the message).
        """
        self._motcua_check_administrator()
        for unit in self:
            successor = unit._motcua_transfer_target()
            posts = unit._motcua_transfer_news(successor)
            procedures = unit._motcua_transfer_procedures(successor)
            dossiers, waiting = unit._motcua_transfer_dossiers(successor)
            body = self.env._(
                "Transferred from %(unit)s to %(successor)s: %(posts)s news items, %(procedures)s procedures, "
                "%(dossiers)s dossiers in progress (%(waiting)s waiting for a supplement stay until they resume).",
                unit=unit.display_name,
                successor=successor.display_name,
                posts=len(posts),
                procedures=len(procedures),
                dossiers=len(dossiers),
                waiting=len(waiting),
            )
            unit.message_post(body=body)
            successor.message_post(body=body)
        return True

    def _motcua_transfer_news(self, successor):
        if not successor.motcua_blog_id:
            successor.action_motcua_create_site()
        posts = self.env["blog.post"].sudo().with_context(active_test=False).search([("motcua_unit_id", "=", self.id)])
        posts.write({"blog_id": successor.motcua_blog_id.id})
        return posts

    def _motcua_transfer_procedures(self, successor):
        procedures = self.env["motcua.procedure"].sudo().search([("unit_id", "=", self.id), ("current_id", "=", False)])
        procedures.write({"unit_id": successor.id})
        return procedures

    def _motcua_transfer_dossiers(self, successor):
        """(transferred, waiting for a supplement): the open dossiers this unit handles."""
        Dossier = self.env["motcua.dossier"].sudo()
        handled = Dossier.search(
            [
                ("state", "in", ("received", "in_progress", "supplement")),
                "|",
                ("handling_unit_id", "=", self.id),
                "&",
                ("handling_unit_id", "=", False),
                ("unit_id", "=", self.id),
            ]
        )
        waiting = handled.filtered(lambda d: d.state == "supplement")
        moving = handled - waiting
        if moving:
            reason = self.env._(
                "%(unit)s ended; %(successor)s took over its work.", unit=self.name, successor=successor.name
            )
            moving.action_transfer(successor, reason)
        return moving, waiting

    @api.private
    def _motcua_site_units(self):
        """The published unit sites (ended ones included: they point to their successor)."""
        return self.sudo().search([("motcua_site_published", "=", True), ("motcua_site_slug", "!=", False)])

    def _motcua_current_successors(self):
        """Where an ended unit's visitors go: its successors with a published site, followed on."""
        self.ensure_one()
        result, seen, todo = self.browse(), set(), list(self.motcua_successor_ids)
        while todo:
            unit = todo.pop(0)
            if unit.id in seen:
                continue
            seen.add(unit.id)
            if unit.is_historical and unit.motcua_successor_ids:
                todo.extend(unit.motcua_successor_ids)
            else:
                result |= unit
        return result

    # ------------------------------------------------------------------ public data of a site
    @api.private
    def _motcua_site_news(self, limit=10):
        """The unit's published news, newest first."""
        self.ensure_one()
        return self.env["blog.post"]._motcua_published([("motcua_unit_id", "=", self.id)], limit=limit)

    @api.private
    def _motcua_site_procedures(self):
        """The current procedures received at this unit: its own, and those every unit of its level decides."""
        self.ensure_one()
        domain = [("current_id", "=", False), ("unit_id", "=", self.id)]
        if self.unit_type in ("commune", "province", "district"):
            domain = [
                ("current_id", "=", False),
                "|",
                ("unit_id", "=", self.id),
                "&",
                ("unit_id", "=", False),
                ("level", "=", self.unit_type),
            ]
        return self.env["motcua.procedure"].sudo().search(domain, order="field_id, name", limit=200)

    @api.private
    def _motcua_site_schedule(self):
        """The published citizen-reception sessions of the unit's leaders still to come."""
        self.ensure_one()
        return (
            self.env["motcua.complaint.schedule"]
            .sudo()
            .search(
                [
                    ("unit_id", "=", self.id),
                    ("is_published", "=", True),
                    ("date_end", ">=", fields.Datetime.now()),
                ],
                order="date_start",
                limit=20,
            )
        )

    @api.private
    def _motcua_site_rates(self):
        """The on-time rate of this unit (with its sub-units: desks, offices) for the month, quarter and
        year, read from the kept published figures (``motcua.public.figures``), never from the dossiers."""
        return self.env["motcua.public.figures"]._motcua_site_rates(self)

    def _motcua_all_predecessors(self):
        """Every unit whose work came to this one, through any number of mergers."""
        self.ensure_one()
        result, todo = self.browse(), self.motcua_predecessor_ids
        while todo:
            result |= todo
            todo = todo.motcua_predecessor_ids - result
        return result
