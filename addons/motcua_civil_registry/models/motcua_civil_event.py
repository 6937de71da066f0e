from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_base.tools import mask_name, random_code, validate_citizen_id

from .motcua_civil_book import EVENT_TYPES
from .res_partner import SEXES

MARITAL_STATUSES = [
    ("single", "Never married"),
    ("married", "Married"),
    ("divorced", "Divorced"),
    ("widowed", "Widowed"),
]
CORRECTION_FIELDS = [
    ("name", "Full name"),
    ("birth_date", "Date of birth"),
    ("birth_place", "Place of birth"),
    ("ethnic_group", "Ethnic group"),
    ("other", "Other detail"),
]
# Fields a registered entry may still receive (chatter, the link to a correction made later).
MUTABLE_AFTER_REGISTRATION = {"print_count"}
# Outputs of registration and printing: set by the actions, never written by hand.
WORKFLOW_FIELDS = {"state", "book_id", "entry_number", "registered_by_id", "verification_code", "print_count"}

# Vietnamese titles of the printed papers (official layouts, Circular 04/2020/TT-BTP).
VI_TYPE = {
    "birth": "Khai sinh",
    "death": "Khai tử",
    "marriage": "Kết hôn",
    "marital_status": "Xác nhận tình trạng hôn nhân",
    "recognition": "Nhận cha, mẹ, con",
    "guardianship": "Giám hộ",
    "correction": "Thay đổi, cải chính hộ tịch",
}
VI_CERTIFICATE = {
    "birth": "GIẤY KHAI SINH",
    "death": "TRÍCH LỤC KHAI TỬ",
    "marriage": "GIẤY CHỨNG NHẬN KẾT HÔN",
    "marital_status": "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
    "recognition": "TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON",
    "guardianship": "TRÍCH LỤC ĐĂNG KÝ GIÁM HỘ",
    "correction": "TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH HỘ TỊCH",
}
VI_EXTRACT = {
    "birth": "TRÍCH LỤC KHAI SINH",
    "death": "TRÍCH LỤC KHAI TỬ",
    "marriage": "TRÍCH LỤC KẾT HÔN",
    "marital_status": "TRÍCH LỤC XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
    "recognition": "TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON",
    "guardianship": "TRÍCH LỤC ĐĂNG KÝ GIÁM HỘ",
    "correction": "TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH HỘ TỊCH",
}
VI_SEX = {"male": "Nam", "female": "Nữ"}
VI_MARITAL = {
    "single": "Chưa đăng ký kết hôn với ai",
    "married": "Đang có vợ/chồng",
    "divorced": "Đã ly hôn, chưa kết hôn lại",
    "widowed": "Vợ/chồng đã chết, chưa kết hôn lại",
}
VI_CORRECTION = {
    "name": "Họ, chữ đệm, tên",
    "birth_date": "Ngày, tháng, năm sinh",
    "birth_place": "Nơi sinh",
    "ethnic_group": "Dân tộc",
    "other": "Nội dung khác",
}


