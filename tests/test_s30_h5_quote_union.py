"""Quote clusters: the one-article veto (two unrelated quotes of one article never share a
cluster) still sees every article of a cluster grown by unions (quote_union adds the smaller
side's articles to the larger). Invented digests."""

from __future__ import annotations

from service.merge import merge
from tests.test_merge import actor, digest, quote

X = "We will rebuild the Tavelin bridge before the winter floods come back to the valley"
Y = "The council has no money left for the Ormsby ferry crossing this year at all"


def _members(story) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return sorted(sorted(f"{m.article}:{m.quote.id}" for m in c.variants) for c in story.quotes)


def test_a_grown_cluster_keeps_an_articles_unrelated_quote_out() -> None:
    mayor = actor("a1", "Ilse Varnholt")
    ds = [
        digest("a", actors=[mayor], quotes=[quote("q1", X, "Ilse Varnholt")]),
        digest(
            "b",
            actors=[mayor],
            quotes=[quote("q1", X, "Ilse Varnholt"), quote("q2", Y, "Ilse Varnholt")],
        ),
        # one long quotation holding both: it contains each of them
        digest("c", actors=[mayor], quotes=[quote("q1", f"{X}. {Y}", "Ilse Varnholt")]),
    ]
    members = _members(merge(ds))
    # c's long quotation is listed with each of the two it holds; b's two stay apart
    assert members == [["a:q1", "b:q1", "c:q1"], ["b:q2", "c:q1"]]
    assert not any({"b:q1", "b:q2"} <= set(c) for c in members)
