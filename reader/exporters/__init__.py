"""Exporters: notes and highlights to Markdown and annotation JSON (pure, no I/O)."""
