"""The server's OpenAPI fuzzed on PostgreSQL (tests/sync/test_api_fuzz.py): a file of its own, so
the two databases' runs, a minute and more each, go to different test processes."""

from __future__ import annotations

from tests.sync.test_api_fuzz import fuzz_the_server


def test_no_request_the_openapi_allows_or_breaks_gets_a_server_error_on_postgresql(postgres):
    fuzz_the_server(postgres.new_database())
