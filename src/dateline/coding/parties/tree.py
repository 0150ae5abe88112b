"""A story's parse as a tree the party coder walks: heads, children, phrases, by token index.

    tree = ParseTree(text, parse)        once per story (the parse: nlp/'s ParsedToken records)
    tree.find_head(start, end)           the token that heads the words at these offsets
    tree.children(i, "nsubj")            a token's children with these dependencies
    tree.phrase(i)                       (first, last) token of the noun phrase headed by token i
    tree.span_text(first, last)          its words as written

Everything is read from the records the NLP stage made (character offsets, lemmas,
universal parts of speech, dependency labels, head indices); no spaCy object is needed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...models import ParsedToken

# the dependents that belong to a noun's phrase on its left ("the Islamic State group", "Russia's army")
LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "npadvmod",
                       "advmod", "predet", "punct"})
# on its right: "affiliate in Yemen", "citizens of Tajikistan", "forces loyal to ..."; and "for"
# after a proper name ("the Union for the Defence of the River Valley")
RIGHT_PREPS = frozenset({"of", "in", "from", "loyal"})
# the dependencies of a noun: a word the tagger calls a verb is a noun where it stands in one
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "dative", "compound", "poss"})
PHRASE_WIDTH = 10  # words at most in a phrase read as a name


class ParseTree:
    """The tokens of one story's parse with each one's children, in the story's text."""

    def __init__(self, text: str, parse: Sequence[ParsedToken]) -> None:
        self.text = text
        self.tokens = parse
        self.starts = [token.start for token in parse]
        self._children: list[list[int]] = [[] for _ in parse]
        for index, token in enumerate(parse):
            if token.head != index:
                self._children[token.head].append(index)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, index: int) -> ParsedToken:
        return self.tokens[index]

    def within(self, start: int, end: int) -> range:
        """The tokens that start inside the character offsets [start, end)."""
        return range(bisect_left(self.starts, start), bisect_right(self.starts, end - 1))

    def find_head(self, start: int, end: int) -> int | None:
        """The token heading the words at [start, end): the one whose head lies outside them,
        a verb before a noun ("firing ballistic missiles": firing; "missile strike": strike)."""
        inside = self.within(start, end)
        if not inside:
            return None
        tops = [i for i in inside if self.tokens[i].head not in inside or self.tokens[i].head == i]
        if not tops:
            return inside[-1]
        verbs = [i for i in tops if self.is_verb(i)]
        return verbs[0] if verbs else tops[-1]

    def is_verb(self, index: int) -> bool:
        """A verb as used: "strikes" tagged a verb but standing as an object ("by drone strikes") is a noun."""
        token = self.tokens[index]
        return token.pos in ("VERB", "AUX") and token.dep not in NOMINAL_DEPS

    def children(self, index: int, *deps: str) -> list[int]:
        """The children of a token, all or those with one of ``deps``, in order."""
        found = self._children[index]
        return [i for i in found if self.tokens[i].dep in deps] if deps else list(found)

    def child(self, index: int, *deps: str) -> int | None:
        found = self.children(index, *deps)
        return found[0] if found else None

    def head(self, index: int) -> int:
        return self.tokens[index].head

    def is_root(self, index: int) -> bool:
        return self.tokens[index].head == index

    def lemma(self, index: int) -> str:
        return self.tokens[index].lemma.lower()

    def word(self, index: int) -> str:
        token = self.tokens[index]
        return self.text[token.start:token.end]

    def is_passive(self, verb: int) -> bool:
        """A passive verb: "were killed", or a bare participle read as one ("Five soldiers wounded in ...")."""
        children = self._children[verb]
        if any(self.tokens[i].dep in ("nsubjpass", "auxpass") for i in children):
            return True
        return (self.tokens[verb].tag == "VBN" and not any(self.tokens[i].dep == "aux" for i in children)
                and any(self.tokens[i].dep == "nsubj" for i in children))

    def subjects(self, verb: int) -> list[int]:
        """The subjects of a verb: its nsubj, or its nsubjpass (and a bare participle's nsubj) when passive."""
        return self.children(verb, "nsubjpass", "nsubj") if self.is_passive(verb) else self.children(verb, "nsubj")

    def object_of(self, prep: int) -> int | None:
        """The object of a preposition ("on" -> "Odesa")."""
        return self.child(prep, "pobj", "pcomp")

    def preps(self, index: int, words: frozenset[str]) -> list[int]:
        """The objects of a token's prepositions that are among ``words`` ("attack *on* X" -> X)."""
        found = []
        for prep in self.children(index, "prep", "agent", "dative"):
            if self.lemma(prep) in words or self.tokens[prep].dep == "agent" and "by" in words:
                target = self.object_of(prep)
                if target is not None:
                    found.append(target)
        return found

    def conjuncts(self, index: int) -> list[int]:
        """The tokens coordinated with this one ("X and Y": Y for X), in order."""
        found, todo = [], self.children(index, "conj")
        while todo:
            current = todo.pop(0)
            found.append(current)
            todo = self.children(current, "conj") + todo
        return found

    def phrase(self, index: int) -> tuple[int, int]:
        """(first, last) token of the noun phrase headed by ``index``: its determiners, modifiers
        and possessor on the left, an "of"/"in"/"from" phrase on the right; at most PHRASE_WIDTH words."""
        first = last = index
        todo = [i for i in self._children[index] if i < index and self.tokens[i].dep in LEFT_DEPS]
        while todo:
            current = todo.pop()
            first = min(first, current)
            todo += [i for i in self._children[current] if i < current and self.tokens[i].dep in LEFT_DEPS]
        proper = self.tokens[index].pos == "PROPN"
        for prep in self.children(index, "prep", "amod"):
            if prep > index and (self.lemma(prep) in RIGHT_PREPS or proper and self.lemma(prep) == "for"):
                target = self.object_of(prep)
                if target is not None:
                    last = max(last, self._rightmost(target))
        while first < index and self.tokens[first].dep in ("punct", "case", "cc"):
            first += 1
        if last - first >= PHRASE_WIDTH:
            last = max(index, first + PHRASE_WIDTH - 1)
        return first, last

    def _rightmost(self, index: int) -> int:
        right = index
        for child in self._children[index]:
            if child > index and self.tokens[child].dep not in ("relcl", "acl", "punct", "cc", "conj", "appos"):
                right = max(right, self._rightmost(child))
        return right

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start:self.tokens[last].end]

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last].end

    def sentence_of(self, index: int) -> range:
        """The tokens of the sentence that holds ``index`` (its root's subtree, by walking up heads)."""
        root = index
        seen = 0
        while not self.is_root(root) and seen < len(self.tokens):
            root, seen = self.head(root), seen + 1
        first = last = root
        todo = [root]
        while todo:
            current = todo.pop()
            first, last = min(first, current), max(last, current)
            todo += self._children[current]
        return range(first, last + 1)
