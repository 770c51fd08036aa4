"""SMS Signature Assistant: prepare and pre-check SMS signature applications offline."""

__version__ = "0.1.0"
