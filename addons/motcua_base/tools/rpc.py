def read_write(method):
    """Undo ``@api.readonly`` of an overridden RPC method: it must run on a read/write cursor
    (it writes an access log), Odoo would otherwise start it on a read-only one."""
    method._readonly = False
    return method
