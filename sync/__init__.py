"""Sync with the central server (planned: issue 5): protocol, station client, reference server."""
