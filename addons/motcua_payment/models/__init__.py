from . import (
    motcua_procedure,
    motcua_dossier_obligation,
    motcua_dossier_payment,
    motcua_dossier_obligation_pause,
    motcua_dossier_payment_demo,
    payment_transaction,
)
