"""Qt-free domain core: rules, checks, documents. Never imports PySide6."""
