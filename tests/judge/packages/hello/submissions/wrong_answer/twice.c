#include <stdio.h>
int main(void){puts("Hello World! Hello World!");return 0;}
