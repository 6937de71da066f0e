from odoo import models
from odoo.exceptions import UserError


class MotcuaWorkflowMixin(models.AbstractModel):
    """A record that moves through the states of a workflow.

    The inheriting model declares a tracked ``state`` selection and, in ``_motcua_transitions``,
    which states each state may move to. Actions check where the record stands with
    ``_check_state`` and move it with ``_motcua_set_state``; both raise the same translated error.
    """

    _name = "motcua.workflow.mixin"
    _description = "MotCua workflow"

    # {state: (next state, ...)}: the moves ``_motcua_set_state`` accepts
    _motcua_transitions = {}

    def _motcua_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(self.state, self.state)

    def _check_state(self, allowed, action=None):
        """Raise unless every record is in one of the ``allowed`` states (a state or a collection).

        ``action`` names what the user tried, for the message ("Receiving is not possible: …").
        """
        allowed = (allowed,) if isinstance(allowed, str) else tuple(allowed)
        for record in self:
            if record.state in allowed:
                continue
            if action:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible: %(record)s is %(state)s.",
                        action=action,
                        record=record.display_name,
                        state=record._motcua_state_label(),
                    )
                )
            raise UserError(
                self.env._(
                    "%(record)s is %(state)s: this step is not possible now.",
                    record=record.display_name,
                    state=record._motcua_state_label(),
                )
            )

    def _motcua_set_state(self, state, vals=None):
        """Move every record to ``state`` (with ``vals``) along a declared transition."""
        for record in self:
            if state not in self._motcua_transitions.get(record.state, ()):
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(record)s cannot go from %(state)s to %(next)s.",
                        record=record.display_name,
                        state=record._motcua_state_label(),
                        next=labels.get(state, state),
                    )
                )
        return self._motcua_write_state({**(vals or {}), "state": state})

    def _motcua_write_state(self, vals):
        """Write the outputs of a move (``vals`` with the new state). A model whose ``write``
        refuses workflow outputs to users writes them here, after the action's own checks."""
        return self.write(vals)
