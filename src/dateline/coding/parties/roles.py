"""Who did it and to whom, read from the parse around an event's trigger.

    find_roles(tree, start, end, loss=False, interception=False) -> Roles(agents, patients)

Each side is a list of ``Role`` (the token heading the phrase, and how it was found), the
likeliest first. The rules, by the kind of word that heads the trigger:

- a verb: its subject is the agent and its object the patient ("Russia *launched* ...");
  a passive's "by" phrase is the agent and its subject the patient ("were *killed* by ...");
  an "on"/"against"/"at" phrase is a patient ("fired at the port city"); a verb with no
  subject of its own takes the subject of the verb it hangs from ("Russia launched ...,
  *firing* missiles"), and a relative clause the noun it qualifies ("militants who
  *stormed* ..."); the subject of "died" is a victim, and a "when" clause may give the agent;
- a noun: its possessor ("Russia's *attack*"), a name before it ("an RSF *strike*",
  "Israeli *strikes*") or a "by" phrase is the agent, an "on"/"against" phrase the patient;
  the subject of a light verb whose object it is did it ("gunmen *carried out* the attack");
  the subject of a passive it sets the scene for is the victim ("were killed *in* a strike");
- either: the object of a harm verb hung on it is a victim ("..., *killing* 14 people",
  "the attack that *left* 37 people dead"); "between X and Y" gives both sides; what the
  act it hangs from was aimed at ("at", "on", "near", "outside": "blew himself up *near a
  convoy of Somali forces*, killing four") comes before the victims (ACLED's Actor 2 is the
  one aimed at; the one named outright wins over people, naming.py decides);
- a place lost ("``loss``": "withdrew from", "retreated", "fell to"): the subject lost it, a
  "to" phrase took it; so too one who gives himself up ("turned himself in to the police",
  "surrendered to authorities"): the subject is taken, the "to" phrase takes him;
- an interception: its object is what was shot down, a weapon or not.

Which token names a party, and who that is, is decided after (naming.py): a role only
says where in the sentence to look.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .tree import ParseTree
from .words import PartyWords, load_party_words

VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
CLIMB_LIMIT = 4  # verbs to walk up for a subject
AIM_PREPS = frozenset({"near", "outside"})  # where a bomber struck: the one aimed at, beside "at" and "on"


@dataclass(frozen=True, slots=True)
class Role:
    """A phrase of the sentence that may name a party: its head token and how it was found."""

    token: int
    how: str  # subject, by, possessor, modifier, object, preposition, victims, inherited, relative, loser, winner


@dataclass(slots=True)
class Roles:
    """The agents and patients of one trigger, likeliest first (no token twice on a side)."""

    agents: list[Role] = field(default_factory=list)
    patients: list[Role] = field(default_factory=list)

    def add_agent(self, token: int | None, how: str) -> None:
        if token is not None and all(role.token != token for role in self.agents):
            self.agents.append(Role(token, how))

    def add_patient(self, token: int | None, how: str, *, first: bool = False) -> None:
        """``first``: ahead of those found so far (the one aimed at, before the victims)."""
        if token is not None and all(role.token != token for role in self.patients):
            self.patients.insert(0 if first else len(self.patients), Role(token, how))


def find_roles(tree: ParseTree, start: int, end: int, *, loss: bool = False,
               interception: bool = False) -> Roles:
    """The agents and patients of the trigger at [start, end) of the story text."""
    roles = Roles()
    head = tree.find_head(start, end)
    if head is None:
        return roles
    words = load_party_words()
    if tree.is_verb(head):
        read_verb(tree, head, roles, words, interception=interception)
    else:
        read_noun(tree, head, roles, words, interception=interception)
    if tree.lemma(head) in words.loss_verbs or gives_self_up(tree, head):
        swap_loss(tree, head, roles)
    elif loss:
        for token in tree.preps(head, frozenset({"from"})):
            roles.add_patient(token, "loser")  # "retook the village from Russian troops"
    return roles


def read_verb(tree: ParseTree, verb: int, roles: Roles, words: PartyWords, *, interception: bool) -> None:
    """A verb's subject, object and prepositions; a subject borrowed when it has none."""
    if tree[verb].dep == "acl" and tree[verb].tag == "VBN" and tree[tree.head(verb)].pos in NOUNS:
        read_passive(tree, verb, roles, words, subjects=[tree.head(verb)])  # "Three guards wounded in the raid"
    elif tree.is_passive(verb):
        read_passive(tree, verb, roles, words, subjects=tree.subjects(verb))
    elif tree.lemma(verb) in words.suffer_verbs:
        for token in tree.children(verb, "nsubj"):
            roles.add_patient(token, "subject")
        read_cause(tree, verb, roles)
    else:
        read_active(tree, verb, roles, words, interception=interception)
    if not roles.agents and not tree.is_passive(verb):  # a passive's borrowed subject would be its victim
        for token, how in borrow_subject(tree, verb, words):
            if all(role.token != token for role in roles.patients):
                roles.add_agent(token, how)
                if how == "inherited" and tree.lemma(verb) in words.harm_verbs:
                    read_aim(tree, tree.head(token), roles, words)  # "set off his vest beside ..., killing three"
    if not roles.agents:  # "was killed ... in raids by suspected rebels": the doer of the act
        for token in tree.preps(verb, words.setting_preps):
            if tree.lemma(token) in words.weapons:
                roles.add_agent(token, "setting")
    read_victims(tree, verb, roles, words)


