"""The HTML report: one self-contained page (inline CSS and script, nothing fetched) per run, or a
folder with index.html and a page per story.

    html = render_report(digests, stories, texts)          # one page with everything
    pages = render_site(digests, stories, texts)           # {"index.html": ..., "story-....html": ...}

`texts` maps an article's content hash (or id) to its text; an article whose text is given gets
its quotes, speakers, actor mentions and event evidence highlighted at their offsets, the others
list their quotes. Every value is escaped by Jinja's autoescape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from schemas import ArticleDigest
from schemas.story import StoryDigest
from service.fsio import safe_filename
from service.report.view import ArticleView, StoryView, article_view, story_view

_TEMPLATES = Path(__file__).parent / "templates"


@cache
def _env() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsdigest")
    except Exception:  # not installed (a source checkout on PYTHONPATH)
        return "dev"


def story_page_name(story: StoryDigest) -> str:
    return f"{safe_filename(story.id)}.html"


class _Report:
    """Views of every article and story, with one anchor per article across the whole report."""

    def __init__(
        self,
        digests: Sequence[ArticleDigest],
        stories: Sequence[StoryDigest],
        texts: Mapping[str, str] | None,
    ) -> None:
        texts = texts or {}
        by_id: dict[str, ArticleDigest] = {}
        for d in digests:
            by_id.setdefault(d.article.id, d)
        for s in stories:  # a story read back from JSON brings its own member digests
            for d in s.member_digests():
                by_id.setdefault(d.article.id, d)
        self.views: dict[str, ArticleView] = {}
        for i, (aid, d) in enumerate(by_id.items(), 1):
            text = texts.get(d.article.content_hash) or texts.get(aid)
            self.views[aid] = article_view(d, f"a{i}", text)
        self.stories: list[StoryView] = [
            story_view(s, i, self.views, story_page_name(s)) for i, s in enumerate(stories, 1)
        ]
        in_story = {a.anchor for sv in self.stories for a in sv.articles}
        self.loose = [v for v in self.views.values() if v.anchor not in in_story]

    def label_of(self, article_id: str) -> str:
        v = self.views.get(article_id)
        return v.label if v else article_id

    def article_anchor(self, article_id: str) -> str:
        v = self.views.get(article_id)
        return v.anchor if v else ""

    def stats(self) -> str:
        n_q = sum(len(v.digest.quotes) for v in self.views.values())
        return (
            f"{len(self.views)} article{'s' if len(self.views) != 1 else ''}, "
            f"{len(self.stories)} stor{'ies' if len(self.stories) != 1 else 'y'}, {n_q} quotes"
        )

    def render(
        self,
        *,
        stories: list[StoryView],
        loose: list[ArticleView],
        links: list[StoryView],
        title: str,
    ) -> str:
        nav: list[tuple[str, str]] = []
        for sv in stories:
            for part, label in (
                ("sources", "Sources"),
                ("conflicts", "Conflicts"),
                ("quotes", "Quotes"),
                ("timeline", "Timeline"),
                ("actors", "Actors"),
                ("articles", "Articles"),
            ):
                prefix = f"Story {sv.anchor[1:]}: " if len(stories) > 1 else ""
                nav.append((f"#{sv.anchor}-{part}", prefix + label))
        return str(
            _env()
            .get_template("report.html.j2")
            .render(
                title=title,
                stats=self.stats(),
                version=_version(),
                stories=stories,
                loose=loose,
                links=links,
                nav=nav,
                label_of=self.label_of,
                article_anchor=self.article_anchor,
            )
        )


def render_report(
    digests: Sequence[ArticleDigest],
    stories: Sequence[StoryDigest] = (),
    texts: Mapping[str, str] | None = None,
    *,
    title: str = "newsdigest report",
) -> str:
    """One self-contained HTML page: every story, then the articles in no story."""
    r = _Report(digests, stories, texts)
    return r.render(stories=r.stories, loose=r.loose, links=[], title=title)


def render_site(
    digests: Sequence[ArticleDigest],
    stories: Sequence[StoryDigest] = (),
    texts: Mapping[str, str] | None = None,
    *,
    title: str = "newsdigest report",
) -> dict[str, str]:
    """`index.html` (the stories with links, and the articles in no story) plus one page per
    story, each self-contained. Keys are file names."""
    r = _Report(digests, stories, texts)
    pages = {"index.html": r.render(stories=[], loose=r.loose, links=r.stories, title=title)}
    for sv in r.stories:
        pages[sv.page] = r.render(stories=[sv], loose=[], links=[], title=f"{title}: {sv.story.id}")
    return pages


def render_one(obj: Any) -> str:
    """The page for one ArticleDigest or StoryDigest without article texts (service.cli.render's
    `html` format, used where only digests are at hand)."""
    if isinstance(obj, ArticleDigest):
        return render_report([obj])
    if isinstance(obj, StoryDigest):
        return render_report([], [obj])
    raise TypeError(f"no html renderer for {type(obj).__name__}")


__all__ = ["render_one", "render_report", "render_site", "story_page_name"]
