"""Brute force for 2557: the words put together."""
import sys


def solve(data: str) -> str:
    return " ".join(["Hello", "World"]) + "!" + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
