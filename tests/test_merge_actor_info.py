"""The actor stage's per-actor shortcuts give what the form-by-form paths they skip give.

Compared on invented names and seeded random forms (capitals, particles, titles, apostrophes,
parentheses, acronyms, odd spacing), slot by slot.
"""

from __future__ import annotations

import random

from schemas import ActorType
from service.merge import names as nm
from service.merge.actor_info import ActorInfo, acronym, info_forms, info_of
from service.merge.actors import ActorItem, _initials
from service.merge.common import UnionFind
from tests.test_merge import actor

_WORDS = [
    "Pat", "Ryder", "al-Sudani", "bin", "Salman", "van", "Gaal", "General", "President", "Jr.",
    "III", "the", "The", "of", "Iraqi", "Boeing's", "O'Brien", "ÉLise", "Zoë", "U.S.", "PMF",
    "N.A.T.O.", "NGOs", "spokesman", "de", "la", "CEO", "Smith-Jones", "1st", "Army", "army",
    "government", "Government", "groups", "militia", "Iran-aligned", "(PMF)", "Forces",
    "Popular", "Mobilization", "unnamed", "Inc", "F.C.", "air", "base", "Ain", "al-Asad",
    "Province", "Kestria", "s", "A", "Q", "\u00a0", "",
]  # fmt: skip


def _forms(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = rng.choices(_WORDS, k=rng.randint(0, 5))
        sep = rng.choice([" ", " ", " ", "  ", ", ", "-"])
        out.append(rng.choice(["", "", " "]) + sep.join(words) + rng.choice(["", "", " ", "."]))
    return out


def _slots(info: ActorInfo) -> dict[str, object]:
    return {k: getattr(info, k) for k in ActorInfo.__slots__}


def test_one_form_actors_get_what_the_form_by_form_path_gives() -> None:
    names = [
        "Pat Ryder", "Ryder", "Mohammed Shia al-Sudani", "the spokesman", "PMF", "U.S.",
        "Iraqi government", "Government of Iraq", "Iranian militia groups", "Ain al-Asad air base",
        "Liverpool F.C.", "an unnamed official", "", "  ", "NGOs",
    ] + _forms(7, 3000)  # fmt: skip
    fast = 0
    for name in names:
        for atype in ActorType:
            for anonymous in (False, True):
                got = _slots(info_of(name, (), atype, anonymous))
                assert got == _slots(info_forms(name, (), atype, anonymous)), (name, atype)
                fast += not anonymous and got["anonymous"] is False
    assert fast > 5000  # the shortcut answered most of them
    # with aliases or a parenthesis the form-by-form path answers
    assert _slots(info_of("PMF", ("Popular Mobilization Forces",), ActorType.group, False)) == (
        _slots(info_forms("PMF", ("Popular Mobilization Forces",), ActorType.group, False))
    )


def test_acronym_look_skipped_only_for_forms_that_are_no_acronym() -> None:
    forms = ["PMF", "N.A.T.O.", "NGOs", "A.B.C.D.E.F.G.", "ABCDEFGHIJKLMNO", "U. S."] + _forms(
        12, 3000
    )
    found = 0
    for form in forms:
        f = form.strip()
        assert acronym(f) == nm.acronym_key(f), form
        found += bool(nm.acronym_key(f))
    assert found > 50


def test_collective_and_institution_keys_at_once_match_the_cached_keys() -> None:
    forms = [
        "Iranian militia groups", "the Iraqi government", "Government of Iraq", "Iraq's army",
        "Government Accountability Office", "Kestrian army", "Cekjaws togsibti (duwgojne)", "",
    ] + _forms(8, 4000)  # fmt: skip
    keyed = 0
    for form in forms:
        want = (nm.collective_key(form), nm.institution_key(form))
        assert nm.collective_institution(form) == want, form
        keyed += want != (None, None)
    assert keyed > 50


def test_initials_left_out_only_where_no_acronym_can_be_met() -> None:
    rng = random.Random(9)
    acronyms = ["pmf", "us", "ngo", "fc", "gmf", "ap", "ikp", "éf"]
    met = 0
    for k, form in enumerate(_forms(10, 3000)):
        it = ActorItem(
            k, "x", "x", actor("a1", "X"), info_of(form, (), ActorType.organization, False)
        )
        plain = {ini for f in it.info.written if not nm.acronym_key(f) and (ini := nm.initials(f))}
        wanted = set(rng.sample(acronyms, rng.randint(1, 3)))
        if plain and rng.random() < 0.5:  # one the form's initials can meet
            wanted.add(rng.choice(sorted(plain)))
        got = _initials(it, [set(a) for a in wanted])
        assert got <= plain
        assert got & wanted == plain & wanted, form
        met += bool(got & wanted)
    assert met > 20


def test_union_find_members_come_in_groups_order() -> None:
    rng = random.Random(11)
    for n in (1, 5, 40, 300):
        uf = UnionFind(n)
        for _ in range(n):
            uf.union(rng.randrange(n), rng.randrange(n))
        assert [sorted(g) for g in uf.members.values()] == uf.groups()


def test_people_with_aliases_get_their_forms_keys_in_one_pass() -> None:
    rng = random.Random(13)
    forms = [f for f in _forms(14, 4000) if "(" not in f]
    checked = 0
    for k in range(1500):
        name = forms[k]
        aliases = tuple(rng.sample(forms, rng.randint(1, 3)))
        info = info_of(name, aliases, ActorType.person, False)
        if info.anonymous:
            continue
        checked += 1
        every = (name, *aliases)
        pts = [nm.person_tokens(f.strip()) for f in every if f.strip()]
        assert info.forms == tuple(dict.fromkeys(t for t in pts if t))
        assert info.story == tuple("P|" + " ".join(t) for t in info.forms)
        # a full name: two tokens or more written as two words or more (not "Pritchard-Lyle")
        full_of: dict[tuple[str, ...], bool] = {}
        for f in every:
            t = nm.person_tokens(f)
            if t and t not in full_of:
                full_of[t] = len(t) >= 2 and " " in (nm.person_name(f) or "").strip()
        fulls = [t for t, full in full_of.items() if full]
        assert info.surnames == tuple((nm.skeleton(t[-1]), t) for t in fulls)
        assert info.short == (
            " " not in (nm.person_name(name) or "").strip() or len(info.person) == 1
        )
        ones = ("P1|" + " ".join(info.person),) if info.short else ()
        assert info.exact == tuple("P|" + " ".join(t) for t in fulls) + ones
        local = []
        for f in every:
            local.append(" ".join(nm.tokens(f)))
            if nm.person_tokens(f):
                local.append("p:" + " ".join(nm.person_tokens(f)))
        assert info.local == tuple(local)
    assert checked > 500
