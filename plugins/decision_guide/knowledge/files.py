"""Which files under a folder are the guide's YAML, and how each is named in problems.

Editors' folders hold surprises: an upper-case ``.YML``, a link to a file elsewhere on the
machine, a link whose target is gone, a folder named ``x.yml``. None is skipped silently. A link
is followed only while its target stays inside the project; otherwise it is refused by name,
before anything is read, so no problem message can quote a file from outside (``/etc/passwd``).

This is the one place that reads YAML folders from disk, for the knowledge base and the
calculators alike: ``read_folder`` gives ``{display path: bytes}``, and everything after it works
in memory, so tests load a knowledge base from a dict without copying trees.
"""

from __future__ import annotations

import os
from pathlib import Path

from decision_guide.knowledge.yaml_source import MAX_FILE_BYTES, too_large
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


def read_folder(folder: Path, root: Path, *, max_bytes: int = MAX_FILE_BYTES
                ) -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of every YAML file under ``folder`` by display path, in a stable order, and the
    problems met finding and reading them. Bytes, not text: decoding is the YAML reader's job,
    which reports bad UTF-8 at its line. A file over ``max_bytes`` is not read at all: it is
    refused as too large, with its size."""
    paths, problems = yaml_sources(folder, root)
    files: dict[str, bytes] = {}
    for path in paths:
        shown = display_path(path, root)
        try:
            with path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes:
                    problems.append(too_large(shown, size, max_bytes))
                    continue
                files[shown] = handle.read(max_bytes + 1)  # grown since: the reader refuses it
        except OSError as exc:
            problems.append(Problem(shown, 1, 1, f"cannot read the file ({exc.strerror})",
                                    "unreadable-file"))
    return files, problems
