"""Brute force for pairs: every pair, listed in input order (another order than ref's)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n = t[0]
    a = t[1:1 + n]
    x = t[1 + n]
    found = [f"{min(p, q)} {max(p, q)}" for i, p in enumerate(a) for q in a[i + 1:] if p + q == x]
    return "".join(line + "\n" for line in [str(len(found))] + found)


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
