"""Helpers shared by tests of several packages (servers started by the tests themselves)."""
