"""The core of Reader: dataclasses, text offsets, tags and colours, with no I/O and no Qt."""
