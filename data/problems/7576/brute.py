"""Brute force for 7576: simulate day by day over the whole grid."""
import sys


def solve(data: str) -> str:
    tokens = data.split()
    m, n = int(tokens[0]), int(tokens[1])
    grid = [list(map(int, tokens[2 + r * m:2 + (r + 1) * m])) for r in range(n)]
    days = 0
    while True:
        ripen = [(r, c) for r in range(n) for c in range(m) if grid[r][c] == 0 and any(
            0 <= r + dr < n and 0 <= c + dc < m and grid[r + dr][c + dc] == 1
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))]
        if not ripen:
            break
        for r, c in ripen:
            grid[r][c] = 1
        days += 1
    left = any(v == 0 for row in grid for v in row)
    return f"{-1 if left else days}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
