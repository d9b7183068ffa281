--TEST--
INI: at runtime ini_set() takes valid values, refuses invalid ones (warning, false, value unchanged) and cannot change the startup-only settings
--INI--
perf.log_file={TMP}/perf_ini_runtime.log
--FILE--
<?php
function try_set(string $name, string $value): void
{
    $before = ini_get($name);
    $old = ini_set($name, $value);
    printf("%s=%s: %s, now %s%s\n", $name, "'" . addcslashes($value, "\r\n'\\") . "'", var_export($old, true),
        var_export(ini_get($name), true), ini_get($name) === $before ? ' (unchanged)' : '');
}

echo "-- invalid\n";
try_set('perf.slow_request_ms', '-1');
try_set('perf.slow_request_ms', 'soon');
try_set('perf.slow_request_ms', '');
try_set('perf.log_format', 'yaml');
try_set('perf.response_header', 'a b');
try_set('perf.response_header', "X-Time\r\nSet-Cookie: a=b");

echo "-- startup only\n";
try_set('perf.enable_cli', '1');
try_set('perf.log_file', '/tmp/elsewhere.log');

echo "-- valid\n";
try_set('perf.slow_request_ms', '250');
try_set('perf.slow_request_ms', '0');
try_set('perf.log_format', 'LINE');
try_set('perf.log_format', 'json');
try_set('perf.response_header', "X-Took_1.v2!#$%&'*+^`|~");
try_set('perf.response_header', '');
try_set('perf.server_timing', '0');
try_set('perf.log_all_requests', 'on');
try_set('perf.enabled', 'off');
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_runtime.log');
?>
--EXPECTF--
-- invalid

Warning: Invalid value "-1" for perf.slow_request_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-request log off) in %s on line %d
perf.slow_request_ms='-1': false, now '1000' (unchanged)

Warning: Invalid value "soon" for perf.slow_request_ms: %s in %s on line %d
perf.slow_request_ms='soon': false, now '1000' (unchanged)

Warning: Invalid value "" for perf.slow_request_ms: %s in %s on line %d
perf.slow_request_ms='': false, now '1000' (unchanged)

Warning: Invalid value "yaml" for perf.log_format: must be "json" or "line" in %s on line %d
perf.log_format='yaml': false, now 'json' (unchanged)

Warning: Invalid value "a b" for perf.response_header: must be an HTTP header name of at most 128 bytes (letters, digits and !#$%&'*+-.^_`|~) or empty to disable the header in %s on line %d
perf.response_header='a b': false, now 'X-Response-Time' (unchanged)

Warning: Invalid value "X-Time\x0D\x0ASet-Cookie: a=b" for perf.response_header: %s in %s on line %d
perf.response_header='X-Time\r\nSet-Cookie: a=b': false, now 'X-Response-Time' (unchanged)
-- startup only
perf.enable_cli='1': false, now '0' (unchanged)
perf.log_file='/tmp/elsewhere.log': false, now '%s/perf_ini_runtime.log' (unchanged)
-- valid
perf.slow_request_ms='250': '1000', now '250'
perf.slow_request_ms='0': '250', now '0'
perf.log_format='LINE': 'json', now 'LINE'
perf.log_format='json': 'LINE', now 'json'
perf.response_header='X-Took_1.v2!#$%&\'*+^`|~': 'X-Response-Time', now 'X-Took_1.v2!#$%&\'*+^`|~'
perf.response_header='': 'X-Took_1.v2!#$%&\'*+^`|~', now ''
perf.server_timing='0': '1', now '0'
perf.log_all_requests='on': '0', now 'on'
perf.enabled='off': '1', now 'off'
