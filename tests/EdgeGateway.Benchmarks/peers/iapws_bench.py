"""Peer for the IAPWS-IF97 benchmark: python3-iapws (an independent IF97 implementation) evaluating specific enthalpy
over the grid the harness wrote, timed inside Python so process start-up does not count.
Usage: /usr/bin/python3 iapws_bench.py GRID_FILE VALUES_OUT MIN_SECONDS
GRID_FILE has one "p_MPa T_K" pair per line. Writes h (kJ/kg) per point to VALUES_OUT (for the cross-check) and
prints one line: evaluations=<n> seconds=<s> evals_per_s=<r>"""
import sys
import time
from iapws import IAPWS97

grid_file, values_out, min_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
grid = [tuple(float(x) for x in line.split()) for line in open(grid_file) if line.strip()]

with open(values_out, "w") as out:
    for p, t in grid:
        out.write(repr(IAPWS97(P=p, T=t).h) + "\n")

evaluations = 0
start = time.perf_counter()
while True:
    for p, t in grid:
        IAPWS97(P=p, T=t).h
    evaluations += len(grid)
    elapsed = time.perf_counter() - start
    if elapsed >= min_seconds:
        break
print(f"evaluations={evaluations} seconds={elapsed:.3f} evals_per_s={evaluations / elapsed:.1f}")
