"""Calculators: definitions from YAML, compiled formulas, static results and their HTML."""
