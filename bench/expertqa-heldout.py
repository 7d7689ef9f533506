#!/usr/bin/env python3
"""Held-out ExpertQA answers for `score.py uncited --data`: the test split, never used here.

score.py's own `uncited` data is ExpertQA's dev split. The test split of the same dataset
(Malaviya et al., NAACL 2024; MIT licence) measures the same thing on answers nobody tuned
for. It is not stored in this repository; build it from a checkout of
github.com/chaitanyamalaviya/ExpertQA:

    python3 bench/expertqa-heldout.py EXPERTQA/data/lfqa/domain_test.jsonl > /tmp/eqa-test.jsonl
    python3 ../shared/eval/score.py uncited --bin target/release/citelint --data /tmp/eqa-test.jsonl

Every system's answer to each question becomes one record in score.py's format (answer,
numbered references from its attribution list, each claim with its markers and the experts'
worthiness label). Questions that also appear in the dev data are left out.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "shared", "eval", "data", "expertqa-dev.jsonl")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dev = set()
    if os.path.exists(DEV):
        dev = {json.loads(line)["question"].strip() for line in open(DEV, encoding="utf-8")}
    kept = skipped = 0
    for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        rec = json.loads(line)
        if rec["question"].strip() in dev:
            skipped += 1
            continue
        for system, ans in rec["answers"].items():
            text = ans.get("answer_string") or ""
            refs = []
            for a in ans.get("attribution") or []:
                m = re.match(r"\[(\d+)\]\s*(\S+)", a)
                if m:
                    refs.append({"n": int(m.group(1)), "source": m.group(2)})
            if not text or not refs or not ans.get("claims"):
                continue
            claims = [
                {
                    "text": c["claim_string"],
                    "markers": [int(n) for n in re.findall(r"\[(\d+)\]", c["claim_string"])],
                    "worthiness": c.get("worthiness"),
                }
                for c in ans["claims"]
            ]
            out = {"id": f"eqa-test-{i}-{system}", "question": rec["question"], "answer": text,
                   "references": refs, "claims": claims}
            print(json.dumps(out))
            kept += 1
    print(f"{kept} answers; {skipped} questions left out (in the dev data)", file=sys.stderr)


if __name__ == "__main__":
    main()
