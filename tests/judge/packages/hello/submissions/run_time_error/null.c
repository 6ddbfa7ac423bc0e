#include <stdio.h>
int main(void){int *p=0; *p=1; puts("Hello World!");return 0;}
