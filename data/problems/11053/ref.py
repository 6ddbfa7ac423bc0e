"""Reference for 11053: patience sorting, tails[k] = smallest end of an increasing run of k+1."""
import sys
from bisect import bisect_left


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    tails: list[int] = []
    for x in t[1:1 + t[0]]:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return f"{len(tails)}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
