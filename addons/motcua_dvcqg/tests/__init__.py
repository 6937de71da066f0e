from . import test_outbox
from . import test_mappings
from . import test_concurrency
from . import test_interagency
