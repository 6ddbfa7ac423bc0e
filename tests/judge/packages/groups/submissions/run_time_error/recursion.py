a, b = map(int, input().split())
import sys
sys.setrecursionlimit(100)
def f(n):
    return 0 if n == 0 else a + f(n - 1)
print(f(b))
