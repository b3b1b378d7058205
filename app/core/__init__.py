"""The domain: orders, pack sessions, weight checks, operators.

Pure Python: no Qt, no database, no devices, no network. Everything here is a function of
plain values so it can be tested exhaustively and replayed after a crash.
"""
