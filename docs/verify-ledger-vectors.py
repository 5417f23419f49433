#!/usr/bin/env python3
"""An independent check of Custodia's ledger format, written from docs/ledger-format.md alone.

Usage: python3 docs/verify-ledger-vectors.py src/test/resources/ledger-vectors
Needs only the standard library, plus the 'cryptography' package for the Ed25519 signature.
"""
import base64, hashlib, json, sys
from pathlib import Path


def canon(value):
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canon(value[k])
                              for k in sorted(value, key=lambda k: k.encode("utf-16-be"))) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canon(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def leaf(data): return hashlib.sha256(b"\x00" + data).digest()
def node(l, r): return hashlib.sha256(b"\x01" + l + r).digest()


def root(leaves):
    if not leaves: return hashlib.sha256(b"").digest()
    if len(leaves) == 1: return leaves[0]
    k = 1
    while k * 2 < len(leaves): k *= 2
    return node(root(leaves[:k]), root(leaves[k:]))


def path(m, leaves):
    if len(leaves) <= 1: return []
    k = 1
    while k * 2 < len(leaves): k *= 2
    return path(m, leaves[:k]) + [root(leaves[k:])] if m < k else path(m - k, leaves[k:]) + [root(leaves[:k])]


def subproof(m, leaves, whole):
    n = len(leaves)
    if m == n: return [] if whole else [root(leaves)]
    k = 1
    while k * 2 < n: k *= 2
    return subproof(m, leaves[:k], whole) + [root(leaves[k:])] if m <= k \
        else subproof(m - k, leaves[k:], False) + [root(leaves[:k])]


def main(directory):
    d = Path(directory)
    entries = d.joinpath("entries.jsonl").read_text("utf-8").splitlines()
    for i, line in enumerate(entries):
        assert canon(json.loads(line)) == line, f"entry {i} is not canonical"
        assert json.loads(line)["seq"] == i
    leaves = [leaf(e.encode("utf-8")) for e in entries]
    for line in d.joinpath("leaf-hashes.txt").read_text().splitlines():
        i, h = line.split()
        assert leaves[int(i)].hex() == h, f"leaf {i}"
    for line in d.joinpath("roots.txt").read_text().splitlines():
        n, h = line.split()
        assert root(leaves[:int(n)]).hex() == h, f"root {n}"
    for line in d.joinpath("inclusion-proofs.txt").read_text().splitlines():
        m, n, *proof = line.split()
        assert [p.hex() for p in path(int(m), leaves[:int(n)])] == proof, f"inclusion {m} {n}"
    for line in d.joinpath("consistency-proofs.txt").read_text().splitlines():
        m, n, *proof = line.split()
        m, n = int(m), int(n)
        expected = [] if m in (0, n) else [p.hex() for p in subproof(m, leaves[:n], True)]
        assert expected == proof, f"consistency {m} {n}"
    name, key_id, key = d.joinpath("verifier-key.txt").read_text().strip().split("+", 2)
    raw = base64.b64decode(key)
    assert raw[0] == 1 and hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() == key_id
    note = d.joinpath("checkpoint.txt").read_text("utf-8")
    body, signatures = note.split("\n\n", 1)
    origin, size, root_b64 = body.split("\n")
    assert origin == name and base64.b64decode(root_b64) == root(leaves[:int(size)])
    signature = base64.b64decode(signatures.strip().split(" ")[2])
    assert signature[:4].hex() == key_id
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    Ed25519PublicKey.from_public_bytes(raw[1:]).verify(signature[4:], (body + "\n").encode("utf-8"))
    print(f"ledger vectors verified: {len(entries)} entries, root {root_b64}, signature by {name}")


if __name__ == "__main__":
    main(sys.argv[1])
