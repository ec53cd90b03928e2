"""The engine as a new user gets it: a wheel built from the sources, installed in a fresh virtual
environment outside the checkout, a guide made by ``decision-guide new`` and a hand-written one in
pounds, both built strict, their calculators recomputing in Chromium.

An editable install hides every file the wheel forgets (templates, the browser runtime, the
scaffold); this test sees them. It also walks the path with bad input and wants a message, never
a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browsing import root_of
from conftest import ROOT, SECOND_GUIDE
from decision_guide.site.assets import RUNTIME, SITE_FOLDER
from static_server import serve_site

CALCULATOR = """\
calculator:
  id: gpu-month
  title: A month of GPU time
  summary: What renting GPUs for a month costs.
  inputs:
    - {id: gpus, label: GPUs, unit: GPUs, default: 2, min: 0, max: 1000, step: 1,
       assumption: "An example team size; enter your own."}
    - {id: hourly, label: Price per GPU-hour, unit: GBP / GPU-hour, format: currency, cost: gpu-hour,
       min: 0, max: 100, step: 0.1}
  values:
    - {id: monthly, label: Per month, formula: gpus * hourly * 730, output: true}
"""


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def _ok(completed: subprocess.CompletedProcess[str]) -> str:
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh venv with only the wheel (and its dependencies) in it; its bin folder and env."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy, so the build leaves no build/ or egg-info in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "plugins", source / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "NO_MKDOCS_2_WARNING": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    pip = [sys.executable, "-m", "pip"]
    _ok(_run([*pip, "wheel", "--quiet", "--no-deps", "-w", work / "dist", source], work, {**os.environ}))
    wheel = next((work / "dist").glob("decision_guide-*.whl"))
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", work / "venv"], work, env))
    _ok(_run([*pip, "--python", work / "venv" / "bin" / "python", "install", "--quiet", wheel], work,
             {**os.environ}))
    where = _ok(_run([work / "venv/bin/python", "-c",
                      "import decision_guide; print(decision_guide.__file__)"], work, env))
    assert where.startswith(str(work / "venv")), where  # the wheel, not the checkout
    return work / "venv" / "bin", env


@pytest.mark.slow
@pytest.mark.browser
def test_a_new_guide_from_the_wheel_builds_strict_and_recomputes(
        installed: tuple[Path, dict[str, str]], tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    bin_dir, env = installed
    _ok(_run([bin_dir / "decision-guide", "new", "guide"], tmp_path, env))
    guide = tmp_path / "guide"
    assert _ok(_run([bin_dir / "decision-guide", "check"], guide, env)).startswith("OK, no errors")
    _ok(_run([bin_dir / "mkdocs", "build", "--strict"], guide, env))
    site = guide / "site"
    assert (site / SITE_FOLDER / RUNTIME).is_file(), "the calculators' runtime bundle is missing"

    with serve_site(site) as base:
        page = browser.new_page()
        page.goto(base)
        root = root_of(page, "lease-or-buy")
        total = root.locator('output[data-output="lease_total"]')
        assert total.text_content() == "$16,200"  # 10 laptops × $45 × 36 months, as built
        root.locator('input[name="laptops"]').fill("20")
        page.wait_for_function("(el) => el.textContent === '$32,400'", arg=total.element_handle())
        page.close()

    # Bad input on the same path: a message and exit 1, never a traceback.
    again = _run([bin_dir / "decision-guide", "new", "guide"], tmp_path, env)
    assert again.returncode == 1 and "is not empty" in again.stderr and "Traceback" not in again.stderr
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("currency: USD", "currency: US$"))
    for command in ([bin_dir / "decision-guide", "check"], [bin_dir / "mkdocs", "build", "--strict"]):
        failed = _run(command, guide, env)
        assert failed.returncode == 1 and "unknown currency 'US$'" in failed.stdout + failed.stderr
        assert "Traceback" not in failed.stdout + failed.stderr


@pytest.mark.slow
@pytest.mark.browser
def test_a_hand_written_guide_in_pounds_from_the_wheel(
        installed: tuple[Path, dict[str, str]], tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    bin_dir, env = installed
    guide = tmp_path / "pounds"
    shutil.copytree(SECOND_GUIDE, guide)
    knowledge = guide / "content" / "knowledge"
    for path in knowledge.glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("USD /", "GBP /"), encoding="utf-8")
    (guide / "calculators").mkdir()
    (guide / "calculators" / "gpu-month.yml").write_text(CALCULATOR, encoding="utf-8")
    (guide / "content" / "pages" / "index.md").write_text(
        "# GPUs\n\n<!-- guide:calculator id=gpu-month -->\n", encoding="utf-8")
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      max_age_months: 18\n",
        "      max_age_months: 36\n      calculators_dir: calculators\n      currency: GBP\n"
        "      locale: en-GB\n"), encoding="utf-8")
    _ok(_run([bin_dir / "mkdocs", "build", "--strict"], guide, {**env, "DECISION_GUIDE_TODAY": "2026-11-21"}))

    html = (guide / "site" / "index.html").read_text(encoding="utf-8")
    assert "£3,650" in html and "$" not in html.split("<template")[0].split('class="dg-calc')[-1]
    with serve_site(guide / "site") as base:
        page = browser.new_page()
        page.goto(base)
        monthly = root_of(page, "gpu-month").locator('output[data-output="monthly"]')
        assert monthly.text_content() == "£3,650"  # 2 GPUs × £2.50 × 730 hours
        page.locator('input[name="hourly"]').fill("0.0125")
        page.wait_for_function("(el) => el.textContent === '£18.25'", arg=monthly.element_handle())
        page.close()
