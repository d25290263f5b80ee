#!/usr/bin/env python3
"""Summarise reviewers' verdicts: JUDGED_DIR holds one CSV per page with columns
row,subject,kind,topic,stance,confidence,verdict,reason. Prints per page keep/fix/delete,
the delete rate, and precision (keep+fix-topic over all) per confidence band."""
import csv, sys, os, collections
d = sys.argv[1]
tot = collections.Counter(); bands = collections.defaultdict(lambda: [0, 0])
for f in sorted(os.listdir(d)):
    if not f.endswith('.csv'): continue
    c = collections.Counter()
    for r in csv.DictReader(open(os.path.join(d, f), newline='')):
        v = r['verdict'].strip()
        c[v] += 1; c['rows'] += 1
        b = bands[r['confidence'][:3]]
        b[1] += 1
        if v in ('keep', 'fix-topic'): b[0] += 1
    tot.update(c)
    print(f"{f[:-4]:32} rows {c['rows']:4} keep {c['keep']:4} fix-topic {c['fix-topic']:3} delete {c['delete']:3}")
n = tot['rows'] or 1
print(f"TOTAL rows {tot['rows']} keep {tot['keep']} fix-topic {tot['fix-topic']} delete {tot['delete']} = {100*tot['delete']//n}% to delete")
for k in sorted(bands, reverse=True):
    g, a = bands[k]
    print(f"  confidence {k}: {a:4} rows, precision {g/a:.2f}")
