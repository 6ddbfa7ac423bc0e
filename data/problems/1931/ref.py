"""Reference for 1931: the earliest-ending meeting first (ties: the earlier start first)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n = t[0]
    meetings = sorted(zip(t[1:1 + 2 * n:2], t[2:2 + 2 * n:2]), key=lambda m: (m[1], m[0]))
    count, free_at = 0, -1
    for start, end in meetings:
        if start >= free_at:
            count += 1
            free_at = end
    return f"{count}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
