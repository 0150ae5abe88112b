"""The event coder's parties: each mention's doer and the one hit, then what the story leaves unsaid.

    cast = read_cast(text, parse, places=..., context=...)     once per story (coding/parties/)
    read_parties(cast, trigger_type, start, end, located)      -> Sides of one mention
    settle_parties(drafts, cast)                               after the story's drafts merge

A mention's parties come from the parse (coding/parties/: roles, then names). When drafts
merge, the best-named party of their mentions is kept (``Draft.absorb``). Then, for the
whole story, in this order:

1. a claim of responsibility ("The Islamic State affiliate ... claimed it carried out the
   attack") gives its claimant to the story's acts of violence that name no doer of their own,
   or only one that a later mention brought when it joined the event ("Thursday's bombing came a
   week after a U.S. airstrike ...": the airstrike's doer is not the bombing's);
2. the kind follows the event (ACLED's rules): a protester in a riot is a rioter and a rioter
   in a protest a protester; the people an arrest takes are civilians unless the text
   names their group; a crowd or civilians never carry out an act of violence;
3. what the text leaves unsaid takes the type's usual parties, at the event's country:
   a protest's or riot's crowd against the state's forces; an arrest by the police of
   civilians; an interception by the forces of the country the weapons flew over, of the
   forces the story names as the other side; a disaster hits civilians and has no doer;
   an act of violence against people hits civilians; an attack, bombing or abduction that
   names no doer was done by an unidentified armed group; a fight that names one side has
   the state's forces of the place on the other;
4. a generic party (civilians, gunmen, security forces) takes the event's country;
5. a state's forces acting in another country keep their own country and stay state forces
   where the story shows their state at war with that country (the other side acts against
   them, or they are hit in their own country) or the two are listed at war
   (data/conflict_dyads.csv); else they are external forces (ACLED's external/other);
6. a relation (a statement, a meeting, a demand) keeps only the parties the text names;
7. the one an arrest takes for an act of violence the story tells (a suspected perpetrator, one
   held on suspicion of carrying it out) is on the side of its doer (``hold_for_act``).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...event_types import is_core, name_family
from ...models import ParsedToken, Party
from ..parties import Named, Sides, StoryCast, StoryPlace, find_parties, find_state, load_dyads, name_state
from ..places import PlaceContext
from .clauses import is_definite
from .lexicon import load_event_lexicon
from .scenes import Located
from .triggers import find_triggers

if TYPE_CHECKING:
    from .merge import Draft

VIOLENT_ACTS = frozenset({"attack", "bombing", "abduction"})  # ground acts whose unnamed doers are "gunmen"
STATE_ROLES = {"security forces": "military", "police": "police"}  # generic forces -> the state's row
CARRIED = frozenset({"air_drone_strike", "missile_artillery", "armed_clash"})  # acts of war: the doer told before
CROWDS = frozenset({"protesters", "rioters", "civilians"})
HELD_SIDES = frozenset({"rebels", "political_militia", "identity_militia"})  # armed groups an arrest may take
ARMED = frozenset({"state_forces", "rebels", "political_militia", "identity_militia", "external_other"})


def read_cast(text: str, parse: Sequence[ParsedToken], *, places: Sequence[Located],
              context: PlaceContext) -> StoryCast:
    """The story's cast: its parse, the actors it names and the places it names."""
    found = [StoryPlace(start, end, place.country, place.precision == "country")
             for start, end, place in places if start >= 0]
    return StoryCast(text, parse, places=found, countries=context.countries)


def read_parties(cast: StoryCast, trigger_type: str, start: int, end: int, located: Located | None) -> Sides:
    """The parties of one mention: its trigger at [start, end) of the story text, set at ``located``."""
    country = located[2].country if located is not None else None
    return find_parties(cast, start, end, family=name_family(trigger_type), country=country,
                        loss=trigger_type == "territory_change")


