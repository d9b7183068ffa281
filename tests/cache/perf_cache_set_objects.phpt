--TEST--
perf_cache_set(): objects (stdClass, ArrayObject, __serialize/__unserialize, nested, enums) come back equal (==) as new objects
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
class Point
{
    public static int $unserialized = 0;

    public function __construct(public int $x, public int $y, private string $label = 'p') {}

    public function __serialize(): array
    {
        return ['xy' => [$this->x, $this->y], 'label' => $this->label];
    }

    public function __unserialize(array $data): void
    {
        self::$unserialized++;
        [$this->x, $this->y] = $data['xy'];
        $this->label = $data['label'];
    }

    public function label(): string
    {
        return $this->label;
    }
}

enum Suit: string
{
    case Hearts = 'H';
    case Spades = 'S';
}

$std = new stdClass();
$std->name = 'Ada';
$std->list = [1, 2, 3];
$std->child = new stdClass();
$std->child->n = 1.5;

$ao = new ArrayObject(['a' => 1, 'b' => [2, 3]]);
$point = new Point(3, 4, 'corner');

var_dump(perf_cache_set('std', $std), perf_cache_set('ao', $ao), perf_cache_set('point', $point));
var_dump(perf_cache_set('mixed', ['p' => $point, 'list' => [1, 'two'], 'suit' => Suit::Spades]));
var_dump(perf_cache_set('suit', Suit::Hearts));

echo "-- stdClass\n";
$got = perf_cache_get('std');
var_dump($got == $std, $got !== $std, $got instanceof stdClass, $got->child->n);

echo "-- ArrayObject\n";
$got = perf_cache_get('ao');
var_dump($got == $ao, get_class($got), $got['b'], count($got));

echo "-- __serialize/__unserialize\n";
Point::$unserialized = 0;
$got = perf_cache_get('point');
var_dump($got == $point, $got->label(), Point::$unserialized);

echo "-- an object inside an array\n";
$got = perf_cache_get('mixed');
var_dump($got['p'] == $point, $got['list'], $got['suit'] === Suit::Spades);

echo "-- enum cases are singletons: identical\n";
var_dump(perf_cache_get('suit') === Suit::Hearts);

echo "-- each get gives a new object: changing it does not change the cache\n";
$got = perf_cache_get('std');
$got->name = 'Grace';
$got->child->n = 0;
$again = perf_cache_get('std');
var_dump($again->name, $again->child->n, $again == $std);

echo "-- changing the original after the store does not change the cache\n";
$std->name = 'Changed';
var_dump(perf_cache_get('std')->name);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- stdClass
bool(true)
bool(true)
bool(true)
float(1.5)
-- ArrayObject
bool(true)
string(11) "ArrayObject"
array(2) {
  [0]=>
  int(2)
  [1]=>
  int(3)
}
int(2)
-- __serialize/__unserialize
bool(true)
string(6) "corner"
int(1)
-- an object inside an array
bool(true)
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(3) "two"
}
bool(true)
-- enum cases are singletons: identical
bool(true)
-- each get gives a new object: changing it does not change the cache
string(3) "Ada"
float(1.5)
bool(true)
-- changing the original after the store does not change the cache
string(3) "Ada"
