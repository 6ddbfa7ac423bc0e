"""Reference for 1546: the average of X / M * 100, printed with full precision."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    scores = t[1:1 + t[0]]
    return f"{sum(scores) * 100 / max(scores) / len(scores)!r}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