class MotcuaCivilEvent(models.Model):
    """A civil-status event (declaration, then registered entry of a register book).

    The declaration holds the details as declared (a snapshot that stays as registered); on
    registration the people are found in the registry (by ID number, else name and date of
    birth) or created, the family links are updated, and the entry takes the next number of
    its book. A registered entry is never edited: a change or correction is its own entry that
    references the original."""

    _name = "motcua.civil.event"
    _description = "Civil-status event"
    _inherit = ["motcua.unit.mixin", "mail.thread", "motcua.monitor.readonly.mixin", "motcua.workflow.mixin"]
    _order = "registration_date desc, id desc"
    _motcua_transitions = {"draft": ("registered",)}

    name = fields.Char(compute="_compute_name", store=True)
    event_type = fields.Selection(EVENT_TYPES, "Event", required=True, default="birth", tracking=True)
    state = fields.Selection(
        [("draft", "Declaration"), ("registered", "Registered")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    unit_id = fields.Many2one(tracking=True)
    registration_date = fields.Date(default=fields.Date.context_today, required=True, copy=False)
    book_id = fields.Many2one(
        "motcua.civil.book", "Register book", readonly=True, copy=False, index=True, ondelete="restrict"
    )
    entry_number = fields.Integer(readonly=True, copy=False, aggregator=False)
    entry_ref = fields.Char("Number", compute="_compute_name", store=True)
    registered_by_id = fields.Many2one("res.users", "Registered by", readonly=True, copy=False)
    verification_code = fields.Char(readonly=True, copy=False, index="btree_not_null")
    is_late = fields.Boolean("Late registration", compute="_compute_late", store=True)
    late_days = fields.Integer("Days after the event", compute="_compute_late", store=True, aggregator="avg")
    print_count = fields.Integer(readonly=True, copy=False)
    dossier_id = fields.Many2one(
        "motcua.dossier",
        "One-stop dossier",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="motcua_base.group_receiving_officer",
    )
    note = fields.Text()

    # declarant
    declarant_name = fields.Char("Declarant")
    declarant_id_number = fields.Char("Declarant's ID number")
    declarant_relation = fields.Char("Relation to the person")

    # the person of the event: child, deceased, husband, applicant, child recognised, ward, person corrected
    person_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        copy=False,
        help="Leave empty to let the registry find the person or record a new one.",
    )
    person_name = fields.Char("Full name")
    person_birth_date = fields.Date("Date of birth")
    person_sex = fields.Selection(SEXES, "Sex")
    person_birth_place = fields.Char("Place of birth")
    person_id_number = fields.Char("ID number")
    person_nationality_id = fields.Many2one(
        "res.country", "Nationality", default=lambda self: self.env.ref("base.vn", raise_if_not_found=False)
    )
    person_ethnic_group = fields.Char("Ethnic group", default="Kinh")
    person_residence = fields.Char("Residence")

    # the other party: wife, parent recognised, guardian
    other_person_id = fields.Many2one("res.partner", "Other person", index="btree_not_null", copy=False)
    other_name = fields.Char("Full name (other person)")
    other_birth_date = fields.Date("Date of birth (other person)")
    other_sex = fields.Selection(SEXES, "Sex (other person)")
    other_id_number = fields.Char("ID number (other person)")
    other_nationality_id = fields.Many2one(
        "res.country",
        "Nationality (other person)",
        default=lambda self: self.env.ref("base.vn", raise_if_not_found=False),
    )
    other_ethnic_group = fields.Char("Ethnic group (other person)", default="Kinh")
    other_residence = fields.Char("Residence (other person)")

    # birth: parents
    father_id = fields.Many2one("res.partner", index="btree_not_null", copy=False)
    father_name = fields.Char("Father's full name")
    father_birth_date = fields.Date("Father's date of birth")
    father_id_number = fields.Char("Father's ID number")
    mother_id = fields.Many2one("res.partner", index="btree_not_null", copy=False)
    mother_name = fields.Char("Mother's full name")
    mother_birth_date = fields.Date("Mother's date of birth")
    mother_id_number = fields.Char("Mother's ID number")

    # death
    death_date = fields.Date("Date of death")
    death_place = fields.Char("Place of death")
    death_cause = fields.Char("Cause of death")

    # marital-status confirmation
    marital_status = fields.Selection(MARITAL_STATUSES, "Marital status")
    purpose = fields.Char("Purpose of use")
    valid_until = fields.Date(compute="_compute_valid_until", store=True)

    # recognition of parent/child
    recognition_kind = fields.Selection(
        [("father", "Father recognises the child"), ("mother", "Mother recognises the child")], "Recognition"
    )
    # guardianship
    guardianship_reason = fields.Char("Reason for guardianship")

    # change/correction
    original_event_id = fields.Many2one(
        "motcua.civil.event",
        "Original entry",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('state', '=', 'registered')]",
    )
    correction_ids = fields.One2many("motcua.civil.event", "original_event_id", "Changes and corrections")
    correction_count = fields.Integer(compute="_compute_correction_count")
    correction_field = fields.Selection(CORRECTION_FIELDS, "Detail changed")
    old_value = fields.Char("Value before")
    new_value = fields.Char("New value")
    new_date = fields.Date("New date")
    correction_reason = fields.Char("Reason for the change")

    _verification_code_uniq = models.Constraint("UNIQUE(verification_code)", "The verification code must be unique.")
    _entry_uniq = models.Constraint("UNIQUE(book_id, entry_number)", "An entry number is used once in a register book.")

    # ------------------------------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------------------------------
    @api.depends("event_type", "entry_number", "registration_date", "person_name", "state")
    def _compute_name(self):
        labels = dict(self._fields["event_type"]._description_selection(self.env))
        for event in self:
            event.entry_ref = (
                f"{event.entry_number}/{event.registration_date.year}"
                if event.entry_number and event.registration_date
                else False
            )
            label = labels.get(event.event_type, "")
            if event.entry_ref:
                event.name = self.env._("%(type)s no. %(number)s", type=label, number=event.entry_ref)
            else:
                event.name = self.env._("%(type)s (declaration) %(person)s", type=label, person=event.person_name or "")

    @api.depends("event_type", "registration_date", "person_birth_date", "death_date")
    def _compute_late(self):
        params = self.env["ir.config_parameter"].sudo()
        limits = {
            "birth": int(params.get_param("motcua_civil_registry.birth_late_days", 60)),
            "death": int(params.get_param("motcua_civil_registry.death_late_days", 15)),
        }
        for event in self:
            event_date = {"birth": event.person_birth_date, "death": event.death_date}.get(event.event_type)
            if event_date and event.registration_date:
                event.late_days = (event.registration_date - event_date).days
                event.is_late = event.late_days > limits[event.event_type]
            else:
                event.late_days = 0
                event.is_late = False

    @api.depends("event_type", "registration_date")
    def _compute_valid_until(self):
        months = int(
            self.env["ir.config_parameter"].sudo().get_param("motcua_civil_registry.marital_status_valid_months", 6)
        )
        for event in self:
            event.valid_until = (
                event.registration_date + relativedelta(months=months)
                if event.event_type == "marital_status" and event.registration_date
                else False
            )

    def _compute_correction_count(self):
        for event in self:
            event.correction_count = len(event.correction_ids)

    # ------------------------------------------------------------------------------------------
    # onchanges: an existing person fills the declaration
    # ------------------------------------------------------------------------------------------
    def _partner_snapshot(self, partner, prefix):
        partner = partner.sudo()
        values = {
            f"{prefix}name": partner.name,
            f"{prefix}birth_date": partner.civil_birth_date,
            f"{prefix}id_number": partner.civil_id_number,
        }
        if prefix in ("person_", "other_"):
            values.update(
                {
                    f"{prefix}sex": partner.civil_sex,
                    f"{prefix}nationality_id": partner.civil_nationality_id.id,
                    f"{prefix}ethnic_group": partner.civil_ethnic_group,
                }
            )
        if prefix == "person_":
            values["person_birth_place"] = partner.civil_birth_place
        return values

    @api.onchange("person_id")
    def _onchange_person_id(self):
        if self.person_id:
            self.update(self._partner_snapshot(self.person_id, "person_"))

    @api.onchange("other_person_id")
    def _onchange_other_person_id(self):
        if self.other_person_id:
            self.update(self._partner_snapshot(self.other_person_id, "other_"))

    @api.onchange("father_id")
    def _onchange_father_id(self):
        if self.father_id:
            self.update(self._partner_snapshot(self.father_id, "father_"))

    @api.onchange("mother_id")
    def _onchange_mother_id(self):
        if self.mother_id:
            self.update(self._partner_snapshot(self.mother_id, "mother_"))

    @api.onchange("original_event_id", "correction_field")
    def _onchange_original_event_id(self):
        original = self.original_event_id
        if original:
            self.update(
                {
                    "person_id": original.person_id.id,
                    "person_name": original.person_name,
                    "person_birth_date": original.person_birth_date,
                    "person_sex": original.person_sex,
                    "person_id_number": original.person_id_number,
                }
            )
            if self.correction_field:
                self.old_value = original._civil_current_value(self.correction_field)

    def _civil_current_value(self, field):
        """The value of a detail of this entry's person, as the registry holds it now."""
        self.ensure_one()
        person = self.person_id.sudo()
        if field == "name":
            return person.name or self.person_name
        if field == "birth_date":
            date = person.civil_birth_date or self.person_birth_date
            return date and date.strftime("%d/%m/%Y")
        if field == "birth_place":
            return person.civil_birth_place or self.person_birth_place
        if field == "ethnic_group":
            return person.civil_ethnic_group or self.person_ethnic_group
        return False

    # ------------------------------------------------------------------------------------------
    # registered entries are never edited in place
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._civil_check_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._civil_check_vals(vals)
        if set(vals) - MUTABLE_AFTER_REGISTRATION and any(event.state == "registered" for event in self):
            raise UserError(
                self.env._("A registered entry cannot be edited. Register a change or correction that refers to it.")
            )
        return super().write(vals)

    @api.model
    def _civil_check_vals(self, vals):
        """The number, book, code and state of an entry are set by registration only."""
        forged = sorted(set(vals) & WORKFLOW_FIELDS)
        if forged and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of a civil-status entry are set by its registration only.",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in forged),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_declarations(self):
        if any(event.state == "registered" for event in self):
            raise UserError(self.env._("A registered entry cannot be deleted."))

    # ------------------------------------------------------------------------------------------
    # registration
    # ------------------------------------------------------------------------------------------
    def action_register(self):
        """Check the declaration, link the people, take the next number of the book."""
        self.check_access("write")
        Counter = self.env["motcua.sequence.counter"]
        for event in self:
            event._check_state("draft", self.env._("Registration"))
            event.unit_id._ensure_usable()
            # checked one after the other, so two events of one batch see each other's effects;
            # an error rolls the whole batch back, numbers included
            event._civil_check()
            people = event._civil_link_people()
            year = event.registration_date.year
            number = Counter.next_number(f"motcua.civil.event.{event.event_type}", event.unit_id, str(year))
            book = self.env["motcua.civil.book"]._get_book(event.unit_id, year, event.event_type)
            # the checks passed: the registration's outputs (tracked as the acting user)
            event.sudo()._motcua_set_state(
                "registered",
                dict(
                    people,
                    book_id=book.id,
                    entry_number=number,
                    registered_by_id=self.env.uid,
                    verification_code=event._civil_new_code(),
                ),
            )
            event._civil_apply_effects()
            event.message_post(
                body=self.env._(
                    "Registered in %(book)s as entry no. %(number)s.", book=book.name, number=event.entry_ref
                )
            )
        return True

    @api.model
    def _civil_new_code(self):
        while True:
            code = random_code(12, group=4)
            if not self.sudo().search_count([("verification_code", "=", code)], limit=1):
                return code

    def _civil_people_of(self, prefix, partner):
        """The existing person of a declared party: the one chosen, else found by ID number or
        name and date of birth. Empty when the registry does not know them yet."""
        if partner:
            return partner
        return (
            self.env["res.partner"]
            ._civil_find_person(self[f"{prefix}id_number"], self[f"{prefix}name"], self[f"{prefix}birth_date"])
            .with_env(self.env)
        )

    def _civil_check(self):
        """Every rule of the event; raises a translated ValidationError naming the rule."""
        self.ensure_one()
        today = self.unit_id._motcua_local_date(fields.Datetime.now())
        date = self.registration_date
        if date > today:
            raise ValidationError(self.env._("The registration date %(date)s is in the future.", date=date))
        if not self.person_name and self.event_type != "correction":
            raise ValidationError(self.env._("Enter the full name of the person of the event."))
        for prefix, sex_field in (
            ("person_", "person_sex"),
            ("other_", "other_sex"),
            ("father_", None),
            ("mother_", None),
            ("declarant_", None),
        ):
            number = self[f"{prefix}id_number"]
            if number:
                birth = self[f"{prefix}birth_date"] if prefix != "declarant_" else None
                validate_citizen_id(self.env, number, sex_field and self[sex_field], birth)
        getattr(self, f"_civil_check_{self.event_type}")(today)

    def _civil_check_birth(self, today):
        if not self.person_birth_date or not self.person_sex:
            raise ValidationError(self.env._("Birth: enter the child's date of birth and sex."))
        if self.person_birth_date > today:
            raise ValidationError(
                self.env._("Birth: the date of birth %(date)s is in the future.", date=self.person_birth_date)
            )
        if self.person_birth_date > self.registration_date:
            raise ValidationError(self.env._("Birth: the date of birth is after the registration date."))
        if not self.father_name and not self.mother_name:
            raise ValidationError(self.env._("Birth: enter at least the mother's or the father's name."))
        child = self._civil_people_of("person_", self.person_id)
        if child and self.search_count(
            [("event_type", "=", "birth"), ("state", "=", "registered"), ("person_id", "=", child.id)], limit=1
        ):
            raise ValidationError(self.env._("Birth: the birth of %(name)s is already registered.", name=child.name))
        for prefix in ("father_", "mother_"):
            parent_birth = self[f"{prefix}birth_date"]
            if parent_birth and parent_birth >= self.person_birth_date:
                raise ValidationError(self.env._("Birth: a parent must be born before the child."))

    def _civil_check_death(self, today):
        if not self.death_date:
            raise ValidationError(self.env._("Death: enter the date of death."))
        if self.death_date > today:
            raise ValidationError(
                self.env._("Death: the date of death %(date)s is in the future.", date=self.death_date)
            )
        if self.death_date > self.registration_date:
            raise ValidationError(self.env._("Death: the date of death is after the registration date."))
        deceased = self._civil_people_of("person_", self.person_id).sudo()
        birth = self.person_birth_date or deceased.civil_birth_date
        if birth and self.death_date < birth:
            raise ValidationError(
                self.env._(
                    "Death: the date of death %(death)s is before the date of birth %(birth)s.",
                    death=self.death_date,
                    birth=birth,
                )
            )
        if deceased.civil_death_date:
            raise ValidationError(self.env._("Death: the death of %(name)s is already registered.", name=deceased.name))

    def _civil_check_marriage(self, today):
        date = self.registration_date
        if self.person_sex != "male" or self.other_sex != "female":
            raise ValidationError(
                self.env._("Marriage: enter the husband as the person and the wife as the other person.")
            )
        if not self.other_name or not self.person_birth_date or not self.other_birth_date:
            raise ValidationError(self.env._("Marriage: enter the names and dates of birth of both partners."))
        if relativedelta(date, self.person_birth_date).years < 20:
            raise ValidationError(
                self.env._(
                    "Marriage age: a man must be at least 20 years old on the registration date (%(name)s is not).",
                    name=self.person_name,
                )
            )
        if relativedelta(date, self.other_birth_date).years < 18:
            raise ValidationError(
                self.env._(
                    "Marriage age: a woman must be at least 18 years old on the registration date (%(name)s is not).",
                    name=self.other_name,
                )
            )
        husband = self._civil_people_of("person_", self.person_id).sudo()
        wife = self._civil_people_of("other_", self.other_person_id).sudo()
        for partner in husband | wife:
            if partner.civil_death_date:
                raise ValidationError(self.env._("Marriage: the death of %(name)s is registered.", name=partner.name))
            if partner.civil_spouse_id:
                raise ValidationError(self.env._("Marriage: %(name)s is in an active marriage.", name=partner.name))
        if husband and wife and husband._civil_close_relative_of(wife):
            raise ValidationError(
                self.env._(
                    "Marriage: %(husband)s and %(wife)s are relatives in the direct line or within three generations.",
                    husband=husband.name,
                    wife=wife.name,
                )
            )

    def _civil_check_marital_status(self, today):
        if not self.purpose or not self.marital_status:
            raise ValidationError(
                self.env._("Marital-status confirmation: enter the marital status and the purpose of use.")
            )
        person = self._civil_people_of("person_", self.person_id).sudo()
        if person.civil_spouse_id and self.marital_status != "married":
            raise ValidationError(
                self.env._(
                    "Marital-status confirmation: the registry holds an active marriage of %(name)s.", name=person.name
                )
            )

    def _civil_check_recognition(self, today):
        if not self.recognition_kind or not self.other_name:
            raise ValidationError(self.env._("Recognition: enter who recognises whom and the parent's name."))
        expected_sex = "male" if self.recognition_kind == "father" else "female"
        if self.other_sex and self.other_sex != expected_sex:
            raise ValidationError(self.env._("Recognition: the parent's sex does not match the recognition."))
        if self.other_birth_date and self.person_birth_date and self.other_birth_date >= self.person_birth_date:
            raise ValidationError(self.env._("Recognition: the parent must be born before the child."))
        child = self._civil_people_of("person_", self.person_id).sudo()
        if child[f"civil_{self.recognition_kind}_id"]:
            raise ValidationError(
                self.env._(
                    "Recognition: %(name)s already has a registered %(parent)s.",
                    name=child.name,
                    parent=self.env._("father") if self.recognition_kind == "father" else self.env._("mother"),
                )
            )

    def _civil_check_guardianship(self, today):
        if not self.other_name or not self.other_birth_date or not self.guardianship_reason:
            raise ValidationError(self.env._("Guardianship: enter the guardian's name, date of birth and the reason."))
        if relativedelta(self.registration_date, self.other_birth_date).years < 18:
            raise ValidationError(self.env._("Guardianship: the guardian must be an adult (at least 18 years old)."))

    def _civil_check_correction(self, today):
        original = self.original_event_id
        if not original or original.state != "registered":
            raise ValidationError(self.env._("Change/correction: choose the registered entry it changes."))
        if not self.correction_field or not self.correction_reason:
            raise ValidationError(self.env._("Change/correction: enter the detail changed and the reason."))
        if self.correction_field == "birth_date":
            if not self.new_date or self.new_date > today:
                raise ValidationError(
                    self.env._("Change/correction: enter a new date of birth that is not in the future.")
                )
        elif not self.new_value:
            raise ValidationError(self.env._("Change/correction: enter the new value."))

    def _civil_link_people(self):
        """Find or create the people of the event; returns the values linking them."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        values = {}
        parties = {
            "birth": ("person_", "father_", "mother_"),
            "marriage": ("person_", "other_"),
            "recognition": ("person_", "other_"),
            "guardianship": ("person_", "other_"),
            "correction": (),
        }.get(self.event_type, ("person_",))
        for prefix in parties:
            field = {"person_": "person_id", "other_": "other_person_id"}.get(prefix, f"{prefix}id")
            name = self[f"{prefix}name"]
            if not name and not self[field]:
                continue
            partner = self._civil_people_of(prefix, self[field])
            details = {"civil_is_citizen": True}
            candidates = {
                "civil_birth_date": self[f"{prefix}birth_date"],
                "civil_id_number": self[f"{prefix}id_number"],
            }
            if prefix in ("person_", "other_"):
                candidates.update(
                    {
                        "civil_sex": self[f"{prefix}sex"],
                        "civil_nationality_id": self[f"{prefix}nationality_id"].id,
                        "civil_ethnic_group": self[f"{prefix}ethnic_group"],
                    }
                )
            if prefix == "person_":
                candidates["civil_birth_place"] = self.person_birth_place
            if prefix in ("father_", "mother_"):
                candidates["civil_sex"] = "male" if prefix == "father_" else "female"
            if partner:
                # reuse the person; only fill what the registry did not know yet
                known = partner.sudo()
                details.update({key: value for key, value in candidates.items() if value and not known[key]})
                # the person may be registered elsewhere: the event (checked above) fills the gaps
                known.write(details)
            else:
                details.update({key: value for key, value in candidates.items() if value})
                partner = Partner.create(dict(details, name=name))
            values[field] = partner.id
        if self.event_type == "correction":
            values["person_id"] = self.original_event_id.person_id.id
            values["old_value"] = (
                self.original_event_id._civil_current_value(self.correction_field)
                if self.correction_field != "other"
                else self.old_value
            )
        return values

    def _civil_apply_effects(self):
        """What the registered event changes in the registry's data of the people."""
        self.ensure_one()
        if self.event_type == "birth":
            self.person_id.write({"civil_father_id": self.father_id.id, "civil_mother_id": self.mother_id.id})
        elif self.event_type == "death":
            person = self.person_id
            spouse = person.sudo().civil_spouse_id
            person.write({"civil_death_date": self.death_date, "civil_spouse_id": False})
            if spouse:
                # the widowed spouse may be registered in another unit: the death frees them
                spouse.write({"civil_spouse_id": False})
        elif self.event_type == "marriage":
            self.person_id.write({"civil_spouse_id": self.other_person_id.id})
            self.other_person_id.write({"civil_spouse_id": self.person_id.id})
        elif self.event_type == "recognition":
            self.person_id.write({f"civil_{self.recognition_kind}_id": self.other_person_id.id})
        elif self.event_type == "correction" and self.person_id:
            field = {
                "name": "name",
                "birth_date": "civil_birth_date",
                "birth_place": "civil_birth_place",
                "ethnic_group": "civil_ethnic_group",
            }.get(self.correction_field)
            if field:
                self.person_id.write({field: self.new_date if field == "civil_birth_date" else self.new_value})
            self.original_event_id.message_post(
                body=self.env._(
                    "Changed by %(entry)s: %(detail)s.", entry=self.name, detail=self._civil_correction_summary()
                )
            )

    def _civil_correction_summary(self):
        self.ensure_one()
        labels = dict(self._fields["correction_field"]._description_selection(self.env))
        new = self._vi_short_date(self.new_date) if self.correction_field == "birth_date" else self.new_value
        return self.env._(
            "%(detail)s: %(old)s → %(new)s",
            detail=labels.get(self.correction_field, ""),
            old=self.old_value or "-",
            new=new or "-",
        )

    # ------------------------------------------------------------------------------------------
    # actions, printing, public verification
    # ------------------------------------------------------------------------------------------
    def action_new_correction(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.civil.event",
            "view_mode": "form",
            "name": self.env._("Change/correction"),
            "context": {
                "default_event_type": "correction",
                "default_original_event_id": self.id,
                "default_unit_id": self.unit_id.id,
            },
        }

    def action_view_corrections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_civil_registry.action_motcua_civil_event")
        action["domain"] = [("original_event_id", "=", self.id)]
        return action

    def _civil_check_printable(self):
        self._check_state("registered", self.env._("Printing"))

    def action_print_extract(self):
        self._civil_check_printable()
        for event in self.sudo():
            event.print_count += 1
        return self.env.ref("motcua_civil_registry.action_report_civil_extract").report_action(self)

    def action_print_certificate(self):
        self._civil_check_printable()
        return self.env.ref("motcua_civil_registry.action_report_civil_certificate").report_action(self)

    def _civil_verification_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/xac-thuc-ho-tich/{self.verification_code}"

    def _civil_public_data(self):
        """The minimum a verification page may show."""
        self.ensure_one()
        return {
            "type": VI_TYPE.get(self.event_type, ""),
            "book": f"{self.book_id.year}",
            "number": self.entry_ref,
            "date": self._vi_short_date(self.registration_date),
            "unit": self.unit_id.name,
            "name": mask_name(self.person_name),
            "corrected": bool(self.correction_ids.filtered(lambda c: c.state == "registered")),
        }

    # Vietnamese texts of the printed papers
    @api.model
    def _vi_date(self, date):
        return date and f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}" or ""

    @api.model
    def _vi_short_date(self, date):
        return date and date.strftime("%d/%m/%Y") or ""

    def _vi_labels(self):
        self.ensure_one()
        return {
            "type": VI_TYPE.get(self.event_type, ""),
            "certificate": VI_CERTIFICATE.get(self.event_type, ""),
            "extract": VI_EXTRACT.get(self.event_type, ""),
            "person_sex": VI_SEX.get(self.person_sex, ""),
            "other_sex": VI_SEX.get(self.other_sex, ""),
            "marital": VI_MARITAL.get(self.marital_status, ""),
            "correction": VI_CORRECTION.get(self.correction_field, ""),
        }

    @api.model
    def _vi_country(self, country):
        return "Việt Nam" if country.code == "VN" else (country.name or "")

    def _vi_party_rows(self, prefix, title):
        vi_sex = VI_SEX.get(self[f"{prefix}sex"], "")
        rows = [
            (title, None),
            ("Họ, chữ đệm, tên", self[f"{prefix}name"] or ""),
            ("Ngày, tháng, năm sinh", self._vi_short_date(self[f"{prefix}birth_date"])),
            ("Giới tính", vi_sex),
            ("Dân tộc", self[f"{prefix}ethnic_group"] or ""),
            ("Quốc tịch", self._vi_country(self[f"{prefix}nationality_id"])),
            ("Nơi cư trú", self[f"{prefix}residence"] or ""),
            ("Số định danh cá nhân", self[f"{prefix}id_number"] or ""),
        ]
        return [row for row in rows if row[1] or row[1] is None]

    def _vi_rows(self):
        """Rows (label, value) of the printed certificate or extract, in Vietnamese; a value of
        None makes the label a section title."""
        self.ensure_one()
        kind = self.event_type
        person = [
            ("Họ, chữ đệm, tên", self.person_name or ""),
            ("Ngày, tháng, năm sinh", self._vi_short_date(self.person_birth_date)),
            ("Giới tính", VI_SEX.get(self.person_sex, "")),
            ("Dân tộc", self.person_ethnic_group or ""),
            ("Quốc tịch", self._vi_country(self.person_nationality_id)),
        ]
        if kind == "birth":
            rows = [
                *person,
                ("Nơi sinh", self.person_birth_place or ""),
                ("Số định danh cá nhân", self.person_id_number or ""),
                ("Họ, chữ đệm, tên người mẹ", self.mother_name or ""),
                ("Năm sinh của người mẹ", self.mother_birth_date and str(self.mother_birth_date.year) or ""),
                ("Họ, chữ đệm, tên người cha", self.father_name or ""),
                ("Năm sinh của người cha", self.father_birth_date and str(self.father_birth_date.year) or ""),
            ]
        elif kind == "death":
            rows = [
                *person,
                ("Số định danh cá nhân", self.person_id_number or ""),
                ("Đã chết vào", self._vi_date(self.death_date)),
                ("Nơi chết", self.death_place or ""),
                ("Nguyên nhân chết", self.death_cause or ""),
            ]
        elif kind == "marriage":
            rows = self._vi_party_rows("person_", "Thông tin bên chồng") + self._vi_party_rows(
                "other_", "Thông tin bên vợ"
            )
        elif kind == "marital_status":
            rows = [
                *person,
                ("Nơi cư trú", self.person_residence or ""),
                ("Số định danh cá nhân", self.person_id_number or ""),
                ("Tình trạng hôn nhân", VI_MARITAL.get(self.marital_status, "")),
                ("Mục đích sử dụng", self.purpose or ""),
                ("Giá trị sử dụng đến", self._vi_date(self.valid_until)),
            ]
        elif kind == "recognition":
            parent = "Người nhận (cha)" if self.recognition_kind == "father" else "Người nhận (mẹ)"
            rows = self._vi_party_rows("other_", parent) + self._vi_party_rows("person_", "Người được nhận là con")
        elif kind == "guardianship":
            rows = (
                self._vi_party_rows("other_", "Người giám hộ")
                + self._vi_party_rows("person_", "Người được giám hộ")
                + [("Lý do giám hộ", self.guardianship_reason or "")]
            )
        else:
            original = self.original_event_id
            new = self._vi_short_date(self.new_date) if self.correction_field == "birth_date" else self.new_value
            rows = [
                ("Họ, chữ đệm, tên", self.person_name or original.person_name or ""),
                ("Ngày, tháng, năm sinh", self._vi_short_date(self.person_birth_date)),
                (
                    "Thay đổi, cải chính cho",
                    "%s số %s" % (VI_TYPE.get(original.event_type, ""), original.entry_ref or ""),
                ),
                ("Nội dung", VI_CORRECTION.get(self.correction_field, "")),
                ("Trước khi thay đổi", self.old_value or ""),
                ("Sau khi thay đổi", new or ""),
                ("Lý do", self.correction_reason or ""),
            ]
        if self.declarant_name:
            rows.append(("Người đi đăng ký", self.declarant_name))
        return rows
