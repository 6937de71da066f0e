from odoo import models
from odoo.exceptions import AccessError


class MotcuaMonitorReadonlyMixin(models.AbstractModel):
    """Records that a province monitor may read but never create, change or delete.

    Monitors inherit the rights of unit leaders (they see the figures of every unit), so
    access lists and record rules, which add up, cannot take writing away from them: this
    mixin refuses it at the access check that every write, create and unlink goes through.
    """

    _name = "motcua.monitor.readonly.mixin"
    _description = "Read-only for province monitors"

    def _check_access(self, operation):
        if operation != "read" and not self.env.su and self.env.user._motcua_is_read_only_monitor():
            return self, self._motcua_monitor_access_error
        return super()._check_access(operation)

    def _motcua_monitor_access_error(self):
        return AccessError(
            self.env._(
                "A province monitor reads the records of every unit but does not create, change or "
                "delete them (%(model)s).",
                model=self._description,
            )
        )
