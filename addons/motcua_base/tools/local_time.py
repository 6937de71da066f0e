"""Viet Nam time for the whole suite: Odoo stores naive UTC, offices count in local days."""

from datetime import datetime, time

import pytz

VN_TZ = "Asia/Ho_Chi_Minh"


def to_local(moment, tz=VN_TZ):
    """A naive UTC datetime as an aware datetime in `tz` (Viet Nam by default)."""
    return pytz.utc.localize(moment).astimezone(pytz.timezone(tz))


def local_now(tz=VN_TZ):
    return to_local(datetime.utcnow().replace(microsecond=0), tz)


def local_year(moment, tz=VN_TZ):
    """The year of a naive UTC datetime in Viet Nam (registers restart on 1 January, local time)."""
    return to_local(moment, tz).year


def local_day_start(day, tz=VN_TZ):
    """00:00 of the local `day` as a naive UTC datetime: a period of local days [d1, d2] is
    ``local_day_start(d1) <= moment < local_day_start(d2 + 1 day)``."""
    return pytz.timezone(tz).localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
