"""The parse of a story as plain records, for the event coder's roles (who did it, to whom).

    read_parse(doc) -> (ParsedToken(start, end, lemma, pos, dep, head, ent, tag), ...)

One record per token that is not white space, in order, with character offsets into the
text that was parsed and its head as an index into the same tuple: the coder finds the
subject of a verb or the possessor of a noun without any spaCy object leaving ``nlp/``.
The attributes are read from the doc's arrays at once and their strings looked up once
per distinct value, not once per token.
"""
from __future__ import annotations

from dateline.models import ParsedToken


def read_parse(doc) -> tuple[ParsedToken, ...]:
    """Every token of a parsed doc but white space, with its head's index among them."""
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, POS, TAG

    if not len(doc):
        return ()
    rows = doc.to_array([LEMMA, POS, DEP, ENT_TYPE, IS_SPACE, IDX, LENGTH, TAG]).tolist()
    # HEAD is stored relative to the token, in an unsigned array: read it back as signed offsets
    heads = [index + offset for index, offset in enumerate(doc.to_array([HEAD]).astype("int64").tolist())]
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key] if key else ""
        return found

    kept = [index for index, row in enumerate(rows) if not row[4]]
    position = {index: number for number, index in enumerate(kept)}
    tokens = []
    for index in kept:
        lemma, pos, dep, ent, _, start, length, tag = rows[index]
        tokens.append(ParsedToken(start=start, end=start + length, lemma=name(lemma), pos=name(pos), dep=name(dep),
                                  head=position.get(heads[index], position[index]), ent=name(ent), tag=name(tag)))
    return tuple(tokens)
