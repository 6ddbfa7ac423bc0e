"""Brute force for 10950: line by line, as a beginner writes it."""
import sys


def solve(data: str) -> str:
    lines = data.splitlines()
    out = []
    for line in lines[1:1 + int(lines[0])]:
        a, b = line.split()
        out.append(str(int(a) + int(b)))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
