import sys

a, b = map(int, input().split())
sys.setrecursionlimit(100)


def f(n):
    return 0 if n == 0 else a + f(n - 1)


print(f(b))
