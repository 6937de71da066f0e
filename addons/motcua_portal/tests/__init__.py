from . import test_pages, test_review, test_sites, test_tour
