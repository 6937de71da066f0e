"""19.0.1.1.0: the reads of protected identities are logged in motcua.access.log, the one audit
log of MotCua (issue 14); the rows of motcua.complaint.identity.log move there (on the petition),
then Odoo drops the model."""

from odoo.tools.sql import table_exists


def migrate(cr, version):
    if not table_exists(cr, "motcua_complaint_identity_log"):
        return
    cr.execute(
        """
        INSERT INTO motcua_access_log (date, user_id, res_model, res_id, res_name, access_type, field_names, channel)
        SELECT log.date, log.user_id, 'motcua.complaint.petition', log.petition_id,
               CASE WHEN p.code != '/' THEN p.code || ' ' || p.subject ELSE p.subject END,
               log.access_type, log.field_names, 'motcua.complaint.identity.log'
          FROM motcua_complaint_identity_log log
          JOIN motcua_complaint_petition p ON p.id = log.petition_id
         ORDER BY log.id
        """
    )
    cr.execute("DELETE FROM motcua_complaint_identity_log")
