"""Reader: a local-first desktop app for reading and annotating articles."""

__version__ = "0.1.0"
APP_NAME = "Reader"
APP_ID = "io.github.readerannotator.Reader"  # reverse-DNS id shared by the desktop file, metainfo and Qt
