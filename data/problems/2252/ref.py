"""Reference for 2252: Kahn's algorithm, always taking the smallest free student (a heap)."""
import heapq
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    out_edges = [[] for _ in range(n + 1)]
    indeg = [0] * (n + 1)
    for j in range(m):
        a, b = t[2 + 2 * j], t[3 + 2 * j]
        out_edges[a].append(b)
        indeg[b] += 1
    heap = [v for v in range(1, n + 1) if indeg[v] == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        v = heapq.heappop(heap)
        order.append(v)
        for w in out_edges[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                heapq.heappush(heap, w)
    return " ".join(map(str, order)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
