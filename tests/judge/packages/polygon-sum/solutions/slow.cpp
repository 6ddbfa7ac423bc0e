#include <cstdio>
int main(){long long a,b; std::scanf("%lld %lld",&a,&b); volatile long long s=0; for(long long i=0;i<1000000000000LL;i++) s+=1; std::printf("%lld\n",a+b+s*0);}
