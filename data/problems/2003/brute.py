"""Brute force for 2003: every (i, j) pair with prefix sums."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    prefix = [0]
    for x in t[2:2 + n]:
        prefix.append(prefix[-1] + x)
    count = sum(prefix[j] - prefix[i] == m for i in range(n) for j in range(i + 1, n + 1))
    return f"{count}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
