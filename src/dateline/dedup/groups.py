"""Story groups: exact copies by body hash, near copies by MinHash LSH.

    stories (in order) ──body_hash──▶ exact copies joined
        ──LSH (datasketch MinHashLSH) candidates──▶ verified by estimated Jaccard ≥ threshold
        ──union-find──▶ groups; a group's id is its first story's id

A story joins a group when it shares a body hash with one of its members or when
its signature is similar enough to one member's (single link through verified
pairs). Only one signature per distinct body enters the LSH index, so a hundred
exact copies cost one insertion. The input order decides which story is "first"
(the store gives stories in the order it stored them).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from .fingerprint import NUM_PERM, Fingerprint

log = logging.getLogger(__name__)

# Near-copy threshold on estimated Jaccard of 4-word shingle sets. Measured on synthetic
# edits (benchmarks/minhash.py --check): other chrome, a changed headline, a wire copy cut
# after most paragraphs or a few words changed stay above 0.5; different stories of the same
# incident (GVC pool) stay below 0.3 save a few rewrites of one wire text. See docs/incidents.md.
NEAR_DUPLICATE_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class StoryPrint:
    """One story to group: the caller's key, its content id and its fingerprint."""

    key: str
    story_id: str
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Stories told by one text: exact or near copies. ``keys[0]`` is the first story."""

    group_id: str
    keys: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.keys)


class _UnionFind:
    """Disjoint sets over 0..n-1; the root of a set is its smallest member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            self.parent[high] = low


def group_stories(stories: Sequence[StoryPrint], *, threshold: float = NEAR_DUPLICATE_THRESHOLD,
                  num_perm: int = NUM_PERM) -> list[StoryGroup]:
    """Every story in exactly one group, groups in the order of their first story."""
    union = _UnionFind(len(stories))
    first_with_body: dict[str, int] = {}
    for i, story in enumerate(stories):
        seen = first_with_body.setdefault(story.fingerprint.body_hash, i)
        if seen != i:
            union.join(seen, i)
    distinct = sorted(first_with_body.values())
    if len(distinct) > 1 and threshold < 1.0:
        join_near_copies(stories, distinct, union, threshold=threshold, num_perm=num_perm)
    members: dict[int, list[int]] = {}
    for i in range(len(stories)):
        members.setdefault(union.find(i), []).append(i)
    groups = [StoryGroup(group_id=stories[root].story_id, keys=tuple(stories[i].key for i in found))
              for root, found in sorted(members.items())]
    log.debug("%d stories in %d groups", len(stories), len(groups))
    return groups


def join_near_copies(stories: Sequence[StoryPrint], distinct: Sequence[int], union: _UnionFind, *,
                     threshold: float, num_perm: int) -> int:
    """Join stories whose signatures LSH pairs and whose estimated Jaccard reaches ``threshold``."""
    from datasketch import MinHashLSH  # loaded on first use: the CLI starts without it

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    joined = 0
    with lsh.insertion_session() as session:
        for i in distinct:
            session.insert(i, stories[i].fingerprint.signature, check_duplication=False)
    for i in distinct:
        signature = stories[i].fingerprint.signature
        for j in lsh.query(signature):
            if j > i and signature.jaccard(stories[j].fingerprint.signature) >= threshold:
                union.join(i, j)
                joined += 1
    return joined
