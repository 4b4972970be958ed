"""The event lexicon: which word tells what a count is a count of (killed, arrested, ...).

Three places carry the event, in order of precedence:

* the counted noun itself when it names an outcome ("several deaths", "300 arrests");
* an active verb or "attacked by" right before the amount ("killed dozens", "attacked by 20,000");
* a predicate after the amount ("26 ... have been killed", "353 were injured", "hundreds injured");

and, last, a counted noun that names a role ("3,000 troops", "dozens of attackers").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from provenance.extract.patterns import first_chars, trie
from provenance.models import Event

# Predicates after the amount ("were killed", "shot dead", "taken into custody").
_PREDICATES: Final[dict[str, Event]] = {
    "killed": "killed", "eliminated": "killed", "slain": "killed",
    "murdered": "killed", "executed": "killed", "shot dead": "killed",
    "shot and killed": "killed", "shot to death": "killed", "fatally shot": "killed",
    "gunned down": "killed", "lost their lives": "killed", "lost his life": "killed",
    "lost her life": "killed", "died": "deaths", "perished": "deaths", "deceased": "deaths",
    "dead": "deaths",  # "31 dead": died, no killer said ("shot dead" is killed)
    "drowned": "deaths",
    "treated": "injured",  # "were treated in hospital", "treated for gunshot wounds"
    "being held": "detained", "were held": "detained", "are held": "detained",
    "held at": "detained",
    "wounded": "wounded", "shot": "wounded", "injured": "injured", "hurt": "injured",
    "hospitalized": "hospitalized", "hospitalised": "hospitalized",
    "taken to hospital": "hospitalized", "taken to the hospital": "hospitalized",
    "in hospital": "hospitalized", "in critical condition": "injured",
    "in serious condition": "injured", "in a critical condition": "injured",
    "in a serious condition": "injured", "arrested": "arrested", "taken into custody": "arrested",
    "detained": "detained", "held in custody": "detained", "in custody": "detained",
    "missing": "other", "displaced": "other", "evacuated": "other", "rescued": "other",
    "trapped": "other", "unaccounted for": "other", "held hostage": "other",
    "taken hostage": "other", "held captive": "other", "picked up": "arrested",
    "rounded up": "arrested",
    "attacked": "attackers", "stormed": "attackers",
}
# Active verbs right before the amount ("killed dozens", "injuring at least 8").
_ACTIVE: Final[dict[str, Event]] = {
    "killed": "killed", "killing": "killed", "kill": "killed", "kills": "killed",
    "eliminated": "killed", "eliminating": "killed", "shot dead": "killed",
    "left dead": "killed", "claimed the lives of": "killed", "bodies of": "deaths",
    "wounded": "wounded", "wounding": "wounded", "wounds": "wounded", "injured": "injured",
    "injuring": "injured", "injures": "injured", "hospitalized": "hospitalized",
    "hospitalizing": "hospitalized", "arrested": "arrested", "arresting": "arrested",
    "arrests": "arrested", "arrest": "arrested", "detained": "detained", "detain": "detained",
    "detaining": "detained",
    "detains": "detained", "attacked by": "attackers", "stormed by": "attackers",
    "deployed": "troops", "deploying": "troops", "sent": "troops", "sending": "troops",
    "death toll rose to": "deaths", "death toll to": "deaths", "death toll of": "deaths",
    "death toll at": "deaths", "death toll is": "deaths", "death toll was": "deaths",
    "death toll stands at": "deaths", "death toll reached": "deaths",
}
# Counted nouns that name the outcome ("several deaths").
_OUTCOME_NOUNS: Final[dict[str, Event]] = {
    "deaths": "deaths", "death": "deaths", "fatalities": "deaths", "bodies": "deaths",
    "dead": "deaths", "killed": "killed", "wounded": "wounded", "injured": "injured",
    "injuries": "injured", "arrests": "arrested", "arrested": "arrested",
    "detentions": "detained", "detainees": "detained", "detained": "detained",
    "hospitalizations": "hospitalized", "casualties": "other", "victims": "other",
    "hostages": "other",
}
# Counted nouns that name a role ("3,000 troops", "dozens of attackers").
_ROLE_NOUNS: Final[dict[str, Event]] = {
    "troops": "troops", "soldiers": "troops", "servicemen": "troops", "peacekeepers": "troops",
    "paratroopers": "troops", "marines": "troops", "military personnel": "troops",
    "attackers": "attackers", "gunmen": "attackers", "assailants": "attackers",
    "militants": "attackers", "insurgents": "attackers", "raiders": "attackers",
    "fighters": "attackers",
}
# Words that make a count a count about people even without an event.
PERSON_NOUNS: Final = frozenset(
    """people persons individuals civilians residents citizens protesters protestors
    demonstrators rioters police policemen policewomen officers officials members children
    adults men women students workers journalists victims prisoners detainees suspects
    criminals bandits terrorists rebels refugees migrants passengers patients males females
    teens teenagers boys girls guys juveniles relatives residents shoppers bystanders
    miners fans spectators supporters mourners guards crew inmates pilgrims villagers farmers
    families teachers nurses doctors hostages survivors rescuers firefighters volunteers
    employees staff voters tourists visitors worshippers evacuees climbers hikers fishermen
    sailors soldiers troops activists labourers laborers parents pupils pensioners""".split()
)


def _alternation(words: dict[str, Event]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a prefix tree of the predicates: like the alternation longest first, but far faster
_PRED_RE: Final = re.compile(r"(?i:" + first_chars(_PREDICATES) + r"\b(" + trie(_PREDICATES)
                             + r")\b)")
_SHOT_AT: Final = re.compile(r"(?i:shot\s+at\b)")
_OUTCOME_RE: Final = re.compile(r"(?i:\b(" + _alternation(_OUTCOME_NOUNS) + r")\b)")
_ROLE_RE: Final = re.compile(r"(?i:\b(" + _alternation(_ROLE_NOUNS) + r")\b)")  # not "firefighters"
_AND_ROLE_RE: Final = re.compile(r"(?i:\s+(?:and|or|as well as)\s+(?:[a-z][\w'’-]*\s+){0,2}?("
                                 + _alternation(_ROLE_NOUNS) + r")\b)")


_PREDICATE_WORDS: Final = frozenset(
    [*(w for k in _PREDICATES for w in k.split() if len(k.split()) == 1), "unaccounted"])


_ACTIVE_ENDS: Final = frozenset(k.rpartition(" ")[2] for k in _ACTIVE)  # the last words of _ACTIVE
_TOLL_LINKS: Final = frozenset(
    "to at of reached hit is was stands stood passed topped exceeded".split())


def is_predicate(word: str) -> bool:
    """Whether ``word`` alone is an event predicate ("killed", "injured")."""
    return word.casefold() in _PREDICATE_WORDS


def event_before(words: list[str]) -> Event | None:
    """The event of an active verb that ends ``words`` ("police killed", "attacked by")."""
    low = [w.casefold() for w in words]
    if "toll" in low[-4:] and low[-1] in _TOLL_LINKS:  # "the death toll rose to 164"
        return "deaths"
    if not low or low[-1].rpartition(" ")[2] not in _ACTIVE_ENDS:
        return None  # no active verb ends here
    for k in range(min(4, len(low)), 0, -1):
        event = _ACTIVE.get(" ".join(low[-k:]))
        if event is not None:
            return event
    return None


def event_after(text: str, start: int, end: int) -> tuple[Event, int] | None:
    """The first predicate in ``text[start:end]`` and where it starts."""
    m = _PRED_RE.search(text, start, end)
    if not m or _SHOT_AT.match(text, m.start()):  # "two cars were shot at"
        return None
    return _PREDICATES[" ".join(m.group(1).casefold().split())], m.start()


def role_after(text: str, pos: int, end: int) -> Event | None:
    """The event of a role noun coordinated after a subject ("police officers and soldiers")."""
    m = _AND_ROLE_RE.match(text, pos, end)
    return _ROLE_NOUNS[m.group(1).casefold()] if m else None


@lru_cache(maxsize=4096)
def outcome_noun(head: str) -> Event | None:
    """The event named by a counted noun ("deaths" → deaths), if any."""
    m = _OUTCOME_RE.fullmatch(head.strip())
    return _OUTCOME_NOUNS[m.group(1).casefold()] if m else None


@lru_cache(maxsize=4096)
def role_noun(head: str) -> Event | None:
    """The event of a role noun ("troops" → troops), if any."""
    m = _ROLE_RE.search(head)
    return _ROLE_NOUNS[m.group(1).casefold()] if m else None
