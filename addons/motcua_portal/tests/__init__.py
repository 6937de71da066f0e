from . import test_pages, test_rates, test_review, test_sites, test_tour
