"""Reference for 2557: Hello World!"""
import sys


def solve(data: str) -> str:
    return "Hello World!\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
