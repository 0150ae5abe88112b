"""Direct quotes in one parsed story and who said them.

    text ──marks.find_quoted──▶ quoted stretches (any glyphs, unbalanced handled)
         ──attribution──▶ speaker, in this order:
            1. a speech verb outside the quote in the sentences it touches, nearest first
               ("..., he said"; "Ruiz said ... “...”"; "tweeted condolences, saying “...”"),
               its subject taken from the verb or, for "adding"/"saying", from the
               speech verb it hangs on; the noun a participle describes ("showed
               protesters chanting “...”"); right after the quote, the object the parser
               took for the subject (“...,” read the notice issued by X);
            2. a subject outside the quote whose verb the quote holds
               (The two ministers “renewed our ...”);
            3. "according to X" in the same sentence;
            4. the speaker of the previous quote in the same or the previous paragraph
               (“...,” he said. “More words.”);
            5. for words in the first person standing as sentences of their own, the
               person who opens the next sentence (“We lost everything.” Ana Ruiz, ...).
         ──speaker──▶ canonical name: a person's full name; "he" the last person;
            "it" the last group; "the ministry" the earlier ministry; "the post" whoever
            issued the post ("the notice issued by X": X); otherwise the noun phrase ("Israeli military").
"""
from __future__ import annotations

import bisect
import logging

from dateline.nlp.entities import build_index
from dateline.nlp.entity_index import SUBJECT_DEPS, Cluster, EntityIndex, Nominal, Referent, read_nominal
from dateline.nlp.lexicon import (FIRST_PERSON, PRONOUNS_GROUP, PRONOUNS_PERSON, document_nouns, person_nouns,
                                  role_groups, speech_verbs, title_words)
from dateline.nlp.marks import QuotedStretch, join_parts, split_paragraphs
from dateline.nlp.records import Quote
from dateline.nlp.speakers import (Speaker, find_appositive_name, find_issuer, find_subject, find_titled_name,
                                   is_known_role)

log = logging.getLogger(__name__)

MAX_AUTHOR_HOPS = 3  # "the post said" -> who posted it -> ... at most this many hops


def extract_quotes(doc, *, text: str | None = None, index: EntityIndex | None = None) -> list[Quote]:
    """The quotes of one story body (a spaCy Doc of paragraphs joined by blank lines).

    ``text``: the story as written, when the doc was parsed from its copy with
    normalised marks (``marks.normalise_marks``); ``index``: a prebuilt EntityIndex.
    """
    index = index if index is not None else build_index(doc, text=text)
    if not index.stretches:
        return []
    reader = AttributionReader(doc, index)
    quotes: list[Quote] = []
    for stretch in index.stretches:
        speaker = reader.find_speaker(stretch)
        if speaker is None:
            speaker = reader.inherit_speaker(stretch, quotes)
        if speaker is None:
            speaker = reader.find_next_speaker(stretch)
        first, last = reader.sentence_of(stretch.start), reader.sentence_of(stretch.end - 1)
        quotes.append(Quote(
            text=join_parts(index.text, stretch.parts), text_span=(stretch.start, stretch.end),
            speaker=speaker[0] if speaker else None, speaker_span=speaker[1] if speaker else None,
            direct=True, sentence_span=(first.start_char, last.end_char), parts=stretch.parts,
            balanced=stretch.balanced))
    return quotes


