"""Helpers the test modules share: imported as ``support.<module>`` (tests/ is on
sys.path through tests/conftest.py), never a test module imported from another."""
