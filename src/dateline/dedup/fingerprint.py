"""Fingerprints of a story body: an exact key and a MinHash signature.

    body ──normalise──▶ words ──▶ body_hash (exact copies share it)
                          └──k-word shingles──▶ MinHash (datasketch) ──▶ signature

Normalising folds what syndication changes without changing the story: case,
accents, typographic quotes and dashes, punctuation and white space. Near copies
(the same wire story under other chrome, or lightly edited) share most of their
word shingles, so the Jaccard similarity their signatures estimate stays high,
while two stories about the same happening written apart share few. The shingle
size and the threshold were chosen by measuring (benchmarks/minhash.py, docs/incidents.md).

Signatures are stored as text (base64 of the 32-bit hash values), so a store keeps
them and a later refresh signs only stories that are new or changed.
"""
from __future__ import annotations

import base64
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch (and scipy under it) loads only when fingerprints are made
    from datasketch import LeanMinHash

from ..models import content_id

DEDUP_VERSION = "dedup-0.1"
SHINGLE_WORDS = 4     # words per shingle
NUM_PERM = 128        # MinHash permutations: Jaccard estimated within about +-0.09 (2 s.d.)
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What grouping needs of one story: its exact key and its signature."""

    body_hash: str
    signature: LeanMinHash = field(compare=False, repr=False)

    def encode_signature(self) -> str:
        return encode_signature(self.signature)


def split_words(text: str) -> list[str]:
    """The words of a text, case-folded and without accents: what copies share."""
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(folded)


def hash_body(text: str) -> str:
    """The exact-copy key: the same words in the same order give the same hash."""
    return content_id(DEDUP_VERSION, " ".join(split_words(text)))


# Multipliers that mix the words of a shingle into one 32-bit value (odd, so no bit is lost).
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C | 1,
                 0xFD7046C5, 0xB55A4F09], dtype=np.uint64)


def hash_shingles(words: Sequence[str], *, size: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct 32-bit hashes of the ``size``-word shingles (a shorter text is one shingle).

    Each word is hashed once (CRC-32) and the words of a shingle are mixed in numpy,
    which is what makes 100,000 documents a matter of seconds rather than minutes.
    """
    if size > len(_MIX):
        raise ValueError(f"shingles of more than {len(_MIX)} words are not supported")
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(words) <= size:
        mixed = (hashed * _MIX[:len(words)]).sum(dtype=np.uint64) if len(words) else np.uint64(0)
        return np.array([int(mixed) & 0xFFFFFFFF], dtype=np.uint64)
    count = len(words) - size + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for j in range(size):
        mixed += hashed[j:j + count] * _MIX[j]
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def _identity(value):
    """The hash function handed to datasketch: shingles arrive already hashed."""
    return value


def fingerprint_texts(texts: Iterable[str], *, size: int = SHINGLE_WORDS,
                      num_perm: int = NUM_PERM) -> list[Fingerprint]:
    """A fingerprint for each text, in order. Texts are read one at a time and only
    their hashes kept, so a long iterable costs its signatures' memory, not its words'."""
    hashes: list[str] = []

    def shingle_all() -> Iterator[np.ndarray]:
        for text in texts:
            words = split_words(text)
            hashes.append(content_id(DEDUP_VERSION, " ".join(words)))
            yield hash_shingles(words, size=size)

    from datasketch import LeanMinHash, MinHash

    signatures = [LeanMinHash(m) for m in MinHash.generator(
        shingle_all(), num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME, hashfunc=_identity)]
    return [Fingerprint(body_hash=body_hash, signature=signature)
            for body_hash, signature in zip(hashes, signatures, strict=True)]


def fingerprint_text(text: str, *, size: int = SHINGLE_WORDS, num_perm: int = NUM_PERM) -> Fingerprint:
    return fingerprint_texts([text], size=size, num_perm=num_perm)[0]


def encode_signature(signature: LeanMinHash) -> str:
    """The signature as text: base64 of its hash values as 32-bit integers."""
    values = np.asarray(signature.hashvalues, dtype=np.uint64)
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def decode_signature(text: str) -> LeanMinHash:
    from datasketch import LeanMinHash

    values = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint64)
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=values, scheme=MINHASH_SCHEME)


def measure_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """The Jaccard similarity of two bodies' shingle sets, as their signatures estimate it."""
    if a.body_hash == b.body_hash:
        return 1.0
    return float(a.signature.jaccard(b.signature))
