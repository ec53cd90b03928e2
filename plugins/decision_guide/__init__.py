"""Decision Guide: a YAML knowledge base turned into a decision-guide site by a MkDocs plugin."""

#: The one place the version is written; pyproject.toml reads it (``dynamic = ["version"]``).
__version__ = "0.1.0"
