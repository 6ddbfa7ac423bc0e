"""Reference for 2667: BFS from every unvisited house."""
import sys
from collections import deque


def solve(data: str) -> str:
    tokens = data.split()
    n = int(tokens[0])
    grid = [list(row) for row in tokens[1:1 + n]]
    seen = [[False] * n for _ in range(n)]
    sizes = []
    for sr in range(n):
        for sc in range(n):
            if grid[sr][sc] != "1" or seen[sr][sc]:
                continue
            seen[sr][sc] = True
            queue = deque([(sr, sc)])
            count = 0
            while queue:
                r, c = queue.popleft()
                count += 1
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] == "1" and not seen[nr][nc]:
                        seen[nr][nc] = True
                        queue.append((nr, nc))
            sizes.append(count)
    sizes.sort()
    return "\n".join(map(str, [len(sizes)] + sizes)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
