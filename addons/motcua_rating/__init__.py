from . import controllers, models


def post_init_hook(env):
    """Dossiers that existed before the addon get their rating token."""
    env["motcua.dossier"].sudo().with_context(active_test=False).search(
        [("rating_token", "=", False)]
    )._motcua_ensure_rating_token()
