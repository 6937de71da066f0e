import threading
from datetime import date

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilRegisterBooks(CivilRegistryCommon):
    def test_entries_numbered_per_unit_year_and_type(self):
        first, second = (
            self._birth(person_name="Con Một"),
            self._birth(person_name="Con Hai", person_birth_date=date(2026, 3, 2)),
        )
        (first | second).action_register()
        self.assertEqual((first.entry_number, second.entry_number), (1, 2))
        self.assertEqual(first.entry_ref, "1/2026")
        self.assertEqual(first.book_id, second.book_id)
        self.assertEqual(
            (first.book_id.year, first.book_id.event_type, first.book_id.unit_id), (2026, "birth", self.commune_a)
        )
        self.assertEqual(first.book_id.entry_count, 2)
        other_year = self._birth(
            person_name="Con Năm Trước", person_birth_date=date(2025, 12, 1), registration_date=date(2025, 12, 20)
        )
        other_unit = self._birth(self.civil_b, person_name="Con Xã B", unit_id=self.commune_b.id)
        marriage = self._marriage()
        (other_year | marriage).action_register()
        other_unit.with_user(self.civil_b).action_register()
        self.assertEqual([other_year.entry_number, other_unit.entry_number, marriage.entry_number], [1, 1, 1])
        self.assertEqual(len(first.book_id | other_year.book_id | other_unit.book_id | marriage.book_id), 4)

    def test_failed_check_takes_no_number(self):
        bad = self._birth(person_birth_date=date(2027, 1, 1))
        with self.assertRaisesRegex(ValidationError, "in the future"):
            bad.action_register()
        good = self._birth()
        good.action_register()
        self.assertEqual(good.entry_number, 1)

    def test_registered_entry_is_never_edited(self):
        event = self._birth()
        event.write({"person_name": "Nguyễn Văn Bình"})  # a declaration can be fixed
        event.action_register()
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            event.write({"person_name": "Tên Khác"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            event.unlink()
        with self.assertRaisesRegex(UserError, "Registration is not possible: .* is Registered"):
            event.action_register()
        self.assertEqual(event.person_name, "Nguyễn Văn Bình")

    def test_registration_outputs_are_not_written_by_hand(self):
        draft = self._birth()
        as_officer = draft.with_user(self.civil_a)
        for vals in ({"state": "registered"}, {"entry_number": 7}, {"verification_code": "AAAA-BBBB-CCCC"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "set by its registration only"):
                as_officer.write(vals)
        with self.assertRaisesRegex(AccessError, "set by its registration only"):
            self._birth(person_name="Giả Mạo", state="registered", entry_number=1)
        self.assertFalse(self.Event.search([("person_name", "=", "Giả Mạo")]))
        self.assertEqual((draft.state, draft.entry_number, draft.verification_code), ("draft", 0, False))

    def test_an_undeclared_transition_is_refused(self):
        event = self._birth()
        event.action_register()
        with self.assertRaisesRegex(UserError, "cannot go from Registered to Declaration"):
            event.sudo()._motcua_set_state("draft")
        self.assertEqual(event.state, "registered")

    def test_correction_is_its_own_entry_referencing_the_original(self):
        original = self._birth()
        original.action_register()
        child = original.person_id
        action = original.action_new_correction()
        self.assertEqual(action["context"]["default_original_event_id"], original.id)
        correction = self._event(
            event_type="correction",
            original_event_id=original.id,
            correction_field="name",
            new_value="Nguyễn Văn Ân",
            correction_reason="Sai chính tả",
            registration_date=date(2026, 4, 2),
        )
        correction.action_register()
        self.assertEqual(correction.state, "registered")
        self.assertEqual(correction.book_id.event_type, "correction")
        self.assertEqual(correction.entry_ref, "1/2026")
        self.assertEqual(correction.person_id, child)
        self.assertEqual(correction.old_value, "Nguyễn Văn An")
        # the original entry is unchanged and shows its history; the person's data is current
        self.assertEqual(original.person_name, "Nguyễn Văn An")
        self.assertEqual(original.correction_ids, correction)
        self.assertEqual(child.name, "Nguyễn Văn Ân")
        self.assertIn("Nguyễn Văn An → Nguyễn Văn Ân", original.message_ids[0].body)
        # a second, dated correction of the birth date
        second = self._event(
            event_type="correction",
            original_event_id=original.id,
            correction_field="birth_date",
            new_date=date(2026, 2, 28),
            correction_reason="Giấy chứng sinh ghi sai",
            registration_date=date(2026, 5, 5),
        )
        second.action_register()
        self.assertEqual(second.entry_number, 2)
        self.assertEqual(second.old_value, "01/03/2026")
        self.assertEqual(child.sudo().civil_birth_date, date(2026, 2, 28))
        self.assertEqual(
            original.correction_ids.sorted("registration_date").mapped("registration_date"),
            [date(2026, 4, 2), date(2026, 5, 5)],
        )

    def test_correction_needs_a_registered_original_and_a_reason(self):
        draft = self._birth()
        with self.assertRaisesRegex(ValidationError, "registered entry it changes"):
            self._event(
                event_type="correction",
                original_event_id=draft.id,
                correction_field="name",
                new_value="X",
                correction_reason="Y",
                registration_date=date(2026, 4, 2),
            ).action_register()
        draft.action_register()
        with self.assertRaisesRegex(ValidationError, "detail changed and the reason"):
            self._event(
                event_type="correction",
                original_event_id=draft.id,
                correction_field="name",
                new_value="X",
                registration_date=date(2026, 4, 2),
            ).action_register()


@tagged("post_install", "-at_install")
class TestCivilConcurrentRegistration(TransactionCase):
    def test_two_concurrent_cursors_gapless_numbers(self):
        """Two officers register a birth in the same book at the same moment: the second waits
        for the first, then (retried as Odoo retries every request) takes the next number."""
        dbname = self.env.cr.dbname
        with db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            unit = env["motcua.unit"].create({"name": "Concurrent civil desk", "unit_type": "commune"})
            events = env["motcua.civil.event"].create(
                [
                    {
                        "event_type": "birth",
                        "unit_id": unit.id,
                        "person_name": name,
                        "person_sex": "female",
                        "person_birth_date": date(2026, 3, 1),
                        "mother_name": f"Mẹ của {name}",
                        "registration_date": date(2026, 3, 5),
                    }
                    for name in ("Concurrent Một", "Concurrent Hai")
                ]
            )
            unit_id, event_ids = unit.id, events.ids
            cr.commit()  # pylint: disable=invalid-commit

        def cleanup():
            with db_connect(dbname).cursor() as cr:
                cr.execute("SELECT mother_id, person_id FROM motcua_civil_event WHERE id = ANY(%s)", [event_ids])
                partner_ids = [pid for row in cr.fetchall() for pid in row if pid]
                cr.execute("DELETE FROM motcua_civil_event WHERE id = ANY(%s)", [event_ids])
                cr.execute("DELETE FROM motcua_civil_book WHERE unit_id = %s", [unit_id])
                cr.execute("DELETE FROM motcua_sequence_counter WHERE unit_id = %s", [unit_id])
                cr.execute("DELETE FROM res_partner WHERE id = ANY(%s)", [partner_ids])
                cr.execute("DELETE FROM motcua_unit WHERE id = %s", [unit_id])
                cr.commit()  # pylint: disable=invalid-commit

        self.addCleanup(cleanup)

        cr1, cr2 = db_connect(dbname).cursor(), db_connect(dbname).cursor()
        self.addCleanup(cr1.close)
        self.addCleanup(cr2.close)
        envs = {cr: api.Environment(cr, SUPERUSER_ID, {}) for cr in (cr1, cr2)}
        results = {}

        def register(cr, event_id):
            for _attempt in range(5):
                try:
                    event = envs[cr]["motcua.civil.event"].browse(event_id)
                    event.action_register()
                    cr.commit()  # pylint: disable=invalid-commit
                    return event.entry_number
                except SerializationFailure:
                    cr.rollback()
                    envs[cr].invalidate_all()
            raise AssertionError("no number after 5 attempts")

        envs[cr1]["motcua.civil.event"].browse(event_ids[0]).action_register()  # holds the book's counter
        thread = threading.Thread(target=lambda: results.update(second=register(cr2, event_ids[1])))
        with mute_logger("odoo.sql_db"):
            thread.start()
            thread.join(1.0)
            self.assertTrue(thread.is_alive(), "the second registration must wait for the first one")
            cr1.commit()  # pylint: disable=invalid-commit
            thread.join(30)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results["second"], 2)
        with db_connect(dbname).cursor() as cr:
            cr.execute(
                "SELECT entry_number, book_id FROM motcua_civil_event WHERE id = ANY(%s) ORDER BY id", [event_ids]
            )
            rows = cr.fetchall()
        self.assertEqual([row[0] for row in rows], [1, 2])
        self.assertEqual(rows[0][1], rows[1][1], "both entries are in the same register book")
