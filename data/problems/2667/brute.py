"""Brute force for 2667: union-find over all adjacent pairs (a different algorithm than ref)."""
import sys


def solve(data: str) -> str:
    tokens = data.split()
    n = int(tokens[0])
    grid = tokens[1:1 + n]
    parent = list(range(n * n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for r in range(n):
        for c in range(n):
            if grid[r][c] != "1":
                continue
            for nr, nc in ((r + 1, c), (r, c + 1)):
                if nr < n and nc < n and grid[nr][nc] == "1":
                    parent[find(nr * n + nc)] = find(r * n + c)
    counts = {}
    for r in range(n):
        for c in range(n):
            if grid[r][c] == "1":
                root = find(r * n + c)
                counts[root] = counts.get(root, 0) + 1
    sizes = sorted(counts.values())
    return "\n".join(map(str, [len(sizes)] + sizes)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
