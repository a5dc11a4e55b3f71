"""The base of every error meant for the user's eyes: one line that says what went wrong."""


class ReaderError(Exception):
    """An expected failure (bad input, missing item, unusable library) with a message for the user."""
