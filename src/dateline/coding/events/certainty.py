"""How sure the text is that an event happened, read from the words before its trigger.

    certainty_of(sentence, trigger_start) -> "reported" | "claimed" | "denied" | "planned"
                                             | "historical" | None (negated or hypothetical)

Only the trigger's own clause counts: the words back to the last ``. ; : ? !`` or dash,
and for each kind of cue a window of words (negation binds tightly: "did not attack",
"no one was killed"; a condition reaches further: "If the rebels ever break through the
ridge defences"). A negated or hypothetical mention returns None: the coder does not code it as
a thing that happened. The cue words live in ``data/en/coding/event_cues.txt``.
"""
from __future__ import annotations

import re

from .lexicon import load_event_lexicon

CLAUSE_BREAK = re.compile(r"[.;:?!\u2014\u2013]|\s-\s|\bbut\b|\bwhile\b|\bafter\b|\bwhen\b")
WORD = re.compile(r"[\w'’-]+")
WINDOWS = {"negation": 4, "hypothetical": 9, "planned": 6, "denied": 12, "claimed": 12, "historical": 12}
MODAL_REACH = 2
GENERIC_REACH = 4  # words before a trigger that can make it a kind of event ("spreading jihadist attacks")
AFTER_REACH = 3  # words after it ("a gang feud that keeps getting worse")
ORDER = ("negation", "hypothetical", "denied", "claimed", "planned", "historical")
# A participle that ties the trigger to a past toll ("vowed justice for those killed by the shelling"):
# a future or conditional cue before it governs the avenging, not the strikes.
PAST_BRIDGE = re.compile(r"\b(?:killed|wounded|injured|hurt|died|displaced|left homeless|affected)\s+(?:by|in)\b")
SHIFTED = frozenset({"hypothetical", "planned"})
# A relative clause that tells what a kind of event has done ("growing violence ... that's killed
# thousands"): the toll of the kind, no event of its own, when a generic cue comes before it.
RELATIVE_TOLL = re.compile(r"\b(?:that|which)(?:['’]s|\s+(?:has|have|had))?\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
RELATIVE_REACH = 16  # words before the relative pronoun in which the generic cue must stand
# "When fighting is going on, ...", "whenever clashes break out": a kind of event, in the present.
GENERAL_WHEN = re.compile(r"\b(?:when|whenever|once)\s+(?:[\w'’-]+\s+){0,2}\Z", re.IGNORECASE)
PRESENT_AFTER = re.compile(r"\s+(?:(?:is|are)\s+(?:\w+ing|under\s*way|on)|breaks?\s+out|erupts?|happens?|"
                           r"occurs?|starts?|begins?|takes?\s+place|flares?\s+up)\b", re.IGNORECASE)


def read_clause(sentence: str, trigger_start: int) -> str:
    """The words of the trigger's clause before it, lower-cased."""
    before = sentence[:trigger_start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    if before[:1].isupper():
        before = before[:1].lower() + before[1:]
    return before


def certainty_of(sentence: str, trigger_start: int, *, date_hint: str | None = None,
                 trigger_end: int | None = None) -> str | None:
    """The certainty of the event whose trigger starts at ``trigger_start`` (None: not coded).

    With ``trigger_end``, a modal right after the trigger also makes it hypothetical
    ("gunmen could easily kill ...")."""
    lex = load_event_lexicon()
    clause = read_clause(sentence, trigger_start)
    words = WORD.findall(clause)
    bridges = list(PAST_BRIDGE.finditer(clause))
    governed = WORD.findall(clause[bridges[-1].end():]) if bridges else words
    found = set()
    for kind in ORDER:
        pattern = lex.cues.get(kind)
        if pattern is None:
            continue
        window = " ".join((governed if kind in SHIFTED else words)[-WINDOWS[kind]:])
        if pattern.search(window):
            found.add(kind)
    modal = lex.cues.get("modal_after")
    if trigger_end is not None and modal is not None:
        following = " ".join(WORD.findall(sentence[trigger_end:trigger_end + 40].lower())[:MODAL_REACH])
        if modal.search(following):
            found.add("hypothetical")
    if "negation" in found or "hypothetical" in found:
        return None
    if trigger_end is not None and tells_no_event(sentence, trigger_start, trigger_end, words):
        return None
    for kind in ("denied", "claimed", "planned", "historical"):
        if kind in found:
            return kind
    if date_hint in ("planned", "historical"):
        return date_hint
    return "reported"


def tells_no_event(sentence: str, trigger_start: int, trigger_end: int, words: list[str]) -> bool:
    """The trigger speaks of a kind of event ("spreading violence", "a gang feud that keeps
    getting worse"), of what an event left ("the bombing sites", "attack victims"), or of weapons
    found or made ("material for making IEDs"): no event of its own."""
    lex = load_event_lexicon()
    before = " ".join(words[-GENERIC_REACH:])
    after = " ".join(WORD.findall(sentence[trigger_end:trigger_end + 60].lower())[:AFTER_REACH])
    first_after = " ".join(WORD.findall(sentence[trigger_end:trigger_end + 30].lower())[:1])
    rest = re.split(r"[.;:!?]", sentence[trigger_end:], maxsplit=1)[0].lower()  # the rest of the clause
    checks = (("generic", before), ("generic_after", after), ("reference_after", first_after),
              ("generic_clause", rest))
    if any(lex.cues.get(kind) is not None and lex.cues[kind].search(text) for kind, text in checks):
        return True
    if tells_kind_toll(sentence, trigger_start) or tells_general_when(sentence, trigger_start, trigger_end):
        return True
    weapon, seizure = lex.cues.get("weapon"), lex.cues.get("seizure")
    trigger = sentence[trigger_start:trigger_end].lower()
    return bool(weapon and seizure and weapon.fullmatch(trigger) and seizure.search(before))


def tells_kind_toll(sentence: str, trigger_start: int) -> bool:
    """The trigger opens a relative clause on a kind of event ("growing violence linked to X that's
    killed thousands", "a rising insurgency which has killed 3,000"): the kind's toll, no event."""
    clause = read_clause(sentence, trigger_start)
    found = RELATIVE_TOLL.search(clause)
    generic = load_event_lexicon().cues.get("generic")
    if found is None or generic is None:
        return False
    before = " ".join(WORD.findall(clause[:found.start()].lower())[-RELATIVE_REACH:])
    return bool(generic.search(before))


def tells_general_when(sentence: str, trigger_start: int, trigger_end: int) -> bool:
    """"When fighting is going on, ...", "whenever clashes break out": what happens at such
    times, in the present, not an event that happened."""
    return bool(GENERAL_WHEN.search(sentence[:trigger_start]) and PRESENT_AFTER.match(sentence, trigger_end))
