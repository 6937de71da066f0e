from . import motcua_incoming_assign
from . import motcua_document_register_wizard