def read_passive(tree: ParseTree, verb: int, roles: Roles, words: PartyWords, *, subjects: list[int]) -> None:
    """A passive: its subjects are the ones hit, its "by" phrase the doer."""
    for token in subjects:
        roles.add_patient(token, "subject")
    for token in tree.preps(verb, words.agent_preps):
        roles.add_agent(token, "by")


def read_active(tree: ParseTree, verb: int, roles: Roles, words: PartyWords, *, interception: bool) -> None:
    """An active verb: its subject did it (a bare number before a harm verb is its victims: "nine killed
    and five wounded", the verb elided), its object and "on"/"at" phrases were hit."""
    for token in tree.children(verb, "nsubj"):
        if is_bare_number(tree, token) and tree.lemma(verb) in words.harm_verbs:
            roles.add_patient(token, "subject")
        else:
            roles.add_agent(token, "subject")
    read_objects(tree, verb, roles, words, interception=interception)


def read_objects(tree: ParseTree, verb: int, roles: Roles, words: PartyWords, *, interception: bool) -> None:
    """The object of an active verb and its "on"/"at"/"against" and "with" phrases; a weapon fired is
    no patient ("fired missiles at the city": the city), a weapon shot down is."""
    for token in tree.children(verb, "dobj"):
        if interception or tree.lemma(token) not in words.weapons:
            roles.add_patient(token, "object")
        else:  # "fired a barrage of rockets at X": the "at" may hang on the weapon
            for target in tree.preps(token, words.patient_preps):
                roles.add_patient(target, "preposition")
    for token in tree.preps(verb, words.patient_preps):
        roles.add_patient(token, "preposition")
    for token in tree.preps(verb, words.between_preps):
        roles.add_patient(token, "between")


def read_noun(tree: ParseTree, noun: int, roles: Roles, words: PartyWords, *, interception: bool) -> None:
    """A nominal trigger's possessor, names before it, "by" and "on" phrases, and the verb it hangs from."""
    for token in tree.children(noun, "poss"):
        roles.add_agent(token, "possessor")
    for token in read_modifiers(tree, noun):
        roles.add_agent(token, "modifier")
    for token in tree.preps(noun, words.agent_preps):
        roles.add_agent(token, "by")
    for token in tree.preps(noun, words.patient_preps):
        roles.add_patient(token, "preposition")
    for prep in tree.children(noun, "prep"):
        if tree.lemma(prep) in words.between_preps:
            sides = [token for token in [tree.object_of(prep)] if token is not None]
            sides += [conj for side in sides for conj in tree.conjuncts(side)]
            if tree.lemma(prep) == "between" and len(sides) >= 2:
                roles.add_agent(sides[0], "between")
                roles.add_patient(sides[1], "between")
            elif sides:
                roles.add_patient(sides[0], "between")
    read_victims(tree, noun, roles, words)
    read_governor(tree, noun, roles, words, interception=interception)
    roles.add_agent(noun, "itself")  # "Gunmen on motorcycles attacked ...": the trigger names the doer


