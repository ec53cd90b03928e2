"""The pages MkDocs will build, read the way MkDocs reads them, for the up-front marker check.

MkDocs' own file walk, exclusions, encoding and front-matter split are used, so the text checked
in ``on_config`` is exactly the text ``on_page_markdown`` receives later, and the cached
expansion is found by that text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel, get_files
from mkdocs.utils.meta import get_data

from decision_guide.problems import Problem
from decision_guide.site.markers import front_matter_lines
from decision_guide.site.page_check import SourcePage
from decision_guide.site.pages import GeneratedPage


def source_pages(config: MkDocsConfig, project_root: Path, *,
                 serving: bool) -> tuple[list[SourcePage], list[Problem]]:
    """The hand-written pages as MkDocs will build them, and the problems that stop a page
    from being read at all (a link out of the project, bytes that are not UTF-8)."""
    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    pages: list[SourcePage] = []
    problems: list[Problem] = []
    root = project_root.resolve()
    for file in get_files(config).documentation_pages(inclusion=inclusion):
        assert file.abs_src_path is not None  # every file of the docs folder has one
        path = Path(file.abs_src_path)
        display = os.path.relpath(path, project_root).replace(os.sep, "/")
        if not path.resolve().is_relative_to(root):
            problems.append(Problem(display, 1, 1, "this page is a link to a file outside the "
                                    "project; copy the file into the project instead",
                                    "link-outside-project"))
            continue
        try:
            source = file.content_string
        except UnicodeDecodeError as exc:
            raw = path.read_bytes()
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.append(Problem(display, line, col, f"byte 0x{raw[exc.start]:02x} is not "
                                    "valid UTF-8; save the file as UTF-8", "not-utf8"))
            continue
        pages.append(_page(file.src_uri, display, source))
    return pages, problems


def site_documents(config: MkDocsConfig, project_root: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file a build makes the site from (pages, images, anything; ``exclude_docs`` and
    drafts honoured, as MkDocs does), by path, and the problems of the pages it cannot read."""
    _, unreadable = source_pages(config, project_root, serving=False)
    refused = {problem.path for problem in unreadable}
    documents = {}
    for file in get_files(config):
        assert file.abs_src_path is not None  # every file of the docs folder has one
        display = os.path.relpath(file.abs_src_path, project_root).replace(os.sep, "/")
        if file.inclusion.is_included() and display not in refused:  # type: ignore[no-untyped-call]
            documents[file.src_uri] = Path(file.abs_src_path).read_bytes()
    return documents, unreadable


def generated_sources(generated: Iterable[GeneratedPage]) -> list[SourcePage]:
    """Generated pages as MkDocs will hand them over, front matter removed."""
    return [_page(page.src_uri, f"(generated) {page.src_uri}", page.content) for page in generated]


def _page(src_uri: str, display: str, source: str) -> SourcePage:
    markdown, _ = get_data(source)
    return SourcePage(src_uri, display, markdown, front_matter_lines(source, markdown))
