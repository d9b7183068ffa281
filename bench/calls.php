<?php
/*
 * $argv[1] iterations of a loop making 5 calls each (3 user functions, 2 internal functions):
 * what every function call pays for an extension's hooks. Prints the loop's wall time in ms.
 */
function add(int $a, int $b): int
{
    return $a + $b;
}
function label(int $i): string
{
    return 'item-' . $i;
}
function twice(int $i): int
{
    return add($i, $i);
}
$n = (int) ($argv[1] ?? 100000);
$sum = 0;
$start = hrtime(true);
for ($i = 0; $i < $n; $i++) {
    $sum += twice($i) + abs(-$i) + intdiv($i, 3) + (label($i) === "" ? 1 : 0);
}
printf("%.3f\n", (hrtime(true) - $start) / 1e6);
