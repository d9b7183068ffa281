<?php
/*
 * A minimal FastCGI client for the benchmarks: sends $argv[4] GET requests for URI $argv[2]
 * (script $argv[3]) to the FastCGI server at $argv[1] (host:port), one connection each, and
 * checks every response carries a body. OPcache caches nothing in php-cgi -T; it does in
 * FastCGI mode, which is how production runs PHP.
 */
[, $address, $uri, $script, $count] = $argv;

function record(int $type, string $content): string
{
    return pack('CCnnCx', 1, $type, 1, strlen($content), 0) . $content;
}

function pair(string $name, string $value): string
{
    $length = fn (string $s) => strlen($s) < 128 ? chr(strlen($s)) : pack('N', strlen($s) | 0x80000000);
    return $length($name) . $length($value) . $name . $value;
}

$params = '';
foreach ([
    'GATEWAY_INTERFACE' => 'CGI/1.1', 'SERVER_PROTOCOL' => 'HTTP/1.1', 'REQUEST_METHOD' => 'GET',
    'REQUEST_URI' => $uri, 'SCRIPT_FILENAME' => $script, 'SCRIPT_NAME' => '/index.php',
    'QUERY_STRING' => '', 'SERVER_NAME' => 'localhost', 'SERVER_PORT' => '80', 'REMOTE_ADDR' => '127.0.0.1',
    'HTTP_HOST' => 'localhost',
] as $name => $value) {
    $params .= pair($name, $value);
}
$request = record(1, pack('nCx5', 1, 0)) . record(4, $params) . record(4, '') . record(5, '');

for ($i = 0; $i < (int) $count; $i++) {
    $socket = stream_socket_client("tcp://$address", $errno, $error, 30);
    if (!$socket) {
        fwrite(STDERR, "connect: $error\n");
        exit(1);
    }
    fwrite($socket, $request);
    $stdout = '';
    while (($header = fread($socket, 8)) !== false && strlen($header) === 8) {
        $h = unpack('Cversion/Ctype/nid/nlength/Cpadding', $header);
        $content = $h['length'] ? stream_get_contents($socket, $h['length']) : '';
        if ($h['padding']) {
            stream_get_contents($socket, $h['padding']);
        }
        if ($h['type'] === 6) {
            $stdout .= $content;
        } elseif ($h['type'] === 3) {
            break;
        }
    }
    fclose($socket);
    if (!str_contains($stdout, "\r\n\r\n") || $i === 0 && getenv('FCGI_SHOW')) {
        fwrite($i === 0 && getenv('FCGI_SHOW') ? STDOUT : STDERR, $stdout);
    }
}
