"""Decision Guide: a YAML knowledge base turned into a decision-guide site by a MkDocs plugin."""
