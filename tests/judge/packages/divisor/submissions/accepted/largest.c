#include <stdio.h>
int main(void){unsigned long long n,d; scanf("%llu",&n); for(d=2;n%d;d++); printf("%llu\n", n/d); return 0;}
