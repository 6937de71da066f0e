from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.motcua_base.tools import local_now, validate_citizen_id

CIVIL_GROUPS = "motcua_civil_registry.group_civil_officer,motcua_base.group_unit_leader"
SEXES = [("male", "Male"), ("female", "Female")]
# the people of an event, by the event's fields
EVENT_PEOPLE_FIELDS = ("person_id", "other_person_id", "father_id", "mother_id")


class ResPartner(models.Model):
    """Citizens of the civil-status registry are contacts with their personal details and
    the family links that registered events create (parents, spouse)."""

    _inherit = "res.partner"

    civil_is_citizen = fields.Boolean("Citizen (civil status)", groups=CIVIL_GROUPS)
    civil_id_number = fields.Char(
        "ID number",
        index="btree_not_null",
        copy=False,
        groups=CIVIL_GROUPS,
        help="Personal identification number (12-digit citizen ID or 9-digit old ID card).",
    )
    civil_birth_date = fields.Date("Date of birth", groups=CIVIL_GROUPS)
    civil_sex = fields.Selection(SEXES, "Sex", groups=CIVIL_GROUPS)
    civil_birth_place = fields.Char("Place of birth", groups=CIVIL_GROUPS)
    civil_nationality_id = fields.Many2one("res.country", "Nationality", groups=CIVIL_GROUPS)
    civil_ethnic_group = fields.Char("Ethnic group", groups=CIVIL_GROUPS)
    civil_father_id = fields.Many2one("res.partner", "Father", index="btree_not_null", groups=CIVIL_GROUPS)
    civil_mother_id = fields.Many2one("res.partner", "Mother", index="btree_not_null", groups=CIVIL_GROUPS)
    civil_spouse_id = fields.Many2one(
        "res.partner", "Spouse (active marriage)", index="btree_not_null", groups=CIVIL_GROUPS
    )
    civil_death_date = fields.Date("Date of death", groups=CIVIL_GROUPS)

    _civil_id_number_uniq = models.UniqueIndex(
        "(civil_id_number) WHERE civil_id_number IS NOT NULL AND civil_id_number != ''",
        "This ID number cannot be recorded for this person.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if self._civil_fields_in(vals):
                self._civil_check_writer()
            self._civil_check_id_number(vals)
        return super().create(vals_list)

    def write(self, vals):
        if self._civil_fields_in(vals):
            self._civil_check_writer()
            self._civil_check_scope()
        self._civil_check_id_number(vals, self)
        return super().write(vals)

    def _civil_check_id_number(self, vals, records=None):
        """Normalise the ID number and refuse one that another person already holds, in words
        that do not tell an officer whether a person they may not see holds it."""
        if not vals.get("civil_id_number"):
            return
        number = validate_citizen_id(self.env, vals["civil_id_number"])
        vals["civil_id_number"] = number
        domain = [("civil_id_number", "=", number)]
        if records:
            domain.append(("id", "not in", records.ids))
        if self.sudo().with_context(active_test=False).search_count(domain, limit=1):
            raise ValidationError(
                self.env._(
                    "This ID number cannot be recorded for this person. If the person is already in the "
                    "registry, choose them from the list of people instead of entering them again; "
                    "otherwise ask the civil-status registry of the province to check the number."
                )
            )

    # ------------------------------------------------------------------------------------------
    # Who sees the civil-status data of a person: the officers and leaders who see an event of
    # that person (the record rules of events decide: own units, unit tree, province), and
    # whoever recorded the person. Every read path goes through these checks.
    # ------------------------------------------------------------------------------------------
    @api.model
    def _civil_fields_in(self, field_names):
        return {name.split(".")[0].split("/")[0].split(":")[0] for name in field_names} & self._civil_field_names()

    @api.model
    def _civil_field_names(self):
        return {name for name in self._fields if name.startswith("civil_")}

    @api.model
    def _civil_scope_domain(self):
        """The people whose civil-status data the current user may see."""
        own = Domain("create_uid", "=", self.env.uid)
        Event = self.env["motcua.civil.event"].with_context(active_test=False)
        if not Event.has_access("read"):
            return own
        events = Event._search([])  # with the user's record rules
        people = events.subselect(
            SQL(
                "unnest(ARRAY[%s])",
                SQL(", ").join(SQL.identifier(events.table, field) for field in EVENT_PEOPLE_FIELDS),
            )
        )
        return own | Domain.custom(
            to_sql=lambda model, alias, query: SQL("%s IN %s", SQL.identifier(alias, "id"), people)
        )

    def _civil_in_scope(self):
        """The partners of ``self`` whose civil-status data the current user may see."""
        if self.env.su or not self:
            return self
        return self.with_context(active_test=False).search(Domain("id", "in", self.ids) & self._civil_scope_domain())

    def _civil_check_scope(self):
        if self.env.su:
            return
        outside = self - self._civil_in_scope()
        if outside:
            raise AccessError(
                self.env._(
                    "You cannot see or change the civil-status data of %(name)s: they belong to the "
                    "registry of another unit.",
                    name=outside[0].display_name,
                )
            )

    @api.model
    def _civil_check_writer(self):
        """Civil-status data are written by civil-status officers (leaders and monitors read)."""
        if self.env.su or self.env.user.has_group("motcua_civil_registry.group_civil_officer"):
            return
        raise AccessError(self.env._("Only civil-status officers record the civil-status data of people."))

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        civil = self._civil_fields_in(fnames)
        if civil and not self.env.su:
            allowed = set(self._civil_in_scope().ids)
            for values in result:
                if values["id"] not in allowed:
                    values.update(dict.fromkeys(civil & values.keys(), False))
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # a search on civil-status data is an existence oracle: only people in scope match
        if not self.env.su:
            domain = Domain(domain)
            if self._civil_fields_in(condition.field_expr for condition in domain.iter_conditions()):
                domain &= self._civil_scope_domain()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if not self.env.su and self._civil_fields_in([*groupby, *aggregates]):
            domain = Domain(domain) & self._civil_scope_domain()
        return super()._read_group(domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order)

    def export_data(self, fields_to_export):
        if self._civil_fields_in(fields_to_export):
            self._civil_check_scope()
        return super().export_data(fields_to_export)

    @api.constrains("civil_id_number", "civil_sex", "civil_birth_date")
    def _check_civil_id_number(self):
        for partner in self.sudo():
            if partner.civil_id_number:
                validate_citizen_id(self.env, partner.civil_id_number, partner.civil_sex, partner.civil_birth_date)

    @api.constrains("civil_birth_date", "civil_death_date")
    def _check_civil_dates(self):
        today = local_now().date()
        for partner in self.sudo():
            if partner.civil_birth_date and partner.civil_birth_date > today:
                raise ValidationError(self.env._("The date of birth of %(name)s is in the future.", name=partner.name))
            if (
                partner.civil_death_date
                and partner.civil_birth_date
                and partner.civil_death_date < partner.civil_birth_date
            ):
                raise ValidationError(
                    self.env._("The date of death of %(name)s is before the date of birth.", name=partner.name)
                )

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
            return partners.search(
                [
                    ("civil_is_citizen", "=", True),
                    ("name", "=ilike", name.strip()),
                    ("civil_birth_date", "=", birth_date),
                ],
                limit=1,
            )
        return partners.browse()
