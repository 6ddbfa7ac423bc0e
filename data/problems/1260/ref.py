"""Reference for 1260: iterative DFS (smallest neighbour first) and BFS."""
import sys
from collections import deque


def solve(data: str) -> str:
    tokens = list(map(int, data.split()))
    n, m, v = tokens[0], tokens[1], tokens[2]
    adj = [set() for _ in range(n + 1)]
    for i in range(m):
        a, b = tokens[3 + 2 * i], tokens[4 + 2 * i]
        adj[a].add(b)
        adj[b].add(a)
    adj = [sorted(s) for s in adj]
    seen = [False] * (n + 1)
    dfs = []
    stack = [v]
    while stack:
        x = stack.pop()
        if seen[x]:
            continue
        seen[x] = True
        dfs.append(x)
        stack.extend(reversed(adj[x]))
    seen = [False] * (n + 1)
    seen[v] = True
    bfs = []
    queue = deque([v])
    while queue:
        x = queue.popleft()
        bfs.append(x)
        for y in adj[x]:
            if not seen[y]:
                seen[y] = True
                queue.append(y)
    return " ".join(map(str, dfs)) + "\n" + " ".join(map(str, bfs)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
