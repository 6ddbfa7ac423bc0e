"""Brute force for 11404: Dijkstra-free relaxation (Bellman-Ford) from every city."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    edges = [(t[2 + 3 * j] - 1, t[3 + 3 * j] - 1, t[4 + 3 * j]) for j in range(m)]
    out = []
    for s in range(n):
        dist = [None] * n
        dist[s] = 0
        for _ in range(n):
            for a, b, c in edges:
                if dist[a] is not None and (dist[b] is None or dist[a] + c < dist[b]):
                    dist[b] = dist[a] + c
        out.append(" ".join(str(x or 0) for x in dist))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
