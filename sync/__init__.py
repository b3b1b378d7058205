"""Sync with the central server: protocol, station client, reference server."""
