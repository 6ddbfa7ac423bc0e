"""Brute force for 1920: scan the whole list for every query."""
import sys


def solve(data: str) -> str:
    t = data.split()
    n = int(t[0])
    a = [int(x) for x in t[1:1 + n]]
    m = int(t[1 + n])
    return "\n".join("1" if int(q) in a else "0" for q in t[2 + n:2 + n + m]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
