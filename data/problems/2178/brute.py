"""Brute force for 2178: relax all cells until nothing changes (Bellman-Ford on the grid)."""
import sys


def solve(data: str) -> str:
    tokens = data.split()
    n, m = int(tokens[0]), int(tokens[1])
    grid = tokens[2:2 + n]
    inf = n * m + 1
    dist = [[inf] * m for _ in range(n)]
    dist[0][0] = 1
    changed = True
    while changed:
        changed = False
        for r in range(n):
            for c in range(m):
                if grid[r][c] != "1":
                    continue
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < n and 0 <= nc < m and dist[nr][nc] + 1 < dist[r][c]:
                        dist[r][c] = dist[nr][nc] + 1
                        changed = True
    return f"{dist[n - 1][m - 1]}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
