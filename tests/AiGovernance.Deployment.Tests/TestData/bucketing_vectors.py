"""Reference vectors for StableBucketing, computed with hashlib (outside .NET).

h = int.from_bytes(sha256((unit_id + "\n" + salt).encode("utf-8")).digest()[:8], "little")
fraction = h / 2**64; sub_bucket = h % 4096 (the low 12 bits: the unit's sub-bucket)
Run: /usr/bin/python3 bucketing_vectors.py > bucketing_vectors.json
"""
import hashlib
import json

cases = [
    ("", ""),
    ("user-1", "rollout-a"),
    ("user-2", "rollout-a"),
    ("user-1", "rollout-b"),
    ("12345", "fraud-model-v2"),
    ("alice@example.com", "checkout"),
    ("Zoë", "ümlaut-salt"),
    ("用户", "实验"),
    ("emoji-\U0001F680", "s"),
    ("tab\tand\nnewline", "salt with spaces"),
    ("x" * 255, ""),
    ("y" * 200, "z" * 55),
    ("long-" + "q" * 600, "over-the-stack-limit"),
    ("é" * 300, "multibyte-long"),
]
for i in range(40):
    cases.append((f"unit-{i:05d}", "vectors"))

out = []
for unit_id, salt in cases:
    digest = hashlib.sha256((unit_id + "\n" + salt).encode("utf-8")).digest()
    h = int.from_bytes(digest[:8], "little")
    out.append({"unitId": unit_id, "salt": salt, "hash64": str(h), "fraction": h / 2**64, "subBucket": h % 4096})

print(json.dumps(out, ensure_ascii=False, indent=1))
