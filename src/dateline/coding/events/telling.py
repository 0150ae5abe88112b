"""What a sentence tells around a trigger: victims rather than an act, a toll update, how victims are
now, bodies found, an area-wide tally, a surrender, a day said inside a quote.

    tells_victims(sentence, trigger)   "were killed", "died", "the wounded": victims, not an act
    tells_update(sentence)             "the death toll rose to 58": a toll told before, updated
    tells_status(sentence)             "were still in hospital": how victims are, not an event
    follows_found_dead(sentence, at)   "the bodies of the victims": the day found is not the killing's
    is_area_wide(text, located)        "strikes across a province killed 35": a tally over an area
    quoted_today(mention, sentence, start)  "today" inside a direct quote fixes no day
    count_surrender(drafts)            one who gives himself up is one person arrested
"""
from __future__ import annotations

import re

from ..dates import DateMention
from .clauses import in_quote
from .lexicon import load_event_lexicon
from .merge import Draft
from .scenes import Located
from .triggers import Trigger


def quoted_today(mention: DateMention | None, sentence: str, start: int) -> bool:
    """A day counted from the speaker's now ("today", "yesterday") inside a direct quote: it is the
    day of the saying, not the story's, so it fixes no day of the event (the mention joins the
    same incident told with its day, else takes the story's news day)."""
    return (mention is not None and mention.rule == "relative" and mention.value is not None
            and len(mention.value) == 10 and in_quote(sentence, mention.span[0] - start))


GAVE_SELF_UP = re.compile(r"\b(?:him|her)self\b", re.I)  # "turned himself in": one person taken


def count_surrender(drafts: list[Draft]) -> None:
    """One who gives himself or herself up ("turned himself in to police") is one person arrested."""
    for draft in drafts:
        if draft.type == "arrest" and "arrested" not in draft.counts and GAVE_SELF_UP.search(draft.trigger):
            draft.add_count("arrested", 1, draft.trigger_span)


VICTIM_VERB = re.compile(r"(?:\b(?:was|were|been|being|be|are|is|got)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|"
                         r"shot|slain|murdered)|\b(?:died|dies|die|perished|succumbed)|\bdead)\Z", re.I)


def tells_update(sentence: str) -> bool:
    """The sentence updates a toll told before ("the death toll rose to 58")."""
    cue = load_event_lexicon().cues.get("toll_update")
    return cue is not None and cue.search(sentence.lower()) is not None


def tells_status(sentence: str) -> bool:
    """The sentence tells how victims are now ("were still in hospital on Thursday"), not an event."""
    cue = load_event_lexicon().cues.get("status")
    return cue is not None and cue.search(sentence.lower()) is not None


def follows_found_dead(sentence: str, trigger_start: int) -> bool:
    """The trigger tells of bodies found ("the corpses of the three persons killed", "the bodies of
    the victims"): the day they were found is not the day of the killing, which was told before."""
    cue = load_event_lexicon().cues.get("found_dead")
    before = sentence[max(0, trigger_start - 60):trigger_start].lower()
    return cue is not None and cue.search(before) is not None


def tells_victims(sentence: str, trigger: Trigger) -> bool:
    """The trigger tells of victims, not of an act: "were killed", "died", "was shot dead", or
    names them ("Eight injured people were flown to X", "the wounded")."""
    if VICTIM_VERB.search(sentence[max(0, trigger.start - 24):trigger.end]):
        return True
    if trigger.text.lower() not in VICTIM_WORDS:
        return False
    return bool(VICTIM_NOUN.match(sentence, trigger.end) or THE_BEFORE.search(sentence, 0, trigger.start))


VICTIM_WORDS = frozenset({"injured", "wounded", "hurt", "dead"})
VICTIM_NOUN = re.compile(r"\s+(?:people|persons|men|women|children|victims|passengers|workers|civilians|"
                         r"residents|soldiers|officers|survivors)\b", re.I)
THE_BEFORE = re.compile(r"\bthe\s+(?:\w+ly\s+)?\Z", re.I)


def is_area_wide(text: str, located: Located | None) -> bool:
    """The place is an area the event is told across ("drone strikes across Darfur killed 35"): a tally."""
    wide = load_event_lexicon().wide
    if wide is None or located is None or located[0] < 0:
        return False
    return bool(wide.search(text[max(0, located[0] - 30):located[0]].lower()))
