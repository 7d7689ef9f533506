"""Shuffle the reference lists of PDQ articles: in each list scope, a random permutation
renumbers markers, anchors and entries together (ranges written out as lists, entries moved
with their continuation lines), so every marker still cites the same entry. `compare` checks
that every marker of one folder cites the same entry texts as in another.

  pdq_shuffle.py shuffle SRC DST     pdq_shuffle.py compare SRC OTHER
"""
import os, random, re, sys

REFS = re.compile(r"(?m)^#{1,6} +References *\n\n(\d+\. .*\n?(?:[^\n]+\n?)*)")
GROUP = re.compile(r"\[(\[\d+\]\(#cit/[^)]*\)(?:\s*[,\-\u2013]\s*\[\d+\]\(#cit/[^)]*\))*)\]")
ITEM = re.compile(r"\[(\d+)\]\((#cit/[^)]*?)(\d+)\)")

def scopes(text):
    """(scope_start, list_start, list_end, entries {n: text}) per list, in order."""
    out, start = [], 0
    for m in REFS.finditer(text):
        entries = {}
        last = None
        for line in m.group(1).splitlines():
            if re.match(r"\d+\. ", line):
                n, _, t = line.partition(". ")
                last = int(n)
                entries[last] = t
            else:
                entries[last] += "\n" + line
        out.append((start, m.start(1), m.end(1), entries))
        start = m.end(1)
    return out

def numbers(group):
    items = list(ITEM.finditer(group))
    nums = []
    for k, it in enumerate(items):
        n = int(it.group(1))
        if k and re.search(r"[-\u2013]", group[items[k-1].end():it.start()]):
            nums.extend(range(nums[-1] + 1, n))
        nums.append(n)
    return nums, items

def resolve(text):
    sc = scopes(text)
    res = []
    for m in GROUP.finditer(text):
        s = next((x for x in sc if x[0] <= m.start() < x[2]), None)
        nums, _ = numbers(m.group(1))
        res.append(sorted(set(s[3].get(n, f"?{n}") if s else f"?{n}" for n in nums)))
    return res

def shuffle(text, rng):
    out, pos = [], 0
    for (s0, l0, l1, entries) in scopes(text):
        keys = sorted(entries)
        perm = keys[:]
        rng.shuffle(perm)
        pi = dict(zip(keys, perm))
        body = text[pos:l0]
        def sub(m):
            nums, items = numbers(m.group(1))
            prefix = items[0].group(2)
            return "[" + ",".join(f"[{pi.get(n, n)}]({prefix}{pi.get(n, n)})" for n in nums) + "]"
        out.append(GROUP.sub(sub, body))
        new_entries = sorted((pi[n], t) for n, t in entries.items())
        lst = "\n".join(f"{n}. {t}" for n, t in new_entries)
        if text[l1-1:l1] == "\n":
            lst += "\n"
        out.append(lst)
        pos = l1
    out.append(text[pos:])
    return "".join(out)

if __name__ == "__main__":
    cmd, src, dst = sys.argv[1:4]
    rng = random.Random(19)
    names = sorted(n for n in os.listdir(src) if n.endswith(".md"))
    if cmd == "shuffle":
        os.makedirs(dst, exist_ok=True)
        for n in names:
            t = open(os.path.join(src, n), encoding="utf-8").read()
            s = shuffle(t, rng)
            assert resolve(s) == resolve(t), n
            open(os.path.join(dst, n), "w", encoding="utf-8").write(s)
    else:  # compare: every marker of dst cites what it cites in src
        bad = changed = 0
        for n in names:
            a = open(os.path.join(src, n), encoding="utf-8").read()
            b = open(os.path.join(dst, n), encoding="utf-8").read()
            changed += a != b
            if resolve(a) != resolve(b):
                bad += 1
                print("DIFFERENT:", n)
        print(f"files={len(names)} differing_from_src={changed} markers_citing_other_sources_in={bad}")
