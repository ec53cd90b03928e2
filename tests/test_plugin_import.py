"""MkDocs imports every configured plugin's module on each start: the plugin's module must not
pull in the core (pydantic models, templates), which loads in the hooks that need it."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["pydantic", "decision_guide.knowledge.models", "decision_guide.guide",
         "decision_guide.site.render", "decision_guide.calculators.compile",
         "watchdog.observers"]  # only `serve` watches files


def test_importing_the_plugin_module_leaves_the_core_unloaded() -> None:
    code = ("import sys, decision_guide.adapters.mkdocs_plugin as p; "
            "assert p.DecisionGuidePlugin; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "", f"loaded at import: {run.stdout.strip()}"
