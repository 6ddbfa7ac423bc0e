"""Reference for 1920: sort A once, binary search each query."""
import sys
from bisect import bisect_left


def solve(data: str) -> str:
    t = data.split()
    n = int(t[0])
    a = sorted(map(int, t[1:1 + n]))
    m = int(t[1 + n])
    out = []
    for q in map(int, t[2 + n:2 + n + m]):
        i = bisect_left(a, q)
        out.append("1" if i < n and a[i] == q else "0")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
