#include <stdio.h>
int main(void){long long a,b,i; volatile long long s=0; scanf("%lld %lld",&a,&b); for(i=0;i<b;i++) s+=a; printf("%lld\n",s); return 0;}
