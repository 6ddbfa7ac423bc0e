#include <cstdio>
int main(){double a,b; std::scanf("%lf %lf",&a,&b); std::printf("%.7g\n",a+b);}
