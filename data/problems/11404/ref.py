"""Reference for 11404: Floyd-Warshall over rows (min of row i with row k shifted by d[i][k])."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    inf = float("inf")
    d = [[inf] * n for _ in range(n)]
    for i in range(n):
        d[i][i] = 0
    for j in range(m):
        a, b, c = t[2 + 3 * j] - 1, t[3 + 3 * j] - 1, t[4 + 3 * j]
        if c < d[a][b]:
            d[a][b] = c
    for k in range(n):
        dk = d[k]
        for i in range(n):
            dik = d[i][k]
            if dik == inf:
                continue
            row = d[i]
            d[i] = [x if x <= dik + y else dik + y for x, y in zip(row, dk)]
    return "".join(" ".join("0" if x == inf else str(x) for x in row) + "\n" for row in d)


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
