"""Brute force for 1463: breadth-first search over the moves from N down to 1."""
import sys


def solve(data: str) -> str:
    n = int(data.split()[0])
    dist = {n: 0}
    frontier = [n]
    while 1 not in dist:
        nxt = []
        for x in frontier:
            for y in ((x // 3,) if x % 3 == 0 else ()) + ((x // 2,) if x % 2 == 0 else ()) + (x - 1,):
                if y >= 1 and y not in dist:
                    dist[y] = dist[x] + 1
                    nxt.append(y)
        frontier = nxt
    return f"{dist[1]}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
