import logging
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import ormcache
from odoo.tools.intervals import Intervals

from ..tools import VN_TZ

_logger = logging.getLogger(__name__)

# How far add_working_time looks ahead before it gives up (a year of days off is absurd), and
# the size of the windows it reads working intervals in (most deadlines end within one). The
# windows are aligned on local days (every 14 days from 1 January 2001, a Monday) and the working
# intervals of each are kept in Odoo's ormcache per calendar, cleared when the calendar, its
# attendances, its days off or its extra working days change.
SEARCH_LIMIT = timedelta(days=400)
SEARCH_WINDOW = timedelta(days=14)
WINDOW_EPOCH = date(2001, 1, 1)


class ResourceCalendar(models.Model):
    """Hour-precise working time for Vietnamese administrative deadlines.

    Working hours are the calendar's attendances, days off its global leaves (public
    holidays, loaded from the ``holidays`` package, plus whatever an administrator adds),
    and swapped weekend days its ``motcua.working.day`` records. Deadlines are computed in
    the calendar's time zone (Asia/Ho_Chi_Minh for MotCua calendars) whatever the server's.
    """

    _inherit = "resource.calendar"

    motcua_working_day_ids = fields.One2many("motcua.working.day", "calendar_id", string="Extra working days")
    motcua_load_holidays = fields.Boolean(
        string="Load Vietnamese public holidays",
        help="Keep the official public holidays of the current and next year as days off of this "
        "working time (refreshed by a daily scheduled action).",
    )

    # ------------------------------------------------------------------ planning engine
    def _attendance_intervals_batch(self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False):
        """Add the hours of extra working days (swapped weekend days) to the attendances."""
        result = super()._attendance_intervals_batch(start_dt, end_dt, resources, domain, tz, lunch)
        if lunch or not self.motcua_working_day_ids:
            return result
        days = self.motcua_working_day_ids.filtered(
            lambda d: start_dt.date() - timedelta(days=1) <= d.date <= end_dt.date() + timedelta(days=1)
        )
        if not days:
            return result
        zone = tz or pytz.timezone(self.tz or VN_TZ)
        extra = []
        for day in days:
            for att in self.attendance_ids.filtered(
                lambda a, d=day: (
                    a.dayofweek == d.same_as_weekday
                    and a.day_period != "lunch"
                    and not a.week_type
                    and not a.display_type
                )
            ):
                lo = zone.localize(datetime.combine(day.date, _float_time(att.hour_from)))
                hi = zone.localize(datetime.combine(day.date, _float_time(att.hour_to)))
                lo, hi = max(lo, start_dt), min(hi, end_dt)
                if lo < hi:
                    extra.append((lo, hi, att))
        if extra:
            extra_intervals = Intervals(extra)
            for key in result:
                result[key] = result[key] | extra_intervals
        return result

    def _motcua_work_intervals(self, start, end):
        """Working intervals (aware datetimes) of this calendar between two aware datetimes."""
        return list(self._work_intervals_batch(start, end)[False])

    @ormcache("self.id", "first_day")
    def _motcua_window_intervals(self, first_day):
        """The working intervals ``((lo, hi), ...)``, aware datetimes in the calendar's zone, of the
        SEARCH_WINDOW days from local midnight of ``first_day`` (a window boundary).

        Cached per calendar and window: a deadline reads one or two windows instead of asking
        Odoo for attendances and leaves on every call. Read as superuser with the days off of the
        calendar's company, so that the answer is the same whoever asks (a desk officer, a citizen
        online, a cron); ``_motcua_clear_working_time_cache`` empties the cache on every change."""
        calendar = self.sudo().with_context(employee_timezone=None)
        zone = pytz.timezone(calendar.tz or VN_TZ)
        lo = zone.localize(datetime.combine(first_day, time.min))
        hi = zone.localize(datetime.combine(first_day + SEARCH_WINDOW, time.min))
        domain = [("time_type", "=", "leave")]
        if calendar.company_id:
            domain.append(("company_id", "in", [False, calendar.company_id.id]))
        intervals = calendar._work_intervals_batch(lo, hi, domain=domain)[False]
        return tuple((a, b) for a, b, _att in intervals)

    def _motcua_window_start(self, moment):
        """The first day of the cached window holding the aware ``moment`` (in the calendar's zone)."""
        day = moment.astimezone(pytz.timezone(self.tz or VN_TZ)).date()
        return day - timedelta(days=(day - WINDOW_EPOCH).days % SEARCH_WINDOW.days)

    def _motcua_cached_intervals(self, start, end):
        """Working intervals ``(lo, hi)`` between two aware datetimes, from the cached windows."""
        self.ensure_one()
        day = self._motcua_window_start(start)
        while True:
            for lo, hi in self._motcua_window_intervals(day):
                if lo >= end:
                    return
                if hi > start:
                    yield max(lo, start), min(hi, end)
            day += SEARCH_WINDOW
            if self._motcua_localize(day) >= end:
                return

    def _motcua_iter_work_intervals(self, start):
        """Working intervals ``(lo, hi)`` from ``start`` on (up to SEARCH_LIMIT)."""
        return self._motcua_cached_intervals(start, start + SEARCH_LIMIT)

    @api.model
    def _motcua_clear_working_time_cache(self):
        """Forget the cached working intervals (in every worker, once the transaction commits)."""
        self.env.registry.clear_cache()

    def write(self, vals):
        result = super().write(vals)
        self._motcua_clear_working_time_cache()
        return result

    # ------------------------------------------------------------------ public API
    @api.model
    def _motcua_localize(self, dt):
        """Naive UTC (Odoo's convention) or aware datetime -> aware datetime in the calendar's zone."""
        zone = pytz.timezone(self.tz or VN_TZ)
        if isinstance(dt, date) and not isinstance(dt, datetime):
            dt = datetime.combine(dt, time.min)
            return zone.localize(dt)
        if dt.tzinfo is None:
            dt = pytz.utc.localize(dt)
        return dt.astimezone(zone)

    def add_working_time(self, start, days=0, hours=0):
        """Return ``start`` plus ``days`` working days and ``hours`` working hours.

        * ``start`` is a naive UTC datetime (as stored by Odoo) or an aware one; the result
          has the same form.
        * A start outside working time is first moved to the next working moment
          (Saturday 09:00 starts on Monday 07:30).
        * Working days keep the time of day: Monday 10:00 + 2 days = Wednesday 10:00,
          skipping weekends, public holidays and other days off; a time that is not worked
          on the target day (e.g. 12:00) stays as it is: it is the moment the deadline ends.
        * Working hours then consume working intervals, like ``plan_hours``.
        """
        self.ensure_one()
        if days < 0 or hours < 0:
            raise ValueError("add_working_time only moves forward")
        naive = start.tzinfo is None
        current = self._motcua_next_working_moment(self._motcua_localize(start))
        if days:
            current = self._motcua_add_days(current, int(days))
            if days != int(days):
                hours += (days - int(days)) * self._motcua_hours_per_day()
        if hours:
            current = self._motcua_add_hours(current, hours)
        if naive:
            return current.astimezone(pytz.utc).replace(tzinfo=None)
        return current

    def working_time_between(self, start, end):
        """Working hours (float) between two datetimes; negative when ``end`` < ``start``."""
        self.ensure_one()
        a, b = self._motcua_localize(start), self._motcua_localize(end)
        if b < a:
            return -self.working_time_between(end, start)
        return sum((hi - lo).total_seconds() for lo, hi in self._motcua_cached_intervals(a, b)) / 3600

    # ------------------------------------------------------------------ helpers
    def _motcua_hours_per_day(self):
        return self.hours_per_day or 8.0

    def _motcua_next_working_moment(self, moment):
        for lo, _hi in self._motcua_iter_work_intervals(moment):
            return lo
        raise ValueError("no working time in the year after %s" % moment)

    def _motcua_working_dates(self, start, count):
        """The first ``count`` dates after ``start``'s date that hold working time."""
        zone = start.tzinfo
        begin = zone.localize(datetime.combine(start.date() + timedelta(days=1), time.min))
        found = []
        for lo, _hi in self._motcua_iter_work_intervals(begin):
            day = lo.date()
            if not found or found[-1] != day:
                found.append(day)
                if len(found) == count:
                    return found
        raise ValueError("not enough working days in the year after %s" % start)

    def _motcua_add_days(self, start, days):
        target = self._motcua_working_dates(start, days)[-1]
        return start.tzinfo.localize(datetime.combine(target, start.time().replace(tzinfo=None)))

    def _motcua_add_hours(self, start, hours):
        remaining = timedelta(hours=hours)
        for lo, hi in self._motcua_iter_work_intervals(start):
            if remaining <= hi - lo:
                return lo + remaining
            remaining -= hi - lo
        raise ValueError("not enough working time in the year after %s" % start)

    # ------------------------------------------------------------------ public holidays
    @api.model
    def _cron_motcua_load_public_holidays(self):
        """Load the public holidays of this year and the next into the calendars that want them."""
        year = fields.Date.context_today(self).year
        self.search([("motcua_load_holidays", "=", True)])._motcua_load_public_holidays([year, year + 1])

    def _motcua_load_public_holidays(self, years):
        """Create the official days off and swapped working days of ``years`` (idempotent)."""
        import holidays  # noqa: PLC0415 -- optional at import time, declared in the manifest

        official = holidays.country_holidays("VN", years=years)
        leaves = self.env["resource.calendar.leaves"].sudo()
        working_days = self.env["motcua.working.day"].sudo()
        for calendar in self:
            zone = pytz.timezone(calendar.tz or VN_TZ)
            existing = set(
                leaves.search([("calendar_id", "=", calendar.id), ("motcua_holiday_key", "!=", False)]).mapped(
                    "motcua_holiday_key"
                )
            )
            vals_list = []
            for day, name in sorted(official.items()):
                key = f"VN-{day.isoformat()}"
                if key in existing:
                    continue
                lo = zone.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
                hi = zone.localize(datetime.combine(day, time.max)).astimezone(pytz.utc).replace(tzinfo=None)
                vals_list.append(
                    {
                        "name": name,
                        "calendar_id": calendar.id,
                        "resource_id": False,
                        "time_type": "leave",
                        "date_from": lo,
                        "date_to": hi.replace(microsecond=0),
                        "motcua_holiday_key": key,
                    }
                )
            leaves.create(vals_list)
            known_days = set(working_days.search([("calendar_id", "=", calendar.id)]).mapped("date"))
            working_days.create(
                [
                    {
                        "name": self.env._("Swapped working day"),
                        "date": day,
                        "calendar_id": calendar.id,
                        "holiday_key": f"VN-{day.isoformat()}",
                    }
                    for day in sorted(official.weekend_workdays)
                    if day.year in years and day not in known_days
                ]
            )
            _logger.info("loaded %d public holidays into %s", len(vals_list), calendar.name)


def _float_time(hours):
    if hours >= 24:
        return time.max
    h = int(hours)
    m = round((hours - h) * 60)
    if m == 60:
        h, m = h + 1, 0
    return time(h, m)


class ResourceCalendarLeaves(models.Model):
    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "motcua.working.time.cache.mixin"]

    motcua_holiday_key = fields.Char(
        readonly=True, index="btree_not_null", help="Set when loaded from the official holiday list."
    )


class ResourceCalendarAttendance(models.Model):
    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "motcua.working.time.cache.mixin"]
