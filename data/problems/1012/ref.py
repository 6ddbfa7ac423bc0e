"""Reference for 1012: BFS over each field."""
import sys
from collections import deque


def solve(data: str) -> str:
    it = iter(data.split())
    out = []
    for _ in range(int(next(it))):
        m, n, k = int(next(it)), int(next(it)), int(next(it))
        cab = set()
        for _ in range(k):
            cab.add((int(next(it)), int(next(it))))
        groups = 0
        while cab:
            groups += 1
            queue = deque([cab.pop()])
            while queue:
                x, y = queue.popleft()
                for p in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if p in cab:
                        cab.remove(p)
                        queue.append(p)
        out.append(groups)
    return "\n".join(map(str, out)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
