from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import validate_citizen_id

CIVIL_GROUPS = "motcua_civil_registry.group_civil_officer,motcua_base.group_unit_leader"
SEXES = [("male", "Male"), ("female", "Female")]


class ResPartner(models.Model):
    """Citizens of the civil-status registry are contacts with their personal details and
    the family links that registered events create (parents, spouse)."""

    _inherit = "res.partner"

    civil_is_citizen = fields.Boolean("Citizen (civil status)", groups=CIVIL_GROUPS)
    civil_id_number = fields.Char("ID number", index="btree_not_null", copy=False, groups=CIVIL_GROUPS,
                                  help="Personal identification number (12-digit citizen ID or 9-digit old ID card).")
    civil_birth_date = fields.Date("Date of birth", groups=CIVIL_GROUPS)
    civil_sex = fields.Selection(SEXES, "Sex", groups=CIVIL_GROUPS)
    civil_birth_place = fields.Char("Place of birth", groups=CIVIL_GROUPS)
    civil_nationality_id = fields.Many2one("res.country", "Nationality", groups=CIVIL_GROUPS)
    civil_ethnic_group = fields.Char("Ethnic group", groups=CIVIL_GROUPS)
    civil_father_id = fields.Many2one("res.partner", "Father", index="btree_not_null", groups=CIVIL_GROUPS)
    civil_mother_id = fields.Many2one("res.partner", "Mother", index="btree_not_null", groups=CIVIL_GROUPS)
    civil_spouse_id = fields.Many2one("res.partner", "Spouse (active marriage)", index="btree_not_null",
                                      groups=CIVIL_GROUPS)
    civil_death_date = fields.Date("Date of death", groups=CIVIL_GROUPS)

    _civil_id_number_uniq = models.UniqueIndex(
        "(civil_id_number) WHERE civil_id_number IS NOT NULL AND civil_id_number != ''",
        "This ID number is already recorded for another person.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._civil_check_id_number(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._civil_check_id_number(vals, self)
        return super().write(vals)

    def _civil_check_id_number(self, vals, records=None):
        """Normalise the ID number and refuse one that another person already holds."""
        if not vals.get("civil_id_number"):
            return
        number = validate_citizen_id(self.env, vals["civil_id_number"])
        vals["civil_id_number"] = number
        domain = [("civil_id_number", "=", number)]
        if records:
            domain.append(("id", "not in", records.ids))
        if self.sudo().with_context(active_test=False).search_count(domain, limit=1):
            raise ValidationError(self.env._(
                "The ID number %(number)s is already recorded for another person: "
                "use that person instead of creating a new one.", number=number))

    @api.constrains("civil_id_number", "civil_sex", "civil_birth_date")
    def _check_civil_id_number(self):
        for partner in self.sudo():
            if partner.civil_id_number:
                validate_citizen_id(self.env, partner.civil_id_number, partner.civil_sex, partner.civil_birth_date)

    @api.constrains("civil_birth_date", "civil_death_date")
    def _check_civil_dates(self):
        today = fields.Date.context_today(self)
        for partner in self.sudo():
            if partner.civil_birth_date and partner.civil_birth_date > today:
                raise ValidationError(self.env._("The date of birth of %(name)s is in the future.",
                                                 name=partner.name))
            if partner.civil_death_date and partner.civil_birth_date \
                    and partner.civil_death_date < partner.civil_birth_date:
                raise ValidationError(self.env._("The date of death of %(name)s is before the date of birth.",
                                                 name=partner.name))

    # ------------------------------------------------------------------------------------------
    # Family links, as far as the registry knows them
    # ------------------------------------------------------------------------------------------
    def _civil_parents(self):
        self.ensure_one()
        return self.civil_father_id | self.civil_mother_id

    def _civil_ancestors(self, depth=None):
        """The ancestors of this person known to the registry, up to ``depth`` generations."""
        self.ensure_one()
        result = self.browse()
        generation = self.sudo()
        level = 0
        while generation and (depth is None or level < depth):
            parents = generation.civil_father_id | generation.civil_mother_id
            parents -= result  # guards against loops in wrong data
            result |= parents
            generation = parents
            level += 1
        return result

    def _civil_close_relative_of(self, other):
        """True when the Marriage and Family Law forbids these two to marry by the data held:
        the same person, relatives in the direct line of descent, or relatives within three
        generations (a common parent or grandparent)."""
        self.ensure_one()
        other.ensure_one()
        me, them = self.sudo(), other.sudo()
        if me == them:
            return True
        if me in them._civil_ancestors() or them in me._civil_ancestors():
            return True
        return bool((me | me._civil_ancestors(2)) & (them | them._civil_ancestors(2)))

    def _civil_age_on(self, on_date):
        self.ensure_one()
        birth = self.sudo().civil_birth_date
        return relativedelta(on_date, birth).years if birth else None

    @api.model
    def _civil_find_person(self, id_number=None, name=None, birth_date=None):
        """The existing person the registry holds for these details: by ID number first, else
        by exact name and date of birth. Empty recordset when nobody matches."""
        partners = self.sudo().with_context(active_test=False)
        if id_number:
            number = validate_citizen_id(self.env, id_number)
            person = partners.search([("civil_id_number", "=", number)], limit=1)
            if person:
                return person
        if name and birth_date:
            return partners.search([("civil_is_citizen", "=", True), ("name", "=ilike", name.strip()),
                                    ("civil_birth_date", "=", birth_date)], limit=1)
        return partners.browse()
