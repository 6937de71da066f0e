from . import test_outbox
from . import test_mappings
from . import test_concurrency
from . import test_events
from . import test_backfill
from . import test_catalogue_endpoint
from . import test_interagency
