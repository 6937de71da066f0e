from . import test_rating
from . import test_rating_security
from . import test_rating_channels
from . import test_rating_report
from . import test_rating_tour
