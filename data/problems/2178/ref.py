"""Reference for 2178: BFS distances on the grid."""
import sys
from collections import deque


def solve(data: str) -> str:
    tokens = data.split()
    n, m = int(tokens[0]), int(tokens[1])
    grid = tokens[2:2 + n]
    dist = [[0] * m for _ in range(n)]
    dist[0][0] = 1
    queue = deque([(0, 0)])
    while queue:
        r, c = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < n and 0 <= nc < m and grid[nr][nc] == "1" and not dist[nr][nc]:
                dist[nr][nc] = dist[r][c] + 1
                queue.append((nr, nc))
    return f"{dist[n - 1][m - 1]}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
