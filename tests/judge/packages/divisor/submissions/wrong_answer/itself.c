#include <stdio.h>
int main(void){unsigned long long n; scanf("%llu",&n); printf("%llu\n", n); return 0;}