def settle_parties(drafts: Sequence[Draft], cast: StoryCast) -> None:
    """Claims, kinds, defaults and countries for the story's merged drafts (the module's rules)."""
    claims = [d.actor for d in drafts if d.type == "claim_responsibility" and d.actor is not None
              and d.actor.party.kind in ARMED]
    crowds = {d.place.country for d in drafts if name_family(d.type) in ("protest", "riot") and d.place is not None}
    carried: Draft | None = None  # the last act of violence whose doer the text names
    for draft in drafts:
        family = name_family(draft.type)
        country = draft.place.country if draft.place is not None else None
        if family == "violence" and claims and (draft.actor is None or draft.actor.rank < 3 or draft.actor_joined):
            draft.actor = claims[0]
        if (family == "violence" and draft.actor is None and draft.type in CARRIED and carried is not None
                and carried.place is not None and carried.place.country == country):
            draft.actor = carried.actor  # "Israeli strikes across Gaza ... Two strikes on Wednesday ..."
        draft.actor = fit_actor(draft.actor, family)
        draft.target = fit_target(draft.target, draft.type, family, protest=country in crowds)
        draft.actor, draft.target = fill_defaults(draft, family, country, cast, crowd=country in crowds)
        draft.actor = place_party(draft.actor, country)
        draft.target = place_party(draft.target, country)
        if not is_core(draft.type):  # a relation (a statement, a meeting): only parties the text names
            draft.actor = draft.actor if draft.actor is not None and draft.actor.rank >= 2 else None
            draft.target = draft.target if draft.target is not None and draft.target.rank >= 2 else None
        named = draft.actor
        if family == "violence" and named is not None and named.rank >= 2 and named.party.kind in ARMED:
            carried = draft
    for draft in drafts:
        country = draft.place.country if draft.place is not None else None
        if name_family(draft.type) == "arrest":
            draft.target = hold_for_act(draft, drafts, cast.text) or draft.target
        if name_family(draft.type) == "interception" and draft.target is None:
            draft.target = find_attacker(drafts, country, draft.actor) or cast.find_enemy(country)
        draft.actor = judge_foreign(draft.actor, country, drafts)
        draft.target = judge_foreign(draft.target, country, drafts)


def hold_for_act(arrest: Draft, drafts: Sequence[Draft], text: str) -> Named | None:
    """The one an arrest takes for an act of violence the story tells ("arrested the suspected
    attackers of a convoy ...", "a woman held on suspicion of involvement in the bombing") is on the side
    of that act's doer (rule 7): the named armed group that did it, else an unidentified armed group
    of the arrest's country; none when the doer is a state's forces. The act is the one told in the
    arrest's sentence, else the story's first act of violence."""
    cue = load_event_lexicon().cues.get("culprit")
    start, end = arrest.sentence_span
    if cue is None or cue.search(text[start:end].lower()) is None:
        return None
    acts = [d for d in drafts if d is not arrest and is_core(d.type) and name_family(d.type) == "violence"]
    act = next((d for d in acts if d.sentence_span == arrest.sentence_span), None)
    sentence = text[start:end]
    told_here = any(name_family(t.type) == "violence" and not is_definite(sentence, t.start, t.text)
                    for t in find_triggers(sentence))  # "of an attack that ...", not "the attack" told before
    if act is None and not told_here:
        act = acts[0] if acts else None  # "arrested on suspicion of taking part": the story's act
        if act is None:
            return None
    doer = act.actor if act is not None else None  # an act told only here has no doer known
    if doer is not None and doer.rank >= 2 and doer.party.kind in HELD_SIDES:
        return doer
    if doer is not None and not (doer.party.kind == "political_militia" and doer.rank < 2):
        return None
    country = arrest.place.country if arrest.place is not None else None
    held = arrest.target
    return Named(Party("unidentified armed group", "political_militia", country, None),
                 held.text if held is not None else "", held.span if held is not None else (0, 0), rank=1,
                 generic=True)


def fit_actor(named: Named | None, family: str) -> Named | None:
    """The doer's kind as the event has it (rule 2 of the module)."""
    if named is None or family == "disaster":
        return None
    kind = named.party.kind
    if family == "riot" and kind in ("protesters", "civilians"):
        return rekind(named, "rioters")
    if family == "protest" and kind in ("rioters", "civilians"):
        return rekind(named, "protesters")
    if family in ("violence", "territory_change", "interception", "abduction", "arrest") and kind in CROWDS:
        return None
    return named


def fit_target(named: Named | None, event_type: str, family: str, *, protest: bool) -> Named | None:
    """The one hit, as the event has it: the people an arrest takes are civilians (protesters in a
    story of protest) unless the text names their group; ground is lost by the armed only."""
    if named is None:
        return None
    kind = named.party.kind
    if family == "arrest" and kind not in ARMED | {"protesters", "rioters"}:
        return rekind(named, "protesters" if protest else "civilians")
    if event_type == "territory_change" and kind not in ARMED:
        return None
    return named