def read_modifiers(tree: ParseTree, noun: int) -> list[int]:
    """The words before a noun that may name its doer, its own and its compounds' ("Ukrainian" in
    "Ukrainian drone strikes", where the parse hangs it on "drone"), nearest first."""
    found, todo = [], [noun]
    while todo:
        current = todo.pop(0)
        for token in tree.children(current, "compound", "amod", "nmod"):
            if token < noun and token not in found:
                found.append(token)  # a word of the trigger may name the doer too ("Israeli strikes")
                todo.append(token)
    return found


def read_governor(tree: ParseTree, noun: int, roles: Roles, words: PartyWords, *, interception: bool) -> None:
    """The verb a nominal trigger hangs from: "gunmen *carried out* the attack", "the strike *killed* 5",
    "were killed *in* a strike", "died in an attack"."""
    while tree[noun].dep == "conj" and tree.head(noun) != noun and not tree.is_verb(tree.head(noun)):
        noun = tree.head(noun)  # "launched 300 missiles ... and 3,200 aerial bombs": the first conjunct's verb
    governor, dep = tree.head(noun), tree[noun].dep
    if governor == noun:
        return
    if dep == "dobj" and tree[governor].pos in VERBS and tree.lemma(governor) in words.light_verbs:
        read_light_verb(tree, governor, roles, words)
    elif dep == "nsubjpass" and tree.lemma(governor) in words.light_verbs:
        for token in tree.preps(governor, words.agent_preps):
            roles.add_agent(token, "by")
    elif dep == "nsubj" and tree[governor].pos in VERBS:
        if tree.lemma(governor) in words.harm_verbs | words.leave_verbs:
            for token in tree.children(governor, "dobj"):
                roles.add_patient(token, "victims")
            for token in tree.preps(governor, words.patient_preps):
                roles.add_patient(token, "preposition")
        read_victims(tree, governor, roles, words)
        read_aim(tree, governor, roles, words)
    elif dep == "pobj" and tree.lemma(governor) in words.setting_preps | words.agent_preps:
        read_setting(tree, tree.head(governor), roles, words)


def read_light_verb(tree: ParseTree, verb: int, roles: Roles, words: PartyWords) -> None:
    """"Gunmen *carried out* the attack", "Russia *launched* ... on Odesa": the verb's subject did it."""
    for token in tree.children(verb, "nsubj"):
        roles.add_agent(token, "subject")
    if not roles.agents:
        for token, how in borrow_subject(tree, verb, words):
            roles.add_agent(token, how)
    for token in tree.preps(verb, words.patient_preps):
        roles.add_patient(token, "preposition")
    read_victims(tree, verb, roles, words)


def read_setting(tree: ParseTree, verb: int, roles: Roles, words: PartyWords) -> None:
    """The verb whose harm the trigger sets: its victims, and its doer if it has one."""
    if tree[verb].pos not in VERBS:
        return
    if tree.is_passive(verb):
        for token in tree.subjects(verb):
            roles.add_patient(token, "victims")
    elif tree.lemma(verb) in words.suffer_verbs:
        for token in tree.children(verb, "nsubj"):
            roles.add_patient(token, "victims")
    elif tree.lemma(verb) in words.harm_verbs:
        for token in tree.children(verb, "nsubj"):
            if is_bare_number(tree, token):
                roles.add_patient(token, "victims")
            else:
                roles.add_agent(token, "subject")
        for token in tree.children(verb, "dobj"):
            roles.add_patient(token, "victims")
        for token, how in borrow_subject(tree, verb, words):
            if how == "inherited" and tree.lemma(verb) in words.harm_verbs:
                read_aim(tree, tree.head(token), roles, words)


def read_aim(tree: ParseTree, verb: int, roles: Roles, words: PartyWords) -> None:
    """What the act a harm participle hangs from was aimed at: "A bomber set off his vest *beside a patrol
    of Malian soldiers*, killing three": the forces were the target, the people killed its victims."""
    for token in tree.preps(verb, words.patient_preps | AIM_PREPS):
        roles.add_patient(token, "aim", first=True)


