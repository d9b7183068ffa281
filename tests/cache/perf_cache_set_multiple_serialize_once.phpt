--TEST--
perf_cache_set_multiple(): each object value is serialized once, like with perf_cache_set()
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
class Counted
{
    public static int $serialized = 0;

    public function __serialize(): array
    {
        self::$serialized++;
        return [];
    }

    public function __unserialize(array $data): void {}
}

perf_cache_set('one', new Counted());
var_dump(Counted::$serialized);

Counted::$serialized = 0;
perf_cache_set_multiple(['a' => new Counted(), 'b' => new Counted()]);
var_dump(Counted::$serialized);
?>
--EXPECT--
int(1)
int(2)
