from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_sanitize

from .motcua_unit import slugify_name

LEADER = "motcua_base.group_unit_leader"
DESIGNER = "website.group_website_designer"
PROVINCE_EDITOR = "motcua_portal.group_province_web_editor"

STATES = [("draft", "Draft"), ("to_approve", "Waiting for approval"), ("published", "Published")]
# workflow outputs: written by the review actions only
REVIEW_FIELDS = {"state", "is_published", "website_published", "motcua_submitted_by_id", "motcua_approved_by_id"}
# what a reader sees: frozen while the post waits for approval or is published
CONTENT_FIELDS = {
    "name",
    "subtitle",
    "content",
    "teaser_manual",
    "blog_id",
    "author_id",
    "tag_ids",
    "cover_properties",
    "published_date",
    "post_date",
}


class BlogPost(models.Model):
    """News of a unit site, published through a review: draft → waiting for approval → published.

    The unit's web editors write their unit's posts (record rules); a leader of the unit (or of a
    unit above it) approves, never their own submission; publication on the website happens
    through the approval only. The province web editor features posts on the portal.
    """

    _name = "blog.post"
    _inherit = ["blog.post", "motcua.workflow.mixin"]

    _motcua_transitions = {
        "draft": ("to_approve",),
        "to_approve": ("published", "draft"),
        "published": ("draft",),
    }

    blog_id = fields.Many2one(default=lambda self: self._motcua_default_blog())
    motcua_unit_id = fields.Many2one(
        "motcua.unit", string="Unit", related="blog_id.motcua_unit_id", store=True, index="btree_not_null"
    )
    state = fields.Selection(STATES, string="Review", default="draft", required=True, tracking=True, copy=False)
    motcua_submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True, copy=False)
    motcua_approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    motcua_featured = fields.Boolean(
        string="Featured on the portal", tracking=True, copy=False, help="Set by the province web editor."
    )
    motcua_public_url = fields.Char(string="Address on the unit site", compute="_compute_motcua_public_url")

    @api.model
    def _motcua_default_blog(self):
        """The news blog of the user's unit, else the first blog."""
        Blog = self.env["blog.blog"]
        units = self.env.user.motcua_unit_ids
        return (units and Blog.search([("motcua_unit_id", "in", units.ids)], limit=1)) or Blog.search([], limit=1)

    @api.depends("motcua_unit_id.motcua_site_slug", "name")
    def _compute_motcua_public_url(self):
        for post in self:
            unit = post.motcua_unit_id
            if unit.motcua_site_slug and post.id:
                post.motcua_public_url = f"{unit.motcua_site_url}/tin/{slugify_name(post.name)}-{post.id}"
            else:
                post.motcua_public_url = False

    # ------------------------------------------------------------------ guards
    def _motcua_check_review_vals(self, vals, posts_units):
        """Publication fields of a unit's post change through the review actions; featuring is the
        province web editor's."""
        if self.env.su or not posts_units:
            return
        if REVIEW_FIELDS & set(vals):
            raise AccessError(self.env._("A unit's news is published through the review step: submit it for approval."))
        if "motcua_featured" in vals and not self.env.user.has_group(PROVINCE_EDITOR):
            raise AccessError(self.env._("Only the province web editor features news on the portal."))

    def _motcua_sanitize(self, vals):
        """Posts keep raw HTML for the website's designers (website_blog); what unit editors write
        is sanitized: no script of theirs runs on the portal."""
        if vals.get("content") and not self.env.su and not self.env.user.has_group(DESIGNER):
            vals["content"] = html_sanitize(vals["content"])

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            Blog = self.env["blog.blog"]
            for vals in vals_list:
                self._motcua_sanitize(vals)
                blog = Blog.browse(vals["blog_id"]) if vals.get("blog_id") else self._motcua_default_blog()
                review = {key: value for key, value in vals.items() if key in REVIEW_FIELDS | {"motcua_featured"}}
                if review.get("state") == "draft":
                    review.pop("state")
                self._motcua_check_review_vals({k: v for k, v in review.items() if v}, blog.sudo().motcua_unit_id)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            vals = dict(vals)
            self._motcua_sanitize(vals)
            units = self.sudo().motcua_unit_id
            self._motcua_check_review_vals(vals, units)
            if CONTENT_FIELDS & set(vals):
                frozen = self.filtered(lambda p: p.motcua_unit_id and p.state != "draft")
                for post in frozen:
                    if not post._motcua_is_approver():
                        raise UserError(
                            self.env._(
                                "The news item %(post)s is %(state)s: send it back to draft to change it.",
                                post=post.name,
                                state=post._motcua_state_label(),
                            )
                        )
        result = super().write(vals)
        if "blog_id" in vals and not self.env.su:
            # moving a post to another unit's blog: the user must be allowed to write it there too
            self.check_access("write")
        return result

    # ------------------------------------------------------------------ review
    def _motcua_is_approver(self, user=None):
        """A leader of the post's unit or of a unit above it."""
        self.ensure_one()
        user = user or self.env.user
        return bool(
            self.motcua_unit_id
            and user.has_group(LEADER)
            and self.motcua_unit_id._motcua_lineage() & user.motcua_unit_ids
        )

    def _motcua_check_approver(self):
        for post in self:
            if not post._motcua_is_approver():
                raise AccessError(
                    self.env._(
                        "Only a leader of %(unit)s approves its news.",
                        unit=post.motcua_unit_id.display_name or self.env._("the unit"),
                    )
                )

    def action_motcua_submit(self):
        self.check_access("write")
        for post in self:
            if not post.motcua_unit_id:
                raise UserError(self.env._("Only the news of a unit site goes through the review step."))
        self._check_state("draft", action=self.env._("Submitting for approval"))
        self.sudo()._motcua_set_state("to_approve", {"motcua_submitted_by_id": self.env.uid})
        for post in self:
            post.message_post(body=self.env._("Submitted for approval."))
        return True

    def action_motcua_approve(self):
        self._motcua_check_approver()
        self._check_state("to_approve", action=self.env._("Approving"))
        for post in self:
            if post.motcua_submitted_by_id == self.env.user:
                raise AccessError(
                    self.env._("You submitted %(post)s: another leader of the unit approves it.", post=post.name)
                )
        self.sudo()._motcua_set_state("published", {"is_published": True, "motcua_approved_by_id": self.env.uid})
        for post in self:
            post.message_post(body=self.env._("Approved and published."))
        return True

    def action_motcua_send_back(self):
        """Back to draft: a leader sends a submission back, or the unit withdraws a published item."""
        self._check_state(("to_approve", "published"), action=self.env._("Sending back to draft"))
        self.check_access("write")
        self.sudo()._motcua_set_state("draft", {"is_published": False, "motcua_approved_by_id": False})
        for post in self:
            post.message_post(body=self.env._("Sent back to draft."))
        return True

    # ------------------------------------------------------------------ public pages
    @api.private
    @api.model
    def _motcua_published(self, domain=(), limit=10):
        """Published unit news (sudo: public pages), featured first on the portal when asked."""
        return self.sudo().search(
            [
                ("motcua_unit_id", "!=", False),
                ("state", "=", "published"),
                ("is_published", "=", True),
                ("post_date", "<=", fields.Datetime.now()),
                *domain,
            ],
            order=self.env.context.get("motcua_order", "post_date desc, id desc"),
            limit=limit,
        )

    @api.private
    @api.model
    def _motcua_portal_news(self, limit=10):
        """The portal's latest news: the province web editor's featured items first."""
        return self.with_context(motcua_order="motcua_featured desc, post_date desc, id desc")._motcua_published(
            limit=limit
        )

    @api.private
    @api.model
    def _motcua_search_news(self, text, limit=20):
        return self._motcua_published(
            ["|", "|", ("name", "ilike", text), ("subtitle", "ilike", text), ("content", "ilike", text)], limit=limit
        )

    @api.private
    def _motcua_summary(self, size=240):
        """The teaser as plain text, at most ``size`` characters."""
        self.ensure_one()
        text = " ".join((self.subtitle or self.teaser or "").split())
        return text if len(text) <= size else text[: size - 1].rstrip() + "…"
