from . import test_people
from . import test_events
from . import test_register_books
from . import test_reports
from . import test_verification
from . import test_security
from . import test_statistics
from . import test_tour
