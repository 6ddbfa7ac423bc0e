#include <iostream>
int main(){unsigned long long n; std::cin>>n; for(unsigned long long d=n-1;d>1;d--) if(n%d==0){std::cout<<d<<"\n";return 0;}}
