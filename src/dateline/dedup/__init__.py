"""Duplicates: exact copies of a story by the hash of its normalised body, near
copies (syndicated with other chrome, lightly edited) by MinHash LSH. Each story
ends in one group whose id is its first story's id.

    fingerprint.py  normalised words, body hash, MinHash signature (stored as text)
    groups.py       exact and near copies joined into StoryGroups
"""
from __future__ import annotations

from .fingerprint import (DEDUP_VERSION, Fingerprint, decode_signature, encode_signature, fingerprint_text,
                          fingerprint_texts, hash_body, measure_similarity)
from .groups import NEAR_DUPLICATE_THRESHOLD, StoryGroup, StoryPrint, group_stories

__all__ = ["DEDUP_VERSION", "NEAR_DUPLICATE_THRESHOLD", "Fingerprint", "StoryGroup", "StoryPrint",
           "decode_signature", "encode_signature", "fingerprint_text", "fingerprint_texts", "group_stories",
           "hash_body", "measure_similarity"]
