"""Reference for 1463: f(n) = min(f(n//2) + n%2, f(n//3) + n%3) + 1, memoised (O(log² n) states).

Subtracting 1 only pays off on the way to a multiple of 2 or 3, so only n//2 and n//3 matter.
"""
import sys
from functools import lru_cache


@lru_cache(maxsize=None)
def steps(n: int) -> int:
    if n <= 1:
        return 0
    if n <= 3:
        return 1
    return min(steps(n // 2) + n % 2, steps(n // 3) + n % 3) + 1


def solve(data: str) -> str:
    return f"{steps(int(data.split()[0]))}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