def fill_defaults(draft: Draft, family: str, country: str | None, cast: StoryCast, *,
                  crowd: bool = False) -> tuple[Named | None, Named | None]:
    """The type's usual parties where the text names none (rule 3 of the module); ``crowd``: the story
    tells of a protest or riot in the event's country, whose people an arrest takes."""
    actor, target = draft.actor, draft.target
    if family in ("protest", "riot"):
        if actor is not None and actor.party.kind == "state_forces" and target is not None and \
                target.party.kind in CROWDS:
            actor, target = rekind(target, "protesters" if family == "protest" else "rioters"), actor
        actor = actor or inferred("protesters" if family == "protest" else "rioters",
                                  "protesters" if family == "protest" else "rioters", country)
        target = target or state_or_generic(country, "police")
    elif family == "arrest":
        actor = actor or state_or_generic(country, "police")
        target = target or inferred("protesters" if crowd else "civilians", "protesters" if crowd else "civilians",
                                    country)
    elif family == "interception":
        actor = actor or state_or_generic(country, "military")
    elif family == "disaster":
        target = target or inferred("civilians", "civilians", country)
    elif draft.type in ("armed_clash", "territory_change"):
        if actor is None and target is None:
            actor = cast.find_enemy(country)
            target = state_or_generic(country, "military") if actor is not None else None
        elif target is None and actor is not None:
            target = other_side(actor, country, cast)
        elif actor is None and target is not None:
            actor = other_side(target, country, cast)
    elif family in ("violence", "abduction"):
        if actor is None and (draft.type in VIOLENT_ACTS or family == "abduction"):
            actor = inferred("unidentified armed group", "political_militia", None)
        target = target or inferred("civilians", "civilians", country)
    return actor, target


def find_attacker(drafts: Sequence[Draft], country: str | None, defender: Named | None) -> Named | None:
    """Who fired what an interception stopped: the doer of a strike the story sets in the same
    country who is not the defender's side ("a militia fired rockets at a border town ... most were intercepted")."""
    own = defender.party.country if defender is not None else country
    for draft in drafts:
        place = draft.place.country if draft.place is not None else None
        actor = draft.actor
        if (name_family(draft.type) == "violence" and place == country and actor is not None
                and actor.party.kind in ARMED and actor.party.country != own):
            return actor
    return None


def other_side(named: Named, country: str | None, cast: StoryCast) -> Named | None:
    """The other side of a fight that names one: the state's forces of the place against a
    foreign force or an armed group; the foreign forces the story names most against the state."""
    party = named.party
    if party.kind not in ARMED:
        return None
    if party.kind == "state_forces" and party.country in (None, country):
        return cast.find_enemy(country)
    if country is None:
        return None
    return state_or_generic(country, "military")


def state_or_generic(country: str | None, role: str) -> Named:
    """The state's forces of the country (its military or police), else generic security forces."""
    return name_state(country, role) or inferred("security forces" if role == "military" else "police",
                                                 "state_forces", country)


def inferred(name: str, kind: str, country: str | None) -> Named:
    """A party the text does not name, which the event's type implies."""
    return Named(Party(name, kind, country, None), "", (0, 0), rank=0, generic=True)


def rekind(named: Named, kind: str) -> Named:
    party = named.party
    return Named(Party(party.name, kind, party.country, party.span), named.text, named.span, named.rank,
                 named.generic)


def place_party(named: Named | None, country: str | None) -> Named | None:
    """A generic party without a country of its own takes the event's (rule 4); unidentified armed
    groups stay without one, as ACLED writes them."""
    if named is None or named.party.country is not None or not named.generic or country is None:
        return named
    if named.party.kind == "political_militia" and named.party.name.startswith("unidentified"):
        return named
    party = named.party
    state = find_state(country, STATE_ROLES[party.name]) if party.name in STATE_ROLES else None
    name = state.name if state is not None else party.name  # "police" in Kenya: the Police Forces of Kenya
    return Named(Party(name, party.kind, country, party.span), named.text, named.span, named.rank, named.generic)


def judge_foreign(named: Named | None, country: str | None, drafts: Sequence[Draft]) -> Named | None:
    """State forces acting in another country: state forces at war there, else external (rule 5)."""
    if named is None or named.party.kind != "state_forces" or country is None:
        return named
    own = named.party.country
    if own is None or own == country or at_war(own, country, drafts):
        return named
    return rekind(named, "external_other")


def at_war(own: str, host: str, drafts: Sequence[Draft]) -> bool:
    """Whether the story shows ``own``'s forces at war in ``host``: the host's side acts against
    ``own``, or ``own`` is hit at home; or the two states are listed at war."""
    if frozenset((own, host)) in load_dyads():
        return True
    for draft in drafts:
        place = draft.place.country if draft.place is not None else None
        actor = draft.actor.party if draft.actor is not None else None
        target = draft.target.party if draft.target is not None else None
        if actor is not None and actor.country == host and target is not None and target.country == own:
            return True
        if place == own and actor is not None and actor.country == host:
            return True
    return False
