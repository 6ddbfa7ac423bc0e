"""Reference for 4963: BFS with 8 neighbours per map."""
import sys
from collections import deque


def solve(data: str) -> str:
    it = iter(data.split())
    out = []
    while True:
        w, h = int(next(it)), int(next(it))
        if w == 0 and h == 0:
            break
        grid = [[int(next(it)) for _ in range(w)] for _ in range(h)]
        count = 0
        for sr in range(h):
            for sc in range(w):
                if grid[sr][sc] != 1:
                    continue
                count += 1
                grid[sr][sc] = 0
                queue = deque([(sr, sc)])
                while queue:
                    r, c = queue.popleft()
                    for dr in (-1, 0, 1):
                        for dc in (-1, 0, 1):
                            nr, nc = r + dr, c + dc
                            if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] == 1:
                                grid[nr][nc] = 0
                                queue.append((nr, nc))
        out.append(count)
    return "\n".join(map(str, out)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
