"""Which files under a folder are the guide's YAML, and how each is named in problems.

Editors' folders hold surprises: an upper-case ``.YML``, a link to a file elsewhere on the
machine, a link whose target is gone, a folder named ``x.yml``. None is skipped silently. A link
is followed only while its target stays inside the project; otherwise it is refused by name,
before anything is read, so no problem message can quote a file from outside (``/etc/passwd``).
"""

from __future__ import annotations

import os
from pathlib import Path

from decision_guide.problems import Problem

YAML_SUFFIXES = (".yml", ".yaml")


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to the project root, naming a link itself rather than its target."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        try:
            return (absolute.parent.resolve() / absolute.name).relative_to(root.resolve()).as_posix()
        except ValueError:
            return absolute.as_posix()


def yaml_sources(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files under ``folder`` in a stable order (any case of ``.yml``/``.yaml``), and a
    problem for each link out of the project, link to nothing, or folder named like a file."""
    allowed = (root.resolve(), folder.resolve())
    files: list[Path] = []
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in YAML_SUFFIXES:
            continue
        shown = display_path(path, root)
        target = path.resolve()
        if not target.exists():
            problems.append(Problem(shown, 1, 1, "a link to a file that does not exist; remove "
                                    "the link or restore its file", "dangling-link"))
        elif not any(target.is_relative_to(place) for place in allowed):
            problems.append(Problem(shown, 1, 1, "a link to a file outside the project; copy the "
                                    "file into the project instead", "link-outside-project"))
        elif target.is_dir():
            problems.append(Problem(shown, 1, 1, "a folder named like a YAML file; rename it "
                                    "(its YAML files are read all the same)", "folder-named-yaml"))
        elif not target.is_file():
            problems.append(Problem(shown, 1, 1, "not a regular file", "not-a-file"))
        else:
            files.append(path)
    return files, problems
