from . import test_deadlines
from . import test_identity
from . import test_portal
from . import test_landing
from . import test_wording
from . import test_guards
from . import test_migration
from . import test_reports
