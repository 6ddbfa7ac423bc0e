"""Reference for 9663: row-by-row backtracking over bit masks of columns and diagonals."""
import sys


def count(n: int) -> int:
    full = (1 << n) - 1

    def place(cols: int, left: int, right: int) -> int:
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return place(0, 0, 0)


def solve(data: str) -> str:
    return f"{count(int(data.split()[0]))}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