def is_bare_number(tree: ParseTree, token: int) -> bool:
    """A number standing for people without a noun ("five wounded", "Eighteen were shot down")."""
    return tree[token].pos == "NUM" and not tree.children(token, "prep")


def read_victims(tree: ParseTree, word: int, roles: Roles, words: PartyWords) -> None:
    """The objects of harm verbs hung on a trigger: "..., *killing* 14 people", "an attack that
    *left* 37 people dead", "fired missiles ... and *injured* 11"."""
    for clause in tree.children(word, "advcl", "conj", "xcomp", "acl", "relcl"):
        if tree[clause].pos not in VERBS or tree.lemma(clause) not in words.harm_verbs | words.leave_verbs:
            continue
        subject = tree.child(clause, "nsubj")
        if subject is not None and tree.lemma(subject) not in RELATIVE_PRONOUNS:
            continue  # a clause with a doer of its own tells another act
        for token in tree.children(clause, "dobj"):
            if tree.lemma(token) not in words.weapons:
                roles.add_patient(token, "victims")


def read_cause(tree: ParseTree, verb: int, roles: Roles) -> None:
    """"three people died *when* the Kremlin's forces targeted ...": the doer of the clause that says why."""
    for clause in tree.children(verb, "advcl"):
        subject = tree.child(clause, "nsubj")
        if subject is not None and not tree.is_passive(clause):
            roles.add_agent(subject, "cause")


def borrow_subject(tree: ParseTree, verb: int, words: PartyWords) -> list[tuple[int, str]]:
    """The doer of a verb with no subject of its own: the subject of the verb it hangs from
    ("Russia launched ..., firing"), or the noun a relative clause qualifies ("militants who stormed")."""
    current = verb
    for _ in range(CLIMB_LIMIT):
        head, dep = tree.head(current), tree[current].dep
        if head != current and dep in ("relcl", "acl") and tree[head].pos in NOUNS:
            return [(head, "relative")] if qualifies_doer(tree, current) else []
        if head == current or dep not in CLIMB_DEPS or tree[head].pos not in VERBS:
            return []
        subject = tree.child(head, "nsubj")
        if tree.is_passive(head):
            return [(token, "inherited") for token in tree.preps(head, words.agent_preps)[:1]]
        if subject is not None:
            return [] if tree.lemma(head) in words.suffer_verbs else [(subject, "inherited")]
        current = head
    return []


def qualifies_doer(tree: ParseTree, clause: int) -> bool:
    """A relative clause on a noun tells what the noun did ("militants *who stormed*", "gunmen *firing*"),
    unless it has a subject of its own or is passive ("a man *killed* by ...")."""
    subject = tree.child(clause, "nsubj")
    if tree[clause].dep == "relcl":
        return subject is None or tree.lemma(subject) in RELATIVE_PRONOUNS
    return not tree.is_passive(clause)


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def gives_self_up(tree: ParseTree, head: int) -> bool:
    """"turned himself in (to the police)", "gave herself up": the subject is the one taken, as a loser is."""
    return (tree.is_verb(head) and any(tree.word(token).lower() in REFLEXIVES for token in tree.children(head, "dobj"))
            and any(tree.word(token).lower() in ("in", "up", "over") for token in tree.children(head, "prt", "prep")))


def swap_loss(tree: ParseTree, head: int, roles: Roles) -> None:
    """A place lost: the subject lost it (the patient); "fell *to* X": X took it."""
    losers = [role for role in roles.agents if role.how in ("subject", "inherited")]
    winners = [role for role in roles.agents if role not in losers]
    roles.agents = winners
    heads = [head] + tree.children(head, "prt", "prep")  # "turned himself in *to the police*" may hang on "in"
    for prep in (prep for token in heads for prep in tree.children(token, "prep")):
        if tree.lemma(prep) == "to":
            roles.add_agent(tree.object_of(prep), "winner")
    roles.patients = [role for role in roles.patients if role.how != "object"]
    for role in losers:
        roles.add_patient(role.token, "loser")
