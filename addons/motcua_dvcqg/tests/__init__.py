from . import test_outbox
from . import test_mappings
from . import test_concurrency
