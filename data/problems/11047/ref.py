"""Reference for 11047: greedy from the largest coin (optimal when each value divides the next)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, k = t[0], t[1]
    count = 0
    for coin in reversed(t[2:2 + n]):
        count += k // coin
        k %= coin
    return f"{count}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
