from . import (
    test_indicator_rules,
    test_indicator_values,
    test_indicator_security,
    test_indicator_service_quality,
    test_indicators_public,
    test_indicators_tour,
)
