"""A schema-driven fuzzer (schemathesis) against the server's own OpenAPI over real HTTP: every
operation, data that fits its schema and data that does not, with an admin token (the widest
role), on SQLite and on PostgreSQL (whose text, integers and JSON refuse more than SQLite's).
Whatever it sends, the server answers with a 2xx or a 4xx, never a 5xx. Bounded: a few hundred
requests per operation and mode, about a minute a database."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.sync.servers import LiveServer

EXAMPLES = 100


def test_no_request_the_openapi_allows_or_breaks_gets_a_server_error_on_sqlite(tmp_path):
    fuzz_the_server(f"sqlite:///{tmp_path / 'server.db'}")


def fuzz_the_server(server_db: str) -> None:
    """Every operation of the server's OpenAPI, valid and invalid requests alike: none a 5xx. (The
    PostgreSQL run is in test_api_fuzz_postgresql.py: a file of its own runs beside this one.)"""
    live = LiveServer(server_db, max_wait_s=0.05)  # waits end at once
    try:
        token = live.store.add_station("FUZZ", "admin")
        schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json")
        answered: dict[str, set[int]] = {}
        errors: list[tuple[str, int, str]] = []
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {op.label for op in operations} >= {
            "GET /api/v1/changes",
            "POST /api/v1/events",
            "POST /api/v1/import",
            "GET /api/v1/conflicts",
            "GET /api/v1/check",
            "GET /api/v1/keys",
            "POST /api/v1/entities",
            "GET /api/v1/changes/wait",
        }

        def fuzzer(operation, mode):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
            )
            def fuzz(case) -> None:
                response = case.call(headers={"Authorization": f"Bearer {token}"}, timeout=10)
                answered.setdefault(operation.label, set()).add(response.status_code)
                if response.status_code >= 500:
                    errors.append((operation.label, response.status_code, case.as_curl_command()[:400]))

            return fuzz

        for operation in operations:
            for mode in GenerationMode:
                try:
                    fuzzer(operation, mode)()
                except Unsatisfiable:  # no input breaks it (GET /health takes none)
                    assert mode is GenerationMode.NEGATIVE, operation.label
        assert not errors, errors[:5]
        # The bodies were exercised both ways: accepted, and refused with a reason.
        assert {200, 422} <= answered["POST /api/v1/events"], answered
        assert any(400 <= code < 500 for code in answered["POST /api/v1/import"]), answered
    finally:
        live.stop()
