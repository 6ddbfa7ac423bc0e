"""Brute force for 1753: Bellman-Ford (V rounds of relaxing every edge)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    v, e, k = t[0], t[1], t[2]
    edges = [(t[3 + 3 * i], t[4 + 3 * i], t[5 + 3 * i]) for i in range(e)]
    dist = [None] * (v + 1)
    dist[k] = 0
    for _ in range(v):
        changed = False
        for a, b, w in edges:
            if dist[a] is not None and (dist[b] is None or dist[a] + w < dist[b]):
                dist[b] = dist[a] + w
                changed = True
        if not changed:
            break
    return "\n".join("INF" if x is None else str(x) for x in dist[1:]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
