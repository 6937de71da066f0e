"""A time limit as the law writes it: "1 working day", "3 working days", "4 working hours".

English needs the singular for one ("1 day", never "1 days"); Vietnamese has one form
("1 ngày làm việc", "3 ngày làm việc"). The words come from ``env``'s language.
"""

from odoo.tools.misc import formatLang


def _number(env, value):
    return str(int(value)) if float(value).is_integer() else formatLang(env, value, digits=1)


def working_time_label(env, days=0, hours=0):
    """ "3 working days", "1 working day and 4 working hours" (empty for no time)."""
    parts = []
    if days:
        count = _number(env, days)
        parts.append(
            env._("%(count)s working day", count=count) if days == 1 else env._("%(count)s working days", count=count)
        )
    if hours:
        count = _number(env, hours)
        parts.append(
            env._("%(count)s working hour", count=count)
            if hours == 1
            else env._("%(count)s working hours", count=count)
        )
    if len(parts) == 2:
        return env._("%(days)s and %(hours)s", days=parts[0], hours=parts[1])
    return parts[0] if parts else ""


def days_label(env, days):
    """ "1 day", "90 days" (calendar days, as the law counts them unless it says working days)."""
    count = _number(env, days)
    return env._("%(count)s day", count=count) if days == 1 else env._("%(count)s days", count=count)
