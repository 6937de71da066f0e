from odoo import api, models


class MotcuaWorkingTimeCacheMixin(models.AbstractModel):
    """Records that change working time (days off, attendances, extra working days): any change
    empties the working intervals cached by ``resource.calendar._motcua_window_intervals``."""

    _name = "motcua.working.time.cache.mixin"
    _description = "Clears the cached working time on change"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if records:
            self.env["resource.calendar"]._motcua_clear_working_time_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        if self:
            self.env["resource.calendar"]._motcua_clear_working_time_cache()
        return result

    def unlink(self):
        cleared = bool(self)
        result = super().unlink()
        if cleared:
            self.env["resource.calendar"]._motcua_clear_working_time_cache()
        return result
