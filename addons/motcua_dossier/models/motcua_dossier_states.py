"""The states of a dossier and what citizens are told about them: pure values and helpers,
imported by the models and controllers that need them."""

STATES = [
    ("draft", "Draft"),
    ("received", "Received"),
    ("in_progress", "In progress"),
    ("supplement", "Supplement requested"),
    ("result_ready", "Result ready"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
]
OPEN_STATES = ("received", "in_progress", "supplement")
FINISHED_STATES = ("result_ready", "returned")
# The moves of the dossier's state machine (motcua.workflow.mixin)
TRANSITIONS = {
    "draft": ("received", "refused"),
    "received": ("in_progress", "supplement", "refused", "withdrawn"),
    "in_progress": ("supplement", "result_ready", "refused", "withdrawn"),
    # the applicant resubmits: back where the dossier was before the pause
    "supplement": ("received", "in_progress", "refused", "withdrawn"),
    "result_ready": ("returned",),
}
TIMELINESS = [
    ("early", "Early"),
    ("on_time", "On time"),
    ("late", "Late"),
    ("within", "Within time"),
    ("overdue", "Overdue"),
]
CHANNELS = [("desk", "At the desk"), ("online", "Online"), ("post", "By post")]
RETURN_CHANNELS = [("desk", "At the desk"), ("post", "By post"), ("online", "Online")]
APPLICANT_TYPES = [("citizen", "Citizen"), ("organisation", "Organisation")]


def public_states(env):
    """Citizen-facing labels of the states (public pages, APIs, SMS), in ``env``'s language."""
    return {
        "received": env._("Dossier received"),
        "in_progress": env._("Being processed"),
        "supplement": env._("Waiting for the missing papers"),
        "result_ready": env._("Result available"),
        "returned": env._("Result handed over"),
        "refused": env._("Processing refused"),
        "withdrawn": env._("Dossier withdrawn"),
    }


def public_timeliness(env):
    """Citizen-facing labels of the timeliness, in ``env``'s language."""
    return {
        "early": env._("Ahead of time"),
        "on_time": env._("On schedule"),
        "late": env._("Past the deadline"),
        "within": env._("Within the time limit"),
        "overdue": env._("Past the deadline"),
    }


STATUS_DIGITS = {
    "received": 1,
    "in_progress": 2,
    "supplement": 3,
    "result_ready": 4,
    "returned": 5,
    "refused": 6,
    "withdrawn": 7,
}


def timeliness_of(finished_at, deadline, local):
    """Early, on time or late: the timeliness of a piece of work finished at ``finished_at``
    against ``deadline`` (naive UTC datetimes); False when either is unset.

    ``local`` turns a naive UTC datetime into a local aware one (for the calendar day). Work
    finished after the deadline is late; on an earlier local day than the deadline, early; on
    the deadline's day, on time. (Open work is within time or overdue: its callers decide that.)
    """
    if not deadline or not finished_at:
        return False
    if finished_at > deadline:
        return "late"
    if local(finished_at).date() < local(deadline).date():
        return "early"
    return "on_time"
