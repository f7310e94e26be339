"""Event clusters built from many syndicated copies: the one-event-per-article veto holds while
clusters grow by unions of any size (events._clusters keeps each cluster's articles, adding the
smaller set to the larger). Invented digests."""

from __future__ import annotations

from service.merge import merge
from tests.test_merge import digest
from tests.test_merge_events import clusters, ev

BRIDGE = "Floodwater from the Ormsby river closed the Tavelin bridge on Monday, the council said."
# the same happening told twice in one article: across articles each pair of them scores as one
# event, so only the veto keeps an article's two apart
AGAIN = "Floodwater from the Ormsby river closed the Tavelin bridge on Monday, the council added."


def _copies(n: int) -> list:
    return [
        digest(
            f"wire{i:03d}",
            published="2024-03-06",
            events=[ev("e1", BRIDGE, "2024-03-04"), ev("e2", AGAIN, "2024-03-04")],
        )
        for i in range(n)
    ]


def test_many_copies_make_one_event_each_and_never_two_of_one_article() -> None:
    n = 45
    story = merge(_copies(n))
    got = clusters(story)
    want = [sorted(f"wire{i:03d}:{e}" for i in range(n)) for e in ("e1", "e2")]
    assert sorted(got) == sorted(want)
    for e in story.events:
        arts = [m.article for m in e.members]
        assert len(arts) == len(set(arts)) == n


def test_the_copies_order_does_not_change_the_clusters() -> None:
    ds = _copies(30)
    assert clusters(merge(ds)) == clusters(merge(list(reversed(ds))))


def test_the_veto_sees_every_article_of_a_grown_cluster() -> None:
    # b tells the happening twice; a and c once each, all in the same words. a's event joins b's
    # first event, so b's second may not join them; c's joins a's, and then b's second may not
    # join that cluster either: the cluster's articles must include those of both sides joined
    ds = [
        digest("a", published="2024-03-06", events=[ev("e1", BRIDGE, "2024-03-04")]),
        digest(
            "b",
            published="2024-03-06",
            events=[ev("e1", BRIDGE, "2024-03-04"), ev("e2", BRIDGE, "2024-03-04")],
        ),
        digest("c", published="2024-03-06", events=[ev("e2", BRIDGE, "2024-03-04")]),
    ]
    story = merge(ds)
    assert clusters(story) == [["a:e1", "b:e1", "c:e2"], ["b:e2"]]
    for e in story.events:
        arts = [m.article for m in e.members]
        assert len(arts) == len(set(arts))
