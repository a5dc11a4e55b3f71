"""Limits every importer shares."""

MAX_SOURCE_BYTES = 50 * 1024 * 1024  # bigger sources are refused before they are read
