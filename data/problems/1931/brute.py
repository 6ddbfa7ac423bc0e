"""Brute force for 1931: interval-scheduling DP, best[i] over the first i meetings by end time."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n = t[0]
    meetings = sorted(zip(t[1:1 + 2 * n:2], t[2:2 + 2 * n:2]), key=lambda m: (m[1], m[0]))
    best = [0] * (n + 1)
    for i, (start, _end) in enumerate(meetings, start=1):
        j = i - 1
        while j > 0 and meetings[j - 1][1] > start:
            j -= 1
        best[i] = max(best[i - 1], best[j] + 1)
    return f"{best[n]}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
