"""Story-level assembly: drafts from sentences merged into one event per family, place and day.

Two drafts are one event when their families agree (events.md: any two violence
types are one family), their places are the same (same name and country, or
neither has one) and their dates agree (equal, one unknown, or one a coarser date holding the
other) and they give no different
figure for the same count unless both fall on the same known day (two tolls
with no day to tie them are two incidents; a vague amount, "dozens", agrees with any figure it can
be). The
merged event keeps the first strong trigger's type, sentence and fields, and
fills what it lacks from the later mentions (a date, a count); an exact figure
("Twelve people were killed") replaces a bounded one ("at least 14"). A draft read only
from a weak trigger ("killed", "attacked") that ends with no count is dropped:
alone, such words too often tell of something else, unless the clause gives them a scene
and a time of its own in a story of violence ("Three strikes on Tuesday targeted a bakery
in Aleppo"). A region and a town (or a state and a county) inside it are one scene; the
finer place is kept when a mention of the incident names it, or its paragraph gave it (not
a guess, nor a mention of the past); two
clauses of one sentence set side by side stay two events; a tally over a whole area
("drone strikes across Darfur killed 35") and an incident told with its own scene and time stay
two; a mention that refers back
(a guessed place, or "the attack" with no place or figure of its own) joins the story's
event of its family; a detail (a weak mention with no scene or time of its own: "Two
died at the scene and a third later in hospital") joins the event told just before it, its
figures filling only what that event lacks; a country holds every place in it, so one
event told at country level and again at its town is one event; a definite mention with no day
of its own at the scene of an event told before ("the gunmen", "the clashes") is that event, its
other figure only filling what the event lacks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...event_types import is_core, name_family
from ...models import Event, EventPlace, Span
from ..parties import Named
from ..places import load_gazetteer


@dataclass(slots=True)
class Draft:
    """An event while the story is being read (mutable; never leaves the coder)."""

    type: str
    strong: bool
    trigger: str
    trigger_span: Span
    sentence_span: Span
    place: EventPlace | None
    date: str | None
    date_end: str | None
    date_span: Span | None
    certainty: str
    actors: list = field(default_factory=list)  # (words, span) of each doer the mentions name, as written
    targets: list = field(default_factory=list)  # and of each one hit
    actor: Named | None = None  # who did it, coded (coding/parties/); the best of its mentions'
    target: Named | None = None  # to whom
    takes_counts: bool = True
    counts: dict = field(default_factory=dict)  # field -> (value, span, exact)
    clause: tuple[int, int] = (0, 0)  # (sentence, clause): clauses of one sentence stay apart
    place_source: str = "own"  # own, paragraph, ahead, guess (not read from the text near it)
    definite: bool = False  # "the attack": a mention of an event already told
    actor_joined: bool = False  # the actor came from a mention that joined, not the first telling
    supported: bool = False  # a weak trigger with its own scene and time in a story of violence
    date_soft: bool = False  # the date is the story's news day, not one the text gives this event
    soft_until: str | None = None  # a stand-in's latest day: the story's published day (news told till then)
    died_subject: bool = False  # its one dead is one person told to have died ("He died at the hospital")
    wide: bool = False  # a tally over a whole area ("drone strikes across Darfur killed 35")
    timed: bool = False  # its clause names a time of its own ("on Wednesday"), fixed or not
    victims_only: bool = False  # its trigger tells of victims, not of an act ("were killed", "died")
    update: bool = False  # its clause updates the toll of an event told before ("the death toll rose to 58")
    vague: set = field(default_factory=set)  # the counts whose figure is a vague amount ("dozens", "scores")

    def add_count(self, name: str, value: int, span: Span, *, exact: bool = True, vague: bool = False) -> None:
        """Keep the first figure for a field, unless a later one is exact where it was bounded."""
        known = self.counts.get(name)
        if known is None or (exact and not known[2]):
            self.counts[name] = (value, span, exact)
            if vague:
                self.vague.add(name)
            else:
                self.vague.discard(name)

    def move_injured_to_killed(self, span: Span) -> None:
        """One of the injured died: one injured fewer, one killed."""
        value, injured_span, exact = self.counts["injured"]
        if value > 1:
            self.counts["injured"] = (value - 1, injured_span, exact)
        else:
            del self.counts["injured"]
        self.counts["killed"] = (1, span, True)

    @property
    def key(self) -> str:
        return name_family(self.type) if is_core(self.type) else self.type

    def same_place(self, other: Draft) -> bool:
        if self.place is None or other.place is None:
            return self.place is other.place
        if self.place.name == other.place.name and self.place.country == other.place.country:
            return True
        return holds(self.place, other.place) or holds(other.place, self.place)

    def same_scene(self, other: Draft) -> bool:
        """Both told at the very same place (not one inside the other): a mention at a town joins the
        event told at that town before the event told for the region around it."""
        if self.place is None or other.place is None:
            return self.place is other.place
        return (self.place.name, self.place.country, self.place.precision) == (
            other.place.name, other.place.country, other.place.precision)

    def same_day(self, other: Draft) -> bool:
        """Equal days, or one date unknown or coarser and containing the other ("2031" and "2031-06-10");
        a news day the text does not give the event (``date_soft``) stands for any day of the year
        before it or up to the story's published day ("A man has been detained" in a story
        opening on the attack's day is the arrest told later that week), unless the mention
        brings figures of its own ("second raid in three days ..., injuring 8" is the day's news,
        not the strike told with its own day)."""
        if self.date is None or other.date is None or self.date == other.date:
            return True
        if self.date_soft != other.date_soft:
            soft, hard = (self, other) if self.date_soft else (other, self)
            hard_date, soft_date = (other.date, self.date) if self.date_soft else (self.date, other.date)
            own = any(name not in hard.counts or not hard.agrees(soft, name) for name in soft.counts)
            latest = soft.soft_until if soft.soft_until and soft.soft_until > soft_date else soft_date
            return not own and within_year_before(hard_date, latest)
        return self.date.startswith(other.date) or other.date.startswith(self.date)

    def inside_tally(self, other: Draft) -> bool:
        """An incident told with its own scene and time ("Three strikes on Tuesday hit a market in
        El Fasher") is not the area-wide tally it may belong to ("drone strikes across Darfur killed 35")."""
        if self.wide == other.wide:
            return False
        single = other if self.wide else self
        return single.place_source == "own" and single.timed

    def same_sentence_apart(self, other: Draft) -> bool:
        """Two clauses of one sentence set side by side tell two events."""
        return self.clause[0] == other.clause[0] and self.clause[1] != other.clause[1]

    def refers_back(self) -> bool:
        """A mention with no place or figure of its own: the story's event of its family,
        told again ("the attack has fueled ...", "the epicenter of the earthquake")."""
        if self.counts or not is_core(self.type):
            return False
        if self.place_source == "guess" and (self.definite or not self.strong or self.place is None
                                             or self.place.precision == "country"):
            return True
        return self.definite and (self.place is None or self.place.precision == "country"
                                  or self.place_source != "own")

    def same_counts(self, other: Draft) -> bool:
        """Two different tolls with no day to tie them tell of two incidents ("killed 16" and
        "killed 27"); on the same known day the later toll is an update of the first, unless one
        is told for a whole country and the other for a place in it (a total and its part)."""
        if self.date is not None and self.date == other.date and not self.across_levels(other):
            return True
        return all(self.agrees(other, name) for name in self.counts if name in other.counts)

    def agrees(self, other: Draft, name: str) -> bool:
        """The two figures of a count agree: equal, or one a vague amount the other can be ("dozens
        were injured" and "68 injured")."""
        mine, theirs = self.counts[name][0], other.counts[name][0]
        return (mine == theirs or name in self.vague and theirs >= mine
                or name in other.vague and mine >= theirs)

    def retells(self, told: Draft) -> bool:
        """A definite mention with no day of its own at the very scene of an event of its family told
        before ("police killed two of the raiders in X", "six bodies at the hospital after the clashes
        in X") is that event told again, whatever figure it gives: its figures only fill what the
        event lacks."""
        return self.definite and self.date is None and self.place_source == "own" and self.same_scene(told)

    def joins_across_levels(self, other: Draft) -> bool:
        """A mention told at country level is the event told at a place in that country only when
        it has no time of its own and shares a figure with it, or refers back to it ("the seven
        soldiers killed in the blast"), or the place's mention brings neither a figure nor a time
        of its own ("18 were killed when two trains collided in Egypt" and "the trains collided
        outside Larissa", or "... collided outside Larissa last night"): the country-level toll with
        no time of its own and the town's telling with no toll of its own are one event told twice;
        "earlier this month, 14 were injured" is another."""
        if not self.across_levels(other):
            return True
        coarse, fine = (self, other) if self.place is not None and self.place.precision == "country" else (other, self)
        if coarse.timed:
            return False
        shared = any(fine.counts.get(name, (None,))[0] == value for name, (value, _, _) in coarse.counts.items())
        return shared or (coarse.definite and not coarse.counts) or (
            not fine.counts and fine.place_source == "own" and fine.strong)

    def across_levels(self, other: Draft) -> bool:
        """One is placed at a country, the other at a place inside it."""
        if self.place is None or other.place is None:
            return False
        return (self.place.precision == "country") != (other.place.precision == "country")

    def is_background(self, news_year: int | None) -> bool:
        """A mention of a year before the story's with no scene of its own ("last year's unrest
        started with protests", "the deadliest accident since March 2027 when 41 died"): background, not
        an event the story reports."""
        if news_year is None or self.date is None or not is_core(self.type) or self.place_source == "own":
            return False
        return int(self.date[:4]) < news_year

    def tells_unrest_harm(self) -> bool:
        """Bare harm in a story of protest, read as the unrest's (a weak riot: "two people died in
        a blaze at a looted store"): a part of the unrest's toll told before; its figures only fill."""
        return self.type == "riot" and not self.strong

    def is_detail(self) -> bool:
        """A weak mention with no scene or time of its own that tells of victims ("Two died at the
        scene and a third later in hospital") or gives no figure ("The gunmen escaped"): a detail
        of the event told just before it. "One earlier killed 16" tells an act of its own."""
        return (is_core(self.type) and not self.strong and self.place_source != "own" and not self.timed
                and not self.wide and (self.victims_only or not self.counts))

    def absorb(self, other: Draft, *, fill_only: bool = False) -> None:
        """Take in another mention of this event; ``fill_only``: its figures only fill fields this one lacks."""
        if (self.place is not None and other.place is not None and holds(self.place, other.place)
                and other.place_source in ("own", "paragraph") and other.certainty != "historical"):
            self.place = other.place  # the town inside the region is the finer scene, where a mention puts it
        if not self.strong and other.strong:
            self.type, self.strong, self.trigger = other.type, True, other.trigger
            self.trigger_span, self.sentence_span = other.trigger_span, other.sentence_span
            self.certainty = other.certainty
        if other.date is not None and (self.date is None or self.date_soft and not other.date_soft
                                       or len(other.date) > len(self.date) and self.date_soft == other.date_soft):
            self.date, self.date_end, self.date_span = other.date, other.date_end, other.date_span
            self.date_soft = other.date_soft
        for name, (value, span, exact) in other.counts.items():
            if fill_only and name in self.counts:
                continue
            if (name == "killed" and other.died_subject and "killed" not in self.counts
                    and self.counts.get("injured", (0,))[0] >= 1 and "injured" not in other.counts):
                self.move_injured_to_killed(span)  # "... was shot." then "He died at the hospital."
                continue
            self.add_count(name, value, span, exact=exact, vague=name in other.vague)
        for name, span in other.actors:
            if all(name != known for known, _ in self.actors):
                self.actors.append((name, span))
        for name, span in other.targets:
            if all(name != known for known, _ in self.targets):
                self.targets.append((name, span))
        if other.actor is not None and (self.actor is None or other.actor.rank > self.actor.rank):
            self.actor = other.actor  # the party a mention names outright beats one pointed back to
            self.actor_joined = True
        if other.target is not None and (self.target is None or self.target.rank == 0 < other.target.rank):
            self.target = other.target  # the victims of the first telling stand; a thing hit gives way to people

    def to_event(self, text: str, *, version: str) -> Event:
        start, end = self.sentence_span
        counts = {name: value for name, (value, _, _) in self.counts.items()}
        return Event(
            type=self.type, trigger=self.trigger, trigger_span=self.trigger_span,
            sentence=text[start:end].strip(), sentence_span=self.sentence_span,
            actors=tuple(name for name, _ in self.actors), actor_spans=tuple(span for _, span in self.actors),
            targets=tuple(name for name, _ in self.targets),
            target_spans=tuple(span for _, span in self.targets),
            place=self.place, date=self.date, date_end=self.date_end, date_span=self.date_span,
            killed=counts.get("killed"), injured=counts.get("injured"), arrested=counts.get("arrested"),
            count_spans=tuple((name, span) for name, (_, span, _) in self.counts.items()),
            certainty=self.certainty, core=is_core(self.type), coder_version=version,
            actor=self.actor.party if self.actor is not None else None,
            target=self.target.party if self.target is not None else None)


def within_year_before(date: str, news_day: str) -> bool:
    """The date (day, month or year precision) lies in the twelve months up to the news day."""
    months = int(news_day[:4]) * 12 + int(news_day[5:7]) if len(news_day) >= 7 else None
    if months is None or len(date) < 7:
        return date[:4] in (news_day[:4], str(int(news_day[:4]) - 1))
    gap = months - (int(date[:4]) * 12 + int(date[5:7]))
    return 0 <= gap <= 12 and date[:10] <= news_day[:10]


def holds(region: EventPlace, place: EventPlace) -> bool:
    """A region and a town inside it ("the Voronezh region", "Voronezh") are one scene, and so are a
    state and a county inside it ("Colorado", "Eagle County"), and a country and any place in it
    (one event told at country level and again at its town is one event)."""
    if region.precision == "country" and place.precision != "country":
        return region.country == place.country
    if not (region.precision == "region" and bool(region.admin1) and region.country == place.country
            and region.admin1 == place.admin1):
        return False
    if place.precision == "place":
        return True
    return place.precision == "region" and place.name != region.name and is_admin1(region)


@lru_cache(maxsize=1024)
def is_admin1(region: EventPlace) -> bool:
    """The region is a first-level unit (a state, a province), not a county or district inside one."""
    gazetteer = load_gazetteer()
    row = gazetteer.admin1_rows.get(f"{region.country}.{region.admin1}")
    return row is not None and gazetteer.names[row] == region.name


def merge_drafts(drafts: list[Draft], *, news_date: str | None = None) -> list[Draft]:
    """One draft per family, place and day, in the order the story first tells each; without the
    background of the story (``Draft.is_background``) when its news day is known."""
    news_year = int(news_date[:4]) if news_date else None
    merged: list[Draft] = []
    for draft in fold_updates(fold_details(drafts)):
        joins = [m for m in merged if m.key == draft.key and m.same_place(draft) and m.same_day(draft)
                 and (m.same_counts(draft) or draft.retells(m)) and not m.same_sentence_apart(draft)
                 and not m.inside_tally(draft) and m.joins_across_levels(draft)]
        same = next((m for m in joins if m.same_scene(draft)), joins[0] if joins else None)
        if same is None:
            merged.append(draft)
        else:
            same.absorb(draft, fill_only=draft.retells(same) and not same.same_counts(draft)
                        or draft.tells_unrest_harm())
    merged = absorb_references(merged)
    return [d for d in merged if (d.strong or not is_core(d.type) or d.counts or d.supported)
            and not d.is_background(news_year)]


def fold_updates(drafts: list[Draft]) -> list[Draft]:
    """A toll update ("the death toll rose to 58", "the ministry revised its death toll")
    joins the first event of its family told before it at a place that agrees: its figures are
    the latest and replace the event's; its day (the day of the update) does not."""
    kept: list[Draft] = []
    for draft in drafts:
        told = [m for m in kept if m.key == draft.key and m.certainty != "historical" and not m.update
                and (draft.place is None or m.place is None or m.same_place(draft))]
        if draft.update and draft.counts and name_family(draft.type) in ("violence", "disaster") and told:
            target = told[0]
            for name, (value, span, exact) in draft.counts.items():
                target.counts[name] = (value, span, exact)
                target.vague.discard(name)
                target.vague.update(draft.vague & {name})
        else:
            if draft.update and draft.counts and not draft.timed:
                take_updated_day(draft, kept)
            kept.append(draft)
    return kept


def take_updated_day(draft: Draft, kept: list[Draft]) -> None:
    """An update that stands apart (a place of a breakdown, "he now says 69 have died in X") takes the
    day of the event of its family it updates, told before with a day of its own, not the day
    of the saying its paragraph gave."""
    told = [m for m in kept if m.key == draft.key and m.certainty != "historical" and not m.update
            and m.date is not None and not m.date_soft and len(m.date) == 10]
    if told and draft.date is not None and told[0].date != draft.date:
        draft.date, draft.date_end, draft.date_span = told[0].date, told[0].date_end, told[0].date_span


def fold_details(drafts: list[Draft]) -> list[Draft]:
    """Details (``Draft.is_detail``) join the last event of their family told before them whose
    day agrees; their figures only fill what that event lacks ("Three guards were killed ...
    Two died at the scene and a third later in hospital")."""
    kept: list[Draft] = []
    for draft in drafts:
        told = [m for m in kept if m.key == draft.key and not m.is_detail() and m.same_day(draft)]
        if draft.is_detail() and told:
            told[-1].absorb(draft, fill_only=True)
        else:
            kept.append(draft)
    return kept


def absorb_references(merged: list[Draft]) -> list[Draft]:
    """A mention that refers back (``Draft.refers_back``) joins the story's first event of its
    family whose day agrees and which the text places, rather than standing at a guessed place."""
    kept: list[Draft] = []
    for draft in merged:
        if not draft.refers_back():
            kept.append(draft)
            continue
        targets = [m for m in merged if m is not draft and m.key == draft.key and not m.refers_back()
                   and m.same_day(draft) and (m.strong or m.counts)]
        if not targets:
            kept.append(draft)
            continue
        targets.sort(key=lambda m: (draft.place is None or m.place is None or m.place.country != draft.place.country))
        target = targets[0]
        strong = target.strong
        target.absorb(draft)
        target.strong = strong or draft.strong
    return kept
