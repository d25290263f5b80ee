#!/usr/bin/env python3
"""Rows a reviewer would delete, measured on new drafts: each row of DRAFTDIR/PAGE.csv
(as `bench/real_draft.sh dev DRAFTDIR` writes them) is matched with the reviewers'
verdicts on earlier drafts of the page (tests/fixtures/real/scored-2026-12-0[78]*/judged*,
the latest set per page) by subject, kind, line, topic and stance, else subject, kind,
line and topic, else subject, kind and line. Prints per page and in total the rows
that match a kept (or fix-topic) row, a deleted one, both, or none, and the precision
per confidence band of the matched rows (kept / matched).
Usage: bench/judged_match.py DRAFTDIR [-v: list the matched deletes] [-g: by kind and confidence]"""
import csv, glob, os, sys, collections
R=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'real')
sets=[('a','scored-2026-12-07/judged','scored-2026-12-07/drafts'),
      ('b','scored-2026-12-07-b/judged','scored-2026-12-07-b/drafts'),
      ('bdev','scored-2026-12-07-b/judged-dev','scored-2026-12-07-b/drafts-dev'),
      ('c','scored-2026-12-07-c/judged','scored-2026-12-07-c/drafts'),
      ('d','scored-2026-12-08/judged','scored-2026-12-08/drafts')]
judged={}  # page -> list of dicts (latest set wins)
for tag,j,d in sets:
    for f in sorted(glob.glob(f'{R}/{j}/*.csv')):
        page=os.path.basename(f)[:-4]
        dr=list(csv.DictReader(open(f'{R}/{d}/{page}.csv')))
        L=[]
        for v in csv.DictReader(open(f)):
            r=dict(dr[int(v['row'])-1]); r['verdict']=v['verdict']; r['reason']=v['reason']; L.append(r)
        judged[page]=L
def keys(r):
    """The keys a row is matched by, surest first."""
    k=(r['subject'],r['kind'],r['line_start'])
    return [k+(r['topic'],r['stance']), k+(r['topic'],), k]

def matched(page):
    """Each row of the new draft of `page` with its verdict (ok, delete, mixed,
    unmatched) and the first matched judged row; nothing when it was not drafted."""
    f=f'{out}/{page}.csv'
    if not os.path.exists(f): return
    idx=collections.defaultdict(list)
    for j in judged[page]:
        for k in keys(j): idx[k].append(j)
    for r in csv.DictReader(open(f)):
        hit=next((idx[k] for k in keys(r) if k in idx), None)
        if hit is None:
            yield r,'unmatched',None; continue
        vs=set('delete' if x['verdict']=='delete' else 'ok' for x in hit)
        yield r,(vs.pop() if len(vs)==1 else 'mixed'),hit[0]

out=sys.argv[1]; verbose='-v' in sys.argv
tot=collections.Counter(); band=collections.defaultdict(collections.Counter)
groups=collections.defaultdict(collections.Counter)
dels=[]
for page in sorted(judged):
    pc=collections.Counter()
    for r,v,hit in matched(page):
        pc[v]+=1; pc['rows']+=1
        band[r['confidence']][v]+=1
        groups[(r['kind'],r['confidence'],'vs' if r['versus'] else '-', 'new' if r['category'] else 'known')][v]+=1
        if v=='delete': dels.append((page,r,hit['reason']))
    if not pc: continue
    tot.update(pc)
    print(f"{page:28} rows {pc['rows']:4} ok {pc['ok']:4} delete {pc['delete']:3} mixed {pc['mixed']:2} unmatched {pc['unmatched']:3}")
print(f"TOTAL rows {tot['rows']} ok {tot['ok']} delete {tot['delete']} mixed {tot['mixed']} unmatched {tot['unmatched']}: delete rate {tot['delete']/tot['rows']:.3f} (matched-only {tot['delete']/max(1,tot['ok']+tot['delete']):.3f})")
for b in sorted(band, reverse=True):
    c=band[b]; m=c['ok']+c['delete']
    print(f"  confidence {b}: rows {sum(c.values()):4} matched {m:4} precision {c['ok']/m if m else 0:.2f}  (unmatched {c['unmatched']}, mixed {c['mixed']})")
if verbose:
    for page,r,reason in dels:
        print(f"D {page[:16]:16} {r['subject'][:12]:12} {r['kind'][:5]} {r['topic'][:20]:20} {r['confidence']} L{r['line_start']} | {reason[:70]} | {r['quote'][:60]!r}")
if '-g' in sys.argv:
    for k in sorted(groups):
        c=groups[k]; m=c['ok']+c['delete']
        print(k, dict(c), f"prec {c['ok']/m:.2f}" if m else '')
