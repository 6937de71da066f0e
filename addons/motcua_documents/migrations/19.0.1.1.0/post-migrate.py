"""19.0.1.1.0: the reads of secret documents are logged in motcua.access.log, the one audit log
of MotCua (issue 14); the rows of motcua.document.access.log move there, then Odoo drops the model."""

from odoo.tools.sql import table_exists


def migrate(cr, version):
    if not table_exists(cr, "motcua_document_access_log"):
        return
    cr.execute(
        """
        INSERT INTO motcua_access_log (date, user_id, res_model, res_id, res_name, secrecy, access_type, channel)
        SELECT date, user_id, res_model, res_id, document_name, secrecy, 'read', 'motcua.document.access.log'
          FROM motcua_document_access_log
         ORDER BY id
        """
    )
    cr.execute("DELETE FROM motcua_document_access_log")
