--TEST--
INI: perf.response_header refuses names over 128 bytes, NUL and every byte that is not an RFC 9110 token character, with one warning naming the setting, and keeps its value
--INI--
perf.log_file={TMP}/perf_ini_header_name.log
--FILE--
<?php
$refused = [];
$warnings = 0;
$show = true;
set_error_handler(function (int $no, string $message) use (&$warnings, &$show) {
    $warnings++;
    if ($show) {
        echo $message, "\n";
    }
    return true;
});
// The reproduction: "X\0A" was accepted (strchr matched the terminator) and sent as a header named "X".
var_dump(ini_set('perf.response_header', "X\0A"), ini_get('perf.response_header'), $warnings);
$show = false;

$tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
for ($byte = 0; $byte < 256; $byte++) {
    $warnings = 0;
    $name = 'X-' . chr($byte) . '-T';
    $result = ini_set('perf.response_header', $name);
    $accepted = $result !== false;
    if ($accepted !== str_contains($tchar, chr($byte)) || $byte === 0 && $accepted) {
        printf("byte 0x%02X: %s\n", $byte, $accepted ? 'accepted' : 'refused');
    }
    if (!$accepted && ($warnings !== 1 || ini_get('perf.response_header') !== 'X-Response-Time')) {
        printf("byte 0x%02X: %d warnings, value now %s\n", $byte, $warnings, var_export(ini_get('perf.response_header'), true));
    }
    if ($accepted) {
        ini_set('perf.response_header', 'X-Response-Time');
    } else {
        $refused[] = $byte;
    }
}
echo count($refused), " bytes refused\n";
var_dump(ini_get('perf.response_header'));
// Names are bounded: 128 bytes is taken, 129 refused with one warning and the value kept.
$warnings = 0;
var_dump(ini_set('perf.response_header', str_repeat('X', 128)) !== false, strlen(ini_get('perf.response_header')));
var_dump(ini_set('perf.response_header', str_repeat('Y', 129)), strlen(ini_get('perf.response_header')), $warnings);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_header_name.log');
?>
--EXPECTF--
Invalid value "X\x00A" for perf.response_header: must be an HTTP header name of at most 128 bytes (letters, digits and !#$%&'*+-.^_`|~) or empty to disable the header
bool(false)
string(15) "X-Response-Time"
int(1)
179 bytes refused
string(15) "X-Response-Time"
bool(true)
int(128)
bool(false)
int(128)
int(1)
