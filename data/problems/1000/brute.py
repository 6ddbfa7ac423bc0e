"""Brute force for 1000: count up from A, B times."""
import sys


def solve(data: str) -> str:
    a, b = map(int, data.split())
    total = a
    for _ in range(b):
        total += 1
    return f"{total}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
