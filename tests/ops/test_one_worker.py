"""Under `make test` (pytest-xdist, ``--dist loadgroup``) the production tests all run on one
worker, one after another: they share Redis's database 4, the gunicorn and Varnish ports and a
built site. pytest-xdist sends a test there when its id ends in its group's name, which it adds
only if it sees the group's mark (tests/conftest.py marks it first) and only on pytest before
9.2, which keeps a node's id where pytest-xdist 3.8 cannot change it. Without the group, two
workers cleared each other's Redis counters (a CI failure)."""


def test_a_production_test_is_sent_to_the_production_tests_worker(request):
    grouped = bool(getattr(request.config.option, "loadgroup", False))  # set on pytest-xdist's workers
    assert request.node.nodeid.endswith("@ops") == grouped
