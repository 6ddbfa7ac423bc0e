"""Reference for 1717: union-find with union by size and path halving."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    out = []
    for j in range(m):
        op, a, b = t[2 + 3 * j], t[3 + 3 * j], t[4 + 3 * j]
        ra, rb = find(a), find(b)
        if op == 1:
            out.append("YES" if ra == rb else "NO")
        elif ra != rb:
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb] = ra
            size[ra] += size[rb]
    return "".join(x + "\n" for x in out)


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
