"""Reference for 1753: Dijkstra with a binary heap."""
import heapq
import sys


def solve(data: str) -> str:
    t = data.split()
    v, e, k = int(t[0]), int(t[1]), int(t[2])
    adj = [[] for _ in range(v + 1)]
    for i in range(e):
        a, b, w = int(t[3 + 3 * i]), int(t[4 + 3 * i]), int(t[5 + 3 * i])
        adj[a].append((b, w))
    inf = float("inf")
    dist = [inf] * (v + 1)
    dist[k] = 0
    heap = [(0, k)]
    while heap:
        d, a = heapq.heappop(heap)
        if d > dist[a]:
            continue
        for b, w in adj[a]:
            if d + w < dist[b]:
                dist[b] = d + w
                heapq.heappush(heap, (d + w, b))
    return "\n".join("INF" if x == inf else str(x) for x in dist[1:]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
