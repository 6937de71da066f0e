import threading

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request

from ..tools import read_write

QUEUE_KEY = "motcua.access.log"
ACCESS_TYPES = [
    ("read", "Read"),
    ("search", "Searched"),
    ("export", "Exported"),
    ("report", "Printed"),
    ("download", "Downloaded"),
    ("write", "Changed"),
]


class MotcuaAccessLog(models.Model):
    """Who obtained protected data (personal data of applicants, identities of denouncers, secret
    documents), when, through which read path. Entries are written at the end of the
    transaction that delivered the data (``motcua.access.log.mixin``); nobody edits them."""

    _name = "motcua.access.log"
    _description = "Access to protected data"
    _order = "id desc"
    _log_access = False

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True, index=True
    )
    res_name = fields.Char(string="Record name", readonly=True, help="The record's name when it was read.")
    access_type = fields.Selection(ACCESS_TYPES, required=True, readonly=True, default="read")
    field_names = fields.Char(string="Data", readonly=True, help="Technical names of the protected fields read.")
    channel = fields.Char(readonly=True, help="The read path: RPC method or URL that delivered the data.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("The access log is written by the system only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("The access log cannot be changed."))
        return super().write(vals)

    @api.model
    @api.private
    def _motcua_channel(self):
        method = getattr(threading.current_thread(), "rpc_model_method", "") or ""
        path = request.httprequest.path if request else ""
        return " ".join(filter(None, [path, method and f"({method})"]))[:256] or "server"


class MotcuaAccessLogMixin(models.AbstractModel):
    """Records holding protected data. The read paths that hand data to a user (``read``,
    ``search_read``, ``web_read``..., exports, printed reports, downloads) call
    ``_motcua_log_read(fnames, access_type)``, which the model overrides to log, with
    ``_motcua_log_access``, the records and fields it protects. Nothing is written there
    (reads may run on read-only cursors): entries are queued and written in the transaction's
    precommit, one per user, record, read path and kind of access."""

    _name = "motcua.access.log.mixin"
    _description = "Logs access to its protected data"

    # Reading protected data writes its access log: the RPC read paths need a read/write cursor
    # (Odoo gives @api.readonly methods a read-only one, possibly on a replica).
    @api.model
    @read_write
    def web_search_read(self, *args, **kwargs):
        return super().web_search_read(*args, **kwargs)

    @read_write
    def web_read(self, *args, **kwargs):
        return super().web_read(*args, **kwargs)

    @api.model
    @read_write
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    @read_write
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    # ------------------------------------------------------------------ read paths
    def _read_format(self, fnames, load="_classic_read"):
        # read, search_read, web_read and web_search_read all format their values here
        result = super()._read_format(fnames, load=load)
        if not self.env.su:
            self._motcua_log_read(fnames, "read")
        return result

    def export_data(self, fields_to_export):
        if not self.env.su:
            self._motcua_log_read([path.split("/")[0] for path in fields_to_export], "export")
        return super().export_data(fields_to_export)

    @api.private
    def _motcua_log_read(self, fnames, access_type):
        """The current user obtains the fields ``fnames`` of ``self`` (``access_type``: one of
        ``ACCESS_TYPES``): log what is protected. Nothing is by default; models override."""

    @api.private
    def _motcua_log_access(self, fnames, access_type="read"):
        """Log that the current user obtained the data ``fnames`` of ``self`` (by ``access_type``,
        one of ``ACCESS_TYPES``)."""
        if self.env.su or not self.ids:
            return
        precommit = self.env.cr.precommit
        queue = precommit.data.get(QUEUE_KEY)
        if queue is None:
            queue = precommit.data[QUEUE_KEY] = {}
            env = self.env

            @precommit.add
            def flush():
                entries = precommit.data.pop(QUEUE_KEY, {})
                if entries and env.cr.readonly:
                    # a read-only route (replica): Odoo replays the request on a read/write cursor
                    raise psycopg2.errors.ReadOnlySqlTransaction("protected data read: the access is logged")
                if entries:
                    env["motcua.access.log"].sudo().create(
                        [
                            {
                                "user_id": uid,
                                "res_model": model,
                                "res_id": res_id,
                                "res_name": env[model].sudo().browse(res_id).display_name,
                                "access_type": access_type,
                                "channel": channel,
                                "field_names": ",".join(sorted(names)),
                            }
                            for (uid, model, res_id, channel, access_type), names in entries.items()
                        ]
                    ).flush_recordset()  # the transaction was flushed before its precommit

        channel = self.env["motcua.access.log"]._motcua_channel()
        for res_id in self.ids:
            if isinstance(res_id, int):
                queue.setdefault((self.env.uid, self._name, res_id, channel, access_type), set()).update(fnames)