class AttributionReader:
    """Finds the speaker of each quoted stretch of one doc."""

    def __init__(self, doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.paragraph_starts = [start for start, _ in split_paragraphs(index.text)]
        self.inside = index.inside
        self.speech = speech_verbs()

    def sentence_of(self, char: int):
        return self.sentences[max(0, bisect.bisect_right(self.sentence_starts, char) - 1)]

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def is_inside(self, token) -> bool:
        return bool(self.inside[token.i])

    def find_speaker(self, stretch: QuotedStretch) -> Speaker | None:
        sentences = {id(s): s for s in (self.sentence_of(stretch.start), self.sentence_of(stretch.end - 1))}
        tokens = [t for s in sentences.values() for t in s if not self.is_inside(t)]
        verbs = [t for t in tokens if t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX")]
        verbs.sort(key=lambda t: distance(t, stretch))
        for verb in verbs:
            subject = find_subject(verb, self.speech) or self.find_inverted_subject(verb, stretch)
            if subject is not None and not self.is_inside(subject):
                speaker = self.name_speaker(subject)
                if speaker is not None:
                    return speaker
        speaker = self.find_quoted_predicate(stretch)
        if speaker is not None:
            return speaker
        for token in tokens:
            if token.lower_ == "according" and token.i + 2 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                obj = next((c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self.name_speaker(obj)
        return None

    def find_inverted_subject(self, verb, stretch: QuotedStretch):
        """The speaker the parser took for an object when the verb comes right after the
        quote: “...,” read the statement issued by X; “...,” said the officer."""
        end = stretch_end_token(self.doc, stretch)
        if verb.i < end or not all(t.is_punct or t.is_space for t in self.doc[end:verb.i]):
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                     and (c.lemma_.lower() in document_nouns() | person_nouns() or c.pos_ == "PROPN")), None)

    def find_quoted_predicate(self, stretch: QuotedStretch) -> Speaker | None:
        """The subject outside the quote of a verb inside it: They “reiterated our ...”."""
        span = self.doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
        if span is None:
            return None
        for token in span:
            if token.pos_ != "VERB" or not self.is_inside(token):
                continue
            if token.head.i != token.i and self.is_inside(token.head):
                continue  # not the top of the quoted words
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and not self.is_inside(subject):
                return self.name_speaker(subject)
        return None

    def inherit_speaker(self, stretch: QuotedStretch, quotes: list[Quote]) -> Speaker | None:
        """The speaker of the quote before, when it is in this paragraph or the one before."""
        last = quotes[-1] if quotes else None
        if last is None or last.speaker is None or last.speaker_span is None:
            return None
        here = self.paragraph_of(last.text_span[1])
        previous = self.paragraph_of(last.text_span[0])
        current = self.paragraph_of(stretch.start)
        if current - here <= 1 or current - previous <= 1:
            return last.speaker, last.speaker_span
        return None

    def find_next_speaker(self, stretch: QuotedStretch) -> Speaker | None:
        """The person who opens the next sentence, for words in the first person that stand as
        sentences of their own: “We lost everything.” Ana Ruiz, a farmer, watched ..."""
        text = self.index.text
        words = join_parts(text, stretch.parts).rstrip()
        before = text[:stretch.start].rstrip(" \t“\"«‘'″")
        if not words.endswith((".", "!", "?")) or (before and not before.endswith((".", "!", "?", "\n"))):
            return None  # words quoted inside a sentence: the attribution steps had their turn
        span = self.doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
        if span is None or not any(t.lower_ in FIRST_PERSON for t in span):
            return None
        first = next((t for t in self.doc[span.end:] if not (t.is_punct or t.is_space)), None)
        if first is None or self.is_inside(first):
            return None
        head = first
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        following = head.sent
        if head.dep_ not in SUBJECT_DEPS or any(first.idx < other.start < following.end_char
                                                 for other in self.index.stretches):
            return None  # no one opens the next sentence, or they are brought in for their own quote
        person = self.person_in(head)
        if person is not None:
            return person.name, self.mention_span(head, person)
        return find_appositive_name(head)

    def name_speaker(self, token, *, depth: int = 0) -> Speaker | None:
        """The canonical name of the speaker the subject token stands for.

        ``depth`` counts hops through "the statement said" to whoever issued the
        statement; the hops stop after MAX_AUTHOR_HOPS, so chains of documents
        citing documents end instead of recursing without bound.
        """
        lower = token.lower_
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_GROUP:
            referent = self.index.antecedents.get(token.i)
            return (name_referent(referent), (token.idx, token.idx + len(token))) if referent is not None else None
        person = self.person_in(token)
        if person is not None:
            return person.name, self.mention_span(token, person)
        named = find_appositive_name(token)
        if named is not None:
            return named
        return self.name_nominal(token, read_nominal(self.doc, token, self.index.text), depth=depth)

    def name_nominal(self, token, nominal: Nominal, *, depth: int) -> Speaker:
        """The speaker a subject without a name of its own stands for: a person named by
        surname, whoever issued "the statement", the group or role holder it names, an
        earlier fuller name of the same group, else the noun phrase itself."""
        known = self.index.person_named(token.text) if token.pos_ == "PROPN" else None
        if known is not None:
            return known.name, nominal.span
        if token.lemma_.lower() in document_nouns():
            issuer = find_issuer(token)
            named = self.name_speaker(issuer, depth=depth + 1) if issuer is not None else None
            if named is not None:
                return named
            author = self.find_author(token, depth=depth)
            if author is not None:
                return author
        cluster = self.index.by_token.get(token.i)
        if cluster is None:
            cluster = self.find_role_holder(token)
        if cluster is not None:
            return cluster.name, nominal.span
        titled = find_titled_name(self.doc, token, self.index) if is_known_role(token) else None
        if titled is not None:
            return titled
        earlier = self.find_earlier_group(token, nominal)
        return (earlier or nominal.text), nominal.span

    def find_role_holder(self, token) -> Cluster | None:
        """The person named before with this role as their title: "the governor" said, after
        "Governor Konstantinos Agorastos" or "Irshad Bhatti, a government spokesman"."""
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in person_nouns() | title_words():
            return None
        roles = role_groups().get(lemma, frozenset({lemma}))
        # "a witness" brings someone new: only a name given after it can be theirs
        fresh = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children)
        best: tuple[int, Cluster] | None = None
        for cluster in self.index.clusters:
            if cluster.type != "PERSON" or not cluster.title:
                continue
            if not roles & {word.lower().rstrip(".,") for word in cluster.title.split()}:
                continue
            # the nearest mention before the role noun; a name given only later ("A witness said ...",
            # then "the witness, Lars Hauge, said") ranks after every earlier one
            before = [m.span[0] for m in cluster.mentions if m.span[0] < token.idx]
            if fresh and before:
                continue
            rank = max(before) if before else -min(m.span[0] for m in cluster.mentions)
            if best is None or rank > best[0]:
                best = (rank, cluster)
        return best[1] if best else None

    def person_in(self, token) -> Cluster | None:
        """A person the subject is, or is in apposition with ("The chief ..., Sergei Naryshkin,")."""
        children = sorted((c for c in token.children if c.dep_ in ("appos", "compound", "flat")),
                          key=lambda c: c.dep_ != "appos")  # "Kolsk leader, Ana Berg," : the name in apposition
        for candidate in (token, *children):
            cluster = self.index.by_token.get(candidate.i)
            if cluster is not None and cluster.type == "PERSON":
                return cluster
        # "the head of the regional council, Ana Ilieva," : the name may hang on the last noun of the phrase
        for candidate in token.subtree:
            if candidate.dep_ == "appos" and candidate.i > token.i:
                cluster = self.index.by_token.get(candidate.i)
                if cluster is not None and cluster.type == "PERSON":
                    return cluster
        return None

    def mention_span(self, token, cluster: Cluster) -> tuple[int, int]:
        for mention in cluster.mentions:
            if mention.span[0] <= token.idx < mention.span[1]:
                return mention.span
        return token.idx, token.idx + len(token)

    def find_author(self, token, *, depth: int = 0) -> Speaker | None:
        """Who issued the post/statement: the subject of the sentence that last mentioned one."""
        if depth >= MAX_AUTHOR_HOPS:
            return None
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[: token.i]):
            if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
                root = earlier.sent.root
                subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.i not in (earlier.i, token.i) and not self.is_inside(subject):
                    return self.name_speaker(subject, depth=depth + 1)
                return None
        return None

    def find_earlier_group(self, token, nominal: Nominal) -> str | None:
        """For a bare "the ministry": the fuller name of the same head said earlier."""
        if len(nominal.text.split()) > 1:
            return None
        lemma = token.lemma_.lower()
        for cluster in reversed(self.index.clusters):
            if (cluster.type == "ORG" and cluster.name.split()[-1].lower() in (lemma, token.lower_)
                    and cluster.mentions and cluster.mentions[0].span[0] < token.idx):
                return cluster.name
        same_role = role_groups().get(lemma, frozenset({lemma}))  # "the spokesperson" is the spokeswoman named before
        for earlier in reversed(self.doc[: token.i]):
            acts = earlier.dep_ in SUBJECT_DEPS or (earlier.dep_ == "pobj" and earlier.head.dep_ == "agent")
            if earlier.lemma_.lower() in same_role and acts and earlier.i != token.i:
                fuller = read_nominal(self.doc, earlier, self.index.text).text
                if len(fuller.split()) > 1:
                    return fuller
        return None


def stretch_end_token(doc, stretch: QuotedStretch) -> int:
    """The index of the first token after the quoted stretch (its closing mark included)."""
    span = doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
    return span.end if span is not None else len(doc)


def distance(token, stretch: QuotedStretch) -> int:
    if token.idx >= stretch.end:
        return token.idx - stretch.end
    if token.idx < stretch.start:
        return stretch.start - token.idx - len(token)
    return 0


def name_referent(referent: Referent) -> str:
    return referent.name if isinstance(referent, Cluster) else referent.text
