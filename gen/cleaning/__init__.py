"""Cleaning: the ordered text and block steps the readers call (no I/O, no state)."""
