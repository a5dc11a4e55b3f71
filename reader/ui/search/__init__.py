"""Searching the library from the window: results as you type, and saved searches."""
