"""Brute force for 1546: exact fractions, each score rescaled one by one, printed to 6 places."""
import sys
from fractions import Fraction


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    scores = t[1:1 + t[0]]
    top = max(scores)
    avg = sum(Fraction(x, top) * 100 for x in scores) / len(scores)
    return f"{float(avg):.6f}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
