"""19.0.1.1.0: the applicants' personal data move behind the handlers' record rules, the
timeliness is measured against the legal due date (issue 13)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

PERSONAL_COLUMNS = {
    "applicant_id_number": "id_number",
    "applicant_phone": "phone",
    "applicant_address": "address",
    "applicant_birth_date": "birth_date",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True})
    cr.execute(
        """SELECT column_name FROM information_schema.columns
                   WHERE table_name = 'motcua_dossier' AND column_name = ANY(%s)""",
        [list(PERSONAL_COLUMNS)],
    )
    columns = [row[0] for row in cr.fetchall()]
    if columns:
        # nothing saved is lost: the values move to motcua_dossier_personal, then the unmasked
        # copies in the dossier table go
        targets = SQL(", ").join(SQL.identifier(PERSONAL_COLUMNS[c]) for c in columns)
        sources = SQL(", ").join(SQL.identifier("d", c) for c in columns)
        cr.execute(
            SQL(
                """
            WITH moved AS (
                INSERT INTO motcua_dossier_personal (dossier_id, %s, create_uid, write_uid, create_date,
                                                     write_date)
                SELECT d.id, %s, d.create_uid, d.write_uid, d.create_date, d.write_date
                  FROM motcua_dossier d
                 WHERE d.personal_id IS NULL
                RETURNING id, dossier_id)
            UPDATE motcua_dossier d SET personal_id = moved.id FROM moved WHERE moved.dossier_id = d.id
        """,
                targets,
                sources,
            )
        )
        drops = SQL(", ").join(SQL("DROP COLUMN %s", SQL.identifier(c)) for c in columns)
        cr.execute(SQL("ALTER TABLE motcua_dossier %s", drops))
    # the chatter kept the old and new ID numbers and phones: they are readable by more people
    cr.execute("""DELETE FROM mail_tracking_value t USING ir_model_fields f
                   WHERE t.field_id = f.id AND f.model = 'motcua.dossier'
                     AND f.name IN ('applicant_id_number', 'applicant_phone')""")
    # the receipt is no longer stored with the e-mail (the template is noupdate)
    template = env.ref("motcua_dossier.mail_template_dossier_received", raise_if_not_found=False)
    if template:
        template.report_template_ids = [(5, 0, 0)]
    # the legal due date: the first appointment moved by the supplement pauses; timeliness against it
    dossiers = env["motcua.dossier"].search(
        [("legal_due_at", "=", False), ("state", "!=", "draft"), ("due_at", "!=", False)]
    )
    for dossier in dossiers:
        first = dossier.original_due_at or dossier.due_at
        legal = first
        if dossier.paused_hours and dossier.original_due_at:
            legal = dossier.unit_id.add_working_time(first, hours=dossier.paused_hours)
        dossier.legal_due_at = legal
    dossiers._motcua_update_timeliness()
