"""Reference for 7576: BFS from every ripe tomato at once."""
import sys


def solve(data: str) -> str:
    tokens = data.split()
    m, n = int(tokens[0]), int(tokens[1])
    cells = list(map(int, tokens[2:2 + n * m]))
    frontier = [i for i, v in enumerate(cells) if v == 1]
    unripe = cells.count(0)
    days = 0
    while frontier and unripe:
        nxt = []
        for i in frontier:
            r, c = divmod(i, m)
            if r > 0 and cells[i - m] == 0:
                cells[i - m] = 1
                nxt.append(i - m)
            if r < n - 1 and cells[i + m] == 0:
                cells[i + m] = 1
                nxt.append(i + m)
            if c > 0 and cells[i - 1] == 0:
                cells[i - 1] = 1
                nxt.append(i - 1)
            if c < m - 1 and cells[i + 1] == 0:
                cells[i + 1] = 1
                nxt.append(i + 1)
        unripe -= len(nxt)
        if nxt:
            days += 1
        frontier = nxt
    return f"{days if unripe == 0 else -1}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
