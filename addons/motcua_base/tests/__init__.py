from . import test_working_time
from . import test_validators
from . import test_amount_words
from . import test_sequence_counter
from . import test_unit_security
from . import test_unit_import
from . import test_rate_limit
from . import test_tour_units
